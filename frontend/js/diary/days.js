// Local calendar days for the diary, as "YYYY-MM-DD" day keys.
//
// Decision: a diary entry stores three things when it is logged: `at` (the
// UTC instant, ISO string), `day` (the day key in the device's local time at
// that moment) and `tz_offset_min` (minutes ahead of UTC at that moment, so
// London in summer is 60 and New York in winter is -300). The stored `day` is
// the truth for every count and chart: it is never recomputed from `at`, so a
// later trip to another zone, or a daylight-saving change, does not move past
// entries to another day. A check-in has only a `day`: it is about a calendar
// day, not an instant.
//
// Stepping between days is calendar arithmetic on the key (in UTC, which has
// no daylight saving), never "add 24 hours of milliseconds" to a local time.

const DAY_KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_MINUTE = 60 * 1000;
// Exact in UTC, where every day has 24 hours; used only between UTC midnights.
const MS_PER_UTC_DAY = 24 * 60 * MS_PER_MINUTE;

const pad = (number, width = 2) => String(number).padStart(width, "0");

/** A Date from a Date, a millisecond timestamp or an ISO string; throws on nonsense. */
function toDate(time) {
  const date = time instanceof Date ? new Date(time.getTime()) : new Date(time);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a time: ${String(time)}`);
  return date;
}

/** Midnight UTC of a day key, in milliseconds; the key's calendar date as a number. */
function utcMidnight(day) {
  const { year, month, date } = parseDayKey(day);
  const midnight = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  midnight.setUTCFullYear(year, month - 1, date);
  return midnight.getTime();
}

function formatUtcDay(milliseconds) {
  const date = new Date(milliseconds);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** {year, month (1-12), date} of a day key; throws when it is not a real calendar day. */
export function parseDayKey(day) {
  const match = typeof day === "string" ? DAY_KEY_PATTERN.exec(day) : null;
  if (!match) throw new RangeError(`Not a day (YYYY-MM-DD): ${String(day)}`);
  const [year, month, date] = match.slice(1).map(Number);
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, date);
  // 2024-02-30 would roll over to March: a real day survives the round trip.
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== date) {
    throw new RangeError(`Not a calendar day: ${day}`);
  }
  return { year, month, date };
}

/** True for a "YYYY-MM-DD" string that names a real calendar day. */
export function isDayKey(day) {
  try {
    parseDayKey(day);
    return true;
  } catch {
    return false;
  }
}

/** The day key of a moment in the device's local time zone. */
export function dayKey(time = new Date()) {
  const date = toDate(time);
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today's day key in the device's local time zone. */
export function todayKey(now = new Date()) {
  return dayKey(now);
}

/** The day key `count` calendar days after `day` (negative goes back). */
export function addDays(day, count) {
  const { year, month, date } = parseDayKey(day);
  const shifted = new Date(0);
  shifted.setUTCFullYear(year, month - 1, date + count);
  return formatUtcDay(shifted.getTime());
}

/** The calendar day before `day`. */
export function previousDay(day) {
  return addDays(day, -1);
}

/** Whole calendar days from `from` to `to` (0 for the same day, negative if `to` is earlier). */
export function daysBetween(from, to) {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / MS_PER_UTC_DAY);
}

/** The last `count` day keys, oldest first, ending with `today`. */
export function lastDays(count, today = todayKey()) {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Not a number of days: ${count}`);
  return Array.from({ length: count }, (_, index) => addDays(today, index - (count - 1)));
}

/** Minutes the device's local time is ahead of UTC at that moment (London summer: 60). */
export function utcOffsetMinutes(time = new Date()) {
  // getTimezoneOffset is behind-UTC and flips sign; `|| 0` turns -0 into 0.
  return -toDate(time).getTimezoneOffset() || 0;
}

/** What an entry stores about when it was logged: {at, day, tz_offset_min}. */
export function timeStamp(time = new Date()) {
  const date = toDate(time);
  return { at: date.toISOString(), day: dayKey(date), tz_offset_min: utcOffsetMinutes(date) };
}

/** The wall clock of a UTC instant at a fixed offset: {day, time: "HH:MM"}, as the person saw it. */
export function wallClockAt(at, tzOffsetMin) {
  const shifted = new Date(toDate(at).getTime() + tzOffsetMin * MS_PER_MINUTE);
  const day = formatUtcDay(shifted.getTime());
  return { day, time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}` };
}

/** The Date of a local day and "HH:MM" on this device (a time in a spring-forward gap moves on, as the platform does). */
export function localTime(day, time = "00:00") {
  const { year, month, date } = parseDayKey(day);
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) throw new RangeError(`Not a time (HH:MM): ${time}`);
  const local = new Date(0);
  local.setFullYear(year, month - 1, date);
  local.setHours(Number(match[1]), Number(match[2]), 0, 0);
  return local;
}
