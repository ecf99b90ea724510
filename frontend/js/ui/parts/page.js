// The page around the screens: a screen put in place (title, scroll, focus), the first screen's words kept painted,
// the footer's Language control, and the printout's folds.
import { currentRegion } from "../../region.js";
import { t } from "../../words.js";
import { languageControl, regionControl } from "./language.js";
import { clearTransient } from "./notices.js";

let screensShown = 0;

/** Put `screen` ({title, view}) in the page's main area, at its top, its heading focused for screen readers. */
export function place(screen) {
  const main = document.getElementById("main");
  if (screensShown++) clearTransient(); // not on the first screen: its message has not been read yet
  else keepPainted(main, screen.view);
  main.replaceChildren(screen.view);
  document.title = screen.title ? t("app.page_title", { screen: screen.title }) : t("app.name");
  window.scrollTo({ top: 0, behavior: "instant" }); // a new screen starts at its top at once
  main.querySelector("h1")?.focus();
}

/** The page's own first screen stays painted where the app draws the same words: its heading and paragraphs of
 * text are moved into the new screen, taking the new ones' attributes, instead of being drawn again. */
function keepPainted(main, view) {
  const textOnly = (element) => element.children.length === 0; // a control inside is the app's to draw
  const painted = [...main.querySelectorAll("h1, p")].filter(textOnly);
  for (const element of [...view.querySelectorAll("h1, p")].filter(textOnly)) {
    const same = painted.find((old) => old.tagName === element.tagName && old.className === element.className
      && old.textContent === element.textContent);
    if (!same) continue;
    painted.splice(painted.indexOf(same), 1);
    for (const { name } of [...same.attributes]) same.removeAttribute(name);
    for (const { name, value } of [...element.attributes]) same.setAttribute(name, value);
    element.replaceWith(same);
  }
}

/** The footer's Language and "Where are you?" controls, once the content has named its languages and regions. */
export function drawLanguageControl(app) {
  const footer = document.querySelector("footer.foot");
  if (!app.content || !footer) return;
  footer.querySelector(".language")?.remove();
  footer.querySelector(".region")?.remove();
  footer.append(languageControl(app, "footer-language"), regionControl(app, "footer-region", currentRegion(app.content)));
}

/** The printout holds what a doctor needs, in at most 3 pages: the parts marked for print open, the rest folded. */
export function foldForPrint() {
  for (const details of document.querySelectorAll("main details")) details.open = details.hasAttribute("data-print-open");
}
