// The diary's records and their checks: a twitch entry, a daily check-in and a personal experiment.
// Values are the questionnaire's option ids (content/questions.yml), so the diary speaks the same words as the
// questionnaire and the assessment engine. Which areas, habits and warning signs there are comes from the
// content bundle: diaryRules(content) reads them once, and every function that needs them takes those rules.
// Nothing here is worded for a person: a problem is a code with its values, and the screens give it words.
import { anyHolds } from "../engine.js";
import { isDayKey, timeStamp, wallClockAt } from "./days.js";
import { DESIGN, isAllowedOrder } from "./experiment.js";

// The shape of diary records; a backup carries it, and a newer one cannot be read by older code.
// Version 2 adds deletions, so that a deleted record stays deleted when an older backup is imported. Version 3
// adds personal experiments and the check-in's other_signs, twitch_score and plan_kept (an older app must refuse
// such a backup as newer, not as holding unknown fields).
export const SCHEMA_VERSION = 3;

/** How strong a twitch felt: the diary's own scale (the questionnaire does not ask it); words in diary.strength.*. */
export const STRENGTHS = Object.freeze(["light", "strong", "constant"]);

// The questionnaire's questions whose options a diary record holds: a twitch's area, a check-in's warning signs.
const AREAS_QUESTION = "areas";
const WARNING_SIGNS_QUESTION = "warning_signs";
// The second safety question: asked with the first, only when the person says something is new or worse.
const OTHER_SIGNS_QUESTION = "other_signs";

const rulesOfContent = new WeakMap();

function questionOf(content, id) {
  const question = content.questionnaire.questions.find((q) => q.id === id);
  if (!question) throw new Error(`the content has no "${id}" question, which the diary needs`);
  return question;
}

/** The areas whose twitches a trigger's `when` can explain (eye strain: the eyelid), or null for every area. */
export function countedAreas(trigger, areas) {
  const tests = (trigger?.when ?? []).flatMap((entry) => entry.all ?? [entry]);
  // A `when` about anything but the area is about the person, not a twitch: it leaves every twitch counted.
  if (!tests.length || tests.some((test) => test.question !== AREAS_QUESTION)) return null;
  return Object.freeze(areas.filter((area) => anyHolds(trigger.when, { [AREAS_QUESTION]: [area] })));
}

function buildRules(content) {
  const areas = Object.freeze(questionOf(content, AREAS_QUESTION).options.map((option) => option.id));
  const signs = questionOf(content, WARNING_SIGNS_QUESTION).options;
  const others = questionOf(content, OTHER_SIGNS_QUESTION).options;
  const habits = content.diary.habits.map((habit) => Object.freeze({
    ...habit,
    options: Object.freeze([...habit.options]),
    counts_with: Object.freeze([...habit.counts_with]),
    counted_areas: countedAreas(content.triggers.find((trigger) => trigger.id === habit.trigger), areas),
  }));
  return Object.freeze({
    areas,
    strengths: STRENGTHS,
    // content/diary.yml's habits, in its order; a check-in keeps each under its question's id.
    habits: Object.freeze(habits),
    habitQuestions: Object.freeze(habits.map((habit) => habit.question)),
    warningSigns: Object.freeze(signs.map((option) => option.id)),
    // "None of these": an option that goes with no other, and reports no sign.
    noSigns: Object.freeze(signs.filter((option) => option.exclusive).map((option) => option.id)),
    otherSigns: Object.freeze(others.map((option) => option.id)),
    noOtherSigns: Object.freeze(others.filter((option) => option.exclusive).map((option) => option.id)),
    // content/diary.yml's experiments: the kinds of personal experiment, each the id of the tip it tests.
    experimentKinds: Object.freeze((content.diary.experiments ?? []).map((kind) => kind.id)),
  });
}

/**
 * The diary's rules from a content bundle, built once per bundle: the body `areas` and `warningSigns` (the
 * options of the questionnaire's questions), the `strengths`, and the `habits` of content/diary.yml, each with
 * `counted_areas`: the areas its trigger's own `when` limits it to (eye strain: eyelid twitches), or null.
 */
