// From the diary's records to an experiment's findings (frontend/js/diary/experiment-plan.js): which days count,
// the primary and secondary outcomes, adherence and warning signs during it, against the contract's worked example
// (section 14) and its two extra vectors, stored as the app stores them: check-ins and twitch entries.
import assert from "node:assert/strict";
import { test } from "node:test";
import { addDays } from "../js/diary/days.js";
import { planDays } from "../js/diary/experiment.js";
import { experimentDays, experimentFindings, finishedSoFar, kindCountedAreas, planDayNumber } from "../js/diary/experiment-plan.js";
import { loadContent } from "./content-fixture.mjs";

const content = loadContent();
const ORDER = ["usual", "change", "change", "usual", "change", "usual", "usual", "change", "usual", "change"];
const experiment = (changes = {}) => ({ id: "e1", kind: "caffeine_stop_after_midday", design: "alternation-10-v1",
  start_day: "2024-06-03", period_days: 3, settling_days: 1, order: ORDER, status: "running", paused_on: null,
  ended_on: null, stop_reason: null, created_at: "2024-06-02T20:00:00Z", updated_at: "2024-06-02T20:00:00Z", ...changes });
// The worked example, day by day from 2024-06-03: [score, kept, twitches logged], null for a day without a check-in.
const WORKED = [
  [6, "yes", 5], [6, "yes", 6], [7, "yes", 7], [6, "partly", 5], [4, "yes", 3], [3, "yes", 2], [3, "yes", 2], [3, "yes", 3],
  null, [3, "yes", 3], [5, "yes", 5], [6, "yes", 4], [5, "yes", 4], [2, "yes", 1], [3, "no", 3], [2, "yes", 2], null, null,
  [4, "yes", 3], [4, "yes", 4], [3, "yes", 3], [4, "yes", 3], [2, "yes", 1], [2, "yes", 2], [2, "yes", 2], [4, "yes", 4],
  [5, "yes", 5], [4, "yes", 3], [3, "partly", 2], [1, "yes", 0]];

const checkin = (day, score, kept, changes = {}) => ({ id: `c-${day}`, day, sleep: null, warning_signs: ["none"],
  other_signs: ["none"], twitch_score: score, plan_kept: kept, updated_at: `${day}T21:00:00Z`, ...changes });
const entry = (day, n, area = "eyelid") => ({ id: `t-${day}-${n}-${area}`, day, area, strength: "light" });

/** The records of a diary that logged `days` ([score, kept, twitches] or null) from the plan's first day. */
function records(days, start = "2024-06-03") {
  const checkins = [];
  const entries = [];
  days.forEach((logged, n) => {
    if (!logged) return;
    const day = addDays(start, n);
    const [score, kept, twitches] = logged;
    checkins.push(checkin(day, score, kept));
    for (let k = 0; k < twitches; k += 1) entries.push(entry(day, k));
  });
  return { checkins, entries, experiments: [] };
}

const fixed = (value) => (value === null ? null : value.toFixed(3));
const numbers = (result) => ({
  mean_usual: fixed(result.mean_usual), mean_change: fixed(result.mean_change), difference: fixed(result.difference),
  p_fell: fixed(result.p_fell), p_rose: fixed(result.p_rose), range: result.range.map(fixed),
});

test("the worked example from its records: 17 of 20 days counted, 8 usual and 9 change, 3 without a check-in", () => {
  const findings = experimentFindings(content, experiment(), records(WORKED));
  assert.deepEqual(findings.counted, { usual: 8, change: 9, all: 17, countable: 20, missing: 3 });
  assert.equal(findings.days.length, 30);
  assert.deepEqual(findings.days.filter((day) => day.countable && !day.counted).map((day) => day.day),
    ["2024-06-11", "2024-06-19", "2024-06-20"]);
});

test("the worked example's adherence: change days 7 yes, 1 partly, 1 no of 9; usual days 8 of 8 yes", () => {
  const { kept } = experimentFindings(content, experiment(), records(WORKED));
  assert.deepEqual(kept.change, { yes: 7, partly: 1, no: 1, unanswered: 0, days: 9 });
  assert.deepEqual(kept.usual, { yes: 8, partly: 0, no: 0, unanswered: 0, days: 8 });
});

