// Build the DOM from elements and text nodes only: no HTML strings anywhere.
import { locale } from "../../language.js";

const pageLanguage = () => locale().split("-")[0]; // es for es-MX: the language of the page, not the region of the phone
import { t } from "../../words.js";

/** h("p", {class: "lead", onclick: fn}, "text", child, [more]) */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") element.className = value;
    else if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? "" : value);
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
  }
  return parent;
}

/** A link that looks like a button. */
export function buttonLink(href, text, kind = "secondary") {
  return h("a", { class: `button ${kind}`, href }, text);
}

/** The sources an item rests on, as a list of links to the guide's source list entries. */
export function sourceList(content, ids, heading, level = "h2") {
  if (!content.sources) return null; // the content's second part is not here (offline before it was saved)
  const byId = new Map(content.sources.map((s) => [s.id, s]));
  const items = [...new Set(ids)].map((id) => byId.get(id)).filter(Boolean);
  if (!items.length) return null;
  return h("section", { class: "sources" },
    h(level, {}, heading),
    h("ul", {}, items.map((source) => h("li", {}, sourceCitation(source)))));
}

export function sourceCitation(source) {
  const external = /^https?:\/\//.test(source.address);
  const foreign = source.language && source.language !== pageLanguage(); // a page with no version in the app's language
  return [
    external ? h("a", { href: source.address, rel: "noopener", hreflang: source.language }, source.title)
      : h("cite", {}, source.title),
    `, ${source.publisher}.`,
    foreign ? ` ${t("guide.source_in_english")}` : null,
  ];
}

/** A table with a caption, column headings and a heading cell for each row; on a narrow screen each row
 * stacks as a block, every cell led by its column's heading (`data-label`), so nothing hides off the edge. */
export function dataTable({ caption, columns, rows }, props = {}) {
  return h("div", { class: "table-wrap", role: "region", "aria-label": caption, tabindex: "0" },
    h("table", props,
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, columns.map((column) => h("th", { scope: "col" }, column)))),
      h("tbody", {}, rows.map(([head, ...cells]) =>
        h("tr", {}, h("th", { scope: "row" }, head),
          cells.map((cell, n) => h("td", { "data-label": columns[n + 1] }, String(cell))))))));
}

/** A heading the app moves focus to when a screen opens. */
export function screenHeading(text, props = {}) {
  return h("h1", { tabindex: "-1", ...props }, text);
}
