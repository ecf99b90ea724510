// Diary backups: export as JSON (full backup) and CSV, import with checks, merge.
// Pure functions: they take the current diary and return a new one, so a bad
// file is rejected before anything stored is touched. Why a file is refused is
// said in codes with their values; the backup screen words them.
import { todayKey, wallClockAt } from "./days.js";
import { allowedOrders, lastDay } from "./experiment.js";
import {
  DIARY_CAPACITY, EARLIEST_DAY, NOTE_MAX_LENGTH, PERIOD_DAYS_RANGE, PLAN_KEPT, SCHEMA_VERSION, STOP_REASONS,
  TWITCH_SCORE_RANGE, byDay, byField, byTime, isPlainObject, retiredOptions, stopExperiment, validateCheckin,
  validateDeletion, validateExperiment, validateTwitchEntry,
} from "./model.js";

export const BACKUP_FORMAT = "twitch-diary";
// Enough problems to fix a file by hand without flooding the screen.
export const MAX_REPORTED_PROBLEMS = 10;
// Records checked between two looks at the screen, so that a large backup shows its progress.
const CHECK_STEP = 2000;

// Migrations of older backups, by the version they upgrade from.
const BACKUP_MIGRATIONS = Object.freeze({
  1: (document) => ({ ...document, deleted: [] }), // version 1 kept no deletions
  // Version 2 had no experiments: its check-ins gain the experiment's two questions, unanswered.
  2: (document) => ({
    ...document,
    checkins: Array.isArray(document.checkins)
      ? document.checkins.map((checkin) => (isPlainObject(checkin) ? { ...checkin, twitch_score: null, plan_kept: null } : checkin))
      : document.checkins,
    experiments: [],
  }),
});

/**
 * A backup that cannot be imported; `problems` lists every reason, each {code, values}. The codes (the words are
 * diary.backup.problem.<code>): empty, too_large {size, max} (in megabytes, rounded up), not_json, not_backup,
 * bad_version, newer_version {version, supported}, not_a_list {list}, too_many {list, count, max}, bad_record
 * {record, number, field, problem} (`problem` as the model's checks give it), same_id {record, number, first},
 * same_day {number, day, first}, more {count}. `record` is a DELETED_KINDS name or "deletion"; `number` counts
 * from 1, as a person would.
 */
export class BackupError extends Error {
  constructor(problems) {
    super(problems.map(({ code }) => code).join(", "));
    this.name = "BackupError";
    this.problems = problems;
  }
}

/** The full backup document of a diary: its records, and what was deleted so it stays deleted. */
export function backupDocument({ entries, checkins, experiments = [], deleted = [] }, now = new Date()) {
  return {
    format: BACKUP_FORMAT,
    schema_version: SCHEMA_VERSION,
    exported_at: now.toISOString(),
    entries: [...entries].sort(byTime),
    checkins: [...checkins].sort(byDay),
    experiments: [...experiments].sort(byField("start_day")),
    deleted: [...deleted].sort(byField("deleted_at")),
  };
}

const LISTS = Object.freeze(["entries", "checkins", "experiments", "deleted"]);

/**
 * The backup as JSON text, for the "Export backup" download: compact, one record a line (so that a problem's
 * "Entry #12" is easy to find by hand). Its size is bounded by maxBackupBytes, which import accepts.
 */
export function exportJson(diary, now = new Date()) {
  const { entries, checkins, experiments, deleted, ...header } = backupDocument(diary, now);
  const list = (records) => (records.length ? `[\n${records.map((record) => JSON.stringify(record)).join(",\n")}\n]` : "[]");
  const lists = Object.entries({ entries, checkins, experiments, deleted }).map(([name, records]) => `"${name}":${list(records)}`);
  return `${JSON.stringify(header).slice(0, -1)},${lists.join(",")}}\n`;
}

