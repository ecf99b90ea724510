// About: what the app is, how it decides, and where its content comes from.
import { t } from "../../words.js";
import { buttonLink, h, screenHeading } from "../parts/dom.js";

export function render(app) {
  const content = app.content;
  return {
    title: t("about.title"),
    view: h("article", {},
      screenHeading(t("about.heading")),
      h("p", { class: "lead" }, t("about.intro")),
      h("h2", {}, t("about.how_heading")),
      h("p", {}, t("about.how_levels")),
      h("p", {}, t("about.how_points")),
      h("p", {}, t("about.never_diagnoses")),
      h("h2", {}, t("about.sources_heading")),
      h("p", {}, t("about.sources_text"), " ", h("a", { href: "#/guide/sources" }, t("about.sources_link"))),
      h("p", {}, t("about.licence", { attribution: content.license.attribution, name: content.license.name })),
      h("h2", {}, t("about.developers_heading")),
      h("p", {}, t("about.developers_text"), " ", h("a", { href: "api/docs" }, t("about.developers_link"))),
      h("p", { class: "small" }, t("about.version", { version: content.version })),
      h("p", { class: "disclaimer" }, content.disclaimer),
      buttonLink("#/privacy", t("about.privacy"))),
  };
}
