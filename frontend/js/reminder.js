// A calendar reminder (.ics, RFC 5545) to check again: an all-day event on a day of the person's choosing, with the
// app's address, made on the phone and downloaded; nothing is sent anywhere. Pure: runs in Node's tests.
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

/**
 * The .ics text of an all-day reminder `CHECK_AGAIN_AFTER_DAYS` after `checkDay` (a local day "2026-12-06"):
 * `title` and `description` in the person's language, `url` the app's address (also added to the description, where
 * every calendar shows it), `now` when it was made.
 */
export function reminderIcs({ checkDay, title, description, url, now = new Date() }) {
  const day = addDays(checkDay, CHECK_AGAIN_AFTER_DAYS);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//twitch-trigger-checker//reminder//EN",
    "CALSCALE:GREGORIAN",
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
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

/** The file's name: the day it reminds on, so two reminders never overwrite each other. */
export function reminderFileName(checkDay) {
  return `check-again-${addDays(checkDay, CHECK_AGAIN_AFTER_DAYS)}.ics`;
}