// The most bytes one character of a note takes in the JSON of a backup: three (UTF-8 of any character in the
// Basic Multilingual Plane; a pair of surrogates is four bytes for two), as notes hold no control characters or
// lone surrogates, which JSON would write in six (model.js's cleanNote).
const NOTE_BYTES_PER_CHARACTER = 3;
const utf8Bytes = (text) => new TextEncoder().encode(text).length;
const longest = (values) => [...values].reduce((a, b) => (String(b).length > String(a).length ? b : a));

/** The largest record of each kind the model accepts, as they are exported. */
function largestRecords(rules) {
  const id = "00000000-0000-4000-8000-000000000000";
  const at = `${EARLIEST_DAY}T00:00:00.000Z`;
  const entry = { id, at, day: EARLIEST_DAY, tz_offset_min: -720, area: longest(rules.areas),
    strength: longest(rules.strengths), note: "\u20ac".repeat(NOTE_MAX_LENGTH), updated_at: at };
  const habits = Object.fromEntries(rules.habits.map((habit) => [habit.question, longest(habit.options)]));
  const warning_signs = rules.warningSigns.filter((sign) => !rules.noSigns.includes(sign));
  const other_signs = rules.otherSigns.filter((sign) => !rules.noOtherSigns.includes(sign));
  const checkin = { id, day: EARLIEST_DAY, ...habits, warning_signs, other_signs, twitch_score: TWITCH_SCORE_RANGE.max,
    plan_kept: longest(PLAN_KEPT), updated_at: at };
  const experiment = { id, kind: longest(rules.experimentKinds.length ? rules.experimentKinds : ["x"]),
    design: "alternation-10-v1", start_day: EARLIEST_DAY, period_days: PERIOD_DAYS_RANGE.max,
    settling_days: PERIOD_DAYS_RANGE.max - 1, order: [...allowedOrders()[0]], status: "stopped", paused_on: EARLIEST_DAY,
    ended_on: EARLIEST_DAY, stop_reason: longest(STOP_REASONS), created_at: at, updated_at: at };
  return { entries: entry, checkins: checkin, experiments: experiment,
    deleted: { id, kind: longest(["entry", "checkin", "experiment"]), deleted_at: at } };
}

const maxBytesOfRules = new WeakMap();

/**
 * The largest backup the app can make, in bytes: the export of a diary at DIARY_CAPACITY, every record as large
 * as the model allows (a full note in three-byte characters), plus its header. Import accepts up to this size,
 * so the app's own backup always imports; a larger file is refused before it is read.
 */
export function maxBackupBytes(rules) {
  if (!maxBytesOfRules.has(rules)) {
    const largest = largestRecords(rules);
    const note = largest.entries.note;
    const recordBytes = (list) => utf8Bytes(JSON.stringify(largest[list])) + 2; // and its ",\n"
    const header = utf8Bytes(exportJson({ entries: [], checkins: [], experiments: [], deleted: [] })) + 64; // an exported_at of any length
    const noteBytes = NOTE_MAX_LENGTH * NOTE_BYTES_PER_CHARACTER - utf8Bytes(note); // 0 with the euro sign
    const total = LISTS.reduce((sum, list) => sum + DIARY_CAPACITY[list] * recordBytes(list), header)
      + DIARY_CAPACITY.entries * noteBytes;
    maxBytesOfRules.set(rules, total);
  }
  return maxBytesOfRules.get(rules);
}

const megabytes = (bytes) => Math.ceil(bytes / 1e6);

/** A file name for an export, with the day it was made: twitch-diary-2024-06-10.json. */
export function exportFileName(day, extension = "json") {
  return `${BACKUP_FORMAT}-${day}.${extension}`;
}

