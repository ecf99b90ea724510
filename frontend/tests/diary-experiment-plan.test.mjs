// Who may start a personal experiment, which kinds are offered, and what each day of a plan is (contract
// sections 2, 3, 5 and 10).
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  afterWarningSigns, asksExperimentQuestions, countableDay, currentExperiment, experimentStatus, offeredKinds, planOn, startBlock,
} from "../js/diary/experiment-plan.js";
import { loadContent } from "./content-fixture.mjs";

const content = loadContent();
const calm = { warning_signs: ["none"], other_signs: ["none"], about_you: ["none"], areas: ["eyelid"],
  duration: "under_1_week", caffeine: "3_to_4", alcohol: "some", sleep: "5_to_6h", stress: "high" };
const ids = (answers) => offeredKinds(content, answers).map((kind) => kind.id);
const ORDER = ["usual", "change", "change", "usual", "change", "usual", "usual", "change", "usual", "change"];
const plan = (changes = {}) => ({ id: "e1", kind: "caffeine_stop_after_midday", design: "alternation-10-v1",
  start_day: "2024-06-03", period_days: 3, settling_days: 1, order: ORDER, status: "running", paused_on: null,
  ended_on: null, stop_reason: null, created_at: "2024-06-02T20:00:00Z", updated_at: "2024-06-02T20:00:00Z", ...changes });

test("no kind is offered before a check with both safety questions answered", () => {
  assert.deepEqual(ids({}), []);
  assert.deepEqual(ids({ ...calm, other_signs: undefined }), []);
  assert.equal(startBlock(content, {}).blocked, "no_check");
});

test("an eyelid twitcher who drinks coffee and alcohol is offered the caffeine, screen-break and alcohol kinds", () => {
  const offered = ids(calm);
  for (const id of ["caffeine_stop_after_midday", "eye_strain_screen_breaks", "alcohol_not_before_bed"]) {
    assert.ok(offered.includes(id), id);
  }
});

test("kinds whose own rules or the tip's cautions say no are not offered", () => {
  assert.ok(!ids({ ...calm, caffeine: "none" }).includes("caffeine_stop_after_midday"));
  assert.ok(!ids({ ...calm, areas: ["calf"] }).includes("eye_strain_screen_breaks"));
  assert.ok(!ids({ ...calm, about_you: ["pregnant"] }).includes("alcohol_not_before_bed"));
  assert.ok(!ids({ ...calm, about_you: ["pregnant"] }).includes("caffeine_stop_after_midday"));
  assert.ok(!ids({ ...calm, about_you: ["under_16"] }).includes("caffeine_stop_after_midday"));
  assert.ok(!ids({ ...calm, health_conditions: ["kidney_disease"] }).includes("dehydration_sip_through_the_day"));
});

test("start is blocked at 24 hours or sooner, and by a warning sign in today's check-in", () => {
  assert.equal(startBlock(content, calm).blocked, null);
  const urgent = startBlock(content, { ...calm, warning_signs: ["sudden_one_side"] });
  assert.equal(urgent.blocked, "triage_level");
  const today = { day: "2024-06-03", warning_signs: ["sudden_one_side"], other_signs: ["none"] };
  assert.equal(startBlock(content, calm, today).blocked, "warning_signs");
  assert.equal(startBlock(content, { ...calm, duration: "over_3_months" }).triage.level, "consultation");
  assert.equal(startBlock(content, { ...calm, duration: "over_3_months" }).blocked, null);
});

test("an experiment is upcoming, running, finished, paused or stopped by its record and today", () => {
  assert.equal(experimentStatus(plan(), "2024-06-02"), "upcoming");
  assert.equal(experimentStatus(plan(), "2024-06-03"), "running");
  assert.equal(experimentStatus(plan(), "2024-07-02"), "running");
  assert.equal(experimentStatus(plan(), "2024-07-03"), "finished");
  assert.equal(experimentStatus(plan({ status: "paused", paused_on: "2024-06-10" }), "2024-07-03"), "paused");
  assert.equal(experimentStatus(plan({ status: "stopped", ended_on: "2024-06-10", stop_reason: "person" }), "2024-06-11"), "stopped");
  assert.equal(currentExperiment([plan()], "2024-07-02")?.id, "e1");
  assert.equal(currentExperiment([plan()], "2024-07-03"), null);
});

test("each plan day says its plan; settling, paused and stopped days do not count", () => {
  assert.deepEqual(planOn(plan(), "2024-06-06"), { day: "2024-06-06", period: 2, plan: "change", settling: true });
  assert.equal(planOn(plan(), "2024-07-03"), null);
  assert.equal(countableDay(plan(), "2024-06-06"), false);
  assert.equal(countableDay(plan(), "2024-06-07"), true);
  assert.equal(countableDay(plan({ status: "paused", paused_on: "2024-06-07" }), "2024-06-07"), false);
  assert.equal(countableDay(plan({ status: "stopped", ended_on: "2024-06-08", stop_reason: "person" }), "2024-06-08"), false);
  assert.equal(asksExperimentQuestions(plan(), "2024-06-03"), true);
  assert.equal(asksExperimentQuestions(plan({ status: "paused", paused_on: "2024-06-03" }), "2024-06-04"), false);
  assert.equal(asksExperimentQuestions(plan(), "2024-06-02"), false);
});

test("warning signs on a plan day pause a running experiment at consultation and stop it at 24 hours or sooner", () => {
  const now = new Date("2024-06-10T21:00:00Z");
  const paused = afterWarningSigns([plan()], { day: "2024-06-10", level: "consultation", today: "2024-06-10" }, now);
  assert.deepEqual([paused.status, paused.paused_on, paused.ended_on, paused.stop_reason], ["paused", "2024-06-10", null, null]);
  assert.equal(paused.updated_at, now.toISOString());
  for (const level of ["consultation_24", "emergency", "emergency_ambulance"]) {
    for (const record of [plan(), paused]) {
      const stopped = afterWarningSigns([record], { day: "2024-06-10", level, today: "2024-06-11" }, now);
      assert.deepEqual([stopped.status, stopped.ended_on, stopped.stop_reason, stopped.paused_on],
        ["stopped", "2024-06-11", "warning_signs", null], level);
    }
  }
  // Paused stays paused from the first day; nothing at self-care; a day outside the plan changes nothing.
  assert.equal(afterWarningSigns([paused], { day: "2024-06-12", level: "consultation", today: "2024-06-12" }, now), null);
  assert.equal(afterWarningSigns([plan()], { day: "2024-06-10", level: "self_care", today: "2024-06-10" }, now), null);
  assert.equal(afterWarningSigns([plan()], { day: "2024-06-01", level: "emergency", today: "2024-06-02" }, now), null);
  // Signs on the day it was started (it begins the next day) stop or pause it as well: a start needs a calm day.
  assert.equal(afterWarningSigns([plan()], { day: "2024-06-02", level: "emergency", today: "2024-06-02" }, now).stop_reason, "warning_signs");
  assert.equal(afterWarningSigns([plan()], { day: "2024-06-02", level: "consultation", today: "2024-06-02" }, now).paused_on, "2024-06-02");
  // A finished experiment keeps its result; a stopped one stays as it was stopped.
  assert.equal(afterWarningSigns([plan()], { day: "2024-07-02", level: "emergency", today: "2024-07-03" }, now), null);
  const stopped = plan({ status: "stopped", ended_on: "2024-06-08", stop_reason: "person" });
  assert.equal(afterWarningSigns([stopped], { day: "2024-06-10", level: "emergency", today: "2024-06-10" }, now), null);
});
