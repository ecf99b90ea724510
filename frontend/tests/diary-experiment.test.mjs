// The personal experiment's analysis (frontend/js/diary/experiment.js), against the contract's worked example and
// its two extra vectors (to 3 decimals), the 84 orders and the unbiased draw, missing days, the range's agreement
// with the verdict and with a brute-force scan, and properties over random diaries.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  CHANGE, USUAL, allowedOrders, analyse, drawOrder, isAllowedOrder, lastDay, periodValues, planDays,
} from "../js/diary/experiment.js";
import { addDays } from "../js/diary/days.js";

const ORDER = ["usual", "change", "change", "usual", "change", "usual", "usual", "change", "usual", "change"];
const PLAN = { start_day: "2024-06-03", period_days: 3, settling_days: 1, order: ORDER };
// The worked example, day by day from 2024-06-03 (null: no check-in that day).
const SCORES = [6, 6, 7, 6, 4, 3, 3, 3, null, 3, 5, 6, 5, 2, 3, 2, null, null, 4, 4, 3, 4, 2, 2, 2, 4, 5, 4, 3, 1];
const TWITCHES = [5, 6, 7, 5, 3, 2, 2, 3, null, 3, 5, 4, 4, 1, 3, 2, null, null, 3, 4, 3, 3, 1, 2, 2, 4, 5, 3, 2, 0];
const byDay = (values, plan = PLAN) => (day) => values[planDays(plan).findIndex((d) => d.day === day)] ?? null;
const fixed = (value) => (value === null ? null : value.toFixed(3));
const numbers = (result) => ({
  mean_usual: fixed(result.mean_usual), mean_change: fixed(result.mean_change), difference: fixed(result.difference),
  p_fell: fixed(result.p_fell), p_rose: fixed(result.p_rose), range: result.range.map(fixed),
});

test("84 orders: 5 of each, never 3 alike in a row; the first and last in ascending bit order", () => {
  const orders = allowedOrders();
  assert.equal(orders.length, 84);
  assert.equal(new Set(orders.map((order) => order.join())).size, 84);
  for (const order of orders) {
    assert.equal(order.filter((label) => label === CHANGE).length, 5);
    assert.doesNotMatch(order.join(), /(usual,usual,usual|change,change,change)/);
  }
  assert.equal(orders[0].join(), "usual,usual,change,usual,usual,change,change,usual,change,change");
  assert.equal(orders[83].join(), "change,change,usual,change,change,usual,usual,change,usual,usual");
  assert.ok(isAllowedOrder(ORDER));
  assert.ok(!isAllowedOrder(["change", "change", "change", "usual", "usual", "change", "usual", "usual", "change", "usual"]));
  assert.ok(!isAllowedOrder([...ORDER, "usual"]) && !isAllowedOrder("usual"));
});

test("the draw: index i gives the i-th order; values at or above 2^32 - 4 are drawn again, below it value % 84", () => {
  for (let i = 0; i < 84; i += 1) assert.deepEqual(drawOrder(() => i), [...allowedOrders()[i]]);
  const values = [4294967295, 4294967292, 4294967291];
  const asked = [];
  const order = drawOrder(() => { asked.push(values[asked.length]); return asked.at(-1); });
  assert.deepEqual(asked, values); // the first two were refused
  assert.deepEqual(order, [...allowedOrders()[4294967291 % 84]]);
  assert.ok(isAllowedOrder(drawOrder())); // the platform's own source
});

test("the plan: 30 days from the start day, 10 periods of 3, the first day of each settling", () => {
  const days = planDays(PLAN);
  assert.equal(days.length, 30);
  assert.deepEqual(days[0], { day: "2024-06-03", period: 1, plan: USUAL, settling: true });
  assert.deepEqual(days[4], { day: "2024-06-07", period: 2, plan: CHANGE, settling: false });
  assert.equal(days.filter((day) => day.settling).length, 10);
  assert.equal(lastDay(PLAN), "2024-07-02");
});

test("the worked example: fell, means 5.000 and 2.600, p 0.024, range [1.250, 3.500]", () => {
  const result = analyse(PLAN, byDay(SCORES));
  assert.deepEqual(result.periods.map(fixed),
    ["6.500", "3.500", "3.000", "5.500", "2.500", null, "3.500", "2.000", "4.500", "2.000"]);
  assert.deepEqual(result.counted_periods, { usual: 4, change: 5 });
  assert.equal(result.verdict, "fell");
  assert.deepEqual(numbers(result), { mean_usual: "5.000", mean_change: "2.600", difference: "2.400",
    p_fell: "0.024", p_rose: "1.000", range: ["1.250", "3.500"] });
  assert.equal(result.at_least_as_big, 2);
  assert.equal(result.orders, 84);
});

