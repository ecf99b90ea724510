// The personal experiment's screens (docs: the personal-experiment contract, sections 2, 4, 10 and 12):
// #/diary/experiment lists the changes this person may test and their experiments; #/diary/experiment/plan/<kind>
// is one change's plan, with Start only when the person may start; #/diary/experiment/<uuid> is one experiment: its
// calendar, today's plan and how many days have counted (never a comparison before the last day), Stop, Resume,
// the daily reminders, and once it has ended what it gave (experiment-result.js's part).
import { clean } from "../../answers.js";
import { activeCautions, anyHolds, tipsFor } from "../../engine.js";
import { locale } from "../../language.js";
import { daysBetween, localTime, todayKey } from "../../diary/days.js";
import { CHANGE, drawOrder, lastDay, planDays } from "../../diary/experiment.js";
import {
  PAUSING_LEVEL, countableDay, currentExperiment, experimentKind, experimentStatus, notOffered, offeredKinds, planOn,
  startBlock, startDayFor,
} from "../../diary/experiment-plan.js";
import { newExperiment, stopExperiment } from "../../diary/model.js";
import { ConflictError, ExperimentRunningError } from "../../diary/storage.js";
import { experimentRemindersFileName, experimentRemindersIcs } from "../../reminder.js";
import { t } from "../../words.js";
import { tipItem, triageBanner } from "../parts/advice.js";
import { confirm } from "../parts/confirm.js";
import { buttonLink, h, screenHeading } from "../parts/dom.js";
import { formatDay, withElements } from "../parts/diary-format.js";
import { diaryNav, messageScreen } from "../parts/diary-nav.js";
import { afterWrite, diaryStore, notSavedText, redraw, setFlash, takeFlash } from "../parts/diary-save.js";
import { experimentOutcome } from "../parts/experiment-result.js";

// The red flag whose rule says the check's answers put the twitching past 2 weeks (content/red_flags.yml).
const LONG_DURATION_FLAG = "long_duration";
// A twitch first logged longer ago than this has gone on for more than 2 weeks.
const GP_AFTER_DAYS = 14;
// The reminder's time until the person picks another: an evening, when the check-in is done.
const REMINDER_TIME = "20:00";

/** #/diary/experiment, #/diary/experiment/plan/<kind id> and #/diary/experiment/<uuid>. */
export function render(app, [first, second], store) {
  if (!first) return listScreen(app, store);
  if (first === "plan") return planScreen(app, second, store);
  return experimentScreen(app, first, store);
}

// Shared pieces -------------------------------------------------------------------------------------------------

const tipOf = (content, id) => content.tips.find((tip) => tip.id === id) ?? null;

/** The tip as it is shown to this person (their cautions with it), or null when it is hidden for them. */
function tipForPerson(content, tip, answers) {
  const cleaned = clean(content, answers);
  return tipsFor(content, tip.trigger, cleaned, activeCautions(content, cleaned)).find((shown) => shown.id === tip.id) ?? null;
}

/** Whether the twitching has gone on for more than 2 weeks: by the check's answers, or by the diary's first twitch. */
function pastTwoWeeks(content, answers, firstEntry, today) {
  const flag = content.red_flags.find((rule) => rule.id === LONG_DURATION_FLAG);
  if (flag && anyHolds(flag.when, clean(content, answers))) return true;
  return firstEntry !== null && daysBetween(firstEntry.day, today) + 1 > GP_AFTER_DAYS;
}

async function gpLine(app, store, today) {
  const { firstEntry } = await store.readDays({ from: today, to: today });
  return pastTwoWeeks(app.content, app.check.answers(), firstEntry, today)
    ? h("p", { class: "experiment-gp", "data-experiment-gp": "" }, t("diary.experiment.gp_line_plan")) : null;
}

const backLink = () => h("p", { class: "back" }, h("a", { href: "#/diary/experiment" }, t("diary.experiment.all")));
const experimentLink = (app, experiment) =>
  h("a", { href: `#/diary/experiment/${experiment.id}` }, tipOf(app.content, experiment.kind)?.title ?? experiment.kind);

/** The first question of the check: where "Start the check" goes. */
const checkStart = (content) => `#/check/${content.questionnaire.questions[0].id}`;