// The CSV columns, in order; field names as in the JSON backup, plus the time as the person saw it.
export const CSV_COLUMNS = Object.freeze(["day", "time", "tz_offset_min", "area", "strength", "note", "at", "id"]);
// Spreadsheets run a cell starting with these as a formula (OWASP "CSV injection"), and one that splits rows on
// another separator (";" in much of Europe, or a tab) or does not read our quotes starts a cell after each
// separator or line break: so a ' goes at the start of the text and after every separator or line break that a
// formula follows, spaces between allowed.
const FORMULA_AT_START = /^(?=\s*[=+\-@\t\r])/;
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n])(?=\s*[=+\-@\t\r])/g;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
// A cell holding any of these is quoted: both separators, the quote itself, line breaks and tabs.
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** One CSV cell: a ' before anything that would start a formula, and quotes around a separator, quote or line break. */
export function csvCell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  // Our own numbers, like an offset of -300, are data; everything else that looks like a formula is neutralised.
  if (!PLAIN_NUMBER.test(text)) text = text.replace(FORMULA_AT_START, "'").replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The twitch entries as CSV (RFC 4180, CRLF), one row per entry, oldest first; `headings` names each column in the
 * person's language (the cells stay the diary's own values and ids, in every language). */
export function exportCsv(entries, headings = {}) {
  const rows = [...entries].sort(byTime).map((entry) => {
    const cells = { ...entry, time: wallClockAt(entry.at, entry.tz_offset_min).time };
    return CSV_COLUMNS.map((column) => csvCell(cells[column])).join(",");
  });
  // The byte order mark makes spreadsheet apps read the notes as UTF-8.
  const heading = CSV_COLUMNS.map((column) => csvCell(headings[column] ?? column)).join(",");
  return `\uFEFF${[heading, ...rows].join("\r\n")}\r\n`;
}

const refusal = (code, values = {}) => ({ code, values });

/** The problems of one list of records, found a step at a time: yields the count checked so far, returns the problems. */
function* recordProblems(records, record, validate) {
  const problems = [];
  const seenIds = new Map();
  const seenDays = new Map();
  for (const [index, item] of records.entries()) {
    const number = index + 1;
    for (const problem of validate(item)) {
      problems.push(refusal("bad_record", { record, number, field: problem.field, problem }));
    }
    if (number % CHECK_STEP === 0) yield number;
    if (!isPlainObject(item)) continue;
    if (seenIds.has(item.id)) problems.push(refusal("same_id", { record, number, first: seenIds.get(item.id) + 1 }));
    else seenIds.set(item.id, index);
    // A day has one check-in, as the storage's unique index requires.
    if (record === "checkin" && typeof item.day === "string") {
      if (seenDays.has(item.day)) problems.push(refusal("same_day", { number, day: item.day, first: seenDays.get(item.day) + 1 }));
      else seenDays.set(item.day, index);
    }
  }
  return problems;
}

function limited(problems) {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_REPORTED_PROBLEMS), refusal("more", { count: problems.length - MAX_REPORTED_PROBLEMS })];
}

const tooLarge = (size, max) => new BackupError([refusal("too_large", { size: megabytes(size), max: megabytes(max) })]);

/** The document of a backup file, or a BackupError that says why it is not one. */
function backupDocumentOf(rules, text) {
  if (typeof text !== "string" || text.trim() === "") throw new BackupError([refusal("empty")]);
  // A character is at least one byte of the file: more characters than the limit's bytes is too large for sure.
  if (text.length > maxBackupBytes(rules)) throw tooLarge(text.length, maxBackupBytes(rules));
  let document;
  try {
    // A byte order mark is legal at the start of a text file but not of JSON.
    document = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new BackupError([refusal("not_json")]);
  }
  if (!isPlainObject(document) || document.format !== BACKUP_FORMAT) throw new BackupError([refusal("not_backup")]);
  const version = document.schema_version;
  if (!Number.isInteger(version) || version < 1) throw new BackupError([refusal("bad_version")]);
  if (version > SCHEMA_VERSION) throw new BackupError([refusal("newer_version", { version, supported: SCHEMA_VERSION })]);
  return document;
}

/** An older backup brought up to SCHEMA_VERSION, one migration at a time. */
function migrated(document) {
  let current = document;
  for (let version = document.schema_version; version < SCHEMA_VERSION; version += 1) {
    current = { ...BACKUP_MIGRATIONS[version](current), schema_version: version + 1 };
  }
  return current;
}

