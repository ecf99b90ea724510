// Which language the app speaks: the person's choice, kept on this device, else the browser's first language the
// content has, else the content's own. The page lists its languages (index.html's boot words, one set each).
import { phoneLocale } from "./formats.js";
import * as store from "./store.js";

const KEY = "lang";

/** The languages the page has words for, the content's own first. */
export function pageLanguages() {
  return [...document.querySelectorAll("template.boot-words")].map((template) => template.lang);
}

/** The language to start in, before the first paint: the person's choice kept on this device, else the browser's
 * first language the page has words for, else the page's first. index.html's first script runs it (copied there by
 * tools/index_html.py), so it uses nothing outside itself: the key is store.js's for chooseLanguage. */
export function startingLanguage() {
  const known = [...document.querySelectorAll("template.boot-words")].map((template) => template.lang);
  const asked = [];
  try {
    asked.push(JSON.parse(localStorage.getItem("twitch.lang")));
  } catch {
    // storage blocked (some private modes): the browser's languages decide
  }
  for (const tag of navigator.languages ?? [navigator.language]) asked.push(String(tag).toLowerCase().split("-")[0]);
  return asked.find((tag) => known.includes(tag)) ?? known[0];
}

/** The language to use: index.html's first script chose it (the person's choice, else the browser's languages)
 * and set it as `<html lang>` before the first paint. */
export function chosenLanguage(known = pageLanguages()) {
  const lang = document.documentElement.lang;
  return known.includes(lang) ? lang : known[0] ?? "en";
}

/** Remember the person's choice. */
export function chooseLanguage(lang) {
  store.set(KEY, lang);
}

/** The page speaks `lang`: screen readers, hyphenation and Intl follow `<html lang>`. */
export function speak(lang) {
  document.documentElement.lang = lang;
}

/** The locale for Intl (dates, numbers, lists): the phone's own (en-GB, es-MX) when it speaks the page's language,
 * else the page's language. */
export function locale() {
  return phoneLocale(globalThis.document?.documentElement.lang || "en"); // no page: in Node's tests
}
