// The daily check-in: the habits the questionnaire asks about, for one day, started from the last
// check-in's answers so that a day like yesterday is one tap (Save). Warning signs are asked afresh every time,
// in one question ("Anything new or worse since yesterday?", never pre-filled): "no" answers both safety
// questions; "yes" shows both lists, and a sign reported shows the questionnaire's triage advice at once. A nightly
// list of 13 signs would be a checking loop for a worried person (the tips say "Set a limit on checking").
// #/diary/checkin is today's; #/diary/checkin/<YYYY-MM-DD> an earlier day's. Answers not yet saved are kept as a
// draft on the device, so a reload (an app update) does not lose them; a save that meets a check-in saved for
// the day in another tab asks first.
// On a day of a running personal experiment's plan it also asks the experiment's two questions (contract section 5):
// how much twitching was noticed (0 to 10) and whether the day's plan was kept, never filled in from the day before.
// A check-in with warning signs on a day of an unfinished experiment pauses it (consultation) or stops it (24 hours or
// sooner) before the advice shows (section 10).
import { toggle } from "../../answers.js";
import { previousDay, todayKey, isDayKey } from "../../diary/days.js";
import { afterWarningSigns, asksExperimentQuestions, checkinTriage, experimentKind, planOn } from "../../diary/experiment-plan.js";
import { EARLIEST_DAY, PLAN_KEPT, TWITCH_SCORE_RANGE, diaryRules, editCheckin, prefillCheckin, reportedWarningSigns, safetyAnswers } from "../../diary/model.js";
import { askedQuestions, assess } from "../../engine.js";
import { t } from "../../words.js";
import { triageBanner } from "../parts/advice.js";
import { buttonLink, h, screenHeading } from "../parts/dom.js";
import { formatDay, optionLabel } from "../parts/diary-format.js";
import { messageScreen } from "../parts/diary-nav.js";
import { draftOf, dropDraft, keepDraft, redraw, restoredLine, saveRecord, setFlash } from "../parts/diary-save.js";

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

/** One safety question's list of signs (warning_signs or other_signs), ticked like the questionnaire's. */
function signsList(app, rules, id, legend, chosen, onChange) {
  const question = app.content.questionnaire.questions.find((q) => q.id === id);
  const known = id === "warning_signs" ? rules.warningSigns : rules.otherSigns;
  const current = chosen.filter((sign) => known.includes(sign)); // one the content no longer has: asked again
  let answer = current.length ? current : undefined;
  const inputs = question.options.map((option) => h("input", {
    type: "checkbox", name: id, value: option.id, id: `sign-${option.id}`, checked: current.includes(option.id),
  }));
  const fieldset = h("fieldset", { class: "diary-signs" },
    h("legend", {}, h("h2", {}, legend)),
    h("div", { class: "options" }, question.options.map((option, n) =>
      h("label", { class: "option", for: inputs[n].id }, inputs[n], h("span", {}, option.label)))));
  fieldset.addEventListener("change", (event) => {
    answer = toggle(question, answer, event.target.value, event.target.checked);
    for (const input of inputs) input.checked = (answer ?? []).includes(input.value); // an exclusive option (none of these) unticks the rest
    onChange();
  });
  return { fieldset, question, value: () => [...(answer ?? [])] };
}

/**
 * "Anything new or worse since yesterday?" (yes / no, never pre-filled) and, only after "yes", both safety
 * questions' lists. `value()` is both questions' answers ({warning_signs, other_signs}), or null until answered.
 */
