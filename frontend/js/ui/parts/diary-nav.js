// Ways between the diary's screens: the links at the top of its main screens, and the short screen that says
// there is nothing here and where to go instead.
import { t } from "../../words.js";
import { buttonLink, h, screenHeading } from "./dom.js";

/** Links between the diary's screens; the current one (its path after #/diary/) is marked. */
export function diaryNav(current) {
  const links = [
    ["", t("diary.title")],
    ["insights", t("diary.nav.patterns")],
    ["experiment", t("diary.experiment.title")],
    ["summary", t("diary.nav.for_doctor")],
    ["backup", t("diary.nav.backup")],
  ];
  return h("nav", { class: "diary-nav no-print", "aria-label": t("diary.title") },
    h("ul", {}, links.map(([path, label]) => h("li", {},
      h("a", { href: `#/diary${path ? `/${path}` : ""}`, "aria-current": path === current ? "page" : null }, label)))));
}

/** A short screen that says why there is nothing to show here, and where to go instead. */
export function messageScreen({ title, heading, text, link: [href, label, kind] }) {
  return {
    title,
    view: h("div", { class: "diary" }, screenHeading(heading), text && h("p", {}, text), buttonLink(href, label, kind)),
  };
}
