// The diary's summary for a doctor averages twitches over the days the diary covers, from its first entry.
import assert from "node:assert/strict";
import { test } from "node:test";

import { addDays } from "../js/diary/days.js";
import { diaryRules } from "../js/diary/model.js";
import { doctorSummary } from "../js/diary/stats.js";
import { loadContent } from "./content-fixture.mjs";

const rules = diaryRules(loadContent());
const TODAY = "2026-12-06";
let serial = 0;
const twitch = (day) => {
  serial += 1;
  return { id: `e${serial}`, at: `${day}T12:00:00.000Z`, day, tz_offset_min: 0, area: "calf_foot", strength: "light", note: "",
    updated_at: `${day}T12:00:00.000Z` };
};

test("66 twitches in a diary of 16 days are 4.1 a day, not 2.2 over 30", () => {
  const first = addDays(TODAY, -15); // 16 days, counting today
  const entries = Array.from({ length: 66 }, (_, n) => twitch(addDays(first, n % 16)));
  const summary = doctorSummary(rules, entries, [], TODAY);
  assert.equal(summary.twitch_count, 66);
  assert.equal(summary.tracked_days, 16);
  assert.equal(summary.twitches_per_day, 4.1);
});

test("a diary older than the window averages over the window", () => {
  const entries = [twitch(addDays(TODAY, -90)), ...Array.from({ length: 60 }, () => twitch(TODAY))];
  const summary = doctorSummary(rules, entries, [], TODAY);
  assert.equal(summary.tracked_days, 30);
  assert.equal(summary.twitches_per_day, 2);
});
