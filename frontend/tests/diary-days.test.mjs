// Day boundaries of the diary in several time zones. Node 20 re-reads
// process.env.TZ on every assignment, so each test sets the zone it needs.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  addDays,
  dayKey,
  daysBetween,
  isDayKey,
  lastDays,
  localTime,
  parseDayKey,
  previousDay,
  timeStamp,
  todayKey,
  utcOffsetMinutes,
  wallClockAt,
} from "../js/diary/days.js";

const nextDay = (day) => addDays(day, 1);

const ORIGINAL_TZ = process.env.TZ;

/** Runs `check` with the device's zone set to `zone`, then puts the zone back. */
function inZone(zone, check) {
  process.env.TZ = zone;
  try {
    return check();
  } finally {
    if (ORIGINAL_TZ === undefined) delete process.env.TZ;
    else process.env.TZ = ORIGINAL_TZ;
  }
}

/** Every half hour from local midnight of `day` until local midnight of the next day. */
function halfHoursOf(day) {
  const start = localTime(day).getTime();
  const end = localTime(nextDay(day)).getTime();
  const moments = [];
  for (let time = start; time < end; time += 30 * 60 * 1000) moments.push(new Date(time));
  return moments;
}

test("changing process.env.TZ changes the zone in this node", () => {
  const instant = "2024-01-15T12:00:00Z";
  assert.equal(inZone("Asia/Tokyo", () => new Date(instant).getHours()), 21);
  assert.equal(inZone("America/New_York", () => new Date(instant).getHours()), 7);
});

test("23:59 and 00:01 local fall on their own local days, not the UTC day", () => {
  inZone("Europe/London", () => {
    // British Summer Time: 22:59Z is 23:59 on the 10th, 23:01Z is 00:01 on the 11th.
    assert.equal(dayKey("2024-06-10T22:59:00Z"), "2024-06-10");
    assert.equal(dayKey("2024-06-10T23:01:00Z"), "2024-06-11");
    assert.equal(dayKey(localTime("2024-06-10", "23:59")), "2024-06-10");
    assert.equal(dayKey(localTime("2024-06-11", "00:01")), "2024-06-11");
  });
  inZone("America/New_York", () => {
    assert.equal(dayKey("2024-01-16T04:59:00Z"), "2024-01-15");
    assert.equal(dayKey("2024-01-16T05:01:00Z"), "2024-01-16");
    assert.equal(dayKey(localTime("2024-01-15", "23:59")), "2024-01-15");
    assert.equal(dayKey(localTime("2024-01-16", "00:01")), "2024-01-16");
  });
});

const DST_DAYS = [
  { zone: "Europe/London", day: "2024-03-31", change: "spring forward", hours: 23, before: 0, after: 60 },
  { zone: "Europe/London", day: "2024-10-27", change: "fall back", hours: 25, before: 60, after: 0 },
  { zone: "America/New_York", day: "2024-03-10", change: "spring forward", hours: 23, before: -300, after: -240 },
  { zone: "America/New_York", day: "2024-11-03", change: "fall back", hours: 25, before: -240, after: -300 },
  // Lord Howe Island moves its clocks by half an hour.
  { zone: "Australia/Lord_Howe", day: "2024-10-06", change: "spring forward", hours: 23.5, before: 630, after: 660 },
];

for (const { zone, day, change, hours, before, after } of DST_DAYS) {
  test(`${zone} ${change} on ${day}: every moment of the ${hours}-hour day is that day`, () => {
    inZone(zone, () => {
      const moments = halfHoursOf(day);
      assert.equal(moments.length, hours * 2);
      for (const moment of moments) assert.equal(dayKey(moment), day, moment.toISOString());
      assert.equal(dayKey(localTime(day, "23:59")), day);
      assert.equal(dayKey(localTime(nextDay(day), "00:01")), nextDay(day));
      assert.equal(dayKey(localTime(previousDay(day), "23:59")), previousDay(day));
      assert.equal(utcOffsetMinutes(localTime(day, "00:00")), before);
      assert.equal(utcOffsetMinutes(localTime(day, "23:00")), after);
    });
  });

  test(`${zone} ${change} on ${day}: stepping days is calendar arithmetic`, () => {
    inZone(zone, () => {
      assert.equal(previousDay(nextDay(day)), day);
      assert.deepEqual(lastDays(3, nextDay(day)), [previousDay(day), day, nextDay(day)]);
      assert.equal(daysBetween(previousDay(day), nextDay(day)), 2);
      // Why not 24 hours of milliseconds: from local midnight it misses the next day on a 25-hour day.
      const naive = dayKey(localTime(day).getTime() + 24 * 60 * 60 * 1000);
      assert.equal(naive === nextDay(day), hours <= 24);
    });
  });
}

test("a time in the spring-forward gap stays on its day", () => {
  inZone("America/New_York", () => {
    const moment = localTime("2024-03-10", "02:30");
    assert.equal(dayKey(moment), "2024-03-10");
    assert.equal(utcOffsetMinutes(moment), -240);
  });
  inZone("Europe/London", () => {
    assert.equal(dayKey(localTime("2024-03-31", "01:30")), "2024-03-31");
  });
});