/**
 * Why no experiment can start now, as a section (`data-experiment-blocked`): no check, a level that needs help
 * first (its advice shown, as on the results), or warning signs in today's check-in (their advice); else null.
 */
function blockedSection(app, { blocked, triage }, today) {
  if (!blocked) return null;
  const parts = {
    no_check: () => [h("p", {}, t("diary.experiment.blocked_no_check")), buttonLink(checkStart(app.content), t("home.start"), "primary")],
    triage_level: () => [triageBanner(app.content, triage), h("p", {}, t("diary.experiment.blocked_level"))],
    warning_signs: () => [triageBanner(app.content, triage), h("p", {}, t("diary.experiment.blocked_warning_signs")),
      buttonLink(`#/diary/advice/${today}`, t("diary.experiment.read_advice"), "primary")],
  };
  return h("section", { class: "experiment-blocked", "data-experiment-blocked": blocked }, parts[blocked]());
}

/** At `consultation`, the check's advice comes first, with the line that the experiment can run alongside. */
function consultationFirst(app, triage) {
  if (triage?.level !== PAUSING_LEVEL) return null;
  return [triageBanner(app.content, triage), h("p", { class: "experiment-consultation" }, t("diary.experiment.consultation"))];
}

async function startState(app, store, today) {
  return startBlock(app.content, app.check.answers(), await store.getCheckin(today));
}

// #/diary/experiment -------------------------------------------------------------------------------------------

const STATUS_WORDS = {
  upcoming: () => t("diary.experiment.status_upcoming"),
  running: () => t("diary.experiment.status_running"),
  paused: () => t("diary.experiment.status_paused"),
  finished: () => t("diary.experiment.status_finished"),
  stopped: () => t("diary.experiment.status_stopped"),
};

function experimentItem(app, experiment, today) {
  const status = experimentStatus(experiment, today);
  return h("li", { "data-experiment": experiment.id, "data-experiment-status": status },
    h("a", { href: `#/diary/experiment/${experiment.id}` }, t("diary.experiment.item", {
      tip: tipOf(app.content, experiment.kind)?.title ?? experiment.kind,
      from: formatDay(experiment.start_day, { weekday: false }), to: formatDay(lastDay(experiment), { weekday: false }),
      status: STATUS_WORDS[status](),
    })));
}

function kindItem(app, kind) {
  const tip = tipOf(app.content, kind.id);
  return h("li", { class: "card", "data-experiment-kind": kind.id },
    h("h3", {}, tip.title),
    h("p", {}, kind.change),
    h("a", { href: `#/diary/experiment/plan/${kind.id}`, class: "diary-more" }, t("diary.experiment.plan_link", { tip: tip.title })));
}

async function listScreen(app, store) {
  const today = todayKey();
  const state = await startState(app, store, today);
  const experiments = (await store.listExperiments()).reverse(); // the latest start first
  const offered = state.blocked ? [] : offeredKinds(app.content, app.check.answers());
  const yours = experiments.length > 0 && [
    h("h2", {}, t("diary.experiment.past_heading")),
    h("ul", { class: "experiment-list" }, experiments.map((experiment) => experimentItem(app, experiment, today))),
  ];
  // One that runs (or is paused) is what the person comes back for: it comes first.
  const first = currentExperiment(experiments, today) !== null;
  return {
    title: t("diary.experiment.list_title"),
    view: h("div", { class: "diary diary-experiment" },
      diaryNav("experiment"),
      screenHeading(t("diary.experiment.list_title")),
      takeFlash(),
      h("p", { class: "lead" }, t("diary.experiment.list_intro")),
      first && yours,
      blockedSection(app, state, today),
      !state.blocked && [
        consultationFirst(app, state.triage),
        h("h2", {}, t("diary.experiment.kinds_heading")),
        offered.length ? h("ul", { class: "experiment-kinds" }, offered.map((kind) => kindItem(app, kind)))
          : h("p", {}, t("diary.experiment.none_offered")),
      ],
      !first && yours),
  };
}

// #/diary/experiment/plan/<kind id> ------------------------------------------------------------------------------

function notFound() {
  return messageScreen({ title: t("diary.experiment.list_title"), heading: t("diary.experiment.not_found"),
    link: ["#/diary/experiment", t("diary.experiment.all"), "primary"] });
}