export function diaryRules(content) {
  if (!rulesOfContent.has(content)) rulesOfContent.set(content, buildRules(content));
  return rulesOfContent.get(content);
}

// A note is a few words for the person and their doctor; the cap keeps backups and the CSV small.
export const NOTE_MAX_LENGTH = 500;
// Real zones run from UTC-12:00 to UTC+14:00.
export const TZ_OFFSET_MIN_RANGE = Object.freeze({ min: -12 * 60, max: 14 * 60 });
// Every date in the diary is between these: nobody logs twitches on a phone app from before 2000, and a time
// later than now is a mistake or a wrong clock. A day of slack lets in a backup from a phone whose clock or zone
// is set wrong by hours; a record dated further on would win every merge until then (a deletion note, say).
export const EARLIEST_DAY = "2000-01-01";
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;
// The most the diary holds: backups are sized for it (backup.js), and the list pages through it. 100,000 twitches
// is ten a day for 27 years; check-ins are one a day, so a hundred years of them; deletion notes beyond this many
// drop the oldest.
// 1,000 experiments is one a month for 80 years.
export const DIARY_CAPACITY = Object.freeze({ entries: 100_000, checkins: 36_525, experiments: 1_000, deleted: 100_000 });

const ENTRY_FIELDS = Object.freeze(["id", "at", "day", "tz_offset_min", "area", "strength", "note", "updated_at"]);
// other_signs is missing from check-ins saved before the check-in asked it (a list since). twitch_score and
// plan_kept are an experiment's two questions: null outside experiments (the database's and backups' migrations
// add them to older check-ins).
const checkinFields = (rules) => ["id", "day", ...rules.habitQuestions, WARNING_SIGNS_QUESTION, OTHER_SIGNS_QUESTION,
  "twitch_score", "plan_kept", "updated_at"];
/** The check-in's "How much did you notice twitching today?": an integer from 0 to 10. */
export const TWITCH_SCORE_RANGE = Object.freeze({ min: 0, max: 10 });
/** The check-in's "Did you keep to today's plan?". */
export const PLAN_KEPT = Object.freeze(["yes", "partly", "no"]);
const EXPERIMENT_FIELDS = Object.freeze(["id", "kind", "design", "start_day", "period_days", "settling_days", "order",
  "status", "paused_on", "ended_on", "stop_reason", "created_at", "updated_at"]);
/** What an experiment record says of itself; upcoming and finished are derived from its dates. */
export const EXPERIMENT_STATUSES = Object.freeze(["running", "paused", "stopped"]);
/** Why an experiment was stopped: by the person, for warning signs, or replaced by a later one in a merge. */
export const STOP_REASONS = Object.freeze(["person", "warning_signs", "replaced"]);
export const PERIOD_DAYS_RANGE = Object.freeze({ min: 2, max: 7 });
const DELETION_FIELDS = Object.freeze(["id", "kind", "deleted_at"]);
/** What a deletion can be of: a twitch entry, a check-in or an experiment. */
export const DELETED_KINDS = Object.freeze(["entry", "checkin", "experiment"]);
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// An option id as the content writes them. A record may hold one the content no longer has (a content rollback
// removed it): a backup keeps such a record as it is, and the screens show the id (see retiredOptions).
const OPTION_ID_PATTERN = /^[a-z0-9][a-z0-9_]{0,63}$/;
const isOptionId = (value) => typeof value === "string" && OPTION_ID_PATTERN.test(value);
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
// Characters no note needs that take six bytes each in JSON: control characters (but tab and line breaks) and
// halves of a surrogate pair. A note never holds them, so a backup's size has a bound (backup.js).
const UNWRITABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The latest day key anywhere on Earth at `now` plus the slack: the last day a record may be about. */
export function latestDay(now = new Date()) {
  return wallClockAt(new Date(now.getTime() + FUTURE_SLACK_MS), TZ_OFFSET_MIN_RANGE.max).day;
}

/** A note as the diary keeps it: trimmed, without characters no note needs. */
export function cleanNote(note) {
  return String(note ?? "").replace(UNWRITABLE, "").trim();
}

