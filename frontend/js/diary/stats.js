// Diary statistics: pure functions of (rules, entries, check-ins, today), no storage, no DOM, no words: they
// return counts and means, and the screens word them. Every count uses the day an entry stored when it was
// logged (see days.js). The habits compared are content/diary.yml's, through diaryRules (model.js).
import { daysBetween, lastDays } from "./days.js";
import { byDay, reportedWarningSigns } from "./model.js";

// The chart and the doctor's summary look at the last 30 days: long enough for patterns to show, short enough
// to be about how things are now.
export const WINDOW_DAYS = 30;
// Fewer days than this on either side and a difference is mostly chance.
export const MIN_DAYS_EACH_SIDE = 3;

/**
 * Whether a check-in has the habit (one of the habit's `counts_with` options): true, false, or null when that
 * question was not answered (or with an answer the content no longer has). A check-in on day D is about the night before D and the day D itself, so "after
 * nights under 6 hours' sleep" is that same day.
 */
export function habitHolds(habit, checkin) {
  const answer = checkin?.[habit.question];
  if (!habit.options.includes(answer)) return null; // not answered, or an answer the content no longer has
  return habit.counts_with.includes(answer);
}

/** A mean rounded to one decimal, from the sum so that 7 over 20 is 0.4 and not 0.3. */
export function meanPerDay(total, days) {
  return days === 0 ? null : Math.round((total * 10) / days) / 10;
}

/** A rate as the person reads it: one decimal, always, with the locale's decimal mark ("1.0", "1,0"). */
export function formatRate(rate, locale = "en") {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
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

/**
 * Twitches a day on check-in days with the habit against check-in days without it: {habit, trigger,
 * counted_areas, days_with, days_without, mean_with, mean_without, enough}. Only days with a check-in that
 * answered the habit count, on either side, and only twitches in the habit's `counted_areas` (all when null).
 * `enough` is false with fewer than MIN_DAYS_EACH_SIDE days on a side.
 */
export function compareHabit(habit, entries, checkins, today, days = WINDOW_DAYS) {
  const areas = habit.counted_areas;
  const counts = countsByDay(areas ? entries.filter((entry) => areas.includes(entry.area)) : entries);
  const side = { with: { days: 0, twitches: 0 }, without: { days: 0, twitches: 0 } };
  for (const checkin of checkinsInWindow(checkins, today, days)) {
    const holds = habitHolds(habit, checkin);
    if (holds === null) continue;
    const tally = holds ? side.with : side.without;
    tally.days += 1;
    tally.twitches += counts.get(checkin.day) ?? 0;
  }
  return {
    habit: habit.id,
    trigger: habit.trigger,
    counted_areas: areas,
    days_with: side.with.days,
    days_without: side.without.days,
    mean_with: meanPerDay(side.with.twitches, side.with.days),
    mean_without: meanPerDay(side.without.twitches, side.without.days),
    enough: side.with.days >= MIN_DAYS_EACH_SIDE && side.without.days >= MIN_DAYS_EACH_SIDE,
  };
}

/** Every habit's comparison over the window, in the rules' order, shown or not. */
export function habitComparisons(rules, entries, checkins, today, days = WINDOW_DAYS) {
  return rules.habits.map((habit) => compareHabit(habit, entries, checkins, today, days));
}

/** The insights to show: comparisons with at least MIN_DAYS_EACH_SIDE days on each side. */
export function habitInsights(rules, entries, checkins, today, days = WINDOW_DAYS) {
  return habitComparisons(rules, entries, checkins, today, days).filter((comparison) => comparison.enough);
}

function countBy(values, keys) {
  const counts = Object.fromEntries(keys.map((key) => [key, 0]));
  for (const value of values) if (value in counts) counts[value] += 1;
  return counts;
}

/** How each habit was answered: [{habit, question, answered_days, counts}], counts by option in the habit's order. */
export function habitSummary(rules, checkins) {
  return rules.habits.map((habit) => {
    const answers = checkins.map((checkin) => checkin[habit.question]).filter((answer) => answer != null);
    return { habit: habit.id, question: habit.question, answered_days: answers.length, counts: countBy(answers, habit.options) };
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
export function doctorSummary(rules, entries, checkins, today, days = WINDOW_DAYS) {
  const window = lastDays(days, today);
  const recent = entriesInWindow(entries, today, days);
  const recentCheckins = checkinsInWindow(checkins, today, days);
  // Going on since the first entry ever, not only the first in the window; future days are ignored.
  const first = firstEntryDay(entries.filter((entry) => entry.day <= today));
  const latest = latestCheckin(checkins, today);
  // Averaged over the days the diary covers, from its first entry (at most the window): 66 twitches in a diary of
  // 16 days are 4.1 a day, not 2.2 over 30.
  const tracked = first === null ? days : Math.min(days, daysBetween(first, today) + 1);
  return {
    from: window[0],
    to: today,
    days,
    twitch_count: recent.length,
    tracked_days: tracked,
    twitches_per_day: meanPerDay(recent.length, tracked),
    twitch_days: new Set(recent.map((entry) => entry.day)).size,
    by_area: rules.areas.map((area) => {
      const inArea = recent.filter((entry) => entry.area === area);
      return { area, count: inArea.length, by_strength: countBy(inArea.map((entry) => entry.strength), rules.strengths) };
    }),
    by_strength: rules.strengths.map((strength) => ({ strength, count: recent.filter((entry) => entry.strength === strength).length })),
    first_entry_day: first,
    // Both ends counted: a first entry today has been going on for 1 day.
    days_going_on: first === null ? null : daysBetween(first, today) + 1,
    latest_checkin_day: latest?.day ?? null,
    warning_signs: reportedWarningSigns(rules, latest),
    warning_sign_days: recentCheckins
      .filter((checkin) => reportedWarningSigns(rules, checkin).length)
      .map((checkin) => ({ day: checkin.day, warning_signs: reportedWarningSigns(rules, checkin) })),
    checkin_days: recentCheckins.length,
    habits: habitSummary(rules, recentCheckins),
    insights: habitInsights(rules, entries, checkins, today, days),
  };
}
