// A summary of the last 30 days for a doctor, made to be printed or saved as a PDF: twitches by area and
// strength, how long it has been going on, warning signs, habits, patterns, and questions to ask.
import { todayKey } from "../diary/days.js";
import { HABIT_OPTIONS, STRENGTHS } from "../diary/model.js";
import { doctorSummary } from "../diary/stats.js";
import { dataTable, h, screenHeading } from "./dom.js";
import { areaLabel, diaryNav, formatDay, optionLabel, plural, STRENGTH_LABELS } from "./diary-common.js";

const HABIT_NAMES = Object.freeze({
  sleep: "Sleep the night before",
  caffeine: "Cups or cans with caffeine",
  alcohol: "Alcohol",
  stress: "Stress",
  exercise: "Exercise",
  fluids: "Drinks",
  screen_time: "Screens",
});

// The guide's questions to take to a doctor (content/guide.yml, section seeing_a_doctor).
function doctorQuestions(content) {
  return content.guide.sections.find((section) => section.id === "seeing_a_doctor").questions_to_ask;
}

function twitchesSection(app, summary) {
  const areas = summary.by_area.filter((row) => row.count > 0);
  return h("section", { "aria-labelledby": "sum-twitches" },
    h("h2", { id: "sum-twitches" }, "Twitches"),
    h("p", {}, summary.twitch_count
      ? `${plural(summary.twitch_count, "twitch", "twitches")} logged, on ${plural(summary.twitch_days, "day")} of the ${summary.days}: ${summary.twitches_per_day} a day on average.`
      : `No twitches logged in these ${summary.days} days.`),
    areas.length > 0 && dataTable({
      caption: "Twitches by body area and strength",
      columns: ["Area", ...STRENGTHS.map((s) => STRENGTH_LABELS[s]), "All"],
      rows: [
        ...areas.map((row) => [areaLabel(app.content, row.area), ...STRENGTHS.map((s) => row.by_strength[s]), row.count]),
        ["All areas", ...summary.by_strength.map((row) => row.count), summary.twitch_count],
      ],
    }, { class: "diary-table" }));
}

function durationSection(summary) {
  return h("section", { "aria-labelledby": "sum-duration" },
    h("h2", { id: "sum-duration" }, "How long it has been going on"),
    h("p", {}, summary.first_entry_day
      ? `${plural(summary.days_going_on, "day")}, counting today: the first twitch in the diary is from ${formatDay(summary.first_entry_day, { year: true })}.`
      : "No twitch logged yet."));
}

function warningSection(app, summary) {
  const signs = app.content.questionnaire.questions.find((q) => q.id === "warning_signs");
  const label = (id) => signs.options.find((o) => o.id === id)?.label ?? id;
  const earlier = summary.warning_sign_days.filter((d) => d.day !== summary.latest_checkin_day);
  let latest = "No check-in yet, so no warning signs were asked.";
  if (summary.latest_checkin_day) {
    const day = formatDay(summary.latest_checkin_day, { year: true });
    latest = summary.warning_signs.length ? `Reported in the last check-in (${day}):` : `None reported in the last check-in (${day}).`;
  }
  return h("section", { "aria-labelledby": "sum-warning" },
    h("h2", { id: "sum-warning" }, "Warning signs"),
    h("p", {}, latest),
    summary.warning_signs.length > 0 && h("ul", { class: "diary-warning-list" }, summary.warning_signs.map((sign) => h("li", {}, label(sign)))),
    earlier.length > 0 && [
      h("p", {}, "Also reported on:"),
      h("ul", {}, earlier.map((d) => h("li", {}, `${formatDay(d.day)}: ${d.warning_signs.map(label).join("; ")}`)))]);
}

function habitsSection(app, summary) {
  const rows = summary.habits.filter((habit) => habit.answered_days > 0).map((habit) => [
    HABIT_NAMES[habit.question],
    HABIT_OPTIONS[habit.question].filter((option) => habit.counts[option] > 0)
      .map((option) => `${optionLabel(app.content, habit.question, option)}: ${plural(habit.counts[option], "day")}`).join("; "),
  ]);
  return h("section", { "aria-labelledby": "sum-habits" },
    h("h2", { id: "sum-habits" }, "Habits"),
    h("p", {}, summary.checkin_days
      ? `From ${plural(summary.checkin_days, "daily check-in")} in these ${summary.days} days.`
      : "No daily check-ins in these days."),
    rows.length > 0 && dataTable({ caption: "Habits: how many days each answer was given", columns: ["Habit", "Days"], rows },
      { class: "diary-table" }));
}

function patternsSection(summary) {
  return h("section", { "aria-labelledby": "sum-patterns" },
    h("h2", { id: "sum-patterns" }, "Patterns"),
    summary.insights.length
      ? h("ul", {}, summary.insights.map((insight) => h("li", {}, insight.text)))
      : h("p", {}, "Not enough check-in days yet to compare days with and without a habit."));
}

export async function render(app, params, store) {
  const { entries, checkins } = await store.readAll();
  const summary = doctorSummary(entries, checkins, todayKey());
  const from = formatDay(summary.from, { year: true, weekday: false });
  const to = formatDay(summary.to, { year: true, weekday: false });
  return {
    title: "Summary for a doctor",
    view: h("article", { class: "diary diary-summary" },
      screenHeading("Twitch diary: a summary for a doctor"),
      diaryNav("summary"),
      h("p", { class: "lead" }, `${from} to ${to} (the last ${summary.days} days).`),
      h("p", {}, "Kept by the patient on their phone with the twitch trigger checker. It is a personal record, not a diagnosis."),
      h("div", { class: "actions" },
        h("button", { type: "button", class: "primary", onclick: () => window.print() }, "Print or save as PDF")),
      twitchesSection(app, summary),
      durationSection(summary),
      warningSection(app, summary),
      habitsSection(app, summary),
      patternsSection(summary),
      h("section", { "aria-labelledby": "sum-questions" },
        h("h2", { id: "sum-questions" }, "Questions to ask"),
        h("ol", {}, doctorQuestions(app.content).map((question) => h("li", {}, question)))),
      h("p", { class: "disclaimer" }, app.content.disclaimer)),
  };
}
