// Diary statistics: twitches a day, habit patterns, and the doctor's summary; and the sentence a pattern is
// shown in. The device zone is set far from the entries' zones: counts must use the stored day only.
process.env.TZ = "Pacific/Kiritimati";

import { test } from "node:test";
import assert from "node:assert/strict";

import { addDays, lastDays } from "../js/diary/days.js";
import { diaryRules } from "../js/diary/model.js";
import {
  MIN_DAYS_EACH_SIDE,
  WINDOW_DAYS,
  compareHabit,
  doctorSummary as doctorSummaryOf,
  formatRate,
  habitComparisons as habitComparisonsOf,
  habitHolds,
  habitInsights as habitInsightsOf,
  latestCheckin,
  meanPerDay,
  twitchesPerDay,
} from "../js/diary/stats.js";
import { insightText } from "../js/ui/parts/diary-format.js";
import { useWords } from "../js/words.js";
import { loadContent } from "./content-fixture.mjs";

const TODAY = "2024-03-31"; // Europe's spring-forward day: the window crosses it.
const content = loadContent();
const rules = diaryRules(content);
useWords(content.ui, "en");
const byId = (id) => rules.habits.find((habit) => habit.id === id);
const doctorSummary = (...args) => doctorSummaryOf(rules, ...args);
const habitComparisons = (...args) => habitComparisonsOf(rules, ...args);
const habitInsights = (...args) => habitInsightsOf(rules, ...args);

let serial = 0;
/** A twitch entry on `day`; stats read only day, area and strength. */
function twitch(day, area = "eyelid", strength = "light") {
  serial += 1;
  return { id: `entry-${serial}`, at: `${day}T12:00:00.000Z`, day, tz_offset_min: 0, area, strength, note: "", updated_at: `${day}T12:00:00.000Z` };
}

/** `count` twitch entries on `day`. */
const twitches = (day, count, area, strength) => Array.from({ length: count }, () => twitch(day, area, strength));

/** A check-in on `day` with these habits; the rest unanswered. */
function checkin(day, habits = {}, warning_signs = []) {
  const blank = Object.fromEntries(rules.habitQuestions.map((question) => [question, null]));
  return { id: `checkin-${day}`, day, ...blank, ...habits, warning_signs, updated_at: `${day}T20:00:00.000Z` };
}


test("twitches a day over the last 30 days, zeros included, oldest first", () => {
  const entries = [...twitches(TODAY, 2), ...twitches("2024-03-02", 3), ...twitches("2024-03-01", 5), ...twitches("2024-04-01", 4)];
  const series = twitchesPerDay(entries, TODAY);
  assert.equal(series.length, WINDOW_DAYS);
  assert.deepEqual(series[0], { day: "2024-03-02", count: 3 });
  assert.deepEqual(series.at(-1), { day: TODAY, count: 2 });
  assert.equal(series.reduce((sum, { count }) => sum + count, 0), 5, "the day before the window and a future day are left out");
  assert.deepEqual(series.map(({ day }) => day), lastDays(30, TODAY));
});

test("an entry counts on the day stored when it was logged, whatever the device zone now", () => {
  // Logged at 08:00 in Tokyo on 11 June: 23:00 UTC on 10 June, and 13:00 on 11 June on this device.
  const fromTokyo = { ...twitch("2024-06-11"), at: "2024-06-10T23:00:00.000Z", tz_offset_min: 540 };
  const series = twitchesPerDay([fromTokyo], "2024-06-11", 2);
  assert.deepEqual(series, [{ day: "2024-06-10", count: 0 }, { day: "2024-06-11", count: 1 }]);
});

test("means are rounded to one decimal from the sum", () => {
  assert.equal(meanPerDay(31, 10), 3.1);
  assert.equal(meanPerDay(7, 20), 0.4);
  assert.equal(meanPerDay(1, 3), 0.3);
  assert.equal(meanPerDay(2, 3), 0.7);
  assert.equal(meanPerDay(0, 5), 0);
  assert.equal(meanPerDay(0, 0), null);
  assert.equal(formatRate(1), "1.0");
  assert.equal(formatRate(0.9), "0.9");
});

