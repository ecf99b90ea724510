// A summary of the last 30 days for a doctor, made to be printed or saved as a PDF: twitches by area and
// strength, how long it has been going on, warning signs, habits, patterns, and questions to ask.
import { clean } from "../../answers.js";
import { addDays, todayKey } from "../../diary/days.js";
import { assess } from "../../engine.js";
import { formatDate, formatNumber } from "../../formats.js";
import { locale } from "../../language.js";
import { diaryRules } from "../../diary/model.js";
import { WINDOW_DAYS, doctorSummary } from "../../diary/stats.js";
import { t } from "../../words.js";
import { dataTable, h, screenHeading } from "../parts/dom.js";
import { areaLabel, dayCount, formatDay, habitOf, insightText, optionLabel, strengthLabel } from "../parts/diary-format.js";
import { diaryNav } from "../parts/diary-nav.js";
import { experimentSummary } from "../parts/experiment-result.js";
import { lastDay } from "../../diary/experiment.js";

// The guide's questions to take to a doctor (content/guide.yml, section seeing_a_doctor).
function doctorQuestions(content) {
  return content.guide.sections.find((section) => section.id === "seeing_a_doctor").questions_to_ask;
}

function twitchesSection(app, rules, summary) {
  const areas = summary.by_area.filter((row) => row.count > 0);
  return h("section", { "aria-labelledby": "sum-twitches" },
    h("h2", { id: "sum-twitches" }, t("diary.summary.twitches_heading")),
    h("p", {}, summary.twitch_count
      ? t("diary.summary.twitches", { count: summary.twitch_count, days: dayCount(summary.twitch_days), window: summary.tracked_days,
        per_day: formatNumber(summary.twitches_per_day, locale()) })
      : t("diary.summary.no_twitches", { window: summary.days })),
    areas.length > 0 && dataTable({
      caption: t("diary.summary.by_area_caption"),
      columns: [t("diary.summary.area_column"), ...rules.strengths.map(strengthLabel), t("diary.summary.all_column")],
      rows: [
        ...areas.map((row) => [areaLabel(app.content, row.area), ...rules.strengths.map((s) => row.by_strength[s]), row.count]),
        [t("diary.summary.all_areas"), ...summary.by_strength.map((row) => row.count), summary.twitch_count],
      ],
    }, { class: "diary-table" }));
}

function durationSection(summary) {
  return h("section", { "aria-labelledby": "sum-duration" },
    h("h2", { id: "sum-duration" }, t("diary.summary.duration_heading")),
    h("p", {}, summary.first_entry_day
      ? t("diary.summary.duration", { count: summary.days_going_on, day: formatDay(summary.first_entry_day, { year: true }) })
      : t("diary.summary.no_duration")));
}

function warningSection(app, summary) {
  // Both safety questions' options: a check-in asks the two together.
  const options = app.content.questionnaire.questions.filter((q) => q.id === "warning_signs" || q.id === "other_signs")
    .flatMap((q) => q.options);
  const label = (id) => options.find((o) => o.id === id)?.label ?? id;
  const earlier = summary.warning_sign_days.filter((d) => d.day !== summary.latest_checkin_day);
  let latest = t("diary.summary.no_checkin");
  if (summary.latest_checkin_day) {
    const day = formatDay(summary.latest_checkin_day, { year: true });
    latest = summary.warning_signs.length ? t("diary.summary.signs_reported", { day }) : t("diary.summary.signs_none", { day });
  }
  return h("section", { "aria-labelledby": "sum-warning" },
    h("h2", { id: "sum-warning" }, t("diary.summary.signs_heading")),
    h("p", {}, latest),
    summary.warning_signs.length > 0 && h("ul", { class: "diary-warning-list" }, summary.warning_signs.map((sign) => h("li", {}, label(sign)))),
    earlier.length > 0 && [
      h("p", {}, t("diary.summary.also_reported")),
      h("ul", {}, earlier.map((d) => h("li", {},
        t("diary.summary.signs_on_day", { day: formatDay(d.day), signs: d.warning_signs.map(label).join("; ") }))))]);
}

function habitsSection(app, summary) {
  const rows = summary.habits.filter((row) => row.answered_days > 0).map((row) => {
    const habit = habitOf(app.content, row.habit);
    return [
      habit.in_summary,
      habit.options.filter((option) => row.counts[option] > 0)
        .map((option) => t("diary.summary.answer_days", { answer: optionLabel(app.content, habit.question, option), days: dayCount(row.counts[option]) }))
        .join("; "),
    ];
  });
  return h("section", { "aria-labelledby": "sum-habits" },
    h("h2", { id: "sum-habits" }, t("diary.summary.habits_heading")),
    h("p", {}, summary.checkin_days
      ? t("diary.summary.habits_from", { count: summary.checkin_days, window: summary.days })
      : t("diary.summary.no_habits")),
    rows.length > 0 && dataTable({
      caption: t("diary.summary.habits_caption"), columns: [t("diary.summary.habit_column"), t("diary.summary.days_column")], rows,
    }, { class: "diary-table" }));
}