/**
 * Checks a backup's text a step at a time: yields {done, total} records checked, and returns the checked diary
 * {schema_version, exported_at, entries, checkins, deleted, retired}; throws BackupError. Dates are checked
 * against `now`. `retired` lists the answers the content no longer has ({record, number, field, value}).
 */
function* checkBackup(rules, text, now) {
  const document = migrated(backupDocumentOf(rules, text));
  let problems = LISTS.filter((list) => !Array.isArray(document[list])).map((list) => refusal("not_a_list", { list }));
  if (problems.length) throw new BackupError(problems);
  const tooMany = LISTS.filter((list) => document[list].length > DIARY_CAPACITY[list])
    .map((list) => refusal("too_many", { list, count: document[list].length, max: DIARY_CAPACITY[list] }));
  if (tooMany.length) throw new BackupError(tooMany);
  const total = LISTS.reduce((sum, list) => sum + document[list].length, 0);
  const checks = [
    [document.entries, "entry", (entry) => validateTwitchEntry(rules, entry, now)],
    [document.checkins, "checkin", (checkin) => validateCheckin(rules, checkin, now)],
    [document.deleted, "deletion", (deletion) => validateDeletion(deletion, now)],
    // A kind the content no longer has is kept, as a retired answer is; a hand-made order is refused.
    [document.experiments, "experiment", (experiment) => validateExperiment(rules, experiment, now, { keepRetired: true })],
  ];
  let before = 0;
  // Answers the content no longer has (a rollback removed them) do not refuse the file: those records are kept as
  // they are, and the preview says how many.
  const keepRetired = { keepRetired: true };
  checks[0][2] = (entry) => validateTwitchEntry(rules, entry, now, keepRetired);
  checks[1][2] = (checkin) => validateCheckin(rules, checkin, now, keepRetired);
  for (const [records, record, validate] of checks) {
    const steps = recordProblems(records, record, validate);
    let step = steps.next();
    for (; !step.done; step = steps.next()) yield { done: before + step.value, total };
    problems = problems.concat(step.value); // not push(...): a broken file can have a million problems
    before += records.length;
    yield { done: before, total };
  }
  if (problems.length) throw new BackupError(limited(problems));
  return {
    schema_version: document.schema_version,
    exported_at: typeof document.exported_at === "string" ? document.exported_at : null,
    entries: document.entries,
    checkins: document.checkins,
    experiments: document.experiments,
    deleted: document.deleted,
    retired: retiredOf(rules, document),
  };
}

/** The answers in a checked backup that the content no longer has: [{record, number, field, value}]. */
function retiredOf(rules, document) {
  const of = (records, record) => records.flatMap((item, index) =>
    retiredOptions(rules, record, item).map(({ field, value }) => ({ record, number: index + 1, field, value })));
  return [...of(document.entries, "entry"), ...of(document.checkins, "checkin")];
}

/**
 * The checked diary in a backup file's text: {schema_version, exported_at, entries, checkins, deleted, retired}; throws
 * BackupError. Records are checked against the diary's `rules` (diaryRules of the content), dates against `now`.
 */
export function parseBackup(rules, text, now = new Date()) {
  const steps = checkBackup(rules, text, now);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

const nextTask = () => new Promise((resolve) => { setTimeout(resolve, 0); });

/**
 * parseBackup, letting the page draw between steps: `onProgress({done, total})` is told how many records are
 * checked, so a large backup shows its progress. Resolves with the checked diary; rejects with BackupError.
 */
export async function parseBackupInSteps(rules, text, { onProgress = () => {}, now = new Date() } = {}) {
  const steps = checkBackup(rules, text, now);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    onProgress(step.value);
    await nextTask();
  }
}

/**
 * The text of a backup file (a File or Blob), read a piece at a time: `onProgress({done, total})` in bytes. A file
 * over maxBackupBytes is refused before any of it is read, and reading stops if it turns out longer than it said.
 */
