// The diary's two records and their checks: a twitch entry and a daily check-in.
// Values are the questionnaire's option ids (content/questions.yml), so the
// diary speaks the same words as the questionnaire and the assessment engine.
import { isDayKey, timeStamp, wallClockAt } from "./days.js";

// The shape of diary records; a backup carries it, and a newer one cannot be read by older code.
// Version 2 adds deletions, so that a deleted record stays deleted when an older backup is imported.
export const SCHEMA_VERSION = 2;

/** Body areas: the options of the `areas` question. */
export const AREAS = Object.freeze(["eyelid", "face", "arm_hand", "torso", "thigh", "calf_foot", "widespread"]);

/** How strong a twitch felt. */
export const STRENGTHS = Object.freeze(["light", "strong", "constant"]);

/** The habits of a daily check-in: question id to its option ids, as in the questionnaire (a day's habits only:
 * "stopped heavy drinking" is about the last few days, not one day, so the check-in leaves it out). */
export const HABIT_OPTIONS = Object.freeze({
  sleep: Object.freeze(["under_5h", "5_to_6h", "7_to_8h", "over_8h"]),
  caffeine: Object.freeze(["none", "1_to_2", "3_to_4", "5_plus"]),
  alcohol: Object.freeze(["none", "some", "most_days"]),
  stress: Object.freeze(["low", "moderate", "high", "very_high"]),
  exercise: Object.freeze(["none", "light", "hard", "hard_after_break"]),
  fluids: Object.freeze(["under_4", "4_to_7", "8_plus"]),
  screen_time: Object.freeze(["under_4h", "4_to_8h", "over_8h"]),
});

/** Habit question ids, in questionnaire order. */
export const HABITS = Object.freeze(Object.keys(HABIT_OPTIONS));

/** Options of the `warning_signs` question; `none` cannot go with any other. */
export const WARNING_SIGNS = Object.freeze([
  "breathing",
  "sudden_one_side",
  "seizure_collapse",
  "spreading_weakness",
  "swallowing_speech",
  "weakness",
  "muscle_loss",
  "eyelid_droop",
  "red_painful_eye",
  "numbness_tingling",
  "stiffness",
  "eye_signs",
  "none",
]);

// A note is a few words for the person and their doctor; the cap keeps backups and the CSV small.
export const NOTE_MAX_LENGTH = 500;
// Real zones run from UTC-12:00 to UTC+14:00.
export const TZ_OFFSET_MIN_RANGE = Object.freeze({ min: -12 * 60, max: 14 * 60 });

const ENTRY_FIELDS = Object.freeze(["id", "at", "day", "tz_offset_min", "area", "strength", "note", "updated_at"]);
const CHECKIN_FIELDS = Object.freeze(["id", "day", ...HABITS, "warning_signs", "updated_at"]);
const DELETION_FIELDS = Object.freeze(["id", "kind", "deleted_at"]);
/** What a deletion can be of: a twitch entry or a check-in. */
export const DELETED_KINDS = Object.freeze(["entry", "checkin"]);
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A full UTC or offset timestamp, as toISOString writes; a bare date would be read as UTC midnight.
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A new random record id. */
export function newId() {
  return globalThis.crypto.randomUUID();
}

/** A JSON object, not null or a list. */
export const isPlainObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
/** Orders records by one of their fields, earliest first. */
export const byField = (field) => (a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0);
/** Twitch entries by time, and check-ins by day, earliest first. */
export const byTime = byField("at");
export const byDay = byField("day");
const isInstant = (value) => typeof value === "string" && INSTANT_PATTERN.test(value) && !Number.isNaN(Date.parse(value));
const problem = (field, message) => ({ field, message });
const quoted = (values) => values.join(", ");

function unknownFieldProblems(record, knownFields) {
  return Object.keys(record)
    .filter((field) => !knownFields.includes(field))
    .map((field) => problem(field, "is not a diary field"));
}

function idProblems(record) {
  return typeof record.id === "string" && UUID_PATTERN.test(record.id) ? [] : [problem("id", "must be a UUID")];
}

function instantProblems(record, field) {
  return isInstant(record[field]) ? [] : [problem(field, "must be an ISO date and time, like 2024-06-10T08:30:00.000Z")];
}

function oneOfProblems(record, field, options, { optional = false } = {}) {
  const value = record[field];
  if (optional && value === null) return [];
  return options.includes(value) ? [] : [problem(field, `must be one of ${quoted(options)}${optional ? " or null" : ""}`)];
}

/** What is wrong with a twitch entry, as [{field, message}]; empty when it is fine. */
export function validateTwitchEntry(entry) {
  if (!isPlainObject(entry)) return [problem("entry", "must be an object")];
  const problems = [...unknownFieldProblems(entry, ENTRY_FIELDS), ...idProblems(entry)];
  const atIsInstant = isInstant(entry.at);
  if (!atIsInstant) problems.push(...instantProblems(entry, "at"));
  const dayIsKey = isDayKey(entry.day);
  if (!dayIsKey) problems.push(problem("day", "must be a calendar day, like 2024-06-10"));
  const { min, max } = TZ_OFFSET_MIN_RANGE;
  const offsetIsValid = Number.isInteger(entry.tz_offset_min) && entry.tz_offset_min >= min && entry.tz_offset_min <= max;
  if (!offsetIsValid) problems.push(problem("tz_offset_min", `must be whole minutes from ${min} to ${max}`));
  // The stored day must be the day the person saw, or counts would land on the wrong day.
  if (atIsInstant && dayIsKey && offsetIsValid && wallClockAt(entry.at, entry.tz_offset_min).day !== entry.day) {
    problems.push(problem("day", "does not match the time and UTC offset it was logged at"));
  }
  problems.push(...oneOfProblems(entry, "area", AREAS), ...oneOfProblems(entry, "strength", STRENGTHS));
  if (typeof entry.note !== "string") problems.push(problem("note", "must be text (empty for no note)"));
  else if (entry.note.length > NOTE_MAX_LENGTH) problems.push(problem("note", `must be at most ${NOTE_MAX_LENGTH} characters`));
  problems.push(...instantProblems(entry, "updated_at"));
  return problems;
}

