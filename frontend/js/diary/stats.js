// Diary statistics: pure functions of (entries, check-ins, today), no storage, no DOM.
// Every count uses the day an entry stored when it was logged (see days.js).
import { daysBetween, lastDays } from "./days.js";
import { AREAS, HABITS, HABIT_OPTIONS, STRENGTHS, byDay, reportedWarningSigns } from "./model.js";

// The chart and the doctor's summary look at the last 30 days.
export const WINDOW_DAYS = 30;
// Fewer days than this on either side and a difference is mostly chance.
export const MIN_DAYS_EACH_SIDE = 3;

const PATTERN_NOT_CAUSE = "This is a pattern, not proof of a cause.";

/**
 * The habits the insights compare, one row each: the check-in question, the
 * options that make a day count "with" the habit, and the trigger whose tips
 * the insight links to. A check-in on day D is about the night before D and
 * the day D itself, so "after nights under 6 hours' sleep" is that same day.
 */
export const HABIT_TESTS = Object.freeze(
  [
    { id: "short_sleep", trigger: "sleep", question: "sleep", options: ["under_5h", "5_to_6h"], label: "Nights under 6 hours' sleep", on_days: "after nights under 6 hours' sleep" },
    { id: "high_caffeine", trigger: "caffeine", question: "caffeine", options: ["3_to_4", "5_plus"], label: "3 or more drinks with caffeine", on_days: "with 3 or more drinks with caffeine" },
    { id: "alcohol", trigger: "alcohol", question: "alcohol", options: ["some", "most_days"], label: "Alcohol", on_days: "with alcohol" },
    { id: "high_stress", trigger: "stress", question: "stress", options: ["high", "very_high"], label: "High stress", on_days: "with high stress" },
    { id: "hard_exercise", trigger: "fatigue", question: "exercise", options: ["hard", "hard_after_break"], label: "Hard exercise", on_days: "after hard exercise" },
    { id: "low_fluids", trigger: "dehydration", question: "fluids", options: ["under_4"], label: "Fewer than 4 drinks", on_days: "with fewer than 4 drinks" },
    // Eye strain shows in the eyelid only (as the engine's eye-strain rule says): count eyelid twitches alone.
    { id: "long_screen_time", trigger: "eye_strain", question: "screen_time", options: ["over_8h"], label: "Screens over 8 hours", on_days: "with more than 8 hours of screens", areas: ["eyelid"], counted: "eyelid twitches" },
  ].map((habit) => Object.freeze({ ...habit, options: Object.freeze(habit.options) })),
);

/** Whether a check-in has the habit: true, false, or null when that question was not answered. */
export function habitHolds(habit, checkin) {
  const answer = checkin?.[habit.question];
  if (answer === null || answer === undefined) return null;
  return habit.options.includes(answer);
}

/** A mean rounded to one decimal, from the sum so that 7 over 20 is 0.4 and not 0.3. */
export function meanPerDay(total, days) {
  return days === 0 ? null : Math.round((total * 10) / days) / 10;
}

/** A rate as the person reads it: one decimal, always ("1.0"). */
export function formatRate(rate) {
  return rate.toFixed(1);
}

/** Twitch entries counted per day key. */
export function countsByDay(entries) {
  const counts = new Map();
  for (const entry of entries) counts.set(entry.day, (counts.get(entry.day) ?? 0) + 1);
  return counts;
}

/** Twitches a day over the last `days` days: [{day, count}], oldest first, zeros included. */
export function twitchesPerDay(entries, today, days = WINDOW_DAYS) {
  const counts = countsByDay(entries);
  return lastDays(days, today).map((day) => ({ day, count: counts.get(day) ?? 0 }));
}

/** The entries logged on the last `days` days up to `today`. */
export function entriesInWindow(entries, today, days = WINDOW_DAYS) {
  const window = new Set(lastDays(days, today));
  return entries.filter((entry) => window.has(entry.day));
}

/** One check-in per day in the last `days` days (the newest edit if a day has two), oldest first. */
export function checkinsInWindow(checkins, today, days = WINDOW_DAYS) {
  const window = new Set(lastDays(days, today));
  const newest = new Map();
  for (const checkin of checkins) {
    if (!window.has(checkin.day)) continue;
    const kept = newest.get(checkin.day);
    if (!kept || String(checkin.updated_at) > String(kept.updated_at)) newest.set(checkin.day, checkin);
  }
  return [...newest.values()].sort(byDay);
}

/** The sentence of an insight, worded as a pattern, never a cause. */
export function insightText(habit, meanWith, meanWithout) {
  return `On days ${habit.on_days} you logged ${formatRate(meanWith)} ${habit.counted ?? "twitches"} a day; on other days ${formatRate(meanWithout)}. ${PATTERN_NOT_CAUSE}`;
}

/**
 * Twitches a day on check-in days with the habit against check-in days without it.
 * Only days with a check-in that answered the habit count, on either side.
 * `enough` is false, and `text` null, with fewer than MIN_DAYS_EACH_SIDE days on a side.
 */