test("the worked example's primary outcome: fell, 5.000 and 2.600, p 0.024, range [1.250, 3.500]", () => {
  const { primary } = experimentFindings(content, experiment(), records(WORKED));
  assert.equal(primary.verdict, "fell");
  assert.deepEqual(primary.periods.map(fixed), ["6.500", "3.500", "3.000", "5.500", "2.500", null, "3.500", "2.000", "4.500", "2.000"]);
  assert.deepEqual(numbers(primary), { mean_usual: "5.000", mean_change: "2.600", difference: "2.400",
    p_fell: "0.024", p_rose: "1.000", range: ["1.250", "3.500"] });
  assert.equal(primary.at_least_as_big, 2);
});

test("the worked example's secondary outcome, twitches logged: fell, 4.750 and 2.000, p 0.012, [1.500, 3.962]", () => {
  const { secondary } = experimentFindings(content, experiment(), records(WORKED));
  assert.equal(secondary.verdict, "fell");
  assert.deepEqual(secondary.periods.map(fixed), ["6.500", "2.500", "3.000", "4.500", "2.000", null, "3.500", "1.500", "4.500", "1.000"]);
  assert.deepEqual(numbers(secondary), { mean_usual: "4.750", mean_change: "2.000", difference: "2.750",
    p_fell: "0.012", p_rose: "1.000", range: ["1.500", "3.962"] });
});

test("the unclear vector from its records: 4.000 and 3.900, p 0.500 and 0.881, range [-0.500, 0.375]", () => {
  const pairs = [[5, 4], [4, 5], [4, 4], [5, 3], [3, 4], [4, 4], [3, 4], [4, 3], [4, 4], [5, 3]];
  const days = pairs.flatMap(([a, b]) => [[4, "yes", 1], [a, "yes", 1], [b, "yes", 1]]);
  const { primary, counted } = experimentFindings(content, experiment(), records(days));
  assert.equal(primary.verdict, "unclear");
  assert.deepEqual(numbers(primary), { mean_usual: "4.000", mean_change: "3.900", difference: "0.100",
    p_fell: "0.500", p_rose: "0.881", range: ["-0.500", "0.375"] });
  assert.deepEqual(counted, { usual: 10, change: 10, all: 20, countable: 20, missing: 0 });
});

test("the not-enough vector: without 2024-06-13 and 2024-06-14, 3 usual periods count and there are no numbers", () => {
  const days = WORKED.map((logged, n) => (["2024-06-13", "2024-06-14"].includes(addDays("2024-06-03", n)) ? null : logged));
  const { primary, counted } = experimentFindings(content, experiment(), records(days));
  assert.equal(primary.verdict, "not_enough");
  assert.deepEqual(primary.counted_periods, { usual: 3, change: 5 });
  assert.equal(primary.mean_usual, undefined);
  assert.deepEqual(counted, { usual: 6, change: 9, all: 15, countable: 20, missing: 5 });
});

test("a day counts only when its check-in has a score and answers the warning-sign question", () => {
  const diary = records(WORKED);
  const unanswered = diary.checkins.map((c) => (c.day === "2024-06-04" ? { ...c, warning_signs: [] } : c));
  const noScore = diary.checkins.map((c) => (c.day === "2024-06-05" ? { ...c, twitch_score: null } : c));
  const day = (checkins, key) => experimentDays(content, experiment(), { ...diary, checkins }).find((d) => d.day === key);
  assert.equal(day(unanswered, "2024-06-04").counted, false);
  assert.equal(day(noScore, "2024-06-05").counted, false);
  assert.equal(day(diary.checkins, "2024-06-04").counted, true);
  assert.equal(experimentFindings(content, experiment(), { ...diary, checkins: unanswered }).counted.all, 16);
  // A settling day is never counted, whatever was logged.
  assert.equal(day(diary.checkins, "2024-06-03").counted, false);
});

