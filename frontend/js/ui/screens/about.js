// About: what the app is, how it decides, where its content comes from, and why to trust it: when it was last
// reviewed and is next due, how the advice is tested, and where to report a problem.
import { formatDate } from "../../formats.js";
import { locale } from "../../language.js";
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
      h("section", { "aria-labelledby": "trust-title", "data-trust": "" },
        h("h2", { id: "trust-title" }, t("about.trust_heading")),
        h("p", { "data-reviewed": content.trust.reviewed, "data-next-review": content.trust.next_review },
          t("about.reviewed", { date: formatDate(content.trust.reviewed, locale()), next: formatDate(content.trust.next_review, locale()) })),
        h("p", { "data-checked-cases": content.trust.checked_cases }, t("about.checked", { count: content.trust.checked_cases })),
        h("p", {}, t("about.report_text"), " ",
          h("a", { href: content.trust.report_problem, "data-report-problem": "" }, t("about.report_link")))),
      h("h2", {}, t("about.developers_heading")),
      h("p", {}, t("about.developers_text"), " ", h("a", { href: "api/docs" }, t("about.developers_link"))),
      h("p", { class: "small" }, t("about.version", { version: content.version })),
      h("p", { class: "disclaimer" }, content.disclaimer),
      buttonLink("#/privacy", t("about.privacy"))),
  };
}
