// The content in one language, in its two parts: the first (the questionnaire, rules, triage levels, the words of
// the check) is all a check needs; the second (the guide, FAQ, sources, the diary and their words) comes after.
// Each bundle handed out is frozen: a screen reads it and can trust that nothing changes it behind its back.
import * as api from "./api.js";

/** Freeze `value` and everything in it. */
function frozen(value) {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) frozen(inner);
  }
  return value;
}

/** The first part and the second together: one bundle, its words (`ui`) merged. The two must be of one version. */
function whole(first, rest) {
  if (rest.version !== first.version) throw new Error("the content changed between its two parts");
  const { ui, ...parts } = rest;
  return frozen({ ...first, ...parts, ui: { ...first.ui, ...ui } });
}

/**
 * The content in `lang`: resolves to `{ first, rest }` once its first part has come. `first` is the bundle a check
 * needs; `rest()` is the promise of the whole bundle (the first part with the second), asked for on the first call
 * only, so that it never competes with the first screen (a failed attempt is tried again on the next call).
 */
export async function loadContent(lang) {
  const first = frozen(await api.loadContent("check", lang));
  let asked = null;
  const rest = () => {
    asked ??= api.loadContent("rest", lang).then((part) => whole(first, part)).catch((error) => {
      asked = null;
      throw error;
    });
    return asked;
  };
  return { first, rest };
}
