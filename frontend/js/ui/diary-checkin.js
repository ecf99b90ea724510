// The daily check-in: the habits the questionnaire asks about, for one day, started from the last
// check-in's answers so that a day like yesterday is one tap (Save). Warning signs are asked afresh
// every time, and one reported shows the questionnaire's triage advice at once.
// #/diary/checkin is today's; #/diary/checkin/<YYYY-MM-DD> an earlier day's.
import { toggle } from "../answers.js";
import { previousDay, todayKey, isDayKey } from "../diary/days.js";
import { HABITS, HABIT_OPTIONS, WARNING_SIGNS, editCheckin, prefillCheckin, reportedWarningSigns } from "../diary/model.js";
import { assess } from "../engine.js";
import { buttonLink, h, screenHeading } from "./dom.js";
import { formatDay, HABIT_PROMPTS, messageScreen, optionLabel, saveRecord, setFlash } from "./diary-common.js";
import { triageBanner } from "./results.js";

function habitField(app, habit, chosen) {
  const inputs = HABIT_OPTIONS[habit].map((option) => h("input", {
    type: "radio", name: habit, value: option, id: `${habit}-${option}`, checked: option === chosen,
  }));
  return {
    fieldset: h("fieldset", { class: "diary-habit" },
      h("legend", {}, h("h2", {}, HABIT_PROMPTS[habit])),
      h("div", { class: "diary-chips" }, HABIT_OPTIONS[habit].map((option, n) =>
        h("label", { class: "option", for: inputs[n].id }, inputs[n], h("span", {}, optionLabel(app.content, habit, option)))))),
    value: () => inputs.find((input) => input.checked)?.value ?? null,
  };
}

function warningSignsField(app, chosen) {
  const question = app.content.questionnaire.questions.find((q) => q.id === "warning_signs");
  const options = question.options.filter((option) => WARNING_SIGNS.includes(option.id));
  let answer = chosen.length ? [...chosen] : undefined;
  const inputs = options.map((option) => h("input", {
    type: "checkbox", name: "warning_signs", value: option.id, id: `sign-${option.id}`, checked: chosen.includes(option.id),
  }));
  const advice = h("div", { class: "diary-advice-slot", "aria-live": "assertive" });
  const showAdvice = () => {
    const signs = (answer ?? []).filter((sign) => sign !== "none");
    advice.replaceChildren(...(signs.length ? [triageBanner(assess(app.content, { warning_signs: signs }).triage)] : []));
  };
  const fieldset = h("fieldset", { class: "diary-signs", "aria-describedby": "signs-help" },
    h("legend", {}, h("h2", {}, "Any of these today?")),
    h("p", { class: "help", id: "signs-help" }, "Warning signs are asked every day. Tick all that apply, or “None of these”."),
    h("div", { class: "options" }, options.map((option, n) =>
      h("label", { class: "option", for: inputs[n].id }, inputs[n], h("span", {}, option.label)))));
  fieldset.addEventListener("change", (event) => {
    answer = toggle(question, answer, event.target.value, event.target.checked);
    for (const input of inputs) input.checked = (answer ?? []).includes(input.value); // "None of these" unticks the rest
    showAdvice();
  });
  showAdvice();
  return { fieldset, advice, value: () => [...(answer ?? [])] };
}

function notADay() {
  return messageScreen({ title: "Check-in", heading: "There is no check-in for that day",
    text: "A check-in is for today or a day before it.",
    link: ["#/diary/checkin", "Do today’s check-in", "primary"] });
}

export async function render(app, [day = todayKey()], store) {
  const today = todayKey();
  if (!isDayKey(day) || day > today) return notADay();
  const checkins = await store.listCheckins();
  const stored = checkins.find((checkin) => checkin.day === day);
  const previous = checkins.filter((checkin) => checkin.day < day).at(-1) ?? null;
  const draft = stored ?? prefillCheckin(previous, day);
  const habits = HABITS.map((habit) => [habit, habitField(app, habit, draft[habit])]);
  const signs = warningSignsField(app, draft.warning_signs);
  const problem = h("p", { class: "diary-error", role: "alert" });
  const dayWords = day === today ? "today" : formatDay(day);

  let hint = "Tap what fits, then Save. Leave out what you do not know.";
  if (stored) hint = "Change what was different, then Save.";
  else if (previous) {
    const from = previous.day === previousDay(day) ? "the day before" : formatDay(previous.day);
    hint = `Filled in from ${from}: change what was different, then Save.`;
  }

  const save = async (event) => {
    event.preventDefault();
    problem.textContent = "";
    const changes = Object.fromEntries(habits.map(([habit, field]) => [habit, field.value()]));
    const saved = editCheckin(draft, { ...changes, warning_signs: signs.value() });
    if (!(await saveRecord(() => store.putCheckin(saved), "check-in", problem))) return;
    if (reportedWarningSigns(saved).length) return app.go(`diary/advice/${day}`); // warning signs never wait
    setFlash(`Check-in saved for ${dayWords}.`);
    return app.go("diary");
  };

  return {
    title: "Check-in",
    view: h("form", { class: "diary diary-checkin", novalidate: true, onsubmit: save },
      screenHeading(day === today ? "Today’s check-in" : `Check-in for ${formatDay(day)}`),
      h("p", {}, hint),
      habits.map(([, field]) => field.fieldset),
      signs.fieldset,
      signs.advice,
      problem,
      h("div", { class: "actions" },
        h("button", { type: "submit", class: "primary" }, "Save"),
        buttonLink("#/diary", "Cancel"))),
  };
}