function safetyField(app, rules, chosen, anythingNew) {
  const advice = h("div", { class: "diary-advice-slot", "aria-live": "assertive" });
  const lists = [
    signsList(app, rules, "warning_signs", t("diary.checkin.signs_legend"), chosen.warning_signs ?? [], () => showAdvice()),
    signsList(app, rules, "other_signs", t("diary.checkin.other_signs_legend"), chosen.other_signs ?? [], () => showAdvice()),
  ];
  const labels = { yes: t("diary.checkin.anything_new_yes"), no: t("diary.checkin.anything_new_no") };
  const choices = ["yes", "no"].map((option) => h("input", {
    type: "radio", name: "anything_new", value: option, id: `anything-new-${option}`, checked: option === anythingNew,
  }));
  const shown = h("div", { class: "diary-signs-lists", hidden: anythingNew !== "yes" }, lists.map((list) => list.fieldset));
  const question = h("fieldset", { class: "diary-signs", "aria-describedby": "anything-new-help" },
    h("legend", {}, h("h2", {}, t("diary.checkin.anything_new_legend"))),
    h("p", { class: "help", id: "anything-new-help" }, t("diary.checkin.anything_new_help")),
    h("div", { class: "diary-chips" }, choices.map((input) =>
      h("label", { class: "option", for: input.id }, input, h("span", {}, labels[input.value])))));
  const answered = () => choices.find((input) => input.checked)?.value ?? null;
  const value = () => safetyAnswers(rules, answered(), { warning_signs: lists[0].value(), other_signs: lists[1].value() });
  function showAdvice() {
    const answers = value();
    const signs = answers ? reportedWarningSigns(rules, answers) : [];
    // Only the signs ticked decide this banner: a list not reached yet is not advice that it was "not answered".
    const ticked = {
      warning_signs: answers?.warning_signs.length ? answers.warning_signs : [...rules.noSigns],
      other_signs: answers?.other_signs.length ? answers.other_signs : [...rules.noOtherSigns],
    };
    // The follow-ups that decide how soon (spec-v3 section 2.5), asked when the signs ticked give 24 hours or
    // sooner: felt weakness is not the 24-hour card every evening. Their answers only shape this advice.
    const level = assess(app.content, ticked).triage.level;
    const decide = ["emergency_ambulance", "emergency", "consultation_24"].includes(level)
      ? askedQuestions(app.content, { ...ticked, ...followUpAnswers }).map((id) => byId.get(id)).filter((q) => q.follows) : [];
    for (const id of Object.keys(followUpAnswers)) if (!decide.some((q) => q.id === id)) delete followUpAnswers[id];
    if (decide.map((q) => q.id).join() !== followUps.dataset.shown) {
      followUps.dataset.shown = decide.map((q) => q.id).join();
      followUps.replaceChildren(...decide.map((q) => followUpField(q, followUpAnswers, showAdvice)));
    }
    const withFollowUps = { ...ticked, ...followUpAnswers };
    advice.replaceChildren(...(signs.length ? [triageBanner(app.content, assess(app.content, withFollowUps).triage)] : []));
  }
  const byId = new Map(app.content.questionnaire.questions.map((q) => [q.id, q]));
  const followUpAnswers = {};
  const followUps = h("div", { class: "diary-follow-ups", "data-shown": "" });
  question.addEventListener("change", () => {
    shown.hidden = answered() !== "yes";
    showAdvice();
  });
  /** Why the check-in cannot be saved yet: the question unanswered, or a list left empty after "yes". */
  const missing = () => {
    if (answered() === null) return t("diary.checkin.anything_new_needed");
    const empty = answered() === "yes" && lists.find((list) => list.value().length === 0);
    return empty ? empty.question.must_answer : null;
  };
  showAdvice();
  return { fieldsets: [question, shown, followUps], advice, value, answered, missing };
}

/** A follow-up of the questionnaire (weakness_how...), asked as there, its answer kept in `answers`. */
function followUpField(question, answers, onChange) {
  const inputs = question.options.map((option) => h("input", {
    type: question.kind === "single" ? "radio" : "checkbox", name: question.id, value: option.id,
    id: `checkin-${question.id}-${option.id}`, checked: [answers[question.id] ?? []].flat().includes(option.id),
  }));
  const fieldset = h("fieldset", { class: "diary-signs", "data-follow-up": question.id },
    h("legend", {}, h("h2", {}, question.text)),
    h("div", { class: "options" }, question.options.map((option, n) =>
      h("label", { class: "option", for: inputs[n].id }, inputs[n], h("span", {}, option.label)))));
  fieldset.addEventListener("change", (event) => {
    const answer = toggle(question, answers[question.id], event.target.value, event.target.checked);
    if (answer === undefined) delete answers[question.id];
    else answers[question.id] = answer;
    onChange();
  });
  return fieldset;
}

/** The words under a score on the 0 to 10 scale: its two ends and its middle. */
const SCORE_WORDS = {
  0: () => t("diary.experiment.score_none"),
  5: () => t("diary.experiment.score_half_day"),
  10: () => t("diary.experiment.score_nearly_all_day"),
};
const KEPT_WORDS = {
  yes: () => t("diary.experiment.kept_yes"),
  partly: () => t("diary.experiment.kept_partly"),
  no: () => t("diary.experiment.kept_no"),
};

/**
 * Radios of `name` for `values` as chips, labelled by `label(value)`, the one equal to `chosen` ticked (none when
 * null); `wide(value)` marks a chip that holds words as well as a number.
 */
function radioChips(name, values, chosen, label, { wide = () => false, class: className = "diary-chips" } = {}) {
  const inputs = values.map((value) => h("input", {
    type: "radio", name, value: String(value), id: `${name}-${value}`, checked: value === chosen,
  }));
  const chips = h("div", { class: className }, values.map((value, n) =>
    h("label", { class: wide(value) ? "option diary-score-anchor" : "option", for: inputs[n].id }, inputs[n], label(value))));
  return { chips, value: () => inputs.find((input) => input.checked)?.value ?? null };
}