/**
 * One thing wrong with a record: the field, a code, and the values its words need. The codes (the words are
 * diary.record.<code>): unknown_field, not_object, not_uuid, not_instant, not_day, too_early {earliest},
 * in_future, not_offset {min, max}, day_mismatch, not_one_of {options, optional}, not_text, bad_characters,
 * too_long {max}, not_list, unknown_options {unknown, options}, repeated_option, exclusive_with_others {option},
 * not_integer {min, max}, not_allowed_order, needs_value, must_be_null.
 */
const problem = (field, code, values = {}) => ({ field, code, values });

function unknownFieldProblems(record, knownFields) {
  return Object.keys(record)
    .filter((field) => !knownFields.includes(field))
    .map((field) => problem(field, "unknown_field"));
}

function idProblems(record) {
  return typeof record.id === "string" && UUID_PATTERN.test(record.id) ? [] : [problem("id", "not_uuid")];
}

/** A date out of the diary's range, by its day key: before EARLIEST_DAY, or after latestDay(now). */
function rangeProblems(field, day, now) {
  if (day < EARLIEST_DAY) return [problem(field, "too_early", { earliest: EARLIEST_DAY })];
  return day > latestDay(now) ? [problem(field, "in_future")] : [];
}

function instantProblems(record, field, now) {
  if (!isInstant(record[field])) return [problem(field, "not_instant")];
  const time = Date.parse(record[field]);
  if (time > now.getTime() + FUTURE_SLACK_MS) return [problem(field, "in_future")];
  return rangeProblems(field, new Date(time).toISOString().slice(0, 10), now);
}

function dayProblems(record, field, now) {
  return isDayKey(record[field]) ? rangeProblems(field, record[field], now) : [problem(field, "not_day")];
}

function oneOfProblems(record, field, options, { optional = false, keepRetired = false } = {}) {
  const value = record[field];
  if (optional && value === null) return [];
  if (keepRetired && isOptionId(value)) return [];
  return options.includes(value) ? [] : [problem(field, "not_one_of", { options: [...options], optional })];
}

/**
 * What is wrong with a twitch entry, as [{field, code, values}]; empty when it is fine. Dates are checked against
 * `now`. With `keepRetired`, an area the content no longer has (but a well-formed option id) is no problem: a
 * backup or a stored record keeps it as it is.
 */
export function validateTwitchEntry(rules, entry, now = new Date(), { keepRetired = false } = {}) {
  if (!isPlainObject(entry)) return [problem("entry", "not_object")];
  const problems = [...unknownFieldProblems(entry, ENTRY_FIELDS), ...idProblems(entry)];
  const atIsInstant = isInstant(entry.at);
  problems.push(...instantProblems(entry, "at", now));
  const dayIsKey = isDayKey(entry.day);
  problems.push(...dayProblems(entry, "day", now));
  const { min, max } = TZ_OFFSET_MIN_RANGE;
  const offsetIsValid = Number.isInteger(entry.tz_offset_min) && entry.tz_offset_min >= min && entry.tz_offset_min <= max;
  if (!offsetIsValid) problems.push(problem("tz_offset_min", "not_offset", { min, max }));
  // The stored day must be the day the person saw, or counts would land on the wrong day.
  if (atIsInstant && dayIsKey && offsetIsValid && wallClockAt(entry.at, entry.tz_offset_min).day !== entry.day) {
    problems.push(problem("day", "day_mismatch"));
  }
  problems.push(...oneOfProblems(entry, "area", rules.areas, { keepRetired }), ...oneOfProblems(entry, "strength", rules.strengths));
  if (typeof entry.note !== "string") problems.push(problem("note", "not_text"));
  else if (entry.note.length > NOTE_MAX_LENGTH) problems.push(problem("note", "too_long", { max: NOTE_MAX_LENGTH }));
  else if (entry.note.search(UNWRITABLE) !== -1) problems.push(problem("note", "bad_characters"));
  problems.push(...instantProblems(entry, "updated_at", now));
  return problems;
}

