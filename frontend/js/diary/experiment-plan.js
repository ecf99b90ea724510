// A personal experiment in the person's life (docs: the personal-experiment contract, sections 2, 3, 5 and 10):
// who may start one, which kinds are offered to them, what each day of a plan is, which days can count, and what
// the diary's records give for each day (the findings the result and the doctor's summary word). Pure: content,
// answers and records in, plain values out; no storage, no DOM, no clock (the caller says what today is). The
// analysis of the days is experiment.js's.
import { clean } from "../answers.js";
import { activeCautions, anyHolds, assess, buildIndex, tipsFor } from "../engine.js";
import { addDays } from "./days.js";
import { CHANGE, USUAL, analyse, lastDay, planDays } from "./experiment.js";
import { PLAN_KEPT, checkinAnswers, countedAreas, diaryRules, reportedWarningSigns, stopExperiment } from "./model.js";

/** The two questions a check must have answered before an experiment can start: the safety questions. */
export const SAFETY_QUESTIONS = Object.freeze(["warning_signs", "other_signs"]);
/** Levels at which no experiment starts, and at which a running one stops: get that help first. */
export const BLOCKING_LEVELS = Object.freeze(["emergency_ambulance", "emergency", "consultation_24"]);
/** The level at which the advice comes first and a running experiment pauses. */
export const PAUSING_LEVEL = "consultation";

/** Whether the check's answers answer both safety questions (a skipped one is not answered). */
export function checkDone(answers) {
  return SAFETY_QUESTIONS.every((id) => Array.isArray(answers?.[id]) ? answers[id].length > 0 : Boolean(answers?.[id]));
}

/** The kind (content/diary.yml `experiments`) of an id, or null. */
export function experimentKind(content, kindId) {
  return (content.diary.experiments ?? []).find((kind) => kind.id === kindId) ?? null;
}

/**
 * Why this kind is or is not offered to a person with these check answers: null when offered, else
 * "not_a_kind" (no such kind), "not_for_you" (the tip is hidden for them, or the kind's own offer_when/not_when
 * rules say no) or "caution" (one of the tip's cautions is active for them: usual days must never be something
 * the app advises against).
 */
export function notOffered(content, kindId, answers) {
  const kind = experimentKind(content, kindId);
  const tip = content.tips.find((item) => item.id === kindId);
  if (!kind || !tip) return "not_a_kind";
  const cleaned = clean(content, answers);
  const cautions = activeCautions(content, cleaned);
  if (!tipsFor(content, tip.trigger, cleaned, cautions, buildIndex(content)).some((shown) => shown.id === tip.id)) {
    return "not_for_you";
  }
  if ((tip.cautions ?? []).some((id) => cautions.has(id))) return "caution";
  if (kind.offer_when && !anyHolds(kind.offer_when, cleaned)) return "not_for_you";
  if (kind.not_when && anyHolds(kind.not_when, cleaned)) return "not_for_you";
  return null;
}

/** The kinds offered to a person with these check answers, in content order ([] without a finished check). */
export function offeredKinds(content, answers) {
  if (!checkDone(answers)) return [];
  return (content.diary.experiments ?? []).filter((kind) => notOffered(content, kind.id, answers) === null);
}

/** The triage of a check-in's warning signs, or null when it reports none. */
export function checkinTriage(content, checkin) {
  const rules = diaryRules(content);
  if (!checkin || reportedWarningSigns(rules, checkin).length === 0) return null;
  return assess(content, clean(content, checkinAnswers(rules, checkin))).triage;
}

/**
 * Whether an experiment may start: {blocked, triage}. `blocked` is null (Start shown), "no_check" (no check
 * with both safety questions answered), "triage_level" (the check's level is consultation_24 or above) or
 * "warning_signs" (today's check-in reports a warning sign). `triage` is the check's (for the advice shown
 * first), or today's check-in's when that blocks.
 */
export function startBlock(content, answers, todayCheckin = null) {
  if (!checkDone(answers)) return { blocked: "no_check", triage: null };
  const triage = assess(content, clean(content, answers)).triage;
  if (BLOCKING_LEVELS.includes(triage.level)) return { blocked: "triage_level", triage };
  const today = checkinTriage(content, todayCheckin);
  if (today) return { blocked: "warning_signs", triage: today };
  return { blocked: null, triage };
}

