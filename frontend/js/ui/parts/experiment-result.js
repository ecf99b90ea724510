// What a personal experiment gave (docs: the personal-experiment contract, sections 8 and 10): the result's words,
// chart and table for a finished experiment, and what was logged for a stopped one. Placeholder until built.

/**
 * The outcome section of experiment `experiment` on `today`, or null while it is upcoming, running or paused
 * inside its plan. `records`: {checkins, entries, experiments} from the diary's storage.
 */
export function experimentOutcome(app, experiment, records, today) { // eslint-disable-line no-unused-vars
  return null;
}
