// Diary backups: JSON and CSV export, import checks (and the words a refused file is explained in), and
// merging without duplicates.
process.env.TZ = "America/New_York";

import { test } from "node:test";
import assert from "node:assert/strict";

import {
  BACKUP_FORMAT,
  BackupError,
  CSV_COLUMNS,
  MAX_REPORTED_PROBLEMS,
  backupDocument,
  csvCell,
  exportCsv,
  exportFileName,
  exportJson,
  maxBackupBytes,
  mergeBackup,
  parseBackup as parseBackupOf,
  parseBackupInSteps,
  readBackupFile,
  sameContent,
} from "../js/diary/backup.js";
import {
  DIARY_CAPACITY, NOTE_MAX_LENGTH, SCHEMA_VERSION, diaryRules, newCheckin, newExperiment, newTwitchEntry, validateCheckin,
  validateDeletion, validateTwitchEntry,
} from "../js/diary/model.js";
import { addDays } from "../js/diary/days.js";
import { analyse, planDays } from "../js/diary/experiment.js";
import { backupProblemText, recordProblemText } from "../js/ui/parts/diary-problems.js";
import { useWords } from "../js/words.js";
import { loadContent } from "./content-fixture.mjs";

const content = loadContent();
const rules = diaryRules(content);
useWords(content.ui, "en");
const parseBackup = (text) => parseBackupOf(rules, text);
/** A backup file merged into the current diary, as the backup screen and the store do it. */
const importBackup = (current, text) => mergeBackup(current, parseBackup(text));

const EXPORTED = new Date("2024-06-12T10:00:00Z");

const entry = (overrides = {}) => ({
  id: "11111111-1111-4111-8111-111111111111",
  at: "2024-06-10T12:30:00.000Z",
  day: "2024-06-10",
  tz_offset_min: -240,
  area: "eyelid",
  strength: "light",
  note: "",
  updated_at: "2024-06-10T12:30:00.000Z",
  ...overrides,
});

const checkin = (overrides = {}) => ({
  id: "22222222-2222-4222-8222-222222222222",
  day: "2024-06-10",
  sleep: "5_to_6h",
  caffeine: "3_to_4",
  alcohol: "none",
  stress: "high",
  exercise: null,
  fluids: "4_to_7",
  screen_time: "over_8h",
  warning_signs: ["none"],
  updated_at: "2024-06-10T21:00:00.000Z",
  ...overrides,
});

const ENTRY_2 = entry({ id: "33333333-3333-4333-8333-333333333333", at: "2024-06-11T02:00:00.000Z", day: "2024-06-10", area: "calf_foot", strength: "strong", note: "after football" });
const diary = () => ({ entries: [ENTRY_2, entry()], checkins: [checkin()] });
const backupText = (document) => JSON.stringify({ format: BACKUP_FORMAT, schema_version: SCHEMA_VERSION, exported_at: EXPORTED.toISOString(), entries: [], checkins: [], experiments: [], deleted: [], ...document });

/** The problems a bad file gives, in the words the person reads; fails the test when it is accepted. */
function problemsOf(text) {
  return refusalsOf(text).map(backupProblemText);
}

/** The problems a bad file gives, as codes with their values; fails the test when it is accepted. */
function refusalsOf(text) {
  try {
    parseBackup(text);
  } catch (error) {
    assert.ok(error instanceof BackupError, `a BackupError, not ${error}`);
    assert.equal(error.message, error.problems.map(({ code }) => code).join(", "));
    return error.problems;
  }
  assert.fail("the file was accepted");
}

/** Rows of an RFC 4180 CSV text, to read back what the export wrote. */
function parseCsv(text) {
  const rows = [[]];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') (cell += '"'), (index += 1);
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") rows.at(-1).push(cell), (cell = "");
    else if (char === "\r" && text[index + 1] === "\n") rows.at(-1).push(cell), (cell = ""), rows.push([]), (index += 1);
    else cell += char;
  }
  if (cell !== "" || rows.at(-1).length) rows.at(-1).push(cell);
  else rows.pop();
  return rows;
}

test("the JSON backup has the format, schema version, export time and every record, oldest first", () => {
  const document = backupDocument(diary(), EXPORTED);
  assert.equal(document.format, "twitch-diary");
  assert.equal(document.schema_version, SCHEMA_VERSION);
  assert.equal(document.exported_at, "2024-06-12T10:00:00.000Z");
  assert.deepEqual(document.entries, [entry(), ENTRY_2]);
  assert.deepEqual(document.checkins, [checkin()]);
  assert.deepEqual(exportFileName("2024-06-12"), "twitch-diary-2024-06-12.json");
  assert.deepEqual(exportFileName("2024-06-12", "csv"), "twitch-diary-2024-06-12.csv");
});

test("an exported backup imports back as it was", () => {
  const backup = parseBackup(exportJson(diary(), EXPORTED));
  assert.deepEqual(backup, { schema_version: SCHEMA_VERSION, exported_at: EXPORTED.toISOString(), entries: [entry(), ENTRY_2], checkins: [checkin()], experiments: [], deleted: [], retired: [] });
});

test("records made by the model export and import cleanly", () => {
  const made = { entries: [newTwitchEntry({ area: "thigh", strength: "constant", note: "a, \"b\"\nc" })], checkins: [newCheckin(rules, "2024-06-10", { sleep: "under_5h" })] };
  assert.deepEqual(parseBackup(exportJson(made)).entries, made.entries);
});

