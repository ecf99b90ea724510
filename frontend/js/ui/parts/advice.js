// What to do, drawn one way everywhere (results, the emergency screen, a question's urgent alert, the diary):
// the triage banner with its icon, call buttons and cautions; the list of warning signs; a tip.
import { t } from "../../words.js";
import { h } from "./dom.js";
import { icon } from "./icons.js";

/** The level a result or a raised flag needs, with its presentation from content (icon, urgent, calls). */
export function levelOf(content, levelId) {
  return content.triage_levels.find((level) => level.id === levelId);
}

/** Tap-to-call buttons for the numbers a level's content names. */
export function callButtons(level) {
  if (!level.calls) return null;
  return h("ul", { class: "calls", "aria-label": t("advice.numbers") },
    level.calls.map(({ number, where }) => h("li", {},
      h("a", { class: "button call", href: `tel:${number}` }, icon("phone", 24), t("advice.call", { number, where })))));
}

/** The lines that fit this person (pregnancy, kidney disease, children...), shown with a tip or advice. */
export function cautionLines(cautions = []) {
  return cautions.map((caution) => h("p", { class: "caution", "data-caution": caution.id }, caution.text));
}

/**
 * The triage banner: icon, title, how soon, advice, call buttons and cautions. `heading` is the element that
 * holds the title (h1 on a screen of its own, h2 inside results); `triage` is an assessment's triage.
 */
export function triageBanner(content, triage, { heading = (text) => h("h2", { id: "triage-title" }, text) } = {}) {
  const level = levelOf(content, triage.level);
  return h("section", { class: `triage triage-${level.id}`, "data-triage-level": level.id, "aria-labelledby": "triage-title" },
    h("div", { class: "triage-head" }, icon(level.icon, 32), heading(triage.title)),
    callButtons(level), // before the longer words: at 200% zoom the buttons still come first
    h("p", { class: "how-soon" }, t("advice.how_soon", { how_soon: triage.how_soon })),
    h("p", {}, triage.advice),
    cautionLines(triage.cautions));
}

/** The raised warning signs, each with what to do about it; nothing when none was raised. */
export function flagList(flags, heading = t("advice.flags_heading")) {
  if (!flags.length) return null;
  return h("section", { "aria-labelledby": "flags-title" },
    h("h2", { id: "flags-title" }, heading),
    h("ul", { class: "flags" }, flags.map((flag) =>
      h("li", { "data-red-flag": flag.id }, h("strong", {}, flag.title), h("p", {}, flag.advice)))));
}

/**
 * The warning signs as one line each, for a screen that must stay short: a sign whose level has call buttons
 * (24 hours and sooner) shows its advice open; the others open on a tap. Printed open.
 */
export function foldedFlagList(content, flags, heading) {
  if (!flags.length) return null;
  return h("section", { "aria-labelledby": "flags-title" },
    h("h2", { id: "flags-title" }, heading),
    h("ul", { class: "flags" }, flags.map((flag) => h("li", { "data-red-flag": flag.id },
      h("details", { open: Boolean(levelOf(content, flag.level).calls), "data-print-open": "" },
        h("summary", {}, flag.title), h("p", {}, flag.advice))))));
}

/** One tip as a result gives it (`text`, `how_long`, `expect`, `cautions`), under a heading of `level`. */
export function tipItem(tip, level = "h3") {
  return h("li", { "data-tip": tip.id },
    h(level, {}, tip.title),
    h("p", {}, tip.text),
    cautionLines(tip.cautions),
    h("p", {}, h("strong", {}, t("advice.how_long")), tip.how_long),
    h("p", {}, h("strong", {}, t("advice.what_to_expect")), tip.expect));
}
