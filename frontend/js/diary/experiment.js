// The personal experiment's analysis (docs: the personal-experiment contract): a randomised N-of-1 trial of one
// tip. 10 periods of 3 days, 5 "change" and 5 "usual", in one of the 84 orders with never more than 2 of a kind in
// a row, drawn without bias; the first day of each period settles and is not counted. At the end a randomisation
// test over the 84 orders, and a 90% range for the drop from the exact inversion of the same test: exact however
// correlated the days are, because it assumes nothing about them but that the order was drawn at random.
// Pure: no storage, no DOM, no clock (the caller says what today is), like stats.js.
import { addDays } from "./days.js";

export const DESIGN = "alternation-10-v1";
export const PERIODS = 10;
export const PER_KIND = 5;
export const MAX_RUN = 2;
export const USUAL = "usual";
export const CHANGE = "change";
// One-sided, pre-set: the question is "did my twitching fall?" (and "rose" is told with the same threshold).
export const ALPHA = 0.05;
// Period means are ratios of small integers: differences closer than this are ties.
const TOLERANCE = 1e-9;
// Periods of each kind that must count for a verdict: with 4 of 5, every one of the 84 orders still leaves at
// least 3 counted periods on each side, so T is always defined.
export const ENOUGH_PERIODS = 4;
const UINT32_RANGE = 2 ** 32;