/** A tip that cannot be tested by switching it on and off (or not for this person): said so, with its trigger's tips. */
function notTestable(app, tip, shown, reason, triage) {
  const trigger = app.content.triggers.find((item) => item.id === tip.trigger);
  const words = reason === "not_a_kind" ? t("diary.experiment.not_a_kind") : t("diary.experiment.not_for_you");
  return {
    title: tip.title,
    view: h("article", { class: "diary diary-experiment" },
      backLink(),
      screenHeading(tip.title),
      consultationFirst(app, triage),
      shown && h("ul", { class: "tips" }, tipItem(shown, "h2")),
      h("p", { class: "experiment-not-offered", "data-experiment-not-offered": reason }, words),
      trigger && buttonLink(`#/diary/tips/${trigger.id}`, t("diary.what_to_try", { trigger: trigger.title }))),
  };
}

async function planScreen(app, kindId, store) {
  const { content } = app;
  const tip = tipOf(content, kindId);
  if (!tip) return notFound();
  const answers = app.check.answers();
  const shown = tipForPerson(content, tip, answers);
  const kind = experimentKind(content, kindId);
  if (!kind) return notTestable(app, tip, shown, "not_a_kind", null);
  const today = todayKey();
  const state = await startState(app, store, today);
  const title = t("diary.experiment.plan_title", { tip: tip.title });
  if (state.blocked) {
    return { title, view: h("article", { class: "diary diary-experiment" }, backLink(), screenHeading(title), blockedSection(app, state, today)) };
  }
  const reason = notOffered(content, kindId, answers);
  if (reason) return notTestable(app, tip, reason === "caution" ? shown : null, reason, state.triage);
  const running = currentExperiment(await store.listExperiments(), today);
  return {
    title,
    view: h("article", { class: "diary diary-experiment" },
      backLink(),
      screenHeading(title),
      consultationFirst(app, state.triage),
      // The tip without its own "how long" ("try it for two weeks"): the plan below sets the days.
      h("ul", { class: "tips" }, tipItem(shown, "h2", { howLong: false })),
      h("h2", {}, t("diary.experiment.what_heading")),
      planWords(kind),
      h("p", {}, t("diary.experiment.length")),
      h("h2", {}, t("diary.experiment.tell_heading")),
      h("p", { "data-experiment-power": "" }, t("diary.experiment.power")),
      h("p", {}, t("diary.experiment.not_diagnosis")),
      await gpLine(app, store, today),
      running ? runningElsewhere(app, running) : startButton(app, kind)),
  };
}

function planWords(kind) {
  return [
    h("p", { "data-experiment-plan-words": CHANGE }, t("diary.experiment.change_days", { change: kind.change })),
    h("p", { "data-experiment-plan-words": "usual" }, t("diary.experiment.usual_days", { usual: kind.usual })),
  ];
}

function runningElsewhere(app, experiment) {
  return h("p", { class: "experiment-running-elsewhere", role: "status" },
    withElements(t("diary.experiment.running_elsewhere"), { link: experimentLink(app, experiment) }));
}

function startButton(app, kind) {
  const problem = h("div", { class: "diary-error", role: "alert" });
  const button = h("button", { type: "button", class: "primary", onclick: () => start(app, kind, button, problem) },
    t("diary.experiment.start"));
  return [h("div", { class: "actions" }, button), problem];
}

/**
 * Starts the experiment: the order drawn now (crypto, without bias) and stored with it, never drawn again. Asked
 * again at the tap: today's check-in or another tab may have changed what was shown.
 */
async function start(app, kind, button, problem) {
  button.disabled = true;
  problem.replaceChildren();
  try {
    const store = await diaryStore(app.content);
    const today = todayKey();
    if ((await startState(app, store, today)).blocked) return redraw();
    const experiment = newExperiment({
      kind: kind.id, start_day: startDayFor(today), order: drawOrder(), period_days: kind.period_days,
      settling_days: kind.settling_days,
    });
    await store.putExperiment(experiment);
    await afterWrite();
    return app.go(`diary/experiment/${experiment.id}`);
  } catch (error) {
    console.warn("The experiment could not be started:", error);
    button.disabled = false;
    if (error instanceof ExperimentRunningError) return problem.append(runningElsewhere(app, error.current));
    return problem.append(notSavedText(error));
  }
}