export function compareHabit(habit, entries, checkins, today, days = WINDOW_DAYS) {
  const counts = countsByDay(habit.areas ? entries.filter((entry) => habit.areas.includes(entry.area)) : entries);
  const side = { with: { days: 0, twitches: 0 }, without: { days: 0, twitches: 0 } };
  for (const checkin of checkinsInWindow(checkins, today, days)) {
    const holds = habitHolds(habit, checkin);
    if (holds === null) continue;
    const tally = holds ? side.with : side.without;
    tally.days += 1;
    tally.twitches += counts.get(checkin.day) ?? 0;
  }
  const mean_with = meanPerDay(side.with.twitches, side.with.days);
  const mean_without = meanPerDay(side.without.twitches, side.without.days);
  const enough = side.with.days >= MIN_DAYS_EACH_SIDE && side.without.days >= MIN_DAYS_EACH_SIDE;
  return {
    habit: habit.id,
    trigger: habit.trigger,
    label: habit.label,
    days_with: side.with.days,
    days_without: side.without.days,
    mean_with,
    mean_without,
    enough,
    text: enough ? insightText(habit, mean_with, mean_without) : null,
  };
}

/** Every habit's comparison over the window, in HABIT_TESTS order, shown or not. */
export function habitComparisons(entries, checkins, today, days = WINDOW_DAYS) {
  return HABIT_TESTS.map((habit) => compareHabit(habit, entries, checkins, today, days));
}

/** The insights to show: comparisons with at least MIN_DAYS_EACH_SIDE days on each side. */
export function habitInsights(entries, checkins, today, days = WINDOW_DAYS) {
  return habitComparisons(entries, checkins, today, days).filter((comparison) => comparison.enough);
}

function countBy(values, keys) {
  const counts = Object.fromEntries(keys.map((key) => [key, 0]));
  for (const value of values) if (value in counts) counts[value] += 1;
  return counts;
}

/** How each habit was answered over the window: {question, answered_days, counts, most_common}. */
export function habitSummary(checkins) {
  return HABITS.map((question) => {
    const answers = checkins.map((checkin) => checkin[question]).filter((answer) => answer != null);
    const counts = countBy(answers, HABIT_OPTIONS[question]);
    // Ties go to the first option in questionnaire order, so the summary is stable.
    const most_common = answers.length ? HABIT_OPTIONS[question].reduce((best, option) => (counts[option] > counts[best] ? option : best)) : null;
    return { question, answered_days: answers.length, counts, most_common };
  });
}

/** The earliest day of all entries, or null with none. */
export function firstEntryDay(entries) {
  return entries.reduce((first, entry) => (first === null || entry.day < first ? entry.day : first), null);
}

/** The check-in of the latest day up to `today` (the newest edit if a day has two), or null. */
export function latestCheckin(checkins, today) {
  let latest = null;
  for (const checkin of checkins) {
    if (checkin.day > today) continue;
    const newer = !latest || checkin.day > latest.day || (checkin.day === latest.day && String(checkin.updated_at) > String(latest.updated_at));
    if (newer) latest = checkin;
  }
  return latest;
}

/**
 * The summary for a doctor over the last `days` days: twitches by area and
 * strength, how long it has been going on, the warning signs of the last
 * check-in, and the habits.
 */
export function doctorSummary(entries, checkins, today, days = WINDOW_DAYS) {
  const window = lastDays(days, today);
  const recent = entriesInWindow(entries, today, days);
  const recentCheckins = checkinsInWindow(checkins, today, days);
  // Going on since the first entry ever, not only the first in the window; future days are ignored.
  const first = firstEntryDay(entries.filter((entry) => entry.day <= today));
  const latest = latestCheckin(checkins, today);
  return {
    from: window[0],
    to: today,
    days,
    twitch_count: recent.length,
    twitches_per_day: meanPerDay(recent.length, days),
    twitch_days: new Set(recent.map((entry) => entry.day)).size,
    by_area: AREAS.map((area) => {
      const inArea = recent.filter((entry) => entry.area === area);
      return { area, count: inArea.length, by_strength: countBy(inArea.map((entry) => entry.strength), STRENGTHS) };
    }),
    by_strength: STRENGTHS.map((strength) => ({ strength, count: recent.filter((entry) => entry.strength === strength).length })),
    first_entry_day: first,
    // Both ends counted: a first entry today has been going on for 1 day.
    days_going_on: first === null ? null : daysBetween(first, today) + 1,
    latest_checkin_day: latest?.day ?? null,
    warning_signs: reportedWarningSigns(latest),
    warning_sign_days: recentCheckins
      .filter((checkin) => reportedWarningSigns(checkin).length)
      .map((checkin) => ({ day: checkin.day, warning_signs: reportedWarningSigns(checkin) })),
    checkin_days: recentCheckins.length,
    habits: habitSummary(recentCheckins),
    habit_days: HABIT_TESTS.map((habit) => ({
      habit: habit.id,
      label: habit.label,
      days_with: recentCheckins.filter((checkin) => habitHolds(habit, checkin) === true).length,
      days_answered: recentCheckins.filter((checkin) => habitHolds(habit, checkin) !== null).length,
    })),
    insights: habitInsights(entries, checkins, today, days),
  };
}
