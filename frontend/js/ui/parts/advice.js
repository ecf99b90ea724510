// What to do, drawn one way everywhere (results, the emergency screen, a question's urgent alert, the diary):
// the triage banner with its icon, call buttons and cautions; the list of warning signs; a tip.
import { anyHolds, calls, HEALTH_LINE_LEVEL, regionOf } from "../../engine.js";
import { chooseRegion, currentRegion } from "../../region.js";
import { t } from "../../words.js";
import { h } from "./dom.js";
import { icon } from "./icons.js";

/** The level a result or a raised flag needs, with its presentation from content (icon, urgent). */
export function levelOf(content, levelId) {
  return content.triage_levels.find((level) => level.id === levelId);
}

/** Tap-to-call buttons for the numbers to call where the person is (engine.calls), each with its kind. Where the
 * region is unknown, the words "Call your local emergency number" come first; at 24 hours, no health-line button
 * there, only the words "your doctor or local health advice line". */
export function callButtons(numbers, { code, level }) {
  if (!numbers.length) return null;
  return [
    code === null && h("p", { class: "local-number" }, h("strong", {}, t("region.local_emergency"))),
    code === null && level === HEALTH_LINE_LEVEL && h("p", {}, t("region.health_advice")),
    h("ul", { class: "calls", "aria-label": t("advice.numbers") },
      numbers.map(({ number, name, kind }) => h("li", {},
        h("a", { class: "button call", href: `tel:${number}`, "data-call-kind": kind }, icon("phone", 24),
          t("advice.call", { number, where: name }))))),
  ];
}

/** "Numbers for New Zealand · Change", or "Where are you?" with the choice open where the region is unknown.
 * A choice is remembered on the device and `redraw` draws the card again with its numbers. */
let chooserCount = 0; // ids for each card's chooser: a screen may show more than one card

export function regionLine(content, region, redraw) {
  const country = content.regions.countries.find((c) => c.id === region.code);
  const id = `card-region-${++chooserCount}`;
  const select = h("select", { id, "data-region-choice": "" },
    h("option", { value: "", selected: !country }, t("region.somewhere_else")),
    content.regions.countries.map((c) => h("option", { value: c.id, selected: c.id === region.code }, c.name)));
  select.addEventListener("change", () => {
    chooseRegion(select.value);
    redraw();
  });
  const chooser = h("p", { class: "region-choice", hidden: Boolean(country) },
    h("label", { for: id }, t("region.where")), " ", select);
  const line = country && h("p", { class: "region-line" }, t("region.numbers_for", { country: country.name }), " · ",
    h("button", { type: "button", class: "link", "aria-expanded": "false", onclick: (event) => {
      chooser.hidden = false;
      event.currentTarget.setAttribute("aria-expanded", "true");
      select.focus();
    } }, t("region.change")));
  return [line, chooser];
}

/** The lines that fit this person (pregnancy, kidney disease, children...), shown with a tip or advice. */
export function cautionLines(cautions = []) {
  return cautions.map((caution) => h("p", { class: "caution", "data-caution": caution.id }, caution.text));
}

/**
 * The triage banner: icon, title, how soon, advice, call buttons and cautions. `heading` is the element that
 * holds the title (h1 on a screen of its own, h2 inside results); `triage` is an assessment's triage. The numbers
 * are always the ones for where the person is now (region.js), so every screen, the diary's too, agrees.
 */
export function triageBanner(content, triage, { heading = (text) => h("h2", { id: "triage-title" }, text), answers = null } = {}) {
  const level = levelOf(content, triage.level);
  const region = currentRegion(content);
  const numbers = calls(content, level, regionOf(content, region.code));
  const card = h("section", { class: `triage triage-${level.id}`, "data-triage-level": level.id,
    "data-region": region.code ?? "", "aria-labelledby": "triage-title" },
    h("div", { class: "triage-head" }, icon(level.icon, 32), heading(triage.title)),
    callButtons(numbers, { code: region.code, level: level.id }), // before the longer words: at 200% zoom the buttons come first
    numbers.length ? regionLine(content, region, () => {
      const again = triageBanner(content, triage, { heading, answers });
      card.replaceWith(again);
      const footer = document.getElementById("footer-region");
      if (footer) footer.value = currentRegion(content).code ?? "";
      again.querySelector(".region-line button, select")?.focus();
    }) : null,
    // The fear answered first: at a level that is not urgent, a calm, true sentence and the question it raises.
    !level.urgent && level.calm && h("p", { class: "calm", "data-calm": "" }, level.calm),
    !level.urgent && answers && fearLinks(content, answers),
    h("p", { class: "how-soon" }, t("advice.how_soon", { how_soon: triage.how_soon })),
    h("p", {}, triage.advice),
    cautionLines(triage.cautions));
  return card;
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
      h("details", { open: levelOf(content, flag.level).urgent || flag.level === HEALTH_LINE_LEVEL, "data-print-open": "" },
        h("summary", {}, flag.title), h("p", {}, flag.advice))))));
}

/** One tip as a result gives it (`text`, `how_long`, `expect`, `cautions`), under a heading of `level`. */
export function tipItem(tip, level = "h3", { howLong = true } = {}) {
  return h("li", { "data-tip": tip.id },
    h(level, {}, tip.title),
    h("p", {}, tip.text),
    cautionLines(tip.cautions),
    howLong && h("p", {}, h("strong", {}, t("advice.how_long")), tip.how_long),
    h("p", {}, h("strong", {}, t("advice.what_to_expect")), tip.expect));
}
