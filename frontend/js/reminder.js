// Calendar reminders (.ics, RFC 5545), made on the phone and downloaded; nothing is sent anywhere. Pure: runs in
// Node's tests. Two kinds: an all-day event to check again, and a personal experiment's daily reminders.
import { addDays } from "./formats.js";

/** Days after a check that the reminder falls: the two weeks after which a twitch is worth a GP visit. */
export const CHECK_AGAIN_AFTER_DAYS = 14;

// RFC 5545: text values escape backslash, semicolon, comma and new lines; lines end in CRLF and fold at 75 octets.
const escapeText = (text) => String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

function fold(line) {
  const bytes = new TextEncoder();
  const parts = [];
  let current = "";
  for (const char of line) {
    if (bytes.encode(current + char).length > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = "";
    }
    current += char;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const compact = (day) => day.replace(/-/g, "");
const stamp = (date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
const calendar = (events) => [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//twitch-trigger-checker//reminder//EN",
  "CALSCALE:GREGORIAN",
  ...events,
  "END:VCALENDAR",
];
const ics = (lines) => `${lines.map(fold).join("\r\n")}\r\n`;

/**
 * The .ics text of an all-day reminder `CHECK_AGAIN_AFTER_DAYS` after `checkDay` (a local day "2026-12-06"):
 * `title` and `description` in the person's language, `url` the app's address (also added to the description, where
 * every calendar shows it), `now` when it was made.
 */
export function reminderIcs({ checkDay, title, description, url, now = new Date() }) {
  const day = addDays(checkDay, CHECK_AGAIN_AFTER_DAYS);
  return ics(calendar([
    "BEGIN:VEVENT",
    `UID:check-again-${compact(checkDay)}-${stamp(now)}@twitch-trigger-checker`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART;VALUE=DATE:${compact(day)}`,
    `DTEND;VALUE=DATE:${compact(addDays(day, 1))}`,
    `SUMMARY:${escapeText(title)}`,
    `DESCRIPTION:${escapeText(`${description}\n${url}`)}`,
    `URL:${url}`,
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
  ]));
}

/** The file's name: the day it reminds on, so two reminders never overwrite each other. */
export function reminderFileName(checkDay) {
  return `check-again-${addDays(checkDay, CHECK_AGAIN_AFTER_DAYS)}.ics`;
}

/** How long each of an experiment's daily reminders lasts in the calendar: a check-in takes a minute or two. */
export const DAILY_REMINDER_MINUTES = 10;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The .ics text of a personal experiment's daily reminders: one event for each day of `days` ([{day, title,
 * description}], the plan's 30 days from its start_day, each with that day's plan in the person's language), at
 * `time` ("20:30") in the phone's own time wherever it is (a floating time, RFC 5545 3.3.5), each with an alarm as
 * it starts. `experimentId` makes each event's UID, so a second download (another time) replaces the first one's
 * events in a calendar instead of doubling them; `url` is the app's address (in each description too).
 */
export function experimentRemindersIcs({ experimentId, days, time, url, now = new Date() }) {
  const match = TIME.exec(time);
  if (!match) throw new Error(`a reminder's time is "HH:MM", not ${JSON.stringify(time)}`);
  const at = `T${match[1]}${match[2]}00`;
  return ics(calendar(days.flatMap(({ day, title, description }) => [
    "BEGIN:VEVENT",
    `UID:experiment-${experimentId}-${compact(day)}@twitch-trigger-checker`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART:${compact(day)}${at}`,
    `DURATION:PT${DAILY_REMINDER_MINUTES}M`,
    `SUMMARY:${escapeText(title)}`,
    `DESCRIPTION:${escapeText(`${description}\n${url}`)}`,
    `URL:${url}`,
    "TRANSP:TRANSPARENT",
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    "TRIGGER:PT0M",
    `DESCRIPTION:${escapeText(title)}`,
    "END:VALARM",
    "END:VEVENT",
  ])));
}

/** The experiment reminders' file name: the plan's first day, so two experiments' files never overwrite each other. */
export function experimentRemindersFileName(startDay) {
  return `experiment-${startDay}.ics`;
}
