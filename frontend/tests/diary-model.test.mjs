// Diary records: their shapes and their checks, and the rules they are checked against, read from the content.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  EARLIEST_DAY,
  FUTURE_SLACK_MS,
  NOTE_MAX_LENGTH,
  SCHEMA_VERSION,
  STRENGTHS,
  cleanNote,
  latestDay,
  validateDeletion as validateDeletionOf,
  checkinAnswers as checkinAnswersOf,
  diaryRules,
  editCheckin as editCheckinOf,
  editTwitchEntry,
  newCheckin as newCheckinOf,
  newDeletion as newDeletionOf,
  newExperiment,
  newId,
  newTwitchEntry,
  prefillCheckin as prefillCheckinOf,
  reportedWarningSigns as reportedWarningSignsOf,
  retiredOptions,
  stopExperiment,
  validateCheckin as validateCheckinOf,
  validateExperiment,
  validateTwitchEntry as validateTwitchEntryOf,
} from "../js/diary/model.js";
import { habitHolds } from "../js/diary/stats.js";
import { loadContent } from "./content-fixture.mjs";

process.env.TZ = "Europe/London";

const NOW = new Date("2024-06-10T09:00:00Z");
const content = loadContent();
const rules = diaryRules(content);
// The model's functions with this content's rules.
const validateTwitchEntry = (entry) => validateTwitchEntryOf(rules, entry);
const validateCheckin = (checkin) => validateCheckinOf(rules, checkin);
const newCheckin = (...args) => newCheckinOf(rules, ...args);
const editCheckin = (...args) => editCheckinOf(rules, ...args);
const prefillCheckin = (...args) => prefillCheckinOf(rules, ...args);
const reportedWarningSigns = (checkin) => reportedWarningSignsOf(rules, checkin);
const checkinAnswers = (checkin) => checkinAnswersOf(rules, checkin);
const HABITS = rules.habitQuestions;

const optionIds = (bundle, id) => bundle.questionnaire.questions.find((q) => q.id === id).options.map((o) => o.id);
const fields = (problems) => problems.map((problem) => problem.field).sort();

const goodEntry = () => ({
  id: "3b241101-e2bb-4255-8caf-4136c566a962",
  at: "2024-06-10T22:30:00.000Z",
  day: "2024-06-10",
  tz_offset_min: -240,
  area: "eyelid",
  strength: "light",
  note: "",
  updated_at: "2024-06-10T22:30:00.000Z",
});

const goodCheckin = () => ({
  id: "5f0e7e0c-4b1a-4a4e-9d52-2f7f1b0c9a11",
  day: "2024-06-10",
  sleep: "5_to_6h",
  caffeine: "3_to_4",
  alcohol: null,
  stress: "high",
  exercise: "none",
  fluids: "4_to_7",
  screen_time: "over_8h",
  warning_signs: ["none"],
  updated_at: "2024-06-10T20:00:00.000Z",
});

test("the rules come from the content: areas and warning signs are the questionnaire's, habits diary.yml's", () => {
  assert.deepEqual([...rules.areas], optionIds(content, "areas"));
  assert.deepEqual([...rules.warningSigns], optionIds(content, "warning_signs"));
  assert.deepEqual([...rules.noSigns], ["none"], "the exclusive option: none of these");
  assert.deepEqual(rules.habits.map((habit) => habit.id), content.diary.habits.map((habit) => habit.id));
  assert.deepEqual([...HABITS], content.diary.habits.map((habit) => habit.question));
  for (const habit of rules.habits) assert.deepEqual([...habit.options], content.diary.habits.find((h) => h.id === habit.id).options);
  assert.deepEqual([...STRENGTHS], ["light", "strong", "constant"]);
  assert.equal(rules.strengths, STRENGTHS);
  assert.equal(diaryRules(content), rules, "built once per content bundle");
});

