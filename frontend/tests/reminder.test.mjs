// The calendar reminder to check again: 14 days after the check's day, with the app's address, valid iCalendar.
import assert from "node:assert/strict";
import { test } from "node:test";

import { planDays } from "../js/diary/experiment.js";
import { experimentRemindersFileName, experimentRemindersIcs, reminderFileName, reminderIcs } from "../js/reminder.js";

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

// A personal experiment's daily reminders: one event on each of the plan's 30 days, at the time the person picked,
// each with an alarm and that day's plan.
const WORKED = {
  id: "0b6c3f5e-2f7a-4d7e-9a51-3c2d8e9f1a20", start_day: "2024-06-03", period_days: 3, settling_days: 1,
  order: ["usual", "change", "change", "usual", "change", "usual", "usual", "change", "usual", "change"],
};

const daily = (extra = {}) => experimentRemindersIcs({
  experimentId: WORKED.id, time: "20:30", url: "https://twitch.example.org/", now: new Date(Date.UTC(2024, 5, 2, 18)),
  days: planDays(WORKED).map(({ day, plan }) => ({ day, title: `${plan} day`, description: `Today is a ${plan} day.` })),
  ...extra,
});

const events = (ics) => ics.replace(/\r\n /g, "").split("BEGIN:VEVENT\r\n").slice(1);
const field = (event, name) => event.match(new RegExp(`(?:^|\\r\\n)${name}:([^\\r]*)`))?.[1];

test("an experiment's reminders: 30 events from its first day, at the time picked, each with an alarm", () => {
  const ics = daily();
  assert.match(ics, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
  assert.ok(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n"));
  const found = events(ics);
  assert.equal(found.length, 30);
  assert.equal(field(found[0], "DTSTART"), "20240603T203000", "the plan's first day, at 20:30 on the phone's clock");
  assert.equal(field(found[29], "DTSTART"), "20240702T203000", "the plan's last day");
  const starts = found.map((event) => field(event, "DTSTART").slice(0, 8));
  assert.equal(new Set(starts).size, 30, "one a day, no day twice");
  for (const event of found) {
    assert.match(event, /BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:PT0M\r\n/, "an alarm as the event starts");
    assert.equal(field(event, "DURATION"), "PT10M");
    assert.equal(field(event, "URL"), "https://twitch.example.org/");
  }
  assert.equal(field(found[0], "SUMMARY"), "usual day");
  assert.equal(field(found[3], "SUMMARY"), "change day", "day 4 is period 2: a change period");
  assert.equal(field(found[3], "DESCRIPTION"), "Today is a change day.\\nhttps://twitch.example.org/");
  assert.equal(experimentRemindersFileName(WORKED.start_day), "experiment-2024-06-03.ics");
});

test("a second download replaces the first one's events: each day's UID depends on the experiment and the day only", () => {
  const uids = (ics) => events(ics).map((event) => field(event, "UID"));
  const first = uids(daily());
  assert.equal(new Set(first).size, 30);
  assert.deepEqual(uids(daily({ time: "07:05", now: new Date(Date.UTC(2024, 5, 10)) })), first);
  assert.notDeepEqual(uids(daily({ experimentId: "7d1f0c6e-1c1b-4a55-8a43-0e5f3b8f2c11" })), first);
  assert.equal(field(events(daily({ time: "07:05" }))[0], "DTSTART"), "20240603T070500");
});

test("an experiment's reminder refuses a time that is not HH:MM, and escapes and folds its words", () => {
  for (const time of ["", "7:05", "24:00", "20:60", "20.30", null]) {
    assert.throws(() => daily({ time }), /HH:MM/, String(time));
  }
  const ics = daily({ days: [{ day: "2024-06-03", title: "Día de cambio; sin café, ni té", description: "Sin cafeína después de las 12:00. ".repeat(5) }] });
  assert.match(ics, /SUMMARY:Día de cambio\\; sin café\\, ni té/);
  for (const line of ics.split("\r\n")) assert.ok(new TextEncoder().encode(line).length <= 75, line);
});