function warningSignProblems(rules, signs, keepRetired, field = WARNING_SIGNS_QUESTION) {
  const [options, none] = field === WARNING_SIGNS_QUESTION ? [rules.warningSigns, rules.noSigns] : [rules.otherSigns, rules.noOtherSigns];
  if (!Array.isArray(signs)) return [problem(field, "not_list")];
  const problems = [];
  const unknown = signs.filter((sign) => !options.includes(sign) && !(keepRetired && isOptionId(sign)));
  if (unknown.length) problems.push(problem(field, "unknown_options", { unknown: unknown.map(String), options: [...options] }));
  if (new Set(signs).size !== signs.length) problems.push(problem(field, "repeated_option"));
  for (const option of none) {
    if (signs.includes(option) && signs.length > 1) problems.push(problem(field, "exclusive_with_others", { option }));
  }
  return problems;
}

/**
 * What is wrong with a daily check-in, as [{field, code, values}]; empty when it is fine. Dates are checked against
 * `now`. With `keepRetired`, habit answers and warning signs the content no longer has are no problem.
 */
export function validateCheckin(rules, checkin, now = new Date(), { keepRetired = false } = {}) {
  if (!isPlainObject(checkin)) return [problem("checkin", "not_object")];
  const problems = [...unknownFieldProblems(checkin, checkinFields(rules)), ...idProblems(checkin)];
  problems.push(...dayProblems(checkin, "day", now));
  // Every habit is optional, as in the questionnaire: null means not answered that day, but the field is always there.
  for (const habit of rules.habits) {
    problems.push(...oneOfProblems(checkin, habit.question, habit.options, { optional: true, keepRetired }));
  }
  problems.push(...warningSignProblems(rules, checkin.warning_signs, keepRetired));
  if (checkin.other_signs !== undefined) problems.push(...warningSignProblems(rules, checkin.other_signs, keepRetired, OTHER_SIGNS_QUESTION));
  if (checkin.twitch_score !== undefined && checkin.twitch_score !== null && !isIntegerIn(checkin.twitch_score, TWITCH_SCORE_RANGE)) {
    problems.push(problem("twitch_score", "not_integer", { ...TWITCH_SCORE_RANGE }));
  }
  if (checkin.plan_kept !== undefined) problems.push(...oneOfProblems(checkin, "plan_kept", PLAN_KEPT, { optional: true }));
  problems.push(...instantProblems(checkin, "updated_at", now));
  return problems;
}

const isIntegerIn = (value, { min, max }) => Number.isInteger(value) && value >= min && value <= max;

/** A field that holds a day key (checked as `dayProblems`) when `needed`, and null otherwise. */
function dayOrNullProblems(record, field, needed, now) {
  if (needed) return record[field] === null ? [problem(field, "needs_value")] : dayProblems(record, field, now);
  return record[field] === null ? [] : [problem(field, "must_be_null")];
}

/**
 * What is wrong with a personal experiment's record, as [{field, code, values}]; empty when it is fine. The kind
 * is one of the content's (with `keepRetired`, any well-formed id: a backup keeps one the content no longer has);
 * the order is one of the 84 the app draws from, so a hand-made order is refused; a stopped experiment says why
 * and when, a paused one since when, and neither field is set otherwise.
 */
