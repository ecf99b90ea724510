// The check in progress on this device: its answers, the question reached, and whether results were seen.
// Saved on every change, so a reload or a crash loses nothing.
import * as store from "./store.js";

const KEY = "check";

/** {answers, at, finished}, or null when no check was started. */
export function current() {
  const check = store.get(KEY);
  return check && typeof check.answers === "object" && check.answers !== null ? check : null;
}

export function answers() {
  return current()?.answers ?? {};
}

export function hasAnswers() {
  return Object.keys(answers()).length > 0;
}

function save(change) {
  const check = { answers: {}, at: null, finished: false, ...current(), ...change };
  store.set(KEY, check);
  return check;
}

export function answer(questionId, value) {
  const next = { ...answers() };
  if (value === undefined) delete next[questionId];
  else next[questionId] = value;
  save({ answers: next });
}

export function reach(questionId) {
  save({ at: questionId });
}

/** Results seen: home offers them again, with the day they were seen. */
export function finish(now = new Date()) {
  save({ finished: true, finished_at: now.toISOString() });
}

export function start() {
  store.set(KEY, { answers: {}, at: null, finished: false });
}

export function clear() {
  store.remove(KEY);
}