/**
 * The experiment's two questions for `day` (contract sections 5 and 12): the kind's own score question with radios
 * twitch_score 0 to 10 (words at 0, 5 and 10), and "Did you keep to today's plan?" with the day's plan in words,
 * radios plan_kept. `chosen` is this day's own stored or draft answers: nothing comes from the day before.
 */
function experimentFields(app, experiment, day, chosen) {
  const kind = experimentKind(app.content, experiment.kind);
  const tip = app.content.tips.find((item) => item.id === experiment.kind);
  const planned = planOn(experiment, day);
  const scores = Array.from({ length: TWITCH_SCORE_RANGE.max - TWITCH_SCORE_RANGE.min + 1 }, (_, n) => TWITCH_SCORE_RANGE.min + n);
  const anchored = (value) => Object.hasOwn(SCORE_WORDS, value);
  const score = radioChips("twitch_score", scores, chosen.twitch_score ?? null, (value) => h("span", {},
    h("span", { class: "diary-score-number" }, String(value)),
    anchored(value) && [" ", h("span", { class: "diary-hint" }, SCORE_WORDS[value]())]), { wide: anchored, class: "diary-chips diary-score-scale" });
  const kept = radioChips("plan_kept", PLAN_KEPT, chosen.plan_kept ?? null, (value) => h("span", {}, KEPT_WORDS[value]()));
  const planWords = planned.plan === "change"
    ? t("diary.experiment.today_change", { change: kind?.change ?? "" })
    : t("diary.experiment.today_usual", { usual: kind?.usual ?? "" });
  const section = h("section", { class: "diary-experiment-questions", "aria-labelledby": "experiment-questions-title",
    "data-experiment-checkin": experiment.id, "data-experiment-plan": planned.plan },
    h("h2", { id: "experiment-questions-title" }, t("diary.experiment.checkin_heading", { tip: tip?.title ?? experiment.kind })),
    h("p", {}, t("diary.experiment.checkin_help")),
    day !== todayKey() && h("p", {}, t("diary.experiment.past_day", { day: formatDay(day) })),
    h("fieldset", { class: "diary-score" },
      h("legend", {}, h("h3", {}, kind?.score_question ?? t("diary.experiment.score_question"))),
      score.chips),
    h("fieldset", { class: "diary-kept", "aria-describedby": "plan-of-the-day" },
      h("legend", {}, h("h3", {}, t("diary.experiment.kept_question"))),
      h("p", { id: "plan-of-the-day", class: "diary-plan-of-the-day" }, planWords),
      kept.chips));
  return {
    section,
    value: () => ({ twitch_score: score.value() === null ? null : Number(score.value()), plan_kept: kept.value() }),
  };
}

/**
 * After a check-in with warning signs is saved: the unfinished experiment whose plan holds its day pauses or stops
 * (afterWarningSigns), saved over the version read; a second tab's change is read again and the rule applied to it.
 */
async function actOnWarningSigns(app, store, checkin) {
  const level = checkinTriage(app.content, checkin)?.level;
  for (let attempt = 0; level && attempt < 2; attempt += 1) {
    const changed = afterWarningSigns(await store.listExperiments(), { day: checkin.day, level, today: todayKey() });
    if (!changed) return;
    const stored = await store.getExperiment(changed.id);
    try {
      await store.putExperiment(changed, { basedOn: stored?.updated_at ?? null });
      return;
    } catch (error) {
      console.warn("The experiment could not be paused or stopped:", error);
    }
  }
}

function notADay() {
  return messageScreen({ title: t("diary.checkin.title"), heading: t("diary.no_checkin_for_day"),
    text: t("diary.checkin.not_a_day"),
    link: ["#/diary/checkin", t("diary.do_checkin"), "primary"] });
}

/** A draft's answers that are still options of the content, over the check-in they were typed on. */
function withDraft(rules, checkin, draft) {
  if (!draft) return checkin;
  const answers = { ...checkin };
  for (const habit of rules.habits) {
    const value = draft.answers?.[habit.question];
    if (value === null || habit.options.includes(value)) answers[habit.question] = value;
  }
  for (const [field, known] of [["warning_signs", rules.warningSigns], ["other_signs", rules.otherSigns]]) {
    const signs = draft.answers?.[field];
    if (Array.isArray(signs)) answers[field] = signs.filter((sign) => known.includes(sign));
  }
  const score = draft.answers?.twitch_score;
  if (score === null || (Number.isInteger(score) && score >= TWITCH_SCORE_RANGE.min && score <= TWITCH_SCORE_RANGE.max)) answers.twitch_score = score;
  const planKept = draft.answers?.plan_kept;
  if (planKept === null || PLAN_KEPT.includes(planKept)) answers.plan_kept = planKept;
  return answers;
}