function longestRun(labels) {
  let longest = 0;
  let run = 0;
  labels.forEach((label, n) => {
    run = n > 0 && labels[n - 1] === label ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  return longest;
}

let orders = null;
/**
 * The 84 allowed orders, each 10 labels: 5 "change", 5 "usual", never more than 2 alike in a row, in ascending
 * bit order (usual = 0, period 1 the highest bit), built once from the 1,024 bit patterns.
 */
export function allowedOrders() {
  if (!orders) {
    const found = [];
    for (let bits = 0; bits < 2 ** PERIODS; bits += 1) {
      const labels = Array.from({ length: PERIODS }, (_, n) => ((bits >> (PERIODS - 1 - n)) & 1 ? CHANGE : USUAL));
      if (labels.filter((label) => label === CHANGE).length === PER_KIND && longestRun(labels) <= MAX_RUN) {
        found.push(Object.freeze(labels));
      }
    }
    orders = Object.freeze(found);
  }
  return orders;
}

/** Whether `order` is one of the 84 (a hand-made order in a backup is not). */
export function isAllowedOrder(order) {
  return Array.isArray(order) && allowedOrders().some((allowed) => allowed.every((label, n) => order[n] === label))
    && order.length === PERIODS;
}

/** A random 32-bit unsigned integer from the platform's cryptographic source. */
export function cryptoUint32() {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0];
}

/**
 * One of the 84 orders, each with the same chance: a 32-bit value below the largest multiple of 84 that fits
 * (2³² − 4 = 84 × 51,130,563) gives the index value % 84; one at or above it is drawn again (no modulo bias).
 * `random` returns 32-bit unsigned integers (injected in tests).
 */
export function drawOrder(random = cryptoUint32) {
  const count = allowedOrders().length;
  const limit = UINT32_RANGE - (UINT32_RANGE % count);
  for (;;) {
    const value = random();
    if (value < limit) return [...allowedOrders()[value % count]];
  }
}

/** The plan's days: [{day, period (1 to 10), plan: "change"|"usual", settling}], period_days each. */
export function planDays({ start_day, order, period_days = 3, settling_days = 1 }) {
  return order.flatMap((plan, index) => Array.from({ length: period_days }, (_, n) => ({
    day: addDays(start_day, index * period_days + n), period: index + 1, plan, settling: n < settling_days,
  })));
}

/** The plan's last day. */
export function lastDay(experiment) {
  return addDays(experiment.start_day, experiment.order.length * (experiment.period_days ?? 3) - 1);
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** T(a): mean of counted period values `a` calls usual, minus the mean of those it calls change. */
function difference(values, order) {
  const side = (label) => values.filter((value, n) => value !== null && order[n] === label);
  return mean(side(USUAL)) - mean(side(CHANGE));
}

/**
 * Each period's value: the mean of its counted days' values, or null when fewer than half of its countable days
 * (rounded up) are counted. `valueOf(day)` is a counted day's number or null (missing); `countable(day)` whether a
 * non-settling day of the plan can count (not after a stop, not paused).
 */
export function periodValues(experiment, valueOf, countable = () => true) {
  const days = planDays(experiment).filter((day) => !day.settling && countable(day.day));
  return experiment.order.map((_, index) => {
    const inPeriod = days.filter((day) => day.period === index + 1);
    const counted = inPeriod.map((day) => valueOf(day.day)).filter((value) => value !== null && value !== undefined);
    return inPeriod.length > 0 && counted.length >= Math.ceil(inPeriod.length / 2) ? mean(counted) : null;
  });
}

/**
 * The 90% range for the drop d (a constant fall of each counted day's value on change days): the values of d that
 * neither one-sided test rejects, by the exact inversion of the randomisation test. [low, high]; null for an open
 * end.
 */
function dropRange(values, drawn, observed) {
  const counted = values.map((value) => value !== null);
  let tied = 0;
  const bounds = [];
  for (const order of allowedOrders()) {
    const usual = counted.flatMap((yes, n) => (yes && order[n] === USUAL ? [n] : []));
    const change = counted.flatMap((yes, n) => (yes && order[n] === CHANGE ? [n] : []));
    const share = (periods) => periods.filter((n) => drawn[n] === CHANGE).length / periods.length;
    const k = 1 + share(usual) - share(change);
    if (Math.abs(k) < TOLERANCE) tied += 1; // agrees with the drawn order on every counted period
    else bounds.push((observed - difference(values, order)) / k);
  }
  bounds.sort((a, b) => a - b);
  const r = Math.floor(ALPHA * allowedOrders().length - tied) + 1;
  if (r < 1) return [null, null];
  return [bounds[r - 1] ?? null, bounds[bounds.length - r] ?? null];
}

/**
 * The randomisation test of one outcome: {verdict, periods, counted_periods {usual, change}, mean_usual,
 * mean_change, difference, p_fell, p_rose, at_least_as_big, range: [low, high], orders}. The verdict is "fell"
 * when p_fell ≤ 0.05, else "rose" when p_rose ≤ 0.05, else "unclear"; "not_enough" (and no numbers) when fewer than
 * 4 periods of either kind count.
 */
export function analyse(experiment, valueOf, countable = () => true) {
  const values = periodValues(experiment, valueOf, countable);
  const drawn = experiment.order;
  const countedOf = (label) => values.filter((value, n) => value !== null && drawn[n] === label).length;
  const counted_periods = { usual: countedOf(USUAL), change: countedOf(CHANGE) };
  const orderCount = allowedOrders().length;
  if (counted_periods.usual < ENOUGH_PERIODS || counted_periods.change < ENOUGH_PERIODS) {
    return { verdict: "not_enough", periods: values, counted_periods, orders: orderCount };
  }
  const observed = difference(values, drawn);
  const differences = allowedOrders().map((order) => difference(values, order));
  const atLeast = differences.filter((value) => value >= observed - TOLERANCE).length;
  const atMost = differences.filter((value) => value <= observed + TOLERANCE).length;
  const [p_fell, p_rose] = [atLeast / orderCount, atMost / orderCount];
  let verdict = "unclear";
  if (p_fell <= ALPHA) verdict = "fell";
  else if (p_rose <= ALPHA) verdict = "rose";
  const side = (label) => mean(values.filter((value, n) => value !== null && drawn[n] === label));
  return {
    verdict, periods: values, counted_periods, orders: orderCount,
    mean_usual: side(USUAL), mean_change: side(CHANGE), difference: observed,
    p_fell, p_rose, at_least_as_big: atLeast, at_most_as_big: atMost,
    range: dropRange(values, drawn, observed),
  };
}
