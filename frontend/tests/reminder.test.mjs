// The calendar reminder to check again: 14 days after the check's day, with the app's address, valid iCalendar.
import assert from "node:assert/strict";
import { test } from "node:test";

import { reminderFileName, reminderIcs } from "../js/reminder.js";

const make = (extra = {}) => reminderIcs({
  checkDay: "2026-12-06", title: "Check your twitch again", description: "Has it gone, or is it the same?",
  url: "https://twitch.example.org/", now: new Date(Date.UTC(2026, 11, 6, 15, 30)), ...extra,
});

test("an all-day event 14 days after the check's day, with the app's address", () => {
  const ics = make();
  assert.match(ics, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
  assert.match(ics, /\r\nDTSTART;VALUE=DATE:20261220\r\n/);
  assert.match(ics, /\r\nDTEND;VALUE=DATE:20261221\r\n/);
  assert.match(ics, /\r\nURL:https:\/\/twitch\.example\.org\/\r\n/);
  assert.match(ics, /\r\nDTSTAMP:20261206T153000Z\r\n/);
  assert.match(ics, /\r\nSUMMARY:Check your twitch again\r\n/);
  assert.ok(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n"));
  assert.equal(make({ checkDay: "2026-12-25" }).match(/DTSTART;VALUE=DATE:(\d+)/)[1], "20270108");
  assert.equal(reminderFileName("2026-12-06"), "check-again-2026-12-20.ics");
});

test("text is escaped and long lines are folded at 75 octets", () => {
  const ics = make({ title: "Vuelva a revisar, por favor; gracias", description: "Línea uno\n".repeat(12) });
  assert.match(ics, /SUMMARY:Vuelva a revisar\\, por favor\\; gracias/);
  for (const line of ics.split("\r\n")) assert.ok(new TextEncoder().encode(line).length <= 75, line);
  const unfolded = ics.replace(/\r\n /g, "");
  assert.ok(unfolded.includes("Línea uno\\nLínea uno"), "folding loses nothing, even inside accented letters");
  assert.ok(unfolded.includes("\\nhttps://twitch.example.org/"), "the address in the description too");
});
