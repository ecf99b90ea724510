// The guide, read offline: every section (tables included), the FAQ and the sources, with a search box (whole
// words, accents ignored, synonyms from content, best question first: js/search.js).
// #/guide lists everything, #/guide/<section id> opens a section, #/guide/faq and #/guide/sources the rest.
import { guideEntries, search, searchIndex } from "../../search.js";
import { t } from "../../words.js";
import { dataTable, h, screenHeading, sourceCitation, sourceList } from "../parts/dom.js";

function backLink() {
  return h("p", { class: "back" }, h("a", { href: "#/guide" }, t("guide.all")));
}

function index(content) {
  const sections = content.guide.sections;
  const entries = [
    ...sections.map((s) => ({ href: `#/guide/${s.id}`, title: s.title, summary: s.summary })),
    { href: "#/guide/faq", title: t("guide.faq_title"), summary: t("guide.faq_summary", { count: content.faq.length }) },
    { href: "#/guide/sources", title: t("guide.sources_title"), summary: t("guide.sources_summary") },
  ];
  // What search reads: every section and question, and the sources page (its titles, publishers and evidence).
  const searchable = searchIndex([...guideEntries(content), {
    kind: "page", id: "sources", href: "#/guide/sources", title: t("guide.sources_title"), summary: t("guide.sources_summary"),
    text: content.sources.map((source) => `${source.title} ${source.publisher} ${source.evidence}`).join(" "),
  }]);
  const item = (entry) => h("li", { "data-guide-entry": entry.id ?? "" },
    h("a", { href: entry.href, ...(entry.kind === "faq" ? { "data-faq": entry.id } : {}) }, entry.title), h("p", {}, entry.summary));
  const all = h("ul", { class: "guide-list" }, entries.map(item));
  const resultsHeading = h("h2", { hidden: true, id: "search-title" }, t("guide.search_results"));
  const results = h("ol", { class: "guide-list", hidden: true, "data-search-results": "", "aria-labelledby": "search-title" });
  const status = h("p", { class: "small", role: "status" });
  const filter = h("input", { type: "search", id: "guide-filter", autocomplete: "off", spellcheck: "false" });
  filter.addEventListener("input", () => {
    const query = filter.value.trim();
    const found = query ? search(searchable, query, content.search) : [];
    all.hidden = Boolean(query);
    resultsHeading.hidden = results.hidden = !found.length;
    results.replaceChildren(...found.map(item));
    const questions = found.filter((entry) => entry.kind === "faq").length;
    status.textContent = query ? t("guide.matches", {
      pages: t("guide.pages", { count: found.length - questions }), questions: t("guide.questions", { count: questions }), words: query,
    }) : "";
  });
  return {
    title: t("guide.title"),
    view: h("div", { class: "guide" },
      screenHeading(t("guide.title")),
      h("p", { class: "lead" }, t("guide.lead")),
      h("div", { class: "field" },
        h("label", { for: "guide-filter" }, t("guide.filter")),
        filter),
      status,
      all,
      resultsHeading,
      results),
  };
}

function section(content, s) {
  const sections = content.guide.sections;
  const n = sections.indexOf(s);
  const next = sections[n + 1];
  return {
    title: s.title,
    view: h("article", { class: "guide-section" },
      backLink(),
      screenHeading(s.title),
      h("p", { class: "lead" }, s.summary),
      s.body.map((paragraph) => h("p", {}, paragraph)),
      s.table && dataTable(s.table),
      s.questions_to_ask && [
        h("h2", {}, t("guide.questions_to_ask")),
        h("ol", {}, s.questions_to_ask.map((question) => h("li", {}, question)))],
      sourceList(content, s.sources, t("guide.sources_title")),
      next && h("p", { class: "next" }, t("guide.next"), h("a", { href: `#/guide/${next.id}` }, next.title))),
  };
}

function faqItem(content, item) {
  return {
    title: item.question,
    view: h("article", { class: "faq" },
      h("p", { class: "back" }, h("a", { href: "#/guide/faq" }, t("guide.all_questions"))),
      screenHeading(item.question),
      item.answer.map((paragraph) => h("p", {}, paragraph)),
      sourceList(content, item.sources, t("guide.sources_title"))),
  };
}

function faq(content) {
  return {
    title: t("guide.faq_title"),
    view: h("article", { class: "faq" },
      backLink(),
      screenHeading(t("guide.faq_title")),
      // An accordion: every question in one short list, each answer a tap away (native details: works offline,
      // without script, announced open or closed, printed open).
      h("div", { class: "faq-list" }, content.faq.map((item) => h("details", { class: "card", id: `faq-${item.id}` },
        h("summary", {}, item.question),
        item.answer.map((paragraph) => h("p", {}, paragraph)),
        sourceList(content, item.sources, t("guide.sources_title"), "h3"),
        h("p", { class: "small" }, h("a", { href: `#/guide/faq/${item.id}` }, t("guide.faq_link"))))))),
  };
}

function sources(content) {
  return {
    title: t("guide.sources_title"),
    view: h("article", { class: "source-list" },
      backLink(),
      screenHeading(t("guide.sources_title")),
      h("p", {}, t("guide.sources_intro")),
      h("ul", {}, content.sources.map((source) => h("li", { class: "card", id: `source-${source.id}` },
        h("p", {}, sourceCitation(source)),
        h("p", {}, source.evidence),
        h("p", { class: "small" }, t("guide.last_checked", { date: source.reviewed }))))),
      h("p", { class: "small" }, t("guide.licence", { name: content.license.name, attribution: content.license.attribution }))),
  };
}

export function render(app, [id, faqId]) {
  const content = app.content;
  if (id === undefined || id === "") return index(content);
  if (id === "faq") { // section ids never use these two words
    const item = content.faq.find((f) => f.id === faqId);
    return item ? faqItem(content, item) : faq(content);
  }
  if (id === "sources") return sources(content);
  const s = content.guide.sections.find((item) => item.id === id);
  if (s) return section(content, s);
  return {
    title: t("guide.not_found_title"),
    view: h("div", {}, screenHeading(t("guide.not_found_heading")), backLink()),
  };
}