export function validateExperiment(rules, experiment, now = new Date(), { keepRetired = false } = {}) {
  if (!isPlainObject(experiment)) return [problem("experiment", "not_object")];
  const problems = [...unknownFieldProblems(experiment, EXPERIMENT_FIELDS), ...idProblems(experiment)];
  problems.push(...oneOfProblems(experiment, "kind", rules.experimentKinds, { keepRetired }));
  problems.push(...oneOfProblems(experiment, "design", [DESIGN]));
  problems.push(...dayProblems(experiment, "start_day", now));
  if (!isIntegerIn(experiment.period_days, PERIOD_DAYS_RANGE)) problems.push(problem("period_days", "not_integer", { ...PERIOD_DAYS_RANGE }));
  else if (!isIntegerIn(experiment.settling_days, { min: 0, max: experiment.period_days - 1 })) {
    problems.push(problem("settling_days", "not_integer", { min: 0, max: experiment.period_days - 1 }));
  }
  if (!isAllowedOrder(experiment.order)) problems.push(problem("order", "not_allowed_order"));
  problems.push(...oneOfProblems(experiment, "status", EXPERIMENT_STATUSES));
  const stopped = experiment.status === "stopped";
  problems.push(...dayOrNullProblems(experiment, "paused_on", experiment.status === "paused", now));
  problems.push(...dayOrNullProblems(experiment, "ended_on", stopped, now));
  if (stopped) problems.push(...oneOfProblems(experiment, "stop_reason", STOP_REASONS));
  else if (experiment.stop_reason !== null) problems.push(problem("stop_reason", "must_be_null"));
  problems.push(...instantProblems(experiment, "created_at", now), ...instantProblems(experiment, "updated_at", now));
  return problems;
}

/** A new running experiment of `kind` starting on `start_day`, with the drawn `order` (drawOrder of experiment.js). */
export function newExperiment({ kind, start_day, order, period_days = 3, settling_days = 1 }, now = new Date()) {
  const at = now.toISOString();
  return { id: newId(), kind, design: DESIGN, start_day, period_days, settling_days, order: [...order], status: "running",
    paused_on: null, ended_on: null, stop_reason: null, created_at: at, updated_at: at };
}

/** The experiment stopped on `day` for `reason` (one of STOP_REASONS). */
export function stopExperiment(experiment, day, reason, now = new Date()) {
  return { ...experiment, status: "stopped", paused_on: null, ended_on: day, stop_reason: reason, updated_at: now.toISOString() };
}

/**
 * The answers of a record (kind "entry" or "checkin") that the content no longer has, as [{field, value}]: a
 * content rollback removed the option. The record is kept as it is; the screens show the raw id.
 */
export function retiredOptions(rules, kind, record) {
  if (!isPlainObject(record)) return [];
  if (kind === "entry") return isOptionId(record.area) && !rules.areas.includes(record.area) ? [{ field: "area", value: record.area }] : [];
  const retired = rules.habits
    .filter((habit) => isOptionId(record[habit.question]) && !habit.options.includes(record[habit.question]))
    .map((habit) => ({ field: habit.question, value: record[habit.question] }));
  for (const [field, options] of [[WARNING_SIGNS_QUESTION, rules.warningSigns], [OTHER_SIGNS_QUESTION, rules.otherSigns]]) {
    const signs = Array.isArray(record[field]) ? record[field] : [];
    for (const sign of signs) if (isOptionId(sign) && !options.includes(sign)) retired.push({ field, value: sign });
  }
  return retired;
}

/**
 * What is wrong with a deletion record, as [{field, code, values}]; empty when it is fine. A deletion dated
 * after `now` (and its slack) is refused: it would delete every later change to its record until that date.
 */
export function validateDeletion(deletion, now = new Date()) {
  if (!isPlainObject(deletion)) return [problem("deletion", "not_object")];
  const problems = [...unknownFieldProblems(deletion, DELETION_FIELDS), ...idProblems(deletion),
    ...oneOfProblems(deletion, "kind", DELETED_KINDS)];
  return [...problems, ...instantProblems(deletion, "deleted_at", now)];
}

/**
 * The record that `id` (of `kind`) was deleted at `now`: kept so an older copy does not come back. It is never
 * dated before `lastChanged` (the record's updated_at): with the phone's clock behind, a deletion dated by it
 * alone would lose to a backup of the very version it deleted.
 */
export function newDeletion(id, kind, now = new Date(), lastChanged = null) {
  const changed = lastChanged === null ? Number.NaN : Date.parse(lastChanged);
  const at = changed > now.getTime() ? new Date(changed) : now;
  return { id, kind, deleted_at: at.toISOString() };
}

/** A new twitch entry logged at `at` (now by default) in the device's zone. */
export function newTwitchEntry({ area, strength, note = "", at }, now = new Date()) {
  return { id: newId(), ...timeStamp(at ?? now), area, strength, note: cleanNote(note), updated_at: now.toISOString() };
}