export async function render(app, [day = todayKey()], store) {
  const today = todayKey();
  if (!isDayKey(day) || day > today || day < EARLIEST_DAY) return notADay();
  const stored = await store.getCheckin(day);
  const previous = await store.previousCheckin(day);
  const rules = diaryRules(app.content);
  const draftName = `checkin.${day}`;
  const kept = draftOf(draftName);
  const start = stored ?? prefillCheckin(rules, previous, day);
  const shown = withDraft(rules, start, kept);
  const habits = rules.habits.map((habit) => [habit.question, habitField(app, habit, shown[habit.question])]);
  // The experiment whose plan holds this day, while it runs (not paused, not stopped): its two questions are asked.
  const experiment = (await store.listExperiments()).find((record) => asksExperimentQuestions(record, day)) ?? null;
  const experimentQuestions = experiment && experimentFields(app, experiment, day, shown);
  // Never pre-filled: a draft (typed before a reload) keeps its answer, a stored check-in does not.
  const signs = safetyField(app, rules, shown, kept?.answers?.anything_new ?? null);
  const problem = h("div", { class: "diary-error", role: "alert" });
  // The day's stored check-in this change is made to: the draft's when one was kept (its answers were typed on it).
  let basedOn = kept && "basedOn" in kept ? kept.basedOn : stored?.updated_at ?? null;

  let hint = t("diary.checkin.hint_new");
  if (stored) hint = t("diary.checkin.hint_stored");
  else if (previous) {
    hint = previous.day === previousDay(day)
      ? t("diary.checkin.hint_from_day_before")
      : t("diary.checkin.hint_from_day", { day: formatDay(previous.day) });
  }

  const answers = () => ({ ...Object.fromEntries(habits.map(([question, field]) => [question, field.value()])),
    ...(experimentQuestions?.value() ?? {}), ...(signs.value() ?? {}), anything_new: signs.answered() });
  const remember = () => keepDraft(draftName, { answers: answers(), basedOn });

  const save = async (event) => {
    event?.preventDefault();
    problem.replaceChildren();
    const needed = signs.missing();
    if (needed) return problem.replaceChildren(h("span", {}, needed));
    const saved = editCheckin(rules, stored ?? start, answers());
    const choice = (message, choices) => problem.replaceChildren(h("span", {}, message), h("span", { class: "actions diary-conflict" },
      choices.map(([label, run, kind = "secondary"]) => h("button", { type: "button", class: kind, onclick: run }, label))));
    const saving = await saveRecord(() => store.putCheckin(saved, { basedOn }), "check-in", problem, {
      onConflict: (current) => {
        basedOn = current?.updated_at ?? null; // the check-in a second Save would replace
        remember();
        choice(current ? t("diary.checkin.conflict_changed") : t("diary.checkin.conflict_deleted"), [
          [current ? t("diary.save_mine") : t("diary.save_again"), () => save(), "primary"],
          current && [t("diary.checkin.show_other"), () => { dropDraft(draftName); redraw(); }],
        ].filter(Boolean));
      },
    });
    if (!saving) return undefined;
    dropDraft(draftName);
    if (reportedWarningSigns(rules, saved).length) {
      try {
        await actOnWarningSigns(app, store, saved);
      } catch (error) {
        console.warn("The experiment could not be read:", error); // the advice comes all the same
      }
      return app.go(`diary/advice/${day}`); // warning signs never wait
    }
    setFlash(day === today ? t("diary.checkin.saved_today") : t("diary.checkin.saved", { day: formatDay(day) }));
    return app.go("diary");
  };
  const cancel = buttonLink("#/diary", t("diary.cancel"));
  cancel.addEventListener("click", () => dropDraft(draftName));

  const form = h("form", { class: "diary diary-checkin", novalidate: true, onsubmit: save },
    screenHeading(day === today ? t("diary.checkin.today_heading") : t("diary.checkin.day_heading", { day: formatDay(day) })),
    kept ? restoredLine(draftName) : h("p", {}, hint),
    // Warning signs are asked first, and their advice shows right under them; then the experiment's questions.
    signs.fieldsets,
    signs.advice,
    experimentQuestions?.section,
    habits.map(([, field]) => field.fieldset),
    problem,
    h("div", { class: "actions" },
      h("button", { type: "submit", class: "primary" }, t("diary.save")),
      cancel));
  form.addEventListener("change", remember);
  return { title: t("diary.checkin.title"), view: form };
}