test("twitches logged on a day without a check-in are missing, not counted", () => {
  const diary = records(WORKED);
  diary.entries.push(entry("2024-06-11", 0), entry("2024-06-11", 1)); // period 3's second day has no check-in
  const days = experimentDays(content, experiment(), diary);
  assert.equal(days.find((d) => d.day === "2024-06-11").twitches, null);
  assert.equal(days.find((d) => d.day === "2024-06-10").twitches, 3);
  const { secondary } = experimentFindings(content, experiment(), diary);
  assert.equal(fixed(secondary.periods[2]), "3.000"); // period 3's value is still its one counted day
});

test("the newest edit of a day's check-in is the one that counts", () => {
  const diary = records(WORKED);
  diary.checkins.push(checkin("2024-06-04", 1, "yes", { id: "c-edit", updated_at: "2024-06-05T08:00:00Z" }));
  assert.equal(experimentDays(content, experiment(), diary).find((d) => d.day === "2024-06-04").score, 1);
});

test("for screen breaks only eyelid twitches are counted; for caffeine every area", () => {
  assert.deepEqual(kindCountedAreas(content, "eye_strain_screen_breaks"), ["eyelid"]);
  assert.equal(kindCountedAreas(content, "caffeine_stop_after_midday"), null);
  const diary = records(WORKED);
  diary.entries.push(entry("2024-06-04", 0, "calf_foot"));
  const twitchesOn = (kind) => experimentDays(content, experiment({ kind }), diary).find((d) => d.day === "2024-06-04").twitches;
  assert.equal(twitchesOn("eye_strain_screen_breaks"), 6);
  assert.equal(twitchesOn("caffeine_stop_after_midday"), 7);
});

test("days on and after a stop do not count, and warning signs after it are not the experiment's", () => {
  const diary = records(WORKED);
  diary.checkins = diary.checkins.map((c) => (c.day === "2024-06-16" || c.day === "2024-06-25"
    ? { ...c, warning_signs: ["weakness"] } : c));
  const stopped = experiment({ status: "stopped", ended_on: "2024-06-20", stop_reason: "person" });
  const findings = experimentFindings(content, stopped, diary);
  assert.equal(findings.counted.countable, 11); // periods 1 to 6's second and third days, before 2024-06-20
  assert.ok(findings.days.filter((d) => d.day >= "2024-06-20").every((d) => !d.countable && !d.counted));
  assert.deepEqual(findings.warning_sign_days, [{ day: "2024-06-16", signs: ["weakness"] }]);
  assert.equal(findings.primary.verdict, "not_enough");
  // Running to the end, both are listed.
  assert.deepEqual(experimentFindings(content, experiment(), diary).warning_sign_days.map((d) => d.day), ["2024-06-16", "2024-06-25"]);
});

test("the day of the plan: day 1 on the start day, 30 on the last, none outside it", () => {
  assert.equal(planDayNumber(experiment(), "2024-06-03"), 1);
  assert.equal(planDayNumber(experiment(), "2024-06-14"), 12);
  assert.equal(planDayNumber(experiment(), "2024-07-02"), 30);
  assert.equal(planDayNumber(experiment(), "2024-07-03"), null);
  assert.equal(planDayNumber(experiment(), "2024-06-02"), null);
  assert.equal(planDays(experiment()).length, 30);
});

test("finished experiments so far: the third finished one, and any later, is told about several experiments", () => {
  const run = (start, changes = {}) => experiment({ id: start, start_day: start, ...changes });
  const all = [run("2024-01-01"), run("2024-02-05", { status: "stopped", ended_on: "2024-02-10", stop_reason: "person" }),
    run("2024-03-01"), run("2024-04-01"), run("2024-05-01")];
  const today = "2024-05-20"; // the last one is still running
  assert.deepEqual(all.map((e) => finishedSoFar(all, e, today)), [1, 1, 2, 3, 3]);
  assert.equal(finishedSoFar(all, all[4], "2024-06-01"), 4);
});
