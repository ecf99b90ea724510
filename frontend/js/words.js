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

/** Start with the words the page carries for the time before content has loaded (index.html's boot words, a set
 * per language). */
export function useWordsOfPage(lang) {
  const template = document.querySelector(`template.boot-words[lang="${lang}"]`) ?? document.querySelector("template.boot-words");
  const pageWords = template ? [...template.content.querySelectorAll("[data-word]")] : [];
  words = Object.fromEntries(pageWords.map((element) => [element.dataset.word, element.textContent]));
}

/** The text for `key` with its `{placeholders}` filled in; a missing key throws, for the developer to see. */
export function t(key, values = {}) {
  const word = words[key];
  if (word === undefined) throw new Error(`no words for "${key}" in content/ui.yml`);
  const text = typeof word === "string" ? word : (word[plurals.select(values.count)] ?? word.other);
  return text.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** The page's own words (header, footer, the home screen drawn before the app) in the words now in use: the page
 * names each by key (`data-word`, `data-word-aria-label`, `data-word-content`), and each is a plain text. */
export function translatePage() {
  const own = (key) => (typeof words[key] === "string" ? words[key] : null);
  for (const element of document.querySelectorAll("[data-word]")) {
    if (!element.closest("template") && own(element.dataset.word)) element.textContent = own(element.dataset.word);
  }
  for (const [name, attribute] of [["wordAriaLabel", "aria-label"], ["wordContent", "content"]]) {
    for (const element of document.querySelectorAll(`[data-word-${attribute === "content" ? "content" : "aria-label"}]`)) {
      if (own(element.dataset[name])) element.setAttribute(attribute, own(element.dataset[name]));
    }
  }
}
