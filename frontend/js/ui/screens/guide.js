// The guide, read offline: every section (tables included), the FAQ and the sources, with a filter box.
// #/guide lists everything, #/guide/<section id> opens a section, #/guide/faq and #/guide/sources the rest.
import { t } from "../../words.js";
import { dataTable, h, screenHeading, sourceCitation, sourceList } from "../parts/dom.js";

function backLink() {
  return h("p", { class: "back" }, h("a", { href: "#/guide" }, t("guide.all")));
}

function searchText(...parts) {
  return parts.flat(Infinity).join(" ").toLowerCase();
}

function index(content) {
  const sections = content.guide.sections;
  const entries = [
    ...sections.map((s) => ({
      href: `#/guide/${s.id}`, title: s.title, summary: s.summary,
      text: searchText(s.title, s.summary, s.body, s.table ? [s.table.caption, s.table.columns, s.table.rows] : [],
        s.questions_to_ask ?? []),
    })),
    { href: "#/guide/faq", title: t("guide.faq_title"), summary: t("guide.faq_summary", { count: content.faq.length }),
      text: searchText("faq", t("guide.faq_title"), content.faq.map((f) => [f.question, f.answer])) },
    { href: "#/guide/sources", title: t("guide.sources_title"), summary: t("guide.sources_summary"),
      text: searchText(t("guide.sources_title"), content.sources.map((s) => [s.title, s.publisher, s.evidence])) },
  ];
  const faqEntries = content.faq.map((f) => ({
    href: `#/guide/faq/${f.id}`, title: f.question, summary: f.answer[0], text: searchText(f.question, f.answer),
  }));
  const item = (entry) => {
    const li = h("li", {}, h("a", { href: entry.href }, entry.title), h("p", {}, entry.summary));
    return { entry, li };
  };
  const items = entries.map(item);
  const faqItems = faqEntries.map(item);
  const faqHeading = h("h2", { hidden: true }, t("guide.matching_questions"));
  const faqList = h("ul", { class: "guide-list", hidden: true }, faqItems.map((i) => i.li));
  const status = h("p", { class: "small", role: "status" });
  const filter = h("input", { type: "search", id: "guide-filter", autocomplete: "off", spellcheck: "false" });
  filter.addEventListener("input", () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (i) => words.every((word) => i.entry.text.includes(word));
    let shown = 0;
    for (const i of items) shown += (i.li.hidden = !matches(i)) ? 0 : 1;
    let questions = 0;
    for (const i of faqItems) questions += (i.li.hidden = !(words.length && matches(i))) ? 0 : 1;
    faqHeading.hidden = faqList.hidden = questions === 0;
    status.textContent = words.length ? t("guide.matches", {
      pages: t("guide.pages", { count: shown }), questions: t("guide.questions", { count: questions }), words: filter.value.trim(),
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
      h("ul", { class: "guide-list" }, items.map((i) => i.li)),
      faqHeading,
      faqList),
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