function patternsSection(app, summary) {
  return h("section", { "aria-labelledby": "sum-patterns" },
    h("h2", { id: "sum-patterns" }, t("diary.summary.patterns_heading")),
    summary.insights.length
      ? h("ul", {}, summary.insights.map((insight) => h("li", {}, insightText(app.content, insight))))
      : h("p", {}, t("diary.summary.no_patterns")));
}

/** The records the summary needs: the window's, and the first twitch and latest check-in ever, wherever they are. */
async function summaryRecords(store, today) {
  const { entries, checkins, firstEntry, latestCheckin } = await store.readDays({ from: addDays(today, 1 - WINDOW_DAYS), to: today });
  const withOne = (records, record) => (record && !records.some(({ id }) => id === record.id) ? [record, ...records] : records);
  return { entries: withOne(entries, firstEntry), checkins: withOne(checkins, latestCheckin) };
}

/**
 * The section on the latest experiment whose plan overlaps the summary's days (up to the day it stopped), or null:
 * its days' records are read whole, as its plan may reach before the summary's window.
 */
async function experimentSection(app, store, summary, today) {
  const planEnd = (experiment) => (experiment.status === "stopped" ? experiment.ended_on : lastDay(experiment));
  const overlapping = (await store.listExperiments())
    .filter((experiment) => experiment.start_day <= summary.to && planEnd(experiment) >= summary.from);
  const latest = overlapping.at(-1); // listed by start day, earliest first
  if (!latest) return null;
  const { entries, checkins } = await store.readDays({ from: latest.start_day, to: lastDay(latest) });
  return experimentSummary(app, latest, { entries, checkins }, today);
}

/** The last check done on this phone, as the doctor needs it: its day, its level and how long it had lasted. */
function lastCheckSection(app) {
  const saved = app.check.current();
  if (!saved?.finished) return null;
  const answers = clean(app.content, saved.answers);
  const finished = saved.finished_at ? new Date(saved.finished_at) : null;
  const date = finished && !Number.isNaN(finished.getTime()) ? formatDate(finished, locale()) : "";
  const duration = app.content.questionnaire.questions.find((question) => question.id === "duration");
  const answer = duration?.options.find((option) => option.id === answers.duration);
  const { triage } = assess(app.content, answers);
  return h("section", { "data-last-check": triage.level },
    h("p", {}, t("doctor_summary.last_check", { date, level: triage.title })),
    answer && h("p", { "data-last-duration": answer.id }, t("doctor_summary.last_duration", { duration: answer.label })));
}

/** The summary as a text file: shared as a file where the phone can (Web Share), saved otherwise. */
function fileButton(article, today) {
  const fileOf = () => new File([article.innerText], `twitch-diary-summary-${today}.txt`, { type: "text/plain" });
  const canShare = typeof navigator.canShare === "function" && navigator.canShare({ files: [fileOf()] });
  const save = () => {
    const link = h("a", { href: URL.createObjectURL(fileOf()), download: `twitch-diary-summary-${today}.txt`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
  };
  const share = () => navigator.share({ files: [fileOf()], title: t("doctor_summary.file_title") }).catch(() => {});
  return h("button", { type: "button", class: "secondary", "data-summary-file": canShare ? "share" : "download", onclick: canShare ? share : save },
    canShare ? t("doctor_summary.share") : t("doctor_summary.download"));
}

export async function render(app, params, store) {
  const today = todayKey();
  const { entries, checkins } = await summaryRecords(store, today);
  const rules = diaryRules(app.content);
  const summary = doctorSummary(rules, entries, checkins, today);
  const experiment = await experimentSection(app, store, summary, today);
  const from = formatDay(summary.from, { year: true, weekday: false });
  const to = formatDay(summary.to, { year: true, weekday: false });
  const actions = h("div", { class: "actions" },
    h("button", { type: "button", class: "primary", onclick: () => window.print() }, t("diary.summary.print")));
  const view = h("article", { class: "diary diary-summary" },
    screenHeading(t("diary.summary.heading")),
    diaryNav("summary"),
    h("p", { class: "lead" }, t("diary.summary.period", { from, to, days: summary.days })),
    h("p", {}, t("diary.summary.kept_by")),
    actions,
    lastCheckSection(app),
    twitchesSection(app, rules, summary),
    durationSection(summary),
    warningSection(app, summary),
    habitsSection(app, summary),
    patternsSection(app, summary),
    experiment,
    h("section", { "aria-labelledby": "sum-questions" },
      h("h2", { id: "sum-questions" }, t("diary.summary.questions_heading")),
      h("ol", {}, doctorQuestions(app.content).map((question) => h("li", {}, question)))),
    h("p", { class: "disclaimer" }, app.content.disclaimer));
  actions.append(fileButton(view, today));
  return { title: t("diary.summary.title"), view };
}
