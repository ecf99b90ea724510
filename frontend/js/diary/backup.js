// Diary backups: export as JSON (full backup) and CSV, import with checks, merge.
// Pure functions: they take the current diary and return a new one, so a bad
// file is rejected before anything stored is touched. Why a file is refused is
// said in codes with their values; the backup screen words them.
import { wallClockAt } from "./days.js";
import {
  SCHEMA_VERSION, byDay, byField, byTime, isPlainObject, validateCheckin, validateDeletion, validateTwitchEntry,
} from "./model.js";

export const BACKUP_FORMAT = "twitch-diary";
// Years of daily logging is well under a megabyte; a bigger file is not a diary backup.
export const MAX_BACKUP_CHARS = 20 * 1024 * 1024;
// Enough problems to fix a file by hand without flooding the screen.
export const MAX_REPORTED_PROBLEMS = 10;

// Migrations of older backups, by the version they upgrade from.
const BACKUP_MIGRATIONS = Object.freeze({
  1: (document) => ({ ...document, deleted: [] }), // version 1 kept no deletions
});

/**
 * A backup that cannot be imported; `problems` lists every reason, each {code, values}. The codes (the words are
 * diary.backup.problem.<code>): empty, too_large, not_json, not_backup, bad_version, newer_version {version,
 * supported}, not_a_list {list}, bad_record {record, number, field, problem} (`problem` as the model's checks
 * give it), same_id {record, number, first}, same_day {number, day, first}, more {count}. `record` is a
 * DELETED_KINDS name or "deletion"; `number` counts from 1, as a person would.
 */
export class BackupError extends Error {
  constructor(problems) {
    super(problems.map(({ code }) => code).join(", "));
    this.name = "BackupError";
    this.problems = problems;
  }
}

/** The full backup document of a diary: its records, and what was deleted so it stays deleted. */
export function backupDocument({ entries, checkins, deleted = [] }, now = new Date()) {
  return {
    format: BACKUP_FORMAT,
    schema_version: SCHEMA_VERSION,
    exported_at: now.toISOString(),
    entries: [...entries].sort(byTime),
    checkins: [...checkins].sort(byDay),
    deleted: [...deleted].sort(byField("deleted_at")),
  };
}

/** The backup as JSON text, for the "Export backup" download. */
export function exportJson(diary, now = new Date()) {
  return `${JSON.stringify(backupDocument(diary, now), null, 2)}\n`;
}

/** A file name for an export, with the day it was made: twitch-diary-2024-06-10.json. */
export function exportFileName(day, extension = "json") {
  return `${BACKUP_FORMAT}-${day}.${extension}`;
}