// #/diary/experiment/<uuid> ------------------------------------------------------------------------------------

/** A plan day as the calendar names it: "Mon 3", with its month on the plan's first day and on a month's first. */
function shortDay(day, first) {
  const month = first || day.endsWith("-01") ? "short" : undefined;
  return localTime(day, "12:00").toLocaleDateString(locale(), { weekday: "short", day: "numeric", month });
}
const planWord = (plan) => (plan === CHANGE ? t("diary.experiment.change") : t("diary.experiment.usual"));

/** The whole plan from its first day, one row a period, one element a day (its plan, settling day marked). */
function calendar(experiment, today) {
  const days = planDays(experiment);
  const periods = experiment.order.map((plan, index) => ({ plan, days: days.filter((day) => day.period === index + 1) }));
  return h("ol", { class: "experiment-calendar", "aria-label": t("diary.experiment.calendar_heading") },
    periods.map(({ plan, days: inPeriod }) => h("li", { class: `experiment-period experiment-${plan}` },
      h("strong", { class: "experiment-period-plan" }, planWord(plan)),
      h("ul", {}, inPeriod.map((planned) => h("li", {
        "data-experiment-day": planned.day, "data-experiment-plan": planned.plan,
        "data-experiment-settling": planned.settling ? "" : null, "aria-current": planned.day === today ? "date" : null,
      },
      h("span", { class: "experiment-date" }, shortDay(planned.day, planned.day === experiment.start_day)),
      planned.settling && h("span", { class: "experiment-mark" }, t("diary.experiment.settling")),
      planned.day === today && h("span", { class: "experiment-mark experiment-today" }, t("diary.experiment.today"))))))));
}

/** A check-in counts for the experiment when its day can count, it has a score and its warning signs are answered. */
function countedSoFar(experiment, checkins, today) {
  return checkins.filter((checkin) => checkin.day <= today && countableDay(experiment, checkin.day)
    && checkin.twitch_score !== null && (checkin.warning_signs ?? []).length > 0).length;
}

/** The 30 daily reminders as a calendar file for the time picked, made on the phone; null for a retired kind. */
function reminderSection(experiment, kind) {
  if (!kind) return null;
  const days = planDays(experiment).map(({ day, plan }) => ({
    day,
    title: plan === CHANGE ? t("diary.experiment.reminder_change_title") : t("diary.experiment.reminder_usual_title"),
    description: t("diary.experiment.reminder_description", { plan: plan === CHANGE ? kind.change : kind.usual }),
  }));
  const link = h("a", { class: "button secondary", download: experimentRemindersFileName(experiment.start_day), "data-experiment-reminder": "" },
    t("diary.experiment.reminder_download"));
  const input = h("input", { type: "time", id: "experiment-reminder-time", value: REMINDER_TIME, required: true });
  const update = () => {
    if (!input.value) return; // cleared: the last file made stays
    if (link.href) URL.revokeObjectURL(link.href);
    const ics = experimentRemindersIcs({ experimentId: experiment.id, days, time: input.value, url: new URL("./", location.href).href });
    link.href = URL.createObjectURL(new Blob([ics], { type: "text/calendar" }));
  };
  input.addEventListener("change", update);
  update();
  return h("section", { class: "experiment-reminder no-print", "aria-labelledby": "experiment-reminder-title" },
    h("h2", { id: "experiment-reminder-title" }, t("diary.experiment.reminder_heading")),
    h("p", {}, t("diary.experiment.reminder_text")),
    h("p", { class: "field" }, h("label", { for: input.id }, t("diary.experiment.reminder_time")), " ", input),
    h("p", {}, link));
}

/** Saves a changed experiment (stopped, resumed) over the version shown; a change in another tab is said, and shown. */
async function saveChange(app, experiment, changed, problem) {
  try {
    const store = await diaryStore(app.content);
    await store.putExperiment(changed, { basedOn: experiment.updated_at });
    await afterWrite();
  } catch (error) {
    console.warn("The experiment could not be saved:", error);
    if (!(error instanceof ConflictError)) return problem.replaceChildren(notSavedText(error));
    setFlash(t("diary.experiment.changed_elsewhere"));
  }
  return redraw();
}

