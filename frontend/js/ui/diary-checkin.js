// The daily check-in: the habits the questionnaire asks about, for one day, started from the last
// check-in's answers so that a day like yesterday is one tap (Save). Warning signs are asked afresh
// every time, and one reported shows the questionnaire's triage advice at once.
// #/diary/checkin is today's; #/diary/checkin/<YYYY-MM-DD> an earlier day's.
import { toggle } from "../answers.js";
import { previousDay, todayKey, isDayKey } from "../diary/days.js";
import { diaryRules, editCheckin, prefillCheckin, reportedWarningSigns } from "../diary/model.js";
import { assess } from "../engine.js";
import { t } from "../words.js";
import { triageBanner } from "./advice.js";
import { buttonLink, h, screenHeading } from "./dom.js";
import { formatDay, optionLabel } from "./diary-format.js";
import { messageScreen } from "./diary-nav.js";
import { saveRecord, setFlash } from "./diary-save.js";

/** One habit of content/diary.yml: its prompt about the day, and its options as chips. */
function habitField(app, habit, chosen) {
  const name = habit.question;
  const inputs = habit.options.map((option) => h("input", {
    type: "radio", name, value: option, id: `${name}-${option}`, checked: option === chosen,
  }));
  return {
    fieldset: h("fieldset", { class: "diary-habit" },
      h("legend", {}, h("h2", {}, habit.prompt)),
      h("div", { class: "diary-chips" }, habit.options.map((option, n) =>
        h("label", { class: "option", for: inputs[n].id }, inputs[n], h("span", {}, optionLabel(app.content, name, option)))))),
    value: () => inputs.find((input) => input.checked)?.value ?? null,
  };
}

function warningSignsField(app, rules, chosen) {
  const question = app.content.questionnaire.questions.find((q) => q.id === "warning_signs");
  const options = question.options; // diaryRules' warningSigns are these options
  let answer = chosen.length ? [...chosen] : undefined;
  const inputs = options.map((option) => h("input", {
    type: "checkbox", name: "warning_signs", value: option.id, id: `sign-${option.id}`, checked: chosen.includes(option.id),
  }));
  const advice = h("div", { class: "diary-advice-slot", "aria-live": "assertive" });
  const showAdvice = () => {
    const signs = reportedWarningSigns(rules, { warning_signs: answer ?? [] });
    advice.replaceChildren(...(signs.length ? [triageBanner(app.content, assess(app.content, { warning_signs: signs }).triage)] : []));
  };
  const fieldset = h("fieldset", { class: "diary-signs", "aria-describedby": "signs-help" },
    h("legend", {}, h("h2", {}, t("diary.checkin.signs_legend"))),
    h("p", { class: "help", id: "signs-help" }, t("diary.checkin.signs_help")),
    h("div", { class: "options" }, options.map((option, n) =>
      h("label", { class: "option", for: inputs[n].id }, inputs[n], h("span", {}, option.label)))));
  fieldset.addEventListener("change", (event) => {
    answer = toggle(question, answer, event.target.value, event.target.checked);
    for (const input of inputs) input.checked = (answer ?? []).includes(input.value); // an exclusive option (none of these) unticks the rest
    showAdvice();
  });
  showAdvice();
  return { fieldset, advice, value: () => [...(answer ?? [])] };
}

function notADay() {
  return messageScreen({ title: t("diary.checkin.title"), heading: t("diary.no_checkin_for_day"),
    text: t("diary.checkin.not_a_day"),
    link: ["#/diary/checkin", t("diary.do_checkin"), "primary"] });
}

export async function render(app, [day = todayKey()], store) {
  const today = todayKey();
  if (!isDayKey(day) || day > today) return notADay();
  const checkins = await store.listCheckins();
  const stored = checkins.find((checkin) => checkin.day === day);
  const previous = checkins.filter((checkin) => checkin.day < day).at(-1) ?? null;
  const rules = diaryRules(app.content);
  const draft = stored ?? prefillCheckin(rules, previous, day);
  const habits = rules.habits.map((habit) => [habit.question, habitField(app, habit, draft[habit.question])]);
  const signs = warningSignsField(app, rules, draft.warning_signs);
  const problem = h("p", { class: "diary-error", role: "alert" });

  let hint = t("diary.checkin.hint_new");
  if (stored) hint = t("diary.checkin.hint_stored");
  else if (previous) {
    hint = previous.day === previousDay(day)
      ? t("diary.checkin.hint_from_day_before")
      : t("diary.checkin.hint_from_day", { day: formatDay(previous.day) });
  }

  const save = async (event) => {
    event.preventDefault();
    problem.textContent = "";
    const changes = Object.fromEntries(habits.map(([question, field]) => [question, field.value()]));
    const saved = editCheckin(rules, draft, { ...changes, warning_signs: signs.value() });
    if (!(await saveRecord(() => store.putCheckin(saved), "check-in", problem))) return;
    if (reportedWarningSigns(rules, saved).length) return app.go(`diary/advice/${day}`); // warning signs never wait
    setFlash(day === today ? t("diary.checkin.saved_today") : t("diary.checkin.saved", { day: formatDay(day) }));
    return app.go("diary");
  };

  return {
    title: t("diary.checkin.title"),
    view: h("form", { class: "diary diary-checkin", novalidate: true, onsubmit: save },
      screenHeading(day === today ? t("diary.checkin.today_heading") : t("diary.checkin.day_heading", { day: formatDay(day) })),
      h("p", {}, hint),
      habits.map(([, field]) => field.fieldset),
      signs.fieldset,
      signs.advice,
      problem,
      h("div", { class: "actions" },
        h("button", { type: "submit", class: "primary" }, t("diary.save")),
        buttonLink("#/diary", t("diary.cancel")))),
  };
}