test("CSV cells: quotes for commas, quotes and line breaks; a guard for formulas", () => {
  assert.equal(csvCell("plain"), "plain");
  assert.equal(csvCell("a, b"), '"a, b"');
  assert.equal(csvCell('she said "hi"'), '"she said ""hi"""');
  assert.equal(csvCell("one\ntwo"), '"one\ntwo"');
  assert.equal(csvCell("one\r\ntwo"), '"one\r\ntwo"');
  assert.equal(csvCell("=HYPERLINK(\"x\")"), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvCell("+1 cup"), "'+1 cup");
  assert.equal(csvCell("-- tired"), "'-- tired");
  assert.equal(csvCell("@SUM(A1)"), "'@SUM(A1)");
  assert.equal(csvCell("\t=1"), "\"'\t'=1\"", "a tab is a separator too");
  assert.equal(csvCell(-300), "-300", "our own numbers are not formulas");
  assert.equal(csvCell(""), "");
  assert.equal(csvCell(null), "");
  assert.equal(csvCell("café ☕"), "café ☕");
});

test("the CSV has one row per twitch entry, oldest first, with the time as the person saw it", () => {
  const tricky = entry({ id: "44444444-4444-4444-8444-444444444444", at: "2024-06-09T10:00:00.000Z", day: "2024-06-09", tz_offset_min: 60, note: '=1+1, "quoted"\nsecond line' });
  const text = exportCsv([...diary().entries, tricky]);
  assert.ok(text.startsWith("\uFEFF"));
  assert.ok(text.endsWith("\r\n"));
  const rows = parseCsv(text.slice(1));
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.equal(rows.length, 4);
  assert.deepEqual(rows[1], ["2024-06-09", "11:00", "60", "eyelid", "light", '\'=1+1, "quoted"\nsecond line', "2024-06-09T10:00:00.000Z", tricky.id]);
  assert.deepEqual(rows[2], ["2024-06-10", "08:30", "-240", "eyelid", "light", "", "2024-06-10T12:30:00.000Z", entry().id]);
  assert.deepEqual(rows[3], ["2024-06-10", "22:00", "-240", "calf_foot", "strong", "after football", "2024-06-11T02:00:00.000Z", ENTRY_2.id]);
});

test("the CSV's headings are in the person's language; its cells stay the diary's own values", () => {
  const headings = { day: "Día", time: "Hora", area: "Dónde", note: "Nota, libre" };
  const rows = parseCsv(exportCsv([entry()], headings).slice(1));
  assert.deepEqual(rows[0], ["Día", "Hora", "tz_offset_min", "Dónde", "strength", "Nota, libre", "at", "id"]);
  assert.deepEqual(rows[1].slice(0, 5), ["2024-06-10", "08:30", "-240", "eyelid", "light"]);
});

test("the CSV of an empty diary is its header", () => {
  assert.equal(exportCsv([]), `\uFEFF${CSV_COLUMNS.join(",")}\r\n`);
});