test("the worked example's secondary outcome, twitches logged: fell, 4.750 and 2.000, p 0.012, [1.500, 3.962]", () => {
  const result = analyse(PLAN, byDay(TWITCHES));
  assert.deepEqual(result.periods.map(fixed),
    ["6.500", "2.500", "3.000", "4.500", "2.000", null, "3.500", "1.500", "4.500", "1.000"]);
  assert.equal(result.verdict, "fell");
  assert.deepEqual(numbers(result), { mean_usual: "4.750", mean_change: "2.000", difference: "2.750",
    p_fell: "0.012", p_rose: "1.000", range: ["1.500", "3.962"] });
});

test("the unclear vector: 4.000 and 3.900, p 0.500 and 0.881, range [-0.500, 0.375]", () => {
  const pairs = [[5, 4], [4, 5], [4, 4], [5, 3], [3, 4], [4, 4], [3, 4], [4, 3], [4, 4], [5, 3]];
  const scores = pairs.flatMap((pair) => [4, ...pair]); // settling days all 4, not counted
  const result = analyse(PLAN, byDay(scores));
  assert.equal(result.verdict, "unclear");
  assert.deepEqual(numbers(result), { mean_usual: "4.000", mean_change: "3.900", difference: "0.100",
    p_fell: "0.500", p_rose: "0.881", range: ["-0.500", "0.375"] });
});

test("the not-enough vector: without 2024-06-13 and 14, 3 usual periods count: no verdict and no numbers", () => {
  const scores = [...SCORES];
  scores[10] = null;
  scores[11] = null;
  const result = analyse(PLAN, byDay(scores));
  assert.equal(result.verdict, "not_enough");
  assert.deepEqual(result.counted_periods, { usual: 3, change: 5 });
  assert.equal(result.p_fell, undefined);
  assert.equal(result.range, undefined);
});

test("missing days are left out, never filled in: a period counts with half its countable days (1 of 2)", () => {
  const values = periodValues(PLAN, byDay(SCORES));
  assert.equal(values[2], 3); // period 3: one of its two countable days
  assert.equal(values[5], null); // period 6: none
  // Days that cannot count (paused, after a stop) are not countable: a period of one such day and one counted.
  const paused = new Set(["2024-06-04"]);
  assert.equal(periodValues(PLAN, byDay(SCORES), (day) => !paused.has(day))[0], 7);
});

test("the range agrees with a brute-force scan of drops in steps of 0.01 (the worked example)", () => {
  // For each drop d, take it back off the change periods and test again: d fits when neither side rejects it.
  const values = periodValues(PLAN, byDay(SCORES));
  const mean = (list) => list.reduce((a, b) => a + b, 0) / list.length;
  const accepted = [];
  for (let step = -200; step <= 800; step += 1) {
    const d = step / 100;
    const without = values.map((value, n) => (value === null ? null : value + (ORDER[n] === CHANGE ? d : 0)));
    const t = (order) => mean(without.filter((v, n) => v !== null && order[n] === USUAL))
      - mean(without.filter((v, n) => v !== null && order[n] === CHANGE));
    const observed = t(ORDER);
    const pFell = allowedOrders().filter((order) => t(order) >= observed - 1e-9).length / 84;
    const pRose = allowedOrders().filter((order) => t(order) <= observed + 1e-9).length / 84;
    if (pFell > 0.05 && pRose > 0.05) accepted.push(d);
  }
  const [low, high] = analyse(PLAN, byDay(SCORES)).range;
  assert.deepEqual([Math.min(...accepted), Math.max(...accepted)], [1.25, 3.5]);
  assert.ok(Math.abs(low - 1.25) < 1e-9 && Math.abs(high - 3.5) < 1e-9);
});

/** A seeded source of numbers in [0, 1), so the property tests are the same every run. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

test("properties over 300 random diaries: p never below 1/84; fell exactly when the range's low end is above 0; rose exactly when its high end is below 0", () => {
  const random = seeded(20240603);
  for (let run = 0; run < 300; run += 1) {
    const order = drawOrder(() => Math.floor(random() * 2 ** 32));
    const plan = { ...PLAN, order };
    const drop = [0, 1, 3][run % 3];
    const scores = planDays(plan).map(({ plan: kind }) => {
      if (random() < 0.15) return null; // a missed check-in
      const base = Math.round(random() * 10);
      return Math.max(0, Math.min(10, kind === CHANGE ? base - drop : base));
    });
    const result = analyse(plan, byDay(scores, plan));
    if (result.verdict === "not_enough") continue;
    assert.ok(result.p_fell >= 1 / 84 - 1e-12 && result.p_rose >= 1 / 84 - 1e-12);
    const [low, high] = result.range;
    assert.equal(result.verdict === "fell", low !== null && low > 0, `run ${run}: ${JSON.stringify(result)}`);
    if (result.verdict === "rose") assert.ok(high !== null && high < 0, `run ${run}`);
  }
});