test("a habit counts only the areas its trigger's own `when` allows: screens, the eyelid", () => {
  const counted = Object.fromEntries(rules.habits.map((habit) => [habit.id, habit.counted_areas]));
  assert.deepEqual(counted.long_screen_time, ["eyelid"]);
  for (const [id, areas] of Object.entries(counted)) if (id !== "long_screen_time") assert.equal(areas, null, id);

  // Other content, other rules: nothing in the diary names the eyelid. (A bundle is never changed in place.)
  const screensWith = (when) => {
    const changed = structuredClone(content);
    changed.triggers.find((trigger) => trigger.id === "eye_strain").when = when;
    return diaryRules(changed).habits.find((habit) => habit.id === "long_screen_time").counted_areas;
  };
  assert.deepEqual(screensWith([{ question: "areas", includes_any: ["eyelid", "face"] }]), ["eyelid", "face"]);
  assert.deepEqual(screensWith([{ question: "areas", includes_none: ["eyelid"] }]), rules.areas.filter((area) => area !== "eyelid"));
  assert.equal(screensWith([{ question: "screen_time", includes_any: ["over_8h"] }]), null,
    "a `when` about the person, not the twitch, leaves every area counted");
  assert.equal(screensWith(undefined), null);
  const withKnees = structuredClone(content);
  withKnees.questionnaire.questions.find((q) => q.id === "areas").options.push({ id: "knee", label: "Knee" });
  assert.deepEqual(validateTwitchEntryOf(diaryRules(withKnees), { ...goodEntry(), area: "knee" }), []);
});

