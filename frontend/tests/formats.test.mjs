// Dates and numbers in the phone's own locale when its language is the page's.
import assert from "node:assert/strict";
import { test } from "node:test";

import { formatRate } from "../js/diary/stats.js";
import { addDays, formatDate, formatNumber, phoneLocale } from "../js/formats.js";

test("the phone's own locale when its language matches the page, else the page's language", () => {
  assert.equal(phoneLocale("en", ["en-GB", "es"]), "en-GB");
  assert.equal(phoneLocale("es", ["en-GB", "es-MX"]), "es-MX");
  assert.equal(phoneLocale("es", ["en-US"]), "es");
  assert.equal(phoneLocale("en", []), "en");
  assert.equal(phoneLocale("en", ["not a tag!"]), "en");
});

test("dates are written as each locale writes them", () => {
  assert.equal(formatDate("2026-12-06", "en-GB"), "6 December 2026");
  assert.equal(formatDate("2026-12-06", "en-US"), "December 6, 2026");
  assert.equal(formatDate("2026-12-06", "es"), "6 de diciembre de 2026");
  assert.equal(formatDate(new Date(2026, 11, 6, 23, 59), "en-GB", { year: false }), "6 December");
});

test("numbers carry the locale's decimal mark", () => {
  assert.equal(formatNumber(4.125, "es-ES"), "4,1");
  assert.equal(formatNumber(4.125, "es-MX"), "4.1");
  assert.equal(formatNumber(4.125, "en-GB"), "4.1");
  assert.equal(formatNumber(4, "es-ES"), "4");
});

test("days are added on the calendar, across months and years", () => {
  assert.equal(addDays("2026-12-06", 14), "2026-12-20");
  assert.equal(addDays("2026-12-25", 14), "2027-01-08");
  assert.equal(addDays("2027-03-20", 14), "2027-04-03", "across a clock change");
});

test("the diary's rates carry the locale's decimal mark, one decimal always", () => {
  assert.equal(formatRate(1, "es-ES"), "1,0");
  assert.equal(formatRate(0.94, "es-MX"), "0.9");
  assert.equal(formatRate(1), "1.0");
});