/** The entry with `changes` applied; a new `at` is stamped again in the device's current zone. */
export function editTwitchEntry(entry, { at, area, strength, note } = {}, now = new Date()) {
  const edited = { ...entry, updated_at: now.toISOString() };
  if (at !== undefined) Object.assign(edited, timeStamp(at));
  if (area !== undefined) edited.area = area;
  if (strength !== undefined) edited.strength = strength;
  if (note !== undefined) edited.note = cleanNote(note);
  return edited;
}

/** A new check-in for `day`; habits not given are null (not answered), no warning signs. */
export function newCheckin(rules, day, answers = {}, now = new Date()) {
  const habits = Object.fromEntries(rules.habitQuestions.map((question) => [question, answers[question] ?? null]));
  const warning_signs = [...(answers.warning_signs ?? [])];
  const other_signs = [...(answers.other_signs ?? [])];
  // An experiment's two questions are asked afresh each day, never filled in from the day before.
  return { id: newId(), day, ...habits, warning_signs, other_signs, twitch_score: answers.twitch_score ?? null,
    plan_kept: answers.plan_kept ?? null, updated_at: now.toISOString() };
}

/**
 * Both safety questions' answers from the check-in's "Anything new or worse since yesterday?": "no" answers both
 * ("none of these"); "yes" takes the signs ticked in each list. Null when it was not answered.
 */
export function safetyAnswers(rules, anythingNew, { warning_signs = [], other_signs = [] } = {}) {
  if (anythingNew === "no") return { warning_signs: [...rules.noSigns], other_signs: [...rules.noOtherSigns] };
  if (anythingNew === "yes") return { warning_signs: [...warning_signs], other_signs: [...other_signs] };
  return null;
}

/** The check-in with `changes` to its habits or warning signs applied. */
export function editCheckin(rules, checkin, changes = {}, now = new Date()) {
  const edited = { ...checkin, updated_at: now.toISOString() };
  for (const question of rules.habitQuestions) if (changes[question] !== undefined) edited[question] = changes[question];
  if (changes.warning_signs !== undefined) edited.warning_signs = [...changes.warning_signs];
  if (changes.other_signs !== undefined) edited.other_signs = [...changes.other_signs];
  if (changes.twitch_score !== undefined) edited.twitch_score = changes.twitch_score;
  if (changes.plan_kept !== undefined) edited.plan_kept = changes.plan_kept;
  return edited;
}

/**
 * A draft check-in for `day` with the habits of `previous` (yesterday's), but for answers the content no longer
 * has; warning signs are always asked afresh.
 */
export function prefillCheckin(rules, previous, day, now = new Date()) {
  const current = (habit) => (habit.options.includes(previous[habit.question]) ? previous[habit.question] : null);
  const habits = previous ? Object.fromEntries(rules.habits.map((habit) => [habit.question, current(habit)])) : {};
  return newCheckin(rules, day, habits, now);
}

/** The warning signs a check-in reports (both safety questions), without "none of these": what the app must act on at once. */
export function reportedWarningSigns(rules, checkin) {
  return [...(checkin?.warning_signs ?? []), ...(checkin?.other_signs ?? [])]
    .filter((sign) => !rules.noSigns.includes(sign) && !rules.noOtherSigns.includes(sign));
}

/**
 * The questionnaire answers a check-in gives, for the assessment engine's triage of warning signs: only options
 * the content has (a retired one is shown by its id, never scored).
 */
export function checkinAnswers(rules, checkin) {
  const answers = {};
  for (const habit of rules.habits) {
    if (habit.options.includes(checkin[habit.question])) answers[habit.question] = checkin[habit.question];
  }
  const signs = (checkin.warning_signs ?? []).filter((sign) => rules.warningSigns.includes(sign));
  if (signs.length) answers.warning_signs = signs;
  const others = (checkin.other_signs ?? []).filter((sign) => rules.otherSigns.includes(sign));
  if (others.length) answers.other_signs = others;
  return answers;
}