export async function readBackupFile(rules, file, { onProgress = () => {} } = {}) {
  const max = maxBackupBytes(rules);
  if (file.size === 0) throw new BackupError([refusal("empty")]);
  if (file.size > max) throw tooLarge(file.size, max);
  const reader = file.stream().getReader();
  const decoder = new TextDecoder(); // UTF-8; a byte order mark is dropped
  const parts = [];
  let done = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    done += chunk.value.byteLength;
    if (done > max) {
      reader.cancel().catch(() => {});
      throw tooLarge(done, max);
    }
    parts.push(decoder.decode(chunk.value, { stream: true }));
    onProgress({ done, total: file.size });
  }
  parts.push(decoder.decode());
  return parts.join("");
}

/** Whether two versions of a record say the same thing, whenever they were saved. */
export function sameContent(a, b) {
  const content = ({ updated_at, ...rest }) => JSON.stringify(Object.entries(rest).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return content(a) === content(b);
}

/** Whether `incoming` was saved after `current`; on a tie the stored one stays. */
function isNewer(incoming, current) {
  return Date.parse(incoming.updated_at) > Date.parse(current.updated_at);
}

/**
 * Merges records by id, and by `naturalKey` too when given (a check-in's day):
 * every stored record that shares either with an incoming one is the same
 * record, and the incoming one replaces them only when it was saved later.
 */
function mergeRecords(current, incoming, naturalKey = () => null) {
  const kept = new Map(current.map((record) => [record.id, record]));
  const idByKey = new Map(current.map((record) => [naturalKey(record), record.id]));
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const put = [];
  const removed_ids = [];
  for (const record of incoming) {
    const key = naturalKey(record);
    const matchIds = new Set([record.id, key === null ? undefined : idByKey.get(key)].filter((id) => kept.has(id)));
    const matches = [...matchIds].map((id) => kept.get(id));
    if (matches.length === 0) {
      counts.added += 1;
    } else if (matches.length === 1 && matches[0].id === record.id && sameContent(matches[0], record)) {
      counts.unchanged += 1;
      continue;
    } else if (matches.every((match) => isNewer(record, match))) {
      counts.updated += 1;
    } else {
      counts.unchanged += 1;
      continue;
    }
    for (const match of matches) {
      kept.delete(match.id);
      idByKey.delete(naturalKey(match));
      if (match.id !== record.id) removed_ids.push(match.id);
    }
    kept.set(record.id, record);
    idByKey.set(key, record.id);
    put.push(record);
  }
  return { records: [...kept.values()], counts, put, removed_ids };
}

/** Deletions of both sides by id, each at its latest; `put` holds the ones new to this device. */
function mergeDeletions(current, incoming) {
  const byId = new Map(current.map((deletion) => [deletion.id, deletion]));
  const put = [];
  for (const deletion of incoming) {
    const kept = byId.get(deletion.id);
    if (kept && Date.parse(kept.deleted_at) >= Date.parse(deletion.deleted_at)) continue;
    byId.set(deletion.id, deletion);
    put.push(deletion);
  }
  return { byId, put };
}

/** The deletion notes to drop, oldest first, so that no more than DIARY_CAPACITY.deleted are kept. */
function oldestDeletions(byId) {
  const over = byId.size - DIARY_CAPACITY.deleted;
  return over > 0 ? [...byId.values()].sort(byField("deleted_at")).slice(0, over) : [];
}

const KINDS = Object.freeze(["entries", "checkins", "experiments"]);

/** Whether an experiment is unfinished on `today`: running or paused, and its plan has not ended. */
export function isUnfinished(experiment, today) {
  return (experiment.status === "running" || experiment.status === "paused") && lastDay(experiment) >= today;
}

/**
 * At most one experiment may be unfinished: when a merge leaves more, the one with the latest start_day stays and
 * each other one is stopped, stop_reason "replaced", on `today`. Returns those stopped versions.
 */
function replacedExperiments(experiments, today, now) {
  const unfinished = experiments.filter((experiment) => isUnfinished(experiment, today))
    .sort((a, b) => (a.start_day < b.start_day ? 1 : a.start_day > b.start_day ? -1 : a.id < b.id ? 1 : -1));
  return unfinished.slice(1).map((experiment) => stopExperiment(experiment, today, "replaced", now));
}

/**
 * A checked backup merged into the current diary without duplicates: a new id
 * is added; the same id (or a check-in for the same day) keeps the version
 * with the later updated_at. A record deleted (on either side) after its last
 * change stays deleted: a deletion note of the backup removes that record here
 * too, unless `keepHere` is set, which leaves out the backup's notes about
 * records this diary has. Returns the merged diary and:
 * - `counts`: {added, updated, unchanged, removed, stay_deleted}, and `by_kind`: the same for entries, check-ins
 *   and experiments apart, experiments with `replaced` too: the unfinished experiments the merge stops because a
 *   later one is also unfinished (`replaced` lists them); `removed` are records here that the backup's deletion notes remove; `stay_deleted` the backup's
 *   records that were deleted here;
 * - `removing`: those records here that would be removed ({entries, checkins}), for the person to see first;
 * - what to write: `put` (records by store) and `remove` (ids by store).
 */
export function mergeBackup(current, backup, { keepHere = false, now = new Date() } = {}) {
  current = { ...current, experiments: current.experiments ?? [] };
  backup = { ...backup, experiments: backup.experiments ?? [] };
  const currentDeleted = current.deleted ?? [];
  const here = new Set(KINDS.flatMap((kind) => current[kind].map((record) => record.id)));
  const incoming = (backup.deleted ?? []).filter((deletion) => !keepHere || !here.has(deletion.id));
  const deletions = mergeDeletions(currentDeleted, incoming);
  const gone = (record) => {
    const deletion = deletions.byId.get(record.id);
    return Boolean(deletion) && Date.parse(deletion.deleted_at) >= Date.parse(record.updated_at);
  };
  const kept = (records) => records.filter((record) => !gone(record));
  const merged = {
    entries: mergeRecords(kept(current.entries), kept(backup.entries)),
    // One check-in a day: a backup's check-in for a stored day is the same check-in, whatever its id.
    checkins: mergeRecords(kept(current.checkins), kept(backup.checkins), (checkin) => checkin.day),
    experiments: mergeRecords(kept(current.experiments), kept(backup.experiments)),
  };
  const today = todayKey(now);
  const replaced = replacedExperiments(merged.experiments.records, today, now);
  for (const stopped of replaced) {
    const index = merged.experiments.records.findIndex((record) => record.id === stopped.id);
    merged.experiments.records[index] = stopped;
    merged.experiments.put = [...merged.experiments.put.filter((record) => record.id !== stopped.id), stopped];
  }
  const removing = Object.fromEntries(KINDS.map((kind) => [kind, current[kind].filter(gone)]));
  const by_kind = Object.fromEntries(KINDS.map((kind) => [kind, {
    ...merged[kind].counts, removed: removing[kind].length, stay_deleted: backup[kind].filter(gone).length,
  }]));
  const counts = Object.fromEntries(Object.keys(by_kind.entries).map((key) => [key, KINDS.reduce((sum, kind) => sum + by_kind[kind][key], 0)]));
  by_kind.experiments.replaced = replaced.length;
  const dropped = oldestDeletions(deletions.byId);
  for (const deletion of dropped) deletions.byId.delete(deletion.id);
  const storedDeletions = new Set(currentDeleted.map((deletion) => deletion.id));
  return {
    entries: merged.entries.records,
    checkins: merged.checkins.records,
    deleted: [...deletions.byId.values()],
    experiments: merged.experiments.records,
    counts,
    by_kind,
    removing,
    replaced,
    put: {
      entries: merged.entries.put,
      checkins: merged.checkins.put,
      experiments: merged.experiments.put,
      deleted: deletions.put.filter((deletion) => deletions.byId.get(deletion.id) === deletion),
    },
    remove: {
      entries: removing.entries.map((entry) => entry.id),
      checkins: [...removing.checkins.map((checkin) => checkin.id), ...merged.checkins.removed_ids],
      experiments: removing.experiments.map((experiment) => experiment.id),
      deleted: dropped.filter((deletion) => storedDeletions.has(deletion.id)).map((deletion) => deletion.id),
    },
  };
}