function warningSignProblems(signs) {
  if (!Array.isArray(signs)) return [problem("warning_signs", "must be a list (empty when none were asked)")];
  const problems = [];
  const unknown = signs.filter((sign) => !WARNING_SIGNS.includes(sign));
  if (unknown.length) problems.push(problem("warning_signs", `has unknown options ${quoted(unknown.map(String))}; use ${quoted(WARNING_SIGNS)}`));
  if (new Set(signs).size !== signs.length) problems.push(problem("warning_signs", "has the same option twice"));
  if (signs.includes("none") && signs.length > 1) problems.push(problem("warning_signs", "cannot have none with other options"));
  return problems;
}

/** What is wrong with a daily check-in, as [{field, message}]; empty when it is fine. */
export function validateCheckin(checkin) {
  if (!isPlainObject(checkin)) return [problem("checkin", "must be an object")];
  const problems = [...unknownFieldProblems(checkin, CHECKIN_FIELDS), ...idProblems(checkin)];
  if (!isDayKey(checkin.day)) problems.push(problem("day", "must be a calendar day, like 2024-06-10"));
  // Every habit is optional, as in the questionnaire: null means not answered that day, but the field is always there.
  for (const habit of HABITS) problems.push(...oneOfProblems(checkin, habit, HABIT_OPTIONS[habit], { optional: true }));
  problems.push(...warningSignProblems(checkin.warning_signs), ...instantProblems(checkin, "updated_at"));
  return problems;
}

/** What is wrong with a deletion record, as [{field, message}]; empty when it is fine. */
export function validateDeletion(deletion) {
  if (!isPlainObject(deletion)) return [problem("deletion", "must be an object")];
  const problems = [...unknownFieldProblems(deletion, DELETION_FIELDS), ...idProblems(deletion),
    ...oneOfProblems(deletion, "kind", DELETED_KINDS)];
  return [...problems, ...instantProblems(deletion, "deleted_at")];
}

/** The record that `id` (of `kind`) was deleted at `now`: kept so an older copy does not come back. */
export function newDeletion(id, kind, now = new Date()) {
  return { id, kind, deleted_at: now.toISOString() };
}

/** A new twitch entry logged at `at` (now by default) in the device's zone. */
export function newTwitchEntry({ area, strength, note = "", at }, now = new Date()) {
  return { id: newId(), ...timeStamp(at ?? now), area, strength, note: String(note ?? "").trim(), updated_at: now.toISOString() };
}

/** The entry with `changes` applied; a new `at` is stamped again in the device's current zone. */
export function editTwitchEntry(entry, { at, area, strength, note } = {}, now = new Date()) {
  const edited = { ...entry, updated_at: now.toISOString() };
  if (at !== undefined) Object.assign(edited, timeStamp(at));
  if (area !== undefined) edited.area = area;
  if (strength !== undefined) edited.strength = strength;
  if (note !== undefined) edited.note = String(note ?? "").trim();
  return edited;
}

/** A new check-in for `day`; habits not given are null (not answered), no warning signs. */
export function newCheckin(day, answers = {}, now = new Date()) {
  const habits = Object.fromEntries(HABITS.map((habit) => [habit, answers[habit] ?? null]));
  const warning_signs = [...(answers.warning_signs ?? [])];
  return { id: newId(), day, ...habits, warning_signs, updated_at: now.toISOString() };
}

/** The check-in with `changes` to its habits or warning signs applied. */
export function editCheckin(checkin, changes = {}, now = new Date()) {
  const edited = { ...checkin, updated_at: now.toISOString() };
  for (const habit of HABITS) if (changes[habit] !== undefined) edited[habit] = changes[habit];
  if (changes.warning_signs !== undefined) edited.warning_signs = [...changes.warning_signs];
  return edited;
}

/** A draft check-in for `day` with the habits of `previous` (yesterday's); warning signs are always asked afresh. */
export function prefillCheckin(previous, day, now = new Date()) {
  const habits = previous ? Object.fromEntries(HABITS.map((habit) => [habit, previous[habit] ?? null])) : {};
  return newCheckin(day, habits, now);
}

/** The warning signs a check-in reports, without `none`: what the app must act on at once. */
export function reportedWarningSigns(checkin) {
  return (checkin?.warning_signs ?? []).filter((sign) => sign !== "none");
}

/** The questionnaire answers a check-in gives, for the assessment engine's triage of warning signs. */
export function checkinAnswers(checkin) {
  const answers = {};
  for (const habit of HABITS) if (checkin[habit] != null) answers[habit] = checkin[habit];
  if (checkin.warning_signs?.length) answers.warning_signs = [...checkin.warning_signs];
  return answers;
}
