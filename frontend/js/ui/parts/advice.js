// What to do, drawn one way everywhere (results, the emergency screen, a question's urgent alert, the diary):
// the triage banner with its icon, call buttons and cautions; the list of warning signs; a tip.
import { anyHolds } from "../../engine.js";
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
export function triageBanner(content, triage, { heading = (text) => h("h2", { id: "triage-title" }, text), answers = null } = {}) {
  const level = levelOf(content, triage.level);
  return h("section", { class: `triage triage-${level.id}`, "data-triage-level": level.id, "aria-labelledby": "triage-title" },
    h("div", { class: "triage-head" }, icon(level.icon, 32), heading(triage.title)),
    callButtons(level), // before the longer words: at 200% zoom the buttons still come first
    // The fear answered first: at a level that is not urgent, a calm, true sentence and the question it raises.
    !level.urgent && level.calm && h("p", { class: "calm", "data-calm": "" }, level.calm),
    !level.urgent && answers && fearLinks(content, answers),
    h("p", { class: "how-soon" }, t("advice.how_soon", { how_soon: triage.how_soon })),
    h("p", {}, triage.advice),
    cautionLines(triage.cautions));
}

/** The questions people ask that the results link on their first screen for these answers (faq `results_when`). */
export function fearLinks(content, answers) {
  const faqs = (content.faq ?? []).filter((item) => item.results_when && anyHolds(item.results_when, answers));
  if (!faqs.length) return null;
  return h("ul", { class: "fear-links" }, faqs.map((item) =>
    h("li", {}, h("a", { href: `#/guide/faq/${item.id}`, "data-faq": item.id }, item.question))));
}

/** Whether a raised flag is a warning sign or a reason to see a GP (content's `kind`; a warning sign if unknown). */
export function flagKind(content, flag) {
  return content.red_flags.find((rule) => rule.id === flag.id)?.kind ?? "warning_sign";
}

const flagAttributes = (content, flag) => ({ "data-red-flag": flag.id, "data-flag": flag.id, "data-flag-kind": flagKind(content, flag) });

/** The raised flags split into warning signs and reasons to see a GP, each list in the order raised. */
export function splitFlags(content, flags) {
  return {
    warningSigns: flags.filter((flag) => flagKind(content, flag) === "warning_sign"),
    reasons: flags.filter((flag) => flagKind(content, flag) === "reason"),
  };
}

/** The raised warning signs, each with what to do about it; nothing when none was raised. */
export function flagList(content, flags, heading = t("advice.flags_heading")) {
  if (!flags.length) return null;
  return h("section", { "aria-labelledby": "flags-title" },
    h("h2", { id: "flags-title" }, heading),
    h("ul", { class: "flags" }, flags.map((flag) =>
      h("li", flagAttributes(content, flag), h("strong", {}, flag.title), h("p", {}, flag.advice)))));
}

/** Reasons to see a GP that are not warning signs (a long or spread-out twitch, a medicine, an injury): one line
 * each, its words a tap away (printed open), in the calm look of a list, never the warning signs' red stripe or
 * heading. */
export function reasonList(content, flags, heading = t("results.reasons_heading")) {
  if (!flags.length) return null;
  return h("section", { "aria-labelledby": "reasons-title", class: "reasons-section" },
    h("h2", { id: "reasons-title" }, heading),
    h("ul", { class: "reasons" }, flags.map((flag) => h("li", flagAttributes(content, flag),
      h("details", { "data-print-open": "" }, h("summary", {}, flag.title), h("p", {}, flag.advice))))));
}

/**
 * The warning signs as one line each, for a screen that must stay short: a sign whose level has call buttons
 * (24 hours and sooner) shows its advice open; the others open on a tap. Printed open.
 */
export function foldedFlagList(content, flags, heading) {
  if (!flags.length) return null;
  return h("section", { "aria-labelledby": "flags-title" },
    h("h2", { id: "flags-title" }, heading),
    h("ul", { class: "flags" }, flags.map((flag) => h("li", flagAttributes(content, flag),
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