/**
 * What the experiment is on `today`: "upcoming" (before its first day), "running", "paused", "finished" (its last
 * day has passed while running) or "stopped". One paused past its last day stays "paused": it gives no verdict.
 */
export function experimentStatus(experiment, today) {
  if (experiment.status === "stopped") return "stopped";
  if (experiment.status === "paused") return "paused";
  if (today < experiment.start_day) return "upcoming";
  if (today > lastDay(experiment)) return "finished";
  return "running";
}

/** The unfinished experiment (running or paused, its plan not ended) on `today`, or null. */
export function currentExperiment(experiments, today) {
  return experiments.find((experiment) => experiment.status !== "stopped" && today <= lastDay(experiment)) ?? null;
}

/** One day of the plan, {day, period, plan: "change"|"usual", settling}, or null outside it. */
export function planOn(experiment, day) {
  return planDays(experiment).find((planned) => planned.day === day) ?? null;
}

/**
 * Whether the check-in for `day` asks the experiment's two questions: the day is in the plan of an experiment that
 * is running (not paused, not stopped before or on that day).
 */
export function asksExperimentQuestions(experiment, day) {
  return Boolean(experiment) && experiment.status === "running" && planOn(experiment, day) !== null;
}

/**
 * Whether a plan day can count (contract section 5): not a settling day, before any stop, not on or after the day
 * it was paused while it stays paused. Whether it is counted also needs its check-in (experiment.js's analysis).
 */
export function countableDay(experiment, day) {
  const planned = planOn(experiment, day);
  if (!planned || planned.settling) return false;
  if (experiment.status === "stopped" && experiment.ended_on !== null && day >= experiment.ended_on) return false;
  if (experiment.status === "paused" && experiment.paused_on !== null && day >= experiment.paused_on) return false;
  return true;
}

/**
 * The experiment a check-in for `day` changes when it reports warning signs whose triage level is `level`
 * (contract section 10), or null when it changes none. Only an unfinished experiment (running or paused, its plan
 * not ended on `today`) whose plan holds `day`, or that was started on `day` (it begins the next day: a start needs
 * a day without warning signs): at consultation_24 and above it stops for warning signs (no verdict), at
 * consultation a running one pauses from `day`. A finished one keeps its result: signs reported for its days after
 * the end are shown above the result, not turned into a stop.
 */
export function afterWarningSigns(experiments, { day, level, today }, now = new Date()) {
  const concerns = (record) => planOn(record, day) !== null || day === addDays(record.start_day, -1);
  const experiment = experiments.find((record) => record.status !== "stopped" && today <= lastDay(record) && concerns(record));
  if (!experiment) return null;
  if (BLOCKING_LEVELS.includes(level)) return stopExperiment(experiment, today, "warning_signs", now);
  if (level === PAUSING_LEVEL && experiment.status === "running") {
    return { ...experiment, status: "paused", paused_on: day, updated_at: now.toISOString() };
  }
  return null;
}

/** The tomorrow an experiment started today begins on. */
export const startDayFor = (today) => addDays(today, 1);

// From the diary's records to the analysis (contract sections 5, 6 and 10): which plan days were counted, their
// scores and twitches, how often the plan was kept, and the warning signs reported during the experiment.

/** Each day's check-in, the newest edit if a day has two, by day key. */
function checkinsByDay(checkins) {
  const newest = new Map();
  for (const checkin of checkins) {
    const kept = newest.get(checkin.day);
    if (!kept || String(checkin.updated_at) > String(kept.updated_at)) newest.set(checkin.day, checkin);
  }
  return newest;
}

/** Whether a check-in answers the warning-sign question (with "none of these" or with signs). */
const answersWarningSigns = (checkin) => Array.isArray(checkin?.warning_signs) && checkin.warning_signs.length > 0;

/**
 * The areas whose twitches count for a kind's secondary outcome: its trigger's `counted_areas` (eye strain: the
 * eyelid), as Patterns counts them, or null for every area.
 */
export function kindCountedAreas(content, kindId) {
  const tip = content.tips.find((item) => item.id === kindId);
  const trigger = content.triggers.find((item) => item.id === tip?.trigger);
  return countedAreas(trigger, diaryRules(content).areas);
}