test("ids are random UUIDs", () => {
  const first = newId();
  assert.match(first, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(first, newId());
});

test("a new twitch entry is stamped now, in the device's zone, and is valid", () => {
  const entry = newTwitchEntry({ area: "calf_foot", strength: "strong", note: "  after a run  " }, NOW);
  assert.deepEqual(Object.keys(entry).sort(), ["area", "at", "day", "id", "note", "strength", "tz_offset_min", "updated_at"]);
  assert.equal(entry.note, "after a run");
  assert.equal(entry.tz_offset_min, 60);
  assert.equal(entry.updated_at, NOW.toISOString());
  assert.deepEqual(validateTwitchEntry(entry), []);
});

test("a twitch entry at a chosen time gets that time's day", () => {
  const entry = newTwitchEntry({ area: "eyelid", strength: "light", at: new Date("2024-06-10T23:30:00Z") }, NOW);
  assert.equal(entry.day, "2024-06-11");
  assert.equal(entry.at, "2024-06-10T23:30:00.000Z");
  assert.equal(entry.note, "");
});

test("editing an entry keeps its id, bumps updated_at and restamps a new time", () => {
  const entry = newTwitchEntry({ area: "eyelid", strength: "light" }, NOW);
  const later = new Date("2024-06-11T08:00:00Z");
  const edited = editTwitchEntry(entry, { strength: "constant", at: new Date("2024-06-09T12:00:00Z") }, later);
  assert.equal(edited.id, entry.id);
  assert.equal(edited.strength, "constant");
  assert.equal(edited.area, "eyelid");
  assert.equal(edited.day, "2024-06-09");
  assert.equal(edited.updated_at, later.toISOString());
  assert.equal(entry.strength, "light", "the original is not changed");
  assert.deepEqual(validateTwitchEntry(edited), []);
});

test("a good twitch entry has no problems", () => {
  assert.deepEqual(validateTwitchEntry(goodEntry()), []);
  assert.deepEqual(validateTwitchEntry({ ...goodEntry(), note: "x".repeat(NOTE_MAX_LENGTH) }), []);
});

const BAD_ENTRIES = [
  ["not a UUID", { id: "123" }, ["id"]],
  ["a number id", { id: 7 }, ["id"]],
  ["a bare date for at", { at: "2024-06-10" }, ["at"]],
  ["nonsense at", { at: "soon" }, ["at"]],
  ["an impossible day", { day: "2024-02-30" }, ["day"]],
  ["a day that does not fit at and the offset", { day: "2024-06-11" }, ["day"]],
  ["an offset of 15 hours", { tz_offset_min: 900 }, ["tz_offset_min"]],
  ["a fractional offset", { tz_offset_min: 60.5 }, ["tz_offset_min"]],
  ["an offset as text", { tz_offset_min: "-240" }, ["tz_offset_min"]],
  ["an unknown area", { area: "knee" }, ["area"]],
  ["no area", { area: undefined }, ["area"]],
  ["an unknown strength", { strength: "mild" }, ["strength"]],
  ["a missing note", { note: undefined }, ["note"]],
  ["a note too long", { note: "x".repeat(NOTE_MAX_LENGTH + 1) }, ["note"]],
  ["no updated_at", { updated_at: undefined }, ["updated_at"]],
  ["an unknown field", { colour: "red" }, ["colour"]],
];

for (const [name, change, badFields] of BAD_ENTRIES) {
  test(`a twitch entry with ${name} names the field`, () => {
    const entry = { ...goodEntry(), ...change };
    for (const [field, value] of Object.entries(change)) if (value === undefined) delete entry[field];
    const problems = validateTwitchEntry(entry);
    assert.deepEqual(fields(problems), badFields);
    for (const { code, values } of problems) assert.ok(typeof code === "string" && typeof values === "object", code);
  });
}

test("an empty twitch entry names every required field", () => {
  assert.deepEqual(fields(validateTwitchEntry({})), ["area", "at", "day", "id", "note", "strength", "tz_offset_min", "updated_at"]);
  assert.deepEqual(fields(validateTwitchEntry(null)), ["entry"]);
  assert.deepEqual(fields(validateTwitchEntry([])), ["entry"]);
});

test("a good check-in has no problems", () => {
  assert.deepEqual(validateCheckin(goodCheckin()), []);
  assert.deepEqual(validateCheckin({ ...goodCheckin(), warning_signs: [] }), []);
});

const BAD_CHECKINS = [
  ["an unknown sleep option", { sleep: "6h" }, ["sleep"]],
  ["the caffeine option of another question", { caffeine: "some" }, ["caffeine"]],
  ["a missing habit", { fluids: undefined }, ["fluids"]],
  ["a bad day", { day: "10/06/2024" }, ["day"]],
  ["warning signs not a list", { warning_signs: "weakness" }, ["warning_signs"]],
  ["an unknown warning sign", { warning_signs: ["dizzy"] }, ["warning_signs"]],
  ["the same warning sign twice", { warning_signs: ["weakness", "weakness"] }, ["warning_signs"]],
  ["none with another warning sign", { warning_signs: ["none", "weakness"] }, ["warning_signs"]],
  ["an unknown field", { nicotine: "yes" }, ["nicotine"]],
];

for (const [name, change, badFields] of BAD_CHECKINS) {
  test(`a check-in with ${name} names the field`, () => {
    const checkin = { ...goodCheckin(), ...change };
    for (const [field, value] of Object.entries(change)) if (value === undefined) delete checkin[field];
    assert.deepEqual(fields(validateCheckin(checkin)), badFields);
  });
}

test("a problem is a code with the values its words need, never a sentence", () => {
  assert.deepEqual(validateTwitchEntry({ ...goodEntry(), strength: "mild" }),
    [{ field: "strength", code: "not_one_of", values: { options: ["light", "strong", "constant"], optional: false } }]);
  assert.deepEqual(validateCheckin({ ...goodCheckin(), sleep: "6h" })[0],
    { field: "sleep", code: "not_one_of", values: { options: ["under_5h", "5_to_6h", "7_to_8h", "over_8h"], optional: true } });
  assert.deepEqual(validateCheckin({ ...goodCheckin(), warning_signs: ["none", "weakness"] }),
    [{ field: "warning_signs", code: "exclusive_with_others", values: { option: "none" } }]);
  assert.deepEqual(validateTwitchEntry({ ...goodEntry(), tz_offset_min: 900 }),
    [{ field: "tz_offset_min", code: "not_offset", values: { min: -720, max: 840 } }]);
});

test("an empty check-in names its required fields; habits only need to be present", () => {
  assert.deepEqual(fields(validateCheckin({})), ["alcohol", "caffeine", "day", "exercise", "fluids", "id", "screen_time", "sleep", "stress", "updated_at", "warning_signs"]);
  assert.deepEqual(fields(validateCheckin("2024-06-10")), ["checkin"]);
});

test("a new check-in has every habit, null when not answered", () => {
  const checkin = newCheckin("2024-06-10", { sleep: "under_5h", warning_signs: ["weakness"] }, NOW);
  assert.equal(checkin.sleep, "under_5h");
  assert.equal(checkin.caffeine, null);
  assert.deepEqual(checkin.warning_signs, ["weakness"]);
  assert.deepEqual(validateCheckin(checkin), []);
});

test("a check-in is pre-filled from yesterday's habits but never its warning signs", () => {
  const draft = prefillCheckin(goodCheckin(), "2024-06-11", NOW);
  for (const habit of HABITS) assert.equal(draft[habit], goodCheckin()[habit], habit);
  assert.equal(draft.day, "2024-06-11");
  assert.notEqual(draft.id, goodCheckin().id);
  assert.deepEqual(draft.warning_signs, []);
  assert.deepEqual(validateCheckin(draft), []);
  const first = prefillCheckin(undefined, "2024-06-11", NOW);
  for (const habit of HABITS) assert.equal(first[habit], null);
});

test("editing a check-in changes only what is given", () => {
  const later = new Date("2024-06-11T07:00:00Z");
  const edited = editCheckin(goodCheckin(), { sleep: "7_to_8h", warning_signs: ["stiffness"] }, later);
  assert.equal(edited.sleep, "7_to_8h");
  assert.equal(edited.caffeine, "3_to_4");
  assert.deepEqual(edited.warning_signs, ["stiffness"]);
  assert.equal(edited.updated_at, later.toISOString());
  assert.equal(edited.id, goodCheckin().id);
});

test("reported warning signs leave out none, for the triage the app shows at once", () => {
  assert.deepEqual(reportedWarningSigns(goodCheckin()), []);
  assert.deepEqual(reportedWarningSigns({ warning_signs: ["breathing", "weakness"] }), ["breathing", "weakness"]);
  assert.deepEqual(reportedWarningSigns(undefined), []);
});

test("a check-in gives questionnaire answers for the engine, skipping unanswered habits", () => {
  const answers = checkinAnswers({ ...goodCheckin(), warning_signs: ["breathing"] });
  assert.deepEqual(answers, {
    sleep: "5_to_6h",
    caffeine: "3_to_4",
    stress: "high",
    exercise: "none",
    fluids: "4_to_7",
    screen_time: "over_8h",
    warning_signs: ["breathing"],
  });
  assert.deepEqual(checkinAnswers({ ...goodCheckin(), warning_signs: [] }).warning_signs, undefined);
});

// Dates in a sane range, and notes without characters no note needs (issue 11) ------------------------------

const validateDeletion = (deletion, now) => validateDeletionOf(deletion, now);
const codesOf = (problems) => problems.map(({ field, code }) => `${field} ${code}`).sort();
const at0000 = "0000-01-01T10:00:00.000Z";
const at9999 = "9999-12-31T10:00:00.000Z";

test("a twitch entry dated in year 0000 or 9999 is refused, field by field", () => {
  const early = { ...goodEntry(), at: at0000, day: "0000-01-01", tz_offset_min: 0, updated_at: at0000 };
  assert.deepEqual(codesOf(validateTwitchEntryOf(rules, early, NOW)), ["at too_early", "day too_early", "updated_at too_early"]);
  const late = { ...goodEntry(), at: at9999, day: "9999-12-31", tz_offset_min: 0, updated_at: at9999 };
  assert.deepEqual(codesOf(validateTwitchEntryOf(rules, late, NOW)), ["at in_future", "day in_future", "updated_at in_future"]);
  assert.deepEqual(validateTwitchEntryOf(rules, early, NOW).find(({ code }) => code === "too_early").values, { earliest: EARLIEST_DAY });
});

test("a check-in for year 0000 or 9999 is refused", () => {
  assert.deepEqual(codesOf(validateCheckinOf(rules, { ...goodCheckin(), day: "0000-01-01" }, NOW)), ["day too_early"]);
  assert.deepEqual(codesOf(validateCheckinOf(rules, { ...goodCheckin(), day: "9999-12-31" }, NOW)), ["day in_future"]);
});

test("a deletion note dated in the future is refused: it would delete every later change until then", () => {
  const note = (deleted_at) => ({ id: goodEntry().id, kind: "entry", deleted_at });
  assert.deepEqual(codesOf(validateDeletion(note("2030-01-01T00:00:00.000Z"), NOW)), ["deleted_at in_future"]);
  assert.deepEqual(codesOf(validateDeletion(note(at9999), NOW)), ["deleted_at in_future"]);
  assert.deepEqual(codesOf(validateDeletion(note(at0000), NOW)), ["deleted_at too_early"]);
  assert.deepEqual(validateDeletion(note(NOW.toISOString()), NOW), []);
});

test("the range runs from the first day of 2000 to a day past now, for clocks set wrong by hours", () => {
  const first = { ...goodEntry(), at: "2000-01-01T00:00:00.000Z", day: EARLIEST_DAY, tz_offset_min: 0, updated_at: "2000-01-01T00:00:00.000Z" };
  assert.deepEqual(validateTwitchEntryOf(rules, first, NOW), []);
  const soon = new Date(NOW.getTime() + FUTURE_SLACK_MS - 60 * 1000).toISOString();
  assert.deepEqual(validateDeletion({ id: goodEntry().id, kind: "entry", deleted_at: soon }, NOW), []);
  const beyond = new Date(NOW.getTime() + FUTURE_SLACK_MS + 60 * 1000).toISOString();
  assert.deepEqual(codesOf(validateDeletion({ id: goodEntry().id, kind: "entry", deleted_at: beyond }, NOW)), ["deleted_at in_future"]);
  assert.equal(latestDay(NOW), "2024-06-11", "a day after now, in the zone furthest ahead (UTC+14)");
});

test("a note keeps tabs and line breaks but not control characters or half a surrogate pair", () => {
  assert.equal(cleanNote(" tea\u0000 at\u001b 4\tpm\nok \ud83d\ude00 \ud800 "), "tea at 4\tpm\nok \ud83d\ude00");
  assert.deepEqual(codesOf(validateTwitchEntry({ ...goodEntry(), note: "bell\u0007" })), ["note bad_characters"]);
  assert.deepEqual(codesOf(validateTwitchEntry({ ...goodEntry(), note: "half \udc00" })), ["note bad_characters"]);
  assert.equal(newTwitchEntry({ area: "eyelid", strength: "light", note: "a\u0001b" }, NOW).note, "ab");
});

test("an answer the content no longer has is not carried into a new check-in, nor scored, nor counted as a habit", () => {
  const old = { ...newCheckinOf(rules, "2024-06-10", { sleep: "5_to_6h", caffeine: "3_to_4" }), sleep: "under_4h",
    warning_signs: ["none", "eyelid_droop_new"] };
  assert.deepEqual(retiredOptions(rules, "checkin", old), [{ field: "sleep", value: "under_4h" },
    { field: "warning_signs", value: "eyelid_droop_new" }]);
  const next = prefillCheckinOf(rules, old, "2024-06-11");
  assert.equal(next.sleep, null);
  assert.equal(next.caffeine, "3_to_4");
  assert.deepEqual(checkinAnswersOf(rules, old), { caffeine: "3_to_4", warning_signs: ["none"] });
  const sleep = rules.habits.find((habit) => habit.question === "sleep");
  assert.equal(habitHolds(sleep, old), null);
  assert.deepEqual(retiredOptions(rules, "entry", { area: "forearm_inner" }), [{ field: "area", value: "forearm_inner" }]);
  assert.deepEqual(retiredOptions(rules, "entry", { area: "eyelid" }), []);
});

test("a deletion note is never dated before the record it deletes was last changed", () => {
  const behind = new Date("2024-06-07T10:00:00Z");
  assert.equal(newDeletionOf("x", "entry", behind, "2024-06-10T10:00:00.000Z").deleted_at, "2024-06-10T10:00:00.000Z");
  assert.equal(newDeletionOf("x", "entry", behind, "2024-06-01T10:00:00.000Z").deleted_at, behind.toISOString());
  assert.equal(newDeletionOf("x", "entry", behind).deleted_at, behind.toISOString());
});

// Personal experiments (personal-experiment.md section 11): the record and the check-in's two questions.
const WORKED_ORDER = ["usual", "change", "change", "usual", "change", "usual", "usual", "change", "usual", "change"];
const AT = new Date("2024-06-02T20:00:00Z");
const experimentOf = (changes = {}) => ({
  ...newExperiment({ kind: "caffeine_stop_after_midday", start_day: "2024-06-03", order: WORKED_ORDER }, AT), ...changes });
const experimentProblems = (record, options) => validateExperiment(rules, record, AT, options).map(({ field, code }) => [field, code]);

test("backups of schema 3 hold experiments; a new experiment runs, with the worked example's order", () => {
  assert.equal(SCHEMA_VERSION, 3);
  const experiment = experimentOf();
  assert.deepEqual(experimentProblems(experiment), []);
  assert.deepEqual([experiment.design, experiment.status, experiment.period_days, experiment.settling_days, experiment.stop_reason],
    ["alternation-10-v1", "running", 3, 1, null]);
  assert.deepEqual(rules.experimentKinds.length, 9);
});

test("a hand-made order that is not one of the 84 is refused, as are other designs and lengths", () => {
  const threeInARow = ["usual", "usual", "usual", "change", "change", "usual", "change", "usual", "change", "change"];
  assert.deepEqual(experimentProblems(experimentOf({ order: threeInARow })), [["order", "not_allowed_order"]]);
  assert.deepEqual(experimentProblems(experimentOf({ order: WORKED_ORDER.slice(0, 9) })), [["order", "not_allowed_order"]]);
  assert.deepEqual(experimentProblems(experimentOf({ order: WORKED_ORDER.map((label) => (label === "usual" ? "change" : "usual")).concat("usual") })),
    [["order", "not_allowed_order"]]);
  assert.deepEqual(experimentProblems(experimentOf({ design: "before-after" })), [["design", "not_one_of"]]);
  assert.deepEqual(experimentProblems(experimentOf({ period_days: 8 })), [["period_days", "not_integer"]]);
  assert.deepEqual(experimentProblems(experimentOf({ settling_days: 3 })), [["settling_days", "not_integer"]]);
  assert.deepEqual(experimentProblems(experimentOf({ start_day: "1999-12-31" })), [["start_day", "too_early"]]);
  assert.deepEqual(experimentProblems(experimentOf({ colour: "red" })), [["colour", "unknown_field"]]);
});

test("an experiment's kind is one of the content's; a backup keeps one the content no longer has", () => {
  assert.deepEqual(experimentProblems(experimentOf({ kind: "electrolytes_magnesium_foods" })), [["kind", "not_one_of"]]);
  assert.deepEqual(experimentProblems(experimentOf({ kind: "retired_kind" }), { keepRetired: true }), []);
});

test("a stopped experiment says when and why; a paused one since when; a running one neither", () => {
  const stopped = stopExperiment(experimentOf(), "2024-06-03", "person", AT);
  assert.deepEqual(experimentProblems(stopped), []);
  assert.deepEqual([stopped.status, stopped.ended_on, stopped.stop_reason], ["stopped", "2024-06-03", "person"]);
  assert.deepEqual(experimentProblems({ ...stopped, stop_reason: null }), [["stop_reason", "not_one_of"]]);
  assert.deepEqual(experimentProblems({ ...stopped, ended_on: null }), [["ended_on", "needs_value"]]);
  assert.deepEqual(experimentProblems(experimentOf({ status: "paused" })), [["paused_on", "needs_value"]]);
  assert.deepEqual(experimentProblems(experimentOf({ status: "paused", paused_on: "2024-06-03" })), []);
  assert.deepEqual(experimentProblems(experimentOf({ stop_reason: "person" })), [["stop_reason", "must_be_null"]]);
  assert.deepEqual(experimentProblems(experimentOf({ status: "finished" })), [["status", "not_one_of"]]);
});

test("a check-in's twitch score is a whole number from 0 to 10 and plan_kept yes, partly or no; both null outside experiments", () => {
  const fresh = newCheckin("2024-06-03", {}, AT);
  assert.deepEqual([fresh.twitch_score, fresh.plan_kept], [null, null]);
  const problems = (changes) => validateCheckin({ ...fresh, ...changes }).map(({ field, code }) => [field, code]);
  assert.deepEqual(problems({ twitch_score: 0, plan_kept: "partly" }), []);
  assert.deepEqual(problems({ twitch_score: 10, plan_kept: "yes" }), []);
  assert.deepEqual(problems({ twitch_score: 11 }), [["twitch_score", "not_integer"]]);
  assert.deepEqual(problems({ twitch_score: 2.5 }), [["twitch_score", "not_integer"]]);
  assert.deepEqual(problems({ twitch_score: "5" }), [["twitch_score", "not_integer"]]);
  assert.deepEqual(problems({ plan_kept: "maybe" }), [["plan_kept", "not_one_of"]]);
});

test("the experiment's two questions are never filled in from the day before", () => {
  const yesterday = { ...newCheckin("2024-06-03", { sleep: "under_5h" }, AT), twitch_score: 6, plan_kept: "yes" };
  const draft = prefillCheckin(yesterday, "2024-06-04", AT);
  assert.equal(draft.sleep, "under_5h");
  assert.deepEqual([draft.twitch_score, draft.plan_kept], [null, null]);
});