function stopButton(app, experiment, problem) {
  const ask = () => confirm({
    title: t("diary.experiment.stop_title"), text: t("diary.experiment.stop_text"),
    yes: t("diary.experiment.stop_confirm"), no: t("diary.experiment.keep_going_button"),
  }, () => saveChange(app, experiment, stopExperiment(experiment, todayKey(), "person"), problem));
  return h("button", { type: "button", class: "secondary experiment-stop", onclick: ask }, t("diary.experiment.stop"));
}

function resumeButton(app, experiment, problem) {
  const resumed = () => ({ ...experiment, status: "running", paused_on: null, updated_at: new Date().toISOString() });
  return h("button", { type: "button", class: "primary", onclick: () => saveChange(app, experiment, resumed(), problem) },
    t("diary.experiment.resume"));
}

/** Where a running experiment is, today: the day, today's plan in words, how many days counted; no comparison. */
function runningNow(experiment, kind, checkins, today) {
  const planned = planOn(experiment, today);
  const total = planDays(experiment).length;
  const counted = countedSoFar(experiment, checkins, today);
  return [
    h("p", { class: "lead" }, t("diary.experiment.day_of", { day: daysBetween(experiment.start_day, today) + 1, total })),
    kind && planned && h("p", { class: "experiment-today-plan", "data-experiment-today": planned.plan },
      planned.plan === CHANGE ? t("diary.experiment.today_is_change", { change: kind.change })
        : t("diary.experiment.today_is_usual", { usual: kind.usual })),
    h("p", { "data-experiment-counted": counted }, t("diary.experiment.counted_so_far", { count: counted })),
    h("p", {}, t("diary.experiment.no_peeking", { day: formatDay(lastDay(experiment)) })),
    h("div", { class: "actions" }, checkins.some((checkin) => checkin.day === today)
      ? buttonLink("#/diary/checkin", t("diary.list.change_checkin")) : buttonLink("#/diary/checkin", t("diary.do_checkin"), "primary")),
  ];
}

async function experimentScreen(app, id, store) {
  const experiment = await store.getExperiment(id);
  if (!experiment) return notFound();
  const { content } = app;
  const today = todayKey();
  const status = experimentStatus(experiment, today);
  const kind = experimentKind(content, experiment.kind);
  const title = tipOf(content, experiment.kind)?.title ?? experiment.kind;
  const { entries, checkins } = await store.readDays({ from: experiment.start_day, to: lastDay(experiment) });
  const outcome = experimentOutcome(app, experiment, { checkins, entries, experiments: await store.listExperiments() }, today);
  const ended = status === "finished" || status === "stopped";
  const inPlan = today <= lastDay(experiment);
  const problem = h("div", { class: "diary-error", role: "alert" });
  return {
    title,
    view: h("article", { class: "diary diary-experiment", "data-experiment-status": status },
      backLink(),
      screenHeading(title),
      takeFlash(),
      status === "upcoming" && h("p", { class: "lead" }, t("diary.experiment.starts_on", { day: formatDay(experiment.start_day) })),
      status === "running" && runningNow(experiment, kind, checkins, today),
      status === "paused" && h("p", { class: "experiment-paused", "data-experiment-paused": experiment.paused_on },
        t("diary.experiment.paused", { day: formatDay(experiment.paused_on) })),
      // Paused: going on or stopping is the question now, so both come first; else Stop comes last.
      status === "paused" && inPlan && [h("div", { class: "actions" },
        resumeButton(app, experiment, problem), stopButton(app, experiment, problem)), problem],
      outcome,
      !ended && await gpLine(app, store, today),
      !ended && kind && [h("h2", {}, t("diary.experiment.what_heading")), planWords(kind)],
      // Once it has ended the result's chart and table tell the days: the calendar is a tap away.
      ended ? h("details", { class: "experiment-calendar-fold" }, h("summary", {}, t("diary.experiment.calendar_heading")),
        calendar(experiment, today))
        : h("section", { "aria-labelledby": "experiment-calendar-title" },
          h("h2", { id: "experiment-calendar-title" }, t("diary.experiment.calendar_heading")),
          calendar(experiment, today)),
      !ended && inPlan && status !== "paused" && [
        reminderSection(experiment, kind),
        h("div", { class: "actions" }, stopButton(app, experiment, problem)), problem,
      ]),
  };
}