test("the repeated hour of a fall-back night keeps its offset in the stamp", () => {
  inZone("Europe/London", () => {
    const first = timeStamp("2024-10-27T00:30:00Z"); // 01:30 BST
    const second = timeStamp("2024-10-27T01:30:00Z"); // 01:30 GMT, an hour later
    assert.deepEqual(first, { at: "2024-10-27T00:30:00.000Z", day: "2024-10-27", tz_offset_min: 60 });
    assert.deepEqual(second, { at: "2024-10-27T01:30:00.000Z", day: "2024-10-27", tz_offset_min: 0 });
    assert.deepEqual(wallClockAt(first.at, first.tz_offset_min), { day: "2024-10-27", time: "01:30" });
    assert.deepEqual(wallClockAt(second.at, second.tz_offset_min), { day: "2024-10-27", time: "01:30" });
  });
});

test("an entry logged in Tokyo keeps its day when read in New York", () => {
  // 08:00 on 11 June in Tokyo is 19:00 on 10 June in New York.
  const stamp = inZone("Asia/Tokyo", () => timeStamp(localTime("2024-06-11", "08:00")));
  assert.deepEqual(stamp, { at: "2024-06-10T23:00:00.000Z", day: "2024-06-11", tz_offset_min: 540 });
  inZone("America/New_York", () => {
    assert.equal(dayKey(stamp.at), "2024-06-10", "recomputing the day would move the entry");
    assert.deepEqual(wallClockAt(stamp.at, stamp.tz_offset_min), { day: stamp.day, time: "08:00" });
  });
});

test("an entry logged in New York late at night keeps its day when read in London", () => {
  const stamp = inZone("America/New_York", () => timeStamp(localTime("2024-01-15", "23:30")));
  assert.equal(stamp.day, "2024-01-15");
  assert.equal(stamp.tz_offset_min, -300);
  inZone("Europe/London", () => {
    assert.equal(dayKey(stamp.at), "2024-01-16");
    assert.deepEqual(wallClockAt(stamp.at, stamp.tz_offset_min), { day: "2024-01-15", time: "23:30" });
  });
});

test("zones far from UTC: +14:00, -11:00 and +05:45", () => {
  const instant = "2024-06-10T12:00:00Z";
  assert.equal(inZone("Pacific/Kiritimati", () => dayKey(instant)), "2024-06-11");
  assert.equal(inZone("Pacific/Pago_Pago", () => dayKey(instant)), "2024-06-10");
  assert.equal(inZone("Pacific/Pago_Pago", () => dayKey("2024-06-10T10:59:00Z")), "2024-06-09");
  assert.equal(inZone("Asia/Kathmandu", () => utcOffsetMinutes(instant)), 345);
  assert.equal(inZone("Asia/Kathmandu", () => dayKey("2024-06-10T18:14:00Z")), "2024-06-10");
  assert.equal(inZone("Asia/Kathmandu", () => dayKey("2024-06-10T18:16:00Z")), "2024-06-11");
});

test("day arithmetic crosses months, leap days and years", () => {
  assert.equal(addDays("2024-02-28", 1), "2024-02-29");
  assert.equal(addDays("2023-02-28", 1), "2023-03-01");
  assert.equal(previousDay("2024-03-01"), "2024-02-29");
  assert.equal(addDays("2023-12-31", 1), "2024-01-01");
  assert.equal(previousDay("2024-01-01"), "2023-12-31");
  assert.equal(addDays("2024-01-31", 30), "2024-03-01");
  assert.equal(addDays("2024-03-01", -366), "2023-03-01");
  assert.equal(daysBetween("2023-12-31", "2024-12-31"), 366);
  assert.equal(daysBetween("2024-06-10", "2024-06-01"), -9);
});

test("lastDays gives the last N days, oldest first, ending today", () => {
  const days = lastDays(30, "2024-03-15");
  assert.equal(days.length, 30);
  assert.equal(days[0], "2024-02-15");
  assert.equal(days.at(-1), "2024-03-15");
  assert.equal(new Set(days).size, 30);
  for (let index = 1; index < days.length; index += 1) assert.equal(days[index], nextDay(days[index - 1]));
  assert.deepEqual(lastDays(1, "2024-03-15"), ["2024-03-15"]);
  assert.deepEqual(lastDays(0, "2024-03-15"), []);
  assert.throws(() => lastDays(-1, "2024-03-15"), RangeError);
});

test("lastDays across a fall-back change in the device zone still has 30 distinct days", () => {
  inZone("America/New_York", () => {
    const days = lastDays(30, "2024-11-20");
    assert.equal(new Set(days).size, 30);
    assert.ok(days.includes("2024-11-03"));
  });
});

test("today is the local day of now", () => {
  inZone("Asia/Tokyo", () => {
    assert.equal(todayKey(new Date("2024-06-10T15:30:00Z")), "2024-06-11");
  });
  assert.ok(isDayKey(todayKey()));
});

test("day keys are checked as real calendar days", () => {
  for (const good of ["2024-02-29", "1999-12-31", "0099-01-01"]) assert.ok(isDayKey(good), good);
  for (const bad of ["2023-02-29", "2024-02-30", "2024-13-01", "2024-2-3", "2024-02-03T00:00", "", 20240203, null]) {
    assert.equal(isDayKey(bad), false, String(bad));
  }
  assert.deepEqual(parseDayKey("0099-01-01"), { year: 99, month: 1, date: 1 });
  assert.equal(addDays("0099-12-31", 1), "0100-01-01");
  assert.throws(() => addDays("not a day", 1), RangeError);
});

test("times are checked too", () => {
  assert.throws(() => dayKey("yesterday"), RangeError);
  assert.throws(() => localTime("2024-01-01", "24:00"), RangeError);
  assert.throws(() => localTime("2024-01-01", "9:00"), RangeError);
});
