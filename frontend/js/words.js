// The words of the app's screens, from the content bundle's `ui` (content/ui.yml): code names a key, never prose.
// t("question.progress", {n: 2, total: 20}) fills in `{n}` and `{total}`; a word with plural forms picks its
// form for `count` with Intl.PluralRules, in the language of the page.

let words = {};
let plurals = new Intl.PluralRules("en");

/** Use the words of this content bundle from now on (more of them come with the content's second part). */
export function useWords(ui, lang = document.documentElement.lang || "en") {
  words = ui ?? {};
  plurals = new Intl.PluralRules(lang);
}

/** Start with the words the page carries for `lang` (index.html's boot words), for the time before content has
 * loaded. */
export function useWordsOfPage(lang) {
  words = wordsOfPage(lang);
}

/** The text for `key` with its `{placeholders}` filled in; a missing key throws, for the developer to see. */
export function t(key, values = {}) {
  const word = words[key];
  if (word === undefined) throw new Error(`no words for "${key}" in content/ui.yml`);
  return fill(typeof word === "string" ? word : (word[plurals.select(values.count)] ?? word.other), values);
}

/** `text` (the words of a key, or content's own words that name values) with its `{placeholders}` filled in. */
export function fill(text, values) {
  return text.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** The page's own words (header, footer, the home screen drawn before the app) in the words now in use. */
export function translatePage() {
  putWords(Object.fromEntries(Object.entries(words).filter(([, word]) => typeof word === "string")));
}

// The page before the app: index.html's first script runs the two functions below (tools/index_html.py copies them
// there, and a test fails until `make index-html` has), so that the first paint is in the person's language. Each
// uses nothing outside itself.

/** The words the page carries for `lang` (its boot words, a set per language; the first set if none is). */
export function wordsOfPage(lang) {
  const sets = [...document.querySelectorAll("template.boot-words")];
  const set = sets.find((template) => template.lang === lang) ?? sets[0];
  const found = {};
  for (const element of set ? set.content.querySelectorAll("[data-word]") : []) found[element.dataset.word] = element.textContent;
  return found;
}

/** Put `found` words into the page's own elements, each named by key: `data-word` sets its text,
 * `data-word-aria-label` and `data-word-content` set those attributes. An element whose key has no word stays. */
export function putWords(found) {
  for (const element of document.querySelectorAll("[data-word]")) {
    if (found[element.dataset.word]) element.textContent = found[element.dataset.word];
  }
  for (const attribute of ["aria-label", "content"]) {
    for (const element of document.querySelectorAll(`[data-word-${attribute}]`)) {
      const word = found[element.getAttribute(`data-word-${attribute}`)];
      if (word) element.setAttribute(attribute, word);
    }
  }
}