// The CSV columns, in order; field names as in the JSON backup, plus the time as the person saw it.
export const CSV_COLUMNS = Object.freeze(["day", "time", "tz_offset_min", "area", "strength", "note", "at", "id"]);
// Spreadsheets run a cell starting with these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One CSV cell: formula-looking text gets a leading ' and anything with , " or a line break is quoted. */
export function csvCell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  // Our own numbers, like an offset of -300, are data; everything else that looks like a formula is neutralised.
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The twitch entries as CSV (RFC 4180, CRLF), one row per entry, oldest first. */
export function exportCsv(entries) {
  const rows = [...entries].sort(byTime).map((entry) => {
    const cells = { ...entry, time: wallClockAt(entry.at, entry.tz_offset_min).time };
    return CSV_COLUMNS.map((column) => csvCell(cells[column])).join(",");
  });
  // The byte order mark makes spreadsheet apps read the notes as UTF-8.
  return `\uFEFF${[CSV_COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
}

const refusal = (code, values = {}) => ({ code, values });

function recordProblems(records, record, validate) {
  const problems = [];
  const seenIds = new Map();
  const seenDays = new Map();
  records.forEach((item, index) => {
    const number = index + 1;
    for (const problem of validate(item)) {
      problems.push(refusal("bad_record", { record, number, field: problem.field, problem }));
    }
    if (!isPlainObject(item)) return;
    if (seenIds.has(item.id)) problems.push(refusal("same_id", { record, number, first: seenIds.get(item.id) + 1 }));
    else seenIds.set(item.id, index);
    // A day has one check-in, as the storage's unique index requires.
    if (record === "checkin" && typeof item.day === "string") {
      if (seenDays.has(item.day)) problems.push(refusal("same_day", { number, day: item.day, first: seenDays.get(item.day) + 1 }));
      else seenDays.set(item.day, index);
    }
  });
  return problems;
}

function limited(problems) {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_REPORTED_PROBLEMS), refusal("more", { count: problems.length - MAX_REPORTED_PROBLEMS })];
}

/** The document of a backup file, or a BackupError that says why it is not one. */
function backupDocumentOf(text) {
  if (typeof text !== "string" || text.trim() === "") throw new BackupError([refusal("empty")]);
  if (text.length > MAX_BACKUP_CHARS) throw new BackupError([refusal("too_large")]);
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
 * The checked diary in a backup file's text: {schema_version, exported_at, entries, checkins, deleted}; throws
 * BackupError. Records are checked against the diary's `rules` (diaryRules of the content).
 */
export function parseBackup(rules, text) {
  const document = migrated(backupDocumentOf(text));
  const problems = ["entries", "checkins", "deleted"]
    .filter((list) => !Array.isArray(document[list]))
    .map((list) => refusal("not_a_list", { list }));
  if (problems.length) throw new BackupError(problems);
  problems.push(
    ...recordProblems(document.entries, "entry", (entry) => validateTwitchEntry(rules, entry)),
    ...recordProblems(document.checkins, "checkin", (checkin) => validateCheckin(rules, checkin)),
    ...recordProblems(document.deleted, "deletion", validateDeletion),
  );
  if (problems.length) throw new BackupError(limited(problems));
  return {
    schema_version: document.schema_version,
    exported_at: typeof document.exported_at === "string" ? document.exported_at : null,
    entries: document.entries,
    checkins: document.checkins,
    deleted: document.deleted,
  };
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

/**
 * A checked backup merged into the current diary without duplicates: a new id
 * is added; the same id (or a check-in for the same day) keeps the version
 * with the later updated_at. A record deleted (on either side) after its last
 * change stays deleted. Returns the merged diary, the counts {added, updated,
 * unchanged, deleted}, and what to write: `put` and `remove` (ids by kind).
 */
export function mergeBackup(current, backup) {
  const deletions = mergeDeletions(current.deleted ?? [], backup.deleted ?? []);
  const gone = (record) => {
    const deletion = deletions.byId.get(record.id);
    return Boolean(deletion) && Date.parse(deletion.deleted_at) >= Date.parse(record.updated_at);
  };
  const kept = (records) => records.filter((record) => !gone(record));
  const entries = mergeRecords(kept(current.entries), kept(backup.entries));
  // One check-in a day: a backup's check-in for a stored day is the same check-in, whatever its id.
  const checkins = mergeRecords(kept(current.checkins), kept(backup.checkins), (checkin) => checkin.day);
  const deletedHere = { entries: current.entries.filter(gone), checkins: current.checkins.filter(gone) };
  const deleted = [deletedHere.entries, deletedHere.checkins, backup.entries.filter(gone), backup.checkins.filter(gone)]
    .reduce((total, records) => total + records.length, 0);
  const sum = (key) => entries.counts[key] + checkins.counts[key];
  return {
    entries: entries.records,
    checkins: checkins.records,
    deleted: [...deletions.byId.values()],
    counts: { added: sum("added"), updated: sum("updated"), unchanged: sum("unchanged"), deleted },
    put: { entries: entries.put, checkins: checkins.put, deleted: deletions.put },
    remove: {
      entries: deletedHere.entries.map((entry) => entry.id),
      checkins: [...deletedHere.checkins.map((checkin) => checkin.id), ...checkins.removed_ids],
    },
  };
}
