// What to do about the warning signs a check-in reported: the questionnaire's own triage banner and
// warning-sign list (advice.js), from the same engine, at once. #/diary/advice/<YYYY-MM-DD>.
import { clean } from "../../answers.js";
import { checkinAnswers, diaryRules, reportedWarningSigns } from "../../diary/model.js";
import { assess } from "../../engine.js";
import { t } from "../../words.js";
import { flagList, triageBanner } from "../parts/advice.js";
import { buttonLink, h, screenHeading } from "../parts/dom.js";
import { formatDay } from "../parts/diary-format.js";
import { messageScreen } from "../parts/diary-nav.js";

export async function render(app, [day], store) {
  const checkin = day ? await store.getCheckin(day) : null;
  if (!checkin) {
    return messageScreen({ title: t("diary.checkin.title"), heading: t("diary.no_checkin_for_day"),
      link: ["#/diary", t("diary.go_to_diary"), "primary"] });
  }
  const rules = diaryRules(app.content);
  const result = assess(app.content, clean(app.content, checkinAnswers(rules, checkin)));
  const reported = reportedWarningSigns(rules, checkin).length > 0;
  return {
    title: result.triage.title,
    view: h("div", { class: "diary diary-advice" },
      screenHeading(reported ? t("diary.advice.reported") : t("diary.advice.none_reported")),
      h("p", {}, t("diary.advice.lead", { day: formatDay(day) })),
      triageBanner(app.content, result.triage),
      flagList(app.content, result.red_flags),
      h("p", {}, t("diary.advice.show_doctor")),
      h("div", { class: "actions" },
        buttonLink("#/diary/summary", t("diary.summary.title")),
        buttonLink(`#/diary/checkin/${day}`, t("diary.advice.change_checkin")),
        buttonLink("#/diary", t("diary.go_to_diary"))),
      h("p", { class: "disclaimer" }, result.disclaimer)),
  };
}