/** 10 short-sleep days with 31 twitches and 10 other days with 9, as in the issue. */
function shortSleepDiary() {
  const entries = [];
  const checkins = [];
  const shortCounts = [3, 3, 3, 3, 3, 3, 3, 3, 3, 4];
  const otherCounts = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0];
  shortCounts.forEach((count, index) => {
    const day = addDays(TODAY, -index);
    checkins.push(checkin(day, { sleep: index % 2 ? "under_5h" : "5_to_6h" }));
    entries.push(...twitches(day, count));
  });
  otherCounts.forEach((count, index) => {
    const day = addDays(TODAY, -10 - index);
    checkins.push(checkin(day, { sleep: index % 2 ? "7_to_8h" : "over_8h" }));
    entries.push(...twitches(day, count));
  });
  return { entries, checkins };
}

test("short sleep: the issue's example, worded as a pattern and linked to its trigger", () => {
  const { entries, checkins } = shortSleepDiary();
  const insight = compareHabit(byId("short_sleep"), entries, checkins, TODAY);
  assert.deepEqual(insight, {
    habit: "short_sleep",
    trigger: "sleep",
    counted_areas: null,
    days_with: 10,
    days_without: 10,
    mean_with: 3.1,
    mean_without: 0.9,
    enough: true,
  });
  assert.equal(insightText(content, insight),
    "On days after nights under 6 hours' sleep you logged 3.1 twitches a day; on other days 0.9. This is a pattern, not proof of a cause.");
  assert.deepEqual(habitInsights(entries, checkins, TODAY).map(({ habit }) => habit), ["short_sleep"]);
});

test("an insight needs at least 3 check-in days on each side", () => {
  const build = (withDays, withoutDays) => {
    const checkins = [];
    for (let index = 0; index < withDays; index += 1) checkins.push(checkin(addDays(TODAY, -index), { caffeine: "5_plus" }));
    for (let index = 0; index < withoutDays; index += 1) checkins.push(checkin(addDays(TODAY, -10 - index), { caffeine: "none" }));
    return compareHabit(byId("high_caffeine"), twitches(TODAY, 4), checkins, TODAY);
  };
  assert.equal(MIN_DAYS_EACH_SIDE, 3);
  assert.equal(build(3, 3).enough, true);
  assert.equal(insightText(content, build(3, 3)),
    "On days with 3 or more drinks with caffeine you logged 1.3 twitches a day; on other days 0.0. This is a pattern, not proof of a cause.");
  for (const [withDays, withoutDays] of [[2, 10], [10, 2], [0, 0]]) assert.equal(build(withDays, withoutDays).enough, false);
});

test("only days with a check-in that answered the habit count, on either side", () => {
  const checkins = [
    ...[0, 1, 2].map((back) => checkin(addDays(TODAY, -back), { stress: "very_high" })),
    ...[3, 4, 5].map((back) => checkin(addDays(TODAY, -back), { stress: "low" })),
    ...[6, 7].map((back) => checkin(addDays(TODAY, -back), { sleep: "7_to_8h" })), // stress not answered
  ];
  const entries = [
    ...twitches(TODAY, 6), // a stressful day
    ...twitches(addDays(TODAY, -3), 3), // a calm day
    ...twitches(addDays(TODAY, -6), 50), // stress not answered: on neither side
    ...twitches(addDays(TODAY, -9), 50), // no check-in: on neither side
  ];
  const comparison = compareHabit(byId("high_stress"), entries, checkins, TODAY);
  assert.deepEqual([comparison.days_with, comparison.days_without, comparison.mean_with, comparison.mean_without], [3, 3, 2, 1]);
});

test("screen time is set against eyelid twitches only, as eye strain shows in the eyelid", () => {
  const checkins = [
    ...[0, 1, 2].map((back) => checkin(addDays(TODAY, -back), { screen_time: "over_8h" })),
    ...[3, 4, 5].map((back) => checkin(addDays(TODAY, -back), { screen_time: "under_4h" })),
  ];
  const entries = [
    ...twitches(TODAY, 6, "eyelid"),
    ...twitches(addDays(TODAY, -3), 3, "eyelid"),
    ...twitches(addDays(TODAY, -4), 30, "calf_foot"), // a calf after a run says nothing of screens
  ];
  const comparison = compareHabit(byId("long_screen_time"), entries, checkins, TODAY);
  assert.deepEqual([comparison.mean_with, comparison.mean_without], [2, 1]);
  assert.deepEqual(comparison.counted_areas, ["eyelid"], "from the eye_strain trigger's `when`");
  assert.equal(insightText(content, comparison),
    "On days with more than 8 hours of screens you logged 2.0 eyelid twitches a day; on other days 1.0. This is a pattern, not proof of a cause.");
});

