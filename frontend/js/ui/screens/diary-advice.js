// What to do about the warning signs a check-in reported: the questionnaire's own triage banner and
// warning-sign list (advice.js), from the same engine, at once. #/diary/advice/<YYYY-MM-DD>. Below the advice, what
// those signs did to a personal experiment: paused it, or stopped it (contract section 10).
import { clean } from "../../answers.js";
import { addDays } from "../../diary/days.js";
import { planOn } from "../../diary/experiment-plan.js";
import { checkinAnswers, diaryRules, reportedWarningSigns } from "../../diary/model.js";
import { assess } from "../../engine.js";
import { t } from "../../words.js";
import { flagList, triageBanner } from "../parts/advice.js";
import { buttonLink, h, screenHeading } from "../parts/dom.js";
import { formatDay } from "../parts/diary-format.js";
import { messageScreen } from "../parts/diary-nav.js";

/** What the signs of `day` did to an experiment, with a link to it: it paused on that day, or stopped for them; or null. */
function experimentNote(experiments, day) {
  const ofDay = (record) => planOn(record, day) !== null || day === addDays(record.start_day, -1);
  const paused = experiments.find((record) => record.status === "paused" && record.paused_on === day);
  const stopped = experiments.find((record) => record.status === "stopped" && record.stop_reason === "warning_signs"
    && ofDay(record) && record.ended_on >= day);
  const experiment = paused ?? stopped;
  if (!experiment) return null;
  return h("div", { class: "diary-experiment-note", "data-experiment-note": experiment.status },
    h("p", {}, paused
      ? t("diary.experiment.paused", { day: formatDay(day) })
      : t("diary.experiment.stopped_for_signs")),
    h("p", {}, h("a", { href: `#/diary/experiment/${experiment.id}`, class: "diary-more" }, t("diary.experiment.card_open"))));
}

export async function render(app, [day], store) {
  const checkin = day ? await store.getCheckin(day) : null;
  if (!checkin) {
    return messageScreen({ title: t("diary.checkin.title"), heading: t("diary.no_checkin_for_day"),
      link: ["#/diary", t("diary.go_to_diary"), "primary"] });
  }
  const rules = diaryRules(app.content);
  const result = assess(app.content, clean(app.content, checkinAnswers(rules, checkin)));
  const reported = reportedWarningSigns(rules, checkin).length > 0;
  const note = reported ? experimentNote(await store.listExperiments(), day) : null;
  return {
    title: result.triage.title,
    view: h("div", { class: "diary diary-advice" },
      screenHeading(reported ? t("diary.advice.reported") : t("diary.advice.none_reported")),
      h("p", {}, t("diary.advice.lead", { day: formatDay(day) })),
      triageBanner(app.content, result.triage),
      flagList(app.content, result.red_flags),
      note,
      h("p", {}, t("diary.advice.show_doctor")),
      h("div", { class: "actions" },
        buttonLink("#/diary/summary", t("diary.summary.title")),
        buttonLink(`#/diary/checkin/${day}`, t("diary.advice.change_checkin")),
        buttonLink("#/diary", t("diary.go_to_diary"))),
      h("p", { class: "disclaimer" }, result.disclaimer)),
  };
}