/**
 * Every day of the plan with what was logged on it: [{day, period, plan, settling, countable, checked_in, score,
 * kept, twitches, counted, warning_signs}]. A countable day (countableDay) is counted when its check-in has a score
 * and answers the warning-sign question, so the daily safety question is part of every counted day. `twitches` is
 * the number logged in the kind's counted areas, null on a day without a check-in (missing, not zero).
 * `records`: {checkins, entries} (others are ignored).
 */
export function experimentDays(content, experiment, { checkins = [], entries = [] }) {
  const rules = diaryRules(content);
  const areas = kindCountedAreas(content, experiment.kind);
  const byDay = checkinsByDay(checkins);
  const twitchesOn = new Map();
  for (const entry of entries) {
    if (!areas || areas.includes(entry.area)) twitchesOn.set(entry.day, (twitchesOn.get(entry.day) ?? 0) + 1);
  }
  return planDays(experiment).map((planned) => {
    const checkin = byDay.get(planned.day) ?? null;
    const score = Number.isInteger(checkin?.twitch_score) ? checkin.twitch_score : null;
    const countable = countableDay(experiment, planned.day);
    return {
      ...planned,
      countable,
      checked_in: checkin !== null,
      score,
      kept: checkin?.plan_kept ?? null,
      twitches: checkin ? (twitchesOn.get(planned.day) ?? 0) : null,
      counted: countable && score !== null && answersWarningSigns(checkin),
      warning_signs: checkin ? reportedWarningSigns(rules, checkin) : [],
    };
  });
}

/** How the plan was kept on counted days of one kind: {yes, partly, no, unanswered, days}. */
function keptOn(days, plan) {
  const counted = days.filter((day) => day.counted && day.plan === plan);
  const tally = { yes: 0, partly: 0, no: 0, unanswered: 0, days: counted.length };
  for (const day of counted) tally[PLAN_KEPT.includes(day.kept) ? day.kept : "unanswered"] += 1;
  return tally;
}

/**
 * What an experiment's days give (computed, never stored, so the screen and the printed summary agree):
 * {days (experimentDays), primary (analyse of the twitching score), secondary (analyse of the twitches logged, on
 * the same counted days), counted: {usual, change, all, countable, missing}, kept: {change, usual} (keptOn),
 * warning_sign_days: [{day, signs}] (plan days up to a stop whose check-in reported warning signs)}. Whether a
 * verdict may be shown is the caller's (experimentStatus): never before the last day, never for a stopped one.
 */
export function experimentFindings(content, experiment, records) {
  const days = experimentDays(content, experiment, records);
  const byDay = new Map(days.map((day) => [day.day, day]));
  const counted = (day) => byDay.get(day)?.counted === true;
  const primary = analyse(experiment, (day) => (counted(day) ? byDay.get(day).score : null), (day) => countableDay(experiment, day));
  const secondary = analyse(experiment, (day) => (counted(day) ? byDay.get(day).twitches : null), (day) => countableDay(experiment, day));
  const countedOf = (plan) => days.filter((day) => day.counted && day.plan === plan).length;
  const countable = days.filter((day) => day.countable).length;
  const all = days.filter((day) => day.counted).length;
  const stoppedOn = experiment.status === "stopped" ? experiment.ended_on : null;
  return {
    days,
    primary,
    secondary,
    counted: { usual: countedOf(USUAL), change: countedOf(CHANGE), all, countable, missing: countable - all },
    kept: { change: keptOn(days, CHANGE), usual: keptOn(days, USUAL) },
    warning_sign_days: days
      .filter((day) => day.warning_signs.length > 0 && (stoppedOn === null || day.day <= stoppedOn))
      .map((day) => ({ day: day.day, signs: day.warning_signs })),
  };
}

/** The day of the plan `today` is, 1 to its length ("day 12 of 30"), or null outside the plan. */
export function planDayNumber(experiment, today) {
  const index = planDays(experiment).findIndex((planned) => planned.day === today);
  return index === -1 ? null : index + 1;
}

/**
 * How many finished experiments (their last day passed while running, experimentStatus) ended on or before this
 * one's last day, this one included: from the third on, a result says that some changes that do nothing will look
 * like they worked.
 */
export function finishedSoFar(experiments, experiment, today) {
  const end = lastDay(experiment);
  return experiments.filter((other) => experimentStatus(other, today) === "finished" && lastDay(other) <= end).length;
}