test("check-ins outside the 30 days are left out", () => {
  const checkins = [0, 1, 2, 30, 31, 32].map((back) => checkin(addDays(TODAY, -back), { alcohol: back < 3 ? "most_days" : "none" }));
  const comparison = compareHabit(byId("alcohol"), [], checkins, TODAY);
  assert.deepEqual([comparison.days_with, comparison.days_without, comparison.enough], [3, 0, false]);
});

test("a day with two check-ins counts once, with its newest edit", () => {
  const older = checkin(TODAY, { fluids: "8_plus" });
  const newer = { ...checkin(TODAY, { fluids: "under_4" }), id: "other", updated_at: `${TODAY}T21:00:00.000Z` };
  const comparison = compareHabit(byId("low_fluids"), [], [newer, older], TODAY);
  assert.deepEqual([comparison.days_with, comparison.days_without], [1, 0]);
});

test("each habit reads one question, names a trigger with tips, and has a distinct id", () => {
  const triggers = content.triggers.map(({ id }) => id);
  const tipTriggers = new Set(content.tips.map(({ trigger }) => trigger));
  assert.equal(new Set(rules.habits.map(({ id }) => id)).size, rules.habits.length);
  assert.equal(new Set(rules.habitQuestions).size, rules.habits.length);
  for (const habit of rules.habits) {
    assert.ok(triggers.includes(habit.trigger), `${habit.id}: trigger ${habit.trigger} is in triggers.yml`);
    assert.ok(tipTriggers.has(habit.trigger), `${habit.id}: tips.yml has tips for ${habit.trigger}`);
    for (const option of habit.counts_with) assert.ok(habit.options.includes(option), `${habit.id}: ${option}`);
    assert.ok(habit.counts_with.length < habit.options.length, `${habit.id} leaves some days without the habit`);
  }
});

const HABIT_CASES = [
  ["short_sleep", { sleep: "under_5h" }, true],
  ["short_sleep", { sleep: "7_to_8h" }, false],
  ["high_caffeine", { caffeine: "3_to_4" }, true],
  ["high_caffeine", { caffeine: "1_to_2" }, false],
  ["alcohol", { alcohol: "some" }, true],
  ["alcohol", { alcohol: "none" }, false],
  ["high_stress", { stress: "high" }, true],
  ["high_stress", { stress: "moderate" }, false],
  ["hard_exercise", { exercise: "hard_after_break" }, true],
  ["hard_exercise", { exercise: "light" }, false],
  ["low_fluids", { fluids: "under_4" }, true],
  ["low_fluids", { fluids: "4_to_7" }, false],
  ["long_screen_time", { screen_time: "over_8h" }, true],
  ["long_screen_time", { screen_time: "4_to_8h" }, false],
  ["long_screen_time", {}, null],
];

for (const [id, habits, expected] of HABIT_CASES) {
  test(`habit ${id} with ${JSON.stringify(habits)} is ${expected}`, () => {
    assert.equal(habitHolds(byId(id), checkin(TODAY, habits)), expected);
  });
}

test("every habit gets a comparison, shown or not", () => {
  const comparisons = habitComparisons([], [], TODAY);
  assert.deepEqual(comparisons.map(({ habit }) => habit), rules.habits.map(({ id }) => id));
  for (const comparison of comparisons) assert.equal(comparison.enough, false);
});

