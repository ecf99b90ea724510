// The screens shown instead of the one asked for: an address that names no screen, content that could not load,
// and a screen whose files are not saved on this phone yet (offline). Each says what happened, in words.
import { t } from "../../words.js";
import { buttonLink, h, screenHeading } from "../parts/dom.js";

/** An address that names no screen. */
export function missing() {
  return {
    title: t("app.not_found_title"),
    view: h("div", {}, screenHeading(t("app.not_found_heading")),
      h("p", {}, h("a", { href: "#/" }, t("app.go_to_start")))),
  };
}

/** A screen that could not be drawn: what happened, and a button to try again (`retry`). */
function cannotShow(title, heading, paragraphs, retry) {
  return {
    title,
    view: h("div", {}, screenHeading(heading), paragraphs.map((text) => h("p", {}, text)),
      h("div", { class: "actions" },
        h("button", { type: "button", class: "primary", onclick: () => retry() }, t("app.try_again")),
        buttonLink("#/", t("app.go_to_start")))),
  };
}

/** The content could not be loaded (no network on a first visit, or a server fault). */
export function unavailable(error, retry) {
  console.warn("The content could not be loaded:", error);
  return cannotShow(t("app.cannot_load_title"), t("app.cannot_load_heading"), [t("app.cannot_load_text")], retry);
}

/** Content in hand but a screen's files missing offline: the diary, not yet saved on this phone. */
export function notSavedYet(error, retry) {
  console.warn("A screen's files are not saved for offline use yet:", error);
  return cannotShow(t("app.not_saved_title"), t("app.not_saved_heading"),
    [t("app.not_saved_text"), t("app.not_saved_check_works")], retry);
}