const BAD_FILES = [
  ["an empty file", "", "empty", /empty/],
  ["a file of spaces", "  \n", "empty", /empty/],
  ["not JSON", "day,area\n2024-06-10,eyelid", "not_json", /not JSON/],
  ["a JSON list", "[]", "not_backup", /not a twitch diary backup/],
  ["JSON null", "null", "not_backup", /not a twitch diary backup/],
  ["another app's JSON", JSON.stringify({ format: "cycle-tracker", schema_version: 1, entries: [] }), "not_backup", /not a twitch diary backup/],
  ["no schema version", JSON.stringify({ format: BACKUP_FORMAT, entries: [], checkins: [] }), "bad_version", /schema_version/],
  ["a schema version as text", backupText({ schema_version: "1" }), "bad_version", /schema_version/],
  ["a newer schema version", backupText({ schema_version: SCHEMA_VERSION + 1 }), "newer_version", /newer version of the app \(schema version 4; this app reads up to 3\)\. Update the app/],
  ["entries not a list", backupText({ entries: {} }), "not_a_list", /entries must be a list/],
  ["no check-ins", backupText({ checkins: undefined }), "not_a_list", /checkins must be a list/],
  ["deletions not a list", backupText({ deleted: "none" }), "not_a_list", /deleted must be a list/],
  ["a deletion of something else", backupText({ deleted: [{ id: "11111111-1111-4111-8111-111111111111", kind: "note", deleted_at: "2024-06-12T10:00:00.000Z" }] }), "bad_record", /^Deletion #1: kind must be one of entry, checkin, experiment\.$/],
];

for (const [name, text, code, words] of BAD_FILES) {
  test(`a backup with ${name} is refused with a clear message`, () => {
    assert.equal(refusalsOf(text)[0].code, code);
    assert.match(problemsOf(text)[0], words);
  });
}

test("a refusal carries values, not sentences: the screen words them", () => {
  assert.deepEqual(refusalsOf(backupText({ schema_version: SCHEMA_VERSION + 1 })), [{ code: "newer_version", values: { version: 4, supported: 3 } }]);
  assert.deepEqual(refusalsOf(backupText({ entries: ["eyelid"] })), [{ code: "bad_record",
    values: { record: "entry", number: 1, field: "entry", problem: { field: "entry", code: "not_object", values: {} } } }]);
});

test("a bad record names its number and field", () => {
  // Not option ids at all (an option the content no longer has is kept: see "a content rollback" below).
  const problems = problemsOf(backupText({ entries: [entry(), entry({ id: "55555555-5555-4555-8555-555555555555", area: "Knee!" })], checkins: [checkin({ sleep: 7 })] }));
  assert.equal(problems.length, 2);
  assert.equal(problems[0], `Entry #2: area must be one of ${rules.areas.join(", ")}.`);
  assert.equal(problems[1], "Check-in #1: sleep must be one of under_5h, 5_to_6h, 7_to_8h, over_8h or null.");
});

test("every problem a record can have has words, with its values filled in", () => {
  const entries = [
    { ...entry(), colour: "red", id: "x", at: "soon", tz_offset_min: 900, area: "knee", note: 7 },
    { ...entry(), day: "2024-06-11" }, { ...entry(), day: "10/06" }, { ...entry(), note: "x".repeat(501) }, "eyelid",
    { ...entry(), day: "1999-12-31", note: "\u0007" }, { ...entry(), updated_at: "9999-01-01T00:00:00.000Z" },
  ];
  const checkins = [{ ...checkin(), sleep: "6h", warning_signs: "weakness" }, { ...checkin(), warning_signs: ["dizzy", "none", "none"] }];
  const problems = [...entries.flatMap((e) => validateTwitchEntry(rules, e)), ...checkins.flatMap((c) => validateCheckin(rules, c)),
    ...validateDeletion({})];
  assert.deepEqual([...new Set(problems.map(({ code }) => code))].sort(), ["bad_characters", "day_mismatch", "exclusive_with_others",
    "in_future", "not_day", "not_instant", "not_list", "not_object", "not_offset", "not_one_of", "not_text", "not_uuid",
    "repeated_option", "too_early", "too_long", "unknown_field", "unknown_options"]);
  for (const problem of problems) assert.doesNotMatch(recordProblemText(problem), /[{}]|undefined/, problem.code);
  assert.equal(recordProblemText(validateCheckin(rules, checkins[1])[1]), "has the same option twice");
  assert.equal(recordProblemText(validateCheckin(rules, checkins[1])[2]), "cannot have none with other options");
});

test("a record that is not an object is named too", () => {
  assert.deepEqual(problemsOf(backupText({ entries: ["eyelid"] })), ["Entry #1: entry must be an object."]);
});

test("the same id twice, or two check-ins for one day, in one file are refused", () => {
  assert.deepEqual(problemsOf(backupText({ entries: [entry(), entry({ note: "again" })] })), ["Entry #2 has the same id as entry #1."]);
  const otherId = "66666666-6666-4666-8666-666666666666";
  assert.deepEqual(problemsOf(backupText({ checkins: [checkin(), checkin({ id: otherId })] })), ["Check-in #2 is for the same day (2024-06-10) as check-in #1."]);
});

test("a file with many problems lists the first few and how many more", () => {
  const entries = Array.from({ length: 15 }, (_, index) => entry({ id: `bad-${index}` }));
  const problems = problemsOf(backupText({ entries }));
  assert.equal(problems.length, MAX_REPORTED_PROBLEMS + 1);
  assert.equal(problems.at(-1), "…and 5 more problems.");
});

test("a backup that starts with a byte order mark is read", () => {
  assert.deepEqual(parseBackup(`\uFEFF${exportJson(diary(), EXPORTED)}`).checkins, [checkin()]);
});

test("merging into an empty diary adds everything", () => {
  const result = mergeBackup({ entries: [], checkins: [] }, diary());
  assert.deepEqual(result.counts, { added: 3, updated: 0, unchanged: 0, removed: 0, stay_deleted: 0 });
  assert.equal(result.entries.length, 2);
  assert.deepEqual(result.put.entries, diary().entries);
  assert.deepEqual(result.remove, { entries: [], checkins: [], experiments: [], deleted: [] });
});

test("importing the same backup twice adds nothing the second time", () => {
  const once = importBackup({ entries: [], checkins: [] }, exportJson(diary(), EXPORTED));
  const twice = importBackup({ entries: once.entries, checkins: once.checkins }, exportJson(diary(), EXPORTED));
  assert.deepEqual(twice.counts, { added: 0, updated: 0, unchanged: 3, removed: 0, stay_deleted: 0 });
  assert.equal(twice.entries.length, 2);
  assert.equal(twice.checkins.length, 1);
  assert.deepEqual(twice.put, { entries: [], checkins: [], experiments: [], deleted: [] });
});

test("the same id with other content keeps the version saved later", () => {
  const current = { entries: [entry({ note: "stored", updated_at: "2024-06-11T00:00:00.000Z" }), ENTRY_2], checkins: [] };
  const newer = entry({ note: "from backup", updated_at: "2024-06-12T00:00:00.000Z" });
  const older = { ...ENTRY_2, strength: "constant", updated_at: "2024-06-01T00:00:00.000Z" };
  const result = mergeBackup(current, { entries: [newer, older], checkins: [] });
  assert.deepEqual(result.counts, { added: 0, updated: 1, unchanged: 1, removed: 0, stay_deleted: 0 });
  assert.equal(result.entries.find(({ id }) => id === newer.id).note, "from backup");
  assert.equal(result.entries.find(({ id }) => id === ENTRY_2.id).strength, "strong");
  assert.deepEqual(result.put.entries, [newer]);
});

test("on a tie of updated_at the stored version stays", () => {
  const current = { entries: [entry({ note: "stored" })], checkins: [] };
  const result = mergeBackup(current, { entries: [entry({ note: "other" })], checkins: [] });
  assert.deepEqual(result.counts, { added: 0, updated: 0, unchanged: 1, removed: 0, stay_deleted: 0 });
  assert.equal(result.entries[0].note, "stored");
});

test("the same content saved at another time is unchanged", () => {
  const result = mergeBackup({ entries: [entry()], checkins: [] }, { entries: [entry({ updated_at: "2025-01-01T00:00:00.000Z" })], checkins: [] });
  assert.deepEqual(result.counts, { added: 0, updated: 0, unchanged: 1, removed: 0, stay_deleted: 0 });
  assert.ok(sameContent(entry(), entry({ updated_at: "2025-01-01T00:00:00.000Z" })));
  assert.ok(!sameContent(entry(), entry({ note: "x" })));
});

test("a check-in for a stored day is the same check-in, whatever its id", () => {
  const otherId = "77777777-7777-4777-8777-777777777777";
  const stored = { entries: [], checkins: [checkin()] };
  const newer = checkin({ id: otherId, sleep: "7_to_8h", updated_at: "2024-06-11T08:00:00.000Z" });
  const replaced = mergeBackup(stored, { entries: [], checkins: [newer] });
  assert.deepEqual(replaced.counts, { added: 0, updated: 1, unchanged: 0, removed: 0, stay_deleted: 0 });
  assert.deepEqual(replaced.checkins, [newer]);
  assert.deepEqual(replaced.remove.checkins, [checkin().id]);
  assert.deepEqual(replaced.put.checkins, [newer]);

  const older = checkin({ id: otherId, sleep: "7_to_8h", updated_at: "2024-06-01T08:00:00.000Z" });
  const kept = mergeBackup(stored, { entries: [], checkins: [older] });
  assert.deepEqual(kept.counts, { added: 0, updated: 0, unchanged: 1, removed: 0, stay_deleted: 0 });
  assert.deepEqual(kept.checkins, [checkin()]);
  assert.deepEqual(kept.remove.checkins, []);
});

test("a check-in whose id and day match two stored check-ins replaces both only when newer than both", () => {
  const a = checkin();
  const b = checkin({ id: "88888888-8888-4888-8888-888888888888", day: "2024-06-11", updated_at: "2024-06-11T21:00:00.000Z" });
  const moved = checkin({ day: "2024-06-11", updated_at: "2024-06-12T09:00:00.000Z" });
  const result = mergeBackup({ entries: [], checkins: [a, b] }, { entries: [], checkins: [moved] });
  assert.deepEqual(result.checkins, [moved]);
  assert.deepEqual(result.remove.checkins, [b.id]);
  const stale = mergeBackup({ entries: [], checkins: [a, b] }, { entries: [], checkins: [{ ...moved, updated_at: "2024-06-11T00:00:00.000Z" }] });
  assert.deepEqual(stale.checkins, [a, b]);
});

// Deletions ---------------------------------------------------------------------------------------------

const deletion = (id, deleted_at, kind = "entry") => ({ id, kind, deleted_at });

test("a twitch deleted here stays deleted when an older backup still has it", () => {
  const current = { entries: [ENTRY_2], checkins: [checkin()], deleted: [deletion(entry().id, "2024-06-11T09:00:00.000Z")] };
  const result = importBackup(current, exportJson(diary(), EXPORTED));
  assert.deepEqual(result.entries, [ENTRY_2]);
  assert.deepEqual(result.counts, { added: 0, updated: 0, unchanged: 2, removed: 0, stay_deleted: 1 });
  assert.deepEqual(result.put, { entries: [], checkins: [], experiments: [], deleted: [] });
});

test("a deletion made on another phone removes the record here, and is kept", () => {
  const gone = deletion(ENTRY_2.id, "2024-06-12T09:00:00.000Z");
  const result = importBackup(diary(), exportJson({ entries: [entry()], checkins: [checkin()], deleted: [gone] }, EXPORTED));
  assert.deepEqual(result.entries, [entry()]);
  assert.deepEqual(result.remove, { entries: [ENTRY_2.id], checkins: [], experiments: [], deleted: [] });
  assert.deepEqual(result.removing, { entries: [ENTRY_2], checkins: [], experiments: [] });
  assert.deepEqual(result.put.deleted, [gone]);
  assert.deepEqual(result.deleted, [gone]);
  assert.equal(result.counts.removed, 1);
  assert.equal(result.by_kind.entries.removed, 1);
});

test("a check-in deleted on another phone goes here too", () => {
  const gone = deletion(checkin().id, "2024-06-12T09:00:00.000Z", "checkin");
  const result = mergeBackup(diary(), { entries: [], checkins: [], deleted: [gone] });
  assert.deepEqual(result.checkins, []);
  assert.deepEqual(result.remove.checkins, [checkin().id]);
});

test("a change saved after the deletion wins: the record comes back", () => {
  const current = { entries: [], checkins: [], deleted: [deletion(entry().id, "2024-06-11T09:00:00.000Z")] };
  const edited = entry({ note: "changed on the other phone", updated_at: "2024-06-11T10:00:00.000Z" });
  const result = mergeBackup(current, { entries: [edited], checkins: [], deleted: [] });
  assert.deepEqual(result.entries, [edited]);
  assert.equal(result.counts.added, 1);
});

test("the same deletion on both sides is kept once, at the later time", () => {
  const early = deletion(entry().id, "2024-06-11T09:00:00.000Z");
  const late = deletion(entry().id, "2024-06-12T09:00:00.000Z");
  assert.deepEqual(mergeBackup({ entries: [], checkins: [], deleted: [early] }, { entries: [], checkins: [], deleted: [late] }).deleted, [late]);
  assert.deepEqual(mergeBackup({ entries: [], checkins: [], deleted: [late] }, { entries: [], checkins: [], deleted: [early] }).put.deleted, []);
});

test("a version 1 backup, made before deletions were kept, imports with none", () => {
  const text = JSON.stringify({ format: BACKUP_FORMAT, schema_version: 1, exported_at: EXPORTED.toISOString(), entries: [entry()], checkins: [] });
  const backup = parseBackup(text);
  assert.equal(backup.schema_version, SCHEMA_VERSION);
  assert.deepEqual(backup.deleted, []);
  assert.deepEqual(backup.entries, [entry()]);
});

test("merging never changes the diary it was given", () => {
  const current = diary();
  const before = structuredClone(current);
  mergeBackup(current, { entries: [entry({ note: "new", updated_at: "2030-01-01T00:00:00.000Z" })], checkins: [checkin({ updated_at: "2030-01-01T00:00:00.000Z", sleep: null })] });
  assert.deepEqual(current, before);
});

test("a bad file leaves the stored diary as it was", () => {
  const current = diary();
  const before = structuredClone(current);
  assert.throws(() => importBackup(current, backupText({ entries: [entry({ area: "Knee!" })] })), BackupError);
  assert.deepEqual(current, before);
});

// Issue 11: what an import removes, dates, CSV separators, and sizes that agree -----------------------------

test("a deletion note dated in the future is refused, and the file with it: nothing is deleted", () => {
  const future = deletion(entry().id, "2999-01-01T00:00:00.000Z");
  assert.deepEqual(problemsOf(backupText({ deleted: [future] })), [
    "Deletion #1: deleted_at is later than now on this phone; check the date and time of this phone and of the one the backup comes from.",
  ]);
});

test("entries and check-ins dated in year 0000 or 9999 are refused", () => {
  const early = entry({ at: "0000-06-10T12:30:00.000Z", day: "0000-06-10", tz_offset_min: 0, updated_at: "0000-06-10T12:30:00.000Z" });
  assert.deepEqual(refusalsOf(backupText({ entries: [early] })).map(({ values }) => `${values.field} ${values.problem.code}`),
    ["at too_early", "day too_early", "updated_at too_early"]);
  assert.match(problemsOf(backupText({ entries: [early] }))[1], /^Entry #1: day must be on or after 2000-01-01\.$/);
  assert.deepEqual(problemsOf(backupText({ checkins: [checkin({ day: "9999-12-31" })] })).map((text) => text.split(";")[0]),
    ["Check-in #1: day is later than now on this phone"]);
});

test("an import shows what it removes: the records here that the backup's deletion notes delete", () => {
  const gone = deletion(ENTRY_2.id, "2024-06-12T09:00:00.000Z");
  const plan = mergeBackup(diary(), { entries: [], checkins: [], deleted: [gone] });
  assert.deepEqual(plan.removing, { entries: [ENTRY_2], checkins: [], experiments: [] });
  assert.deepEqual(plan.by_kind.entries, { added: 0, updated: 0, unchanged: 0, removed: 1, stay_deleted: 0 });
  assert.equal(plan.counts.removed, 1);
});

test("an import can keep what is here: the backup's notes about records here are left out", () => {
  const gone = deletion(ENTRY_2.id, "2024-06-12T09:00:00.000Z");
  const other = deletion("99999999-9999-4999-8999-999999999999", "2024-06-12T09:00:00.000Z");
  const kept = mergeBackup(diary(), { entries: [], checkins: [], deleted: [gone, other] }, { keepHere: true });
  assert.deepEqual(kept.removing, { entries: [], checkins: [], experiments: [] });
  assert.deepEqual(kept.remove, { entries: [], checkins: [], experiments: [], deleted: [] });
  assert.deepEqual(kept.put.deleted, [other], "a note about a record this diary does not have is still kept");
  assert.equal(kept.entries.length, 2);
});

test("CSV: a cell with either separator is quoted, and a formula after one is neutralised too", () => {
  assert.equal(csvCell("note;=1+1"), "\"note;'=1+1\"");
  assert.equal(csvCell("a;b"), '"a;b"');
  assert.equal(csvCell("tired,+2 cups"), "\"tired,'+2 cups\"");
  assert.equal(csvCell("x; @SUM(A1)"), "\"x;' @SUM(A1)\"");
  assert.equal(csvCell("first\n-1"), "\"first\n'-1\"", "a line break starts a cell too");
  assert.equal(csvCell("well - ok"), "well - ok", "a dash inside words is no formula");
  assert.equal(csvCell(-300), "-300");
});

test("a CSV row read by a spreadsheet that splits on ; has no cell that starts a formula", () => {
  const tricky = entry({ note: "note;=1+1;+SUM(A1);@x;-2" });
  const [, row] = exportCsv([tricky]).slice(1).split("\r\n");
  for (const cell of row.split(";")) assert.doesNotMatch(cell.replace(/^"/, ""), /^\s*[=+\-@]/, cell);
});

test("the backup is compact JSON, a record a line, and imports back as it was", () => {
  const text = exportJson(diary(), EXPORTED);
  assert.doesNotMatch(text, /\n {2}/, "no indentation");
  const lines = text.split("\n");
  assert.deepEqual([lines[1], lines[2], lines[4]], [`${JSON.stringify(entry())},`, JSON.stringify(ENTRY_2), JSON.stringify(checkin())]);
  assert.equal(lines.length, 7);
  assert.deepEqual(JSON.parse(text), backupDocument(diary(), EXPORTED));
  assert.deepEqual(parseBackup(text).entries, [entry(), ENTRY_2]);
});

const largeDiary = (count) => ({
  entries: Array.from({ length: count }, (_, n) => {
    const at = new Date(Date.UTC(2015, 0, 1) + n * 37 * 60 * 1000).toISOString();
    return entry({ id: `${String(n).padStart(8, "0")}-1111-4111-8111-111111111111`, at, day: at.slice(0, 10), tz_offset_min: 0,
      note: "After a long day at the screen, then coffee. ".repeat(12).slice(0, NOTE_MAX_LENGTH), updated_at: at });
  }),
  checkins: [],
});

test("the app's own export of 28,000 entries with full notes imports again (the old limit held about 27,000)", () => {
  const text = exportJson(largeDiary(28_000), EXPORTED);
  const backup = parseBackup(text);
  assert.equal(backup.entries.length, 28_000);
});

test("the export of the fullest diary the app can hold fits the size import accepts", () => {
  // Every record as large as the model allows: a full note in three-byte characters, the longest options.
  const note = "\u20ac".repeat(NOTE_MAX_LENGTH);
  const signs = rules.warningSigns.filter((sign) => !rules.noSigns.includes(sign));
  const habits = Object.fromEntries(rules.habits.map((habit) => [habit.question, [...habit.options].sort((a, b) => b.length - a.length)[0]]));
  const at = "2024-06-10T12:30:00.000Z";
  const fullest = {
    entries: Array.from({ length: DIARY_CAPACITY.entries }, (_, n) => ({ ...entry(), area: "calf_foot", strength: "constant", tz_offset_min: -720, note, id: `${String(n).padStart(8, "0")}-1111-4111-8111-111111111111` })),
    checkins: Array.from({ length: DIARY_CAPACITY.checkins }, (_, n) => ({ ...checkin(), ...habits, warning_signs: signs, id: `${String(n).padStart(8, "0")}-2222-4222-8222-222222222222` })),
    deleted: Array.from({ length: DIARY_CAPACITY.deleted }, (_, n) => deletion(`${String(n).padStart(8, "0")}-3333-4333-8333-333333333333`, at, "checkin")),
  };
  const bytes = Buffer.byteLength(exportJson(fullest, EXPORTED));
  assert.ok(bytes <= maxBackupBytes(rules), `${bytes} bytes over the limit of ${maxBackupBytes(rules)}`);
  assert.ok(maxBackupBytes(rules) < 1.1 * bytes, "and the limit is not much more than that");
});

test("a file over the limit is refused before any of it is read", async () => {
  const huge = { size: 1024 ** 3, name: "huge.json", stream: () => assert.fail("the file was read"), text: () => assert.fail("the file was read") };
  await assert.rejects(() => readBackupFile(rules, huge), (error) => {
    assert.ok(error instanceof BackupError);
    assert.deepEqual(error.problems, [{ code: "too_large", values: { size: 1074, max: Math.ceil(maxBackupBytes(rules) / 1e6) } }]);
    assert.match(backupProblemText(error.problems[0]), /too large to be a diary backup \(1074 MB; a backup of the fullest diary is at most \d+ MB\)/);
    return true;
  });
});

test("a backup file is read a piece at a time, with its progress, and checked in steps", async () => {
  const text = exportJson(largeDiary(5000), EXPORTED);
  const read = [];
  const file = new Blob([`\uFEFF${text}`]);
  assert.equal(await readBackupFile(rules, file, { onProgress: (step) => read.push(step) }), text, "the byte order mark dropped");
  assert.ok(read.length >= 1 && read.at(-1).done === file.size && read.every((step) => step.total === file.size));
  const checked = [];
  const backup = await parseBackupInSteps(rules, text, { onProgress: (step) => checked.push(step) });
  assert.equal(backup.entries.length, 5000);
  assert.ok(checked.length > 1, "more than one step");
  assert.deepEqual(checked.at(-1), { done: 5000, total: 5000 });
  assert.ok(checked.every((step, n) => n === 0 || step.done >= checked[n - 1].done));
  await assert.rejects(() => parseBackupInSteps(rules, "{"), BackupError);
});

test("a backup with more records than a diary holds is refused", () => {
  const many = Array.from({ length: DIARY_CAPACITY.checkins + 1 }, () => ({}));
  assert.deepEqual(refusalsOf(backupText({ checkins: many })), [{ code: "too_many", values: { list: "checkins", count: DIARY_CAPACITY.checkins + 1, max: DIARY_CAPACITY.checkins } }]);
});

test("a file with hundreds of thousands of problems is refused with the first few, not a crash", () => {
  const problems = refusalsOf(backupText({ entries: Array.from({ length: 30_000 }, () => ({})) }));
  assert.equal(problems.length, MAX_REPORTED_PROBLEMS + 1);
  assert.equal(problems.at(-1).code, "more");
  assert.ok(problems.at(-1).values.count > 200_000);
});

// A content rollback (docs/deploy.md plans them) can remove an option that records already use.
const RETIRED_AREA = "forearm_inner"; // no such area in the content
const withRetired = () => ({
  entries: [entry(), entry({ id: "66666666-6666-4666-8666-666666666666", area: RETIRED_AREA })],
  checkins: [checkin(), checkin({ id: "77777777-7777-4777-8777-777777777777", day: "2024-06-11", sleep: "under_4h",
    warning_signs: ["eyelid_droop_new"] })],
});

test("a content rollback: records with an option the content no longer has are kept as they are, and the rest imports", () => {
  assert.ok(!rules.areas.includes(RETIRED_AREA) && !rules.habits[0].options.includes("under_4h"));
  const backup = parseBackup(backupText(withRetired()));
  assert.deepEqual(backup.entries, withRetired().entries);
  assert.deepEqual(backup.checkins, withRetired().checkins);
  // What the preview says before anything is written: which records, and which answers.
  assert.deepEqual(backup.retired, [
    { record: "entry", number: 2, field: "area", value: RETIRED_AREA },
    { record: "checkin", number: 2, field: "sleep", value: "under_4h" },
    { record: "checkin", number: 2, field: "warning_signs", value: "eyelid_droop_new" },
  ]);
  const merged = mergeBackup({ entries: [], checkins: [] }, backup);
  assert.deepEqual(merged.counts, { added: 4, updated: 0, unchanged: 0, removed: 0, stay_deleted: 0 });
  assert.deepEqual(merged.entries.map((e) => e.area).sort(), ["eyelid", RETIRED_AREA]);
});

test("the diary's own export, with a record from before a rollback, imports again as it was", () => {
  const diaryWithRetired = withRetired();
  const backup = parseBackup(exportJson(diaryWithRetired, EXPORTED));
  assert.deepEqual(backup.entries, [...diaryWithRetired.entries].sort((a, b) => (a.at < b.at ? -1 : 1)));
  assert.equal(mergeBackup(diaryWithRetired, backup).counts.unchanged, 4);
});

test("a form's save still takes only the content's options: a retired one is kept only from a backup", () => {
  assert.deepEqual(validateTwitchEntry(rules, entry({ area: RETIRED_AREA })).map(({ code }) => code), ["not_one_of"]);
  assert.deepEqual(validateTwitchEntry(rules, entry({ area: RETIRED_AREA }), new Date(), { keepRetired: true }), []);
  assert.deepEqual(validateCheckin(rules, withRetired().checkins[1], new Date(), { keepRetired: true }), []);
  assert.deepEqual(validateCheckin(rules, withRetired().checkins[1]).map(({ code }) => code), ["not_one_of", "unknown_options"]);
});


// Personal experiments in backups (personal-experiment.md sections 11 and 14).
const WORKED_ORDER = ["usual", "change", "change", "usual", "change", "usual", "usual", "change", "usual", "change"];
// The worked example's days from 2024-06-03: [twitch_score, plan_kept], null for a day without a check-in.
const WORKED_DAYS = [[6, "yes"], [6, "yes"], [7, "yes"], [6, "partly"], [4, "yes"], [3, "yes"], [3, "yes"], [3, "yes"], null,
  [3, "yes"], [5, "yes"], [6, "yes"], [5, "yes"], [2, "yes"], [3, "no"], [2, "yes"], null, null, [4, "yes"], [4, "yes"],
  [3, "yes"], [4, "yes"], [2, "yes"], [2, "yes"], [2, "yes"], [4, "yes"], [5, "yes"], [4, "yes"], [3, "partly"], [1, "yes"]];
const AFTER_THE_PLAN = new Date("2024-07-03T09:00:00Z");
const workedExperiment = (changes = {}) => ({
  ...newExperiment({ kind: "caffeine_stop_after_midday", start_day: "2024-06-03", order: WORKED_ORDER }, new Date("2024-06-02T20:00:00Z")),
  id: "e0000000-0000-4000-8000-000000000001", ...changes });
const workedCheckins = () => WORKED_DAYS.flatMap((answers, n) => {
  if (!answers) return [];
  const day = addDays("2024-06-03", n);
  const [twitch_score, plan_kept] = answers;
  return [{ ...newCheckin(rules, day, { warning_signs: ["none"], other_signs: [...rules.noOtherSigns] }, new Date(`${day}T20:00:00Z`)),
    id: `c0000000-0000-4000-8000-${String(n).padStart(12, "0")}`, twitch_score, plan_kept }];
});
const workedBackup = () => JSON.stringify({ format: BACKUP_FORMAT, schema_version: 3, exported_at: AFTER_THE_PLAN.toISOString(),
  entries: [], checkins: workedCheckins(), experiments: [workedExperiment()], deleted: [] });

test("the contract's worked example imported as a backup round-trips through export, and its analysis says fell", () => {
  const imported = parseBackupOf(rules, workedBackup(), AFTER_THE_PLAN);
  assert.equal(imported.schema_version, 3);
  assert.equal(imported.checkins.length, 27);
  assert.deepEqual(imported.experiments, [workedExperiment()]);
  const exported = exportJson(imported, AFTER_THE_PLAN);
  assert.equal(JSON.parse(exported).schema_version, 3);
  const again = parseBackupOf(rules, exported, AFTER_THE_PLAN);
  assert.deepEqual([again.entries, again.checkins, again.experiments, again.deleted],
    [imported.entries, imported.checkins, imported.experiments, imported.deleted]);
  const [experiment] = again.experiments;
  const byDay = new Map(again.checkins.map((checkin) => [checkin.day, checkin.twitch_score]));
  const result = analyse(experiment, (day) => byDay.get(day) ?? null);
  assert.equal(result.verdict, "fell");
  assert.deepEqual([result.mean_usual, result.mean_change, result.p_fell].map((value) => value.toFixed(3)), ["5.000", "2.600", "0.024"]);
  assert.equal(planDays(experiment).length, 30);
});

test("a version 2 backup is migrated: check-ins gain unanswered experiment questions, and no experiments", () => {
  const { twitch_score, plan_kept, ...oldCheckin } = checkin();
  const backup = parseBackup(backupText({ schema_version: 2, checkins: [oldCheckin], experiments: undefined }));
  assert.equal(backup.schema_version, 3);
  assert.deepEqual(backup.checkins, [{ ...oldCheckin, twitch_score: null, plan_kept: null }]);
  assert.deepEqual(backup.experiments, []);
});

test("a backup's experiment with a hand-made order, not one of the 84, refuses the file with words", () => {
  const handMade = workedExperiment({ order: ["usual", "usual", "usual", "change", "change", "usual", "change", "usual", "change", "change"] });
  assert.deepEqual(refusalsOf(backupText({ experiments: [handMade] })).map(({ code, values }) => [code, values.record, values.field, values.problem?.code]),
    [["bad_record", "experiment", "order", "not_allowed_order"]]);
  assert.deepEqual(problemsOf(backupText({ experiments: [handMade] })),
    ["Experiment #1: order must be one of the 84 orders the app draws from."]);
  assert.deepEqual(problemsOf(backupText({ experiments: [workedExperiment(), workedExperiment()] })),
    ["Experiment #2 has the same id as experiment #1."]);
  assert.deepEqual(refusalsOf(backupText({ experiments: {} })), [{ code: "not_a_list", values: { list: "experiments" } }]);
});

test("experiments merge by id: the newer version wins, and a deletion note keeps a deleted experiment deleted", () => {
  const here = workedExperiment();
  const stopped = { ...here, status: "stopped", ended_on: "2024-06-10", stop_reason: "person", updated_at: "2024-06-10T20:00:00.000Z" };
  const merged = mergeBackup({ entries: [], checkins: [], experiments: [here] }, { entries: [], checkins: [], experiments: [stopped] }, { now: AFTER_THE_PLAN });
  assert.deepEqual(merged.experiments, [stopped]);
  assert.deepEqual(merged.by_kind.experiments, { added: 0, updated: 1, unchanged: 0, removed: 0, stay_deleted: 0, replaced: 0 });
  const older = mergeBackup({ entries: [], checkins: [], experiments: [stopped] }, { entries: [], checkins: [], experiments: [here] }, { now: AFTER_THE_PLAN });
  assert.deepEqual(older.experiments, [stopped]);
  const note = { id: here.id, kind: "experiment", deleted_at: "2024-06-11T08:00:00.000Z" };
  const deletedHere = mergeBackup({ entries: [], checkins: [], experiments: [], deleted: [note] }, { entries: [], checkins: [], experiments: [stopped] }, { now: AFTER_THE_PLAN });
  assert.deepEqual([deletedHere.experiments, deletedHere.by_kind.experiments.stay_deleted], [[], 1]);
  const deletedThere = mergeBackup({ entries: [], checkins: [], experiments: [stopped] }, { entries: [], checkins: [], experiments: [], deleted: [note] }, { now: AFTER_THE_PLAN });
  assert.deepEqual([deletedThere.experiments, deletedThere.removing.experiments, deletedThere.remove.experiments], [[], [stopped], [stopped.id]]);
});

test("two unfinished experiments after a merge: the later start stays, the other is stopped as replaced, and the counts say so", () => {
  const now = new Date("2024-06-20T09:00:00Z");
  const earlier = workedExperiment();
  const later = { ...workedExperiment({ id: "e0000000-0000-4000-8000-000000000002", start_day: "2024-06-15" }), kind: "sleep_wind_down" };
  const merged = mergeBackup({ entries: [], checkins: [], experiments: [earlier] }, { entries: [], checkins: [], experiments: [later] }, { now });
  const byId = new Map(merged.experiments.map((experiment) => [experiment.id, experiment]));
  assert.equal(byId.get(later.id).status, "running");
  assert.deepEqual([byId.get(earlier.id).status, byId.get(earlier.id).stop_reason, byId.get(earlier.id).ended_on], ["stopped", "replaced", "2024-06-20"]);
  assert.deepEqual(merged.replaced.map((experiment) => experiment.id), [earlier.id]);
  assert.equal(merged.by_kind.experiments.replaced, 1);
  assert.deepEqual(merged.put.experiments.map((experiment) => experiment.id).sort(), [earlier.id, later.id].sort());
  // A finished plan is not unfinished: after both plans ended, nothing is replaced.
  const afterBoth = mergeBackup({ entries: [], checkins: [], experiments: [earlier] }, { entries: [], checkins: [], experiments: [later] },
    { now: new Date("2024-08-01T09:00:00Z") });
  assert.deepEqual(afterBoth.replaced, []);
});

test("an exported backup has schema version 3 and an experiments list", () => {
  const document = JSON.parse(exportJson({ entries: [], checkins: [], experiments: [workedExperiment()] }, AFTER_THE_PLAN));
  assert.equal(document.schema_version, 3);
  assert.deepEqual(document.experiments, [workedExperiment()]);
  assert.ok(maxBackupBytes(rules) > DIARY_CAPACITY.experiments * JSON.stringify(workedExperiment()).length);
});