test("the doctor's summary: counts by area and strength over the last 30 days", () => {
  const entries = [
    ...twitches(TODAY, 2, "eyelid", "light"),
    ...twitches(addDays(TODAY, -3), 1, "eyelid", "strong"),
    ...twitches(addDays(TODAY, -5), 3, "calf_foot", "constant"),
    ...twitches(addDays(TODAY, -60), 4, "thigh", "light"), // before the window: only "how long"
    ...twitches(addDays(TODAY, 1), 9, "face", "light"), // a future day: ignored
  ];
  const summary = doctorSummary(entries, [], TODAY);
  assert.equal(summary.from, "2024-03-02");
  assert.equal(summary.to, TODAY);
  assert.equal(summary.twitch_count, 6);
  assert.equal(summary.twitches_per_day, 0.2);
  assert.equal(summary.twitch_days, 3);
  assert.deepEqual(summary.by_area.find(({ area }) => area === "eyelid"), { area: "eyelid", count: 3, by_strength: { light: 2, strong: 1, constant: 0 } });
  assert.deepEqual(summary.by_area.find(({ area }) => area === "thigh"), { area: "thigh", count: 0, by_strength: { light: 0, strong: 0, constant: 0 } });
  assert.deepEqual(summary.by_area.map(({ area }) => area), [...rules.areas]);
  assert.deepEqual(summary.by_strength, [
    { strength: "light", count: 2 },
    { strength: "strong", count: 1 },
    { strength: "constant", count: 3 },
  ]);
  assert.equal(summary.first_entry_day, "2024-01-31");
  assert.equal(summary.days_going_on, 61);
});

test("the doctor's summary: warning signs of the last check-in, and of every day that had some", () => {
  const checkins = [
    checkin(addDays(TODAY, -4), {}, ["numbness_tingling"]),
    checkin(addDays(TODAY, -1), {}, ["weakness", "stiffness"]),
    checkin(TODAY, {}, ["none"]),
    checkin(addDays(TODAY, 2), {}, ["breathing"]), // a future day: not the last check-in
  ];
  const summary = doctorSummary([], checkins, TODAY);
  assert.equal(summary.latest_checkin_day, TODAY);
  assert.deepEqual(summary.warning_signs, []);
  assert.deepEqual(summary.warning_sign_days, [
    { day: addDays(TODAY, -4), warning_signs: ["numbness_tingling"] },
    { day: addDays(TODAY, -1), warning_signs: ["weakness", "stiffness"] },
  ]);
  const yesterday = doctorSummary([], checkins.slice(0, 2), TODAY);
  assert.deepEqual(yesterday.warning_signs, ["weakness", "stiffness"]);
});

test("the last check-in may be older than the window, and says its day", () => {
  const old = checkin(addDays(TODAY, -45), {}, ["eye_signs"]);
  assert.equal(latestCheckin([old], TODAY), old);
  const summary = doctorSummary([], [old], TODAY);
  assert.equal(summary.latest_checkin_day, addDays(TODAY, -45));
  assert.deepEqual(summary.warning_signs, ["eye_signs"]);
  assert.equal(summary.checkin_days, 0);
});

test("the doctor's summary: how each habit was answered over the window", () => {
  const checkins = [
    checkin(TODAY, { sleep: "under_5h", caffeine: "5_plus" }),
    checkin(addDays(TODAY, -1), { sleep: "under_5h", caffeine: "none" }),
    checkin(addDays(TODAY, -2), { sleep: "7_to_8h" }),
  ];
  const summary = doctorSummary([], checkins, TODAY);
  const sleep = summary.habits.find(({ question }) => question === "sleep");
  assert.deepEqual(sleep, { habit: "short_sleep", question: "sleep", answered_days: 3, counts: { under_5h: 2, "5_to_6h": 0, "7_to_8h": 1, over_8h: 0 } });
  assert.deepEqual(summary.habits.find(({ question }) => question === "caffeine").counts, { none: 1, "1_to_2": 0, "3_to_4": 0, "5_plus": 1 });
  assert.equal(summary.habits.find(({ question }) => question === "alcohol").answered_days, 0);
  assert.deepEqual(summary.habits.map(({ question }) => question), [...rules.habitQuestions]);
  assert.equal(summary.checkin_days, 3);
});

test("the doctor's summary of an empty diary", () => {
  const summary = doctorSummary([], [], TODAY);
  assert.equal(summary.twitch_count, 0);
  assert.equal(summary.first_entry_day, null);
  assert.equal(summary.days_going_on, null);
  assert.equal(summary.latest_checkin_day, null);
  assert.deepEqual(summary.warning_signs, []);
  assert.deepEqual(summary.insights, []);
});

test("the doctor's summary carries the insights", () => {
  const { entries, checkins } = shortSleepDiary();
  assert.deepEqual(doctorSummary(entries, checkins, TODAY).insights, habitInsights(entries, checkins, TODAY));
});
