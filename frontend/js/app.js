// The router: #/addresses to screens (ui/screens/, one per file), each drawn from the content in the language in
// use. The content comes from content.js, offline use and updates from offline.js, the page around the screens
// from ui/parts/page.js.
import * as check from "./check.js";
import { loadContent } from "./content.js";
import { chooseLanguage, chosenLanguage, speak } from "./language.js";
import { screenShown, watchOfflineUse } from "./offline.js";
import { chooseRegion } from "./region.js";
import { cacheDiaryOpenedBeforeWorker } from "./ui/parts/diary-offline.js";
import { notify } from "./ui/parts/notices.js";
import { drawLanguageControl, foldForPrint, place } from "./ui/parts/page.js";
import { missing, notSavedYet, unavailable } from "./ui/screens/cannot-show.js";
import { t, translatePage, useWords, useWordsOfPage } from "./words.js";

// Screens by the first part of the address: #/guide/sleep calls guide's render(app, ["sleep"]).
// Adding a screen is one line here; the module exports render(app, params) -> {title, view} (or a promise of it).
const screens = {
  "": () => import("./ui/screens/home.js"),
  check: () => import("./ui/screens/question.js"),
  emergency: () => import("./ui/screens/emergency.js"),
  results: () => import("./ui/screens/results.js"),
  guide: () => import("./ui/screens/guide.js"),
  about: () => import("./ui/screens/about.js"),
  privacy: () => import("./ui/screens/privacy.js"),
  diary: () => import("./ui/screens/diary.js"),
};

// Screens that need the content's second part (the guide, FAQ, sources, the diary's words) wait for it.
const NEEDS_REST = new Set(["guide", "diary", "results"]);

/** What screens are given: the content in use (frozen: the first part, then the whole once it has come), the
 * language, the check in progress, and the two ways to move on. */
const app = {
  content: null,
  lang: chosenLanguage(),
  screen: null, // the name of the screen shown ("" for home)
  check,
  go(path) {
    location.hash = `#/${path}`;
  },
  /** Show the numbers for `code` (a region id, or "" for somewhere else) from now on: remembered, screen redrawn. */
  switchRegion(code) {
    chooseRegion(code);
    show();
  },
  /** Speak `lang` from now on: remembered, the content loaded in it (offline: if saved), the screen drawn again. */
  async switchLanguage(lang) {
    const before = app.lang;
    try {
      await useContent(lang);
      chooseLanguage(lang);
      show();
    } catch {
      await useContent(before).catch(() => {});
      notify("language", t("language.not_saved"));
    }
  },
};

let loading = null; // the content in app.lang: a promise of content.js's {first, rest}

/** The content's first part in `lang`, in use once loaded: all a check needs. A new language replaces the content
 * only once loaded. */
function useContent(lang = app.lang) {
  if (lang !== app.lang) loading = null;
  loading ??= loadContent(lang).then((content) => {
    Object.assign(app, { content: content.first, lang });
    speak(lang);
    useWords(content.first.ui, lang);
    translatePage();
    return content;
  }).catch((error) => {
    loading = null; // let the next attempt try again
    throw error;
  });
  return loading;
}

/** The whole content (the second part too: guide, FAQ, sources, diary), in use once it has come: asked for once
 * the first screen is up, or by a screen that needs it. */
async function useRest() {
  const content = await useContent();
  const whole = await content.rest();
  if (app.content === content.first) { // not when the language changed meanwhile
    app.content = whole;
    useWords(whole.ui, whole.lang);
  }
  return whole;
}

/** A part of the address as typed, when it is not a whole escape (`#/guide/%`, cut short). */
function decodePart(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function route() {
  const hash = location.hash.startsWith("#/") ? location.hash.slice(2) : "";
  const [name, ...params] = hash.split("/").map(decodePart);
  return { name, params };
}

let shown = 0; // the latest navigation wins when several overlap

async function show() {
  if (location.hash && !location.hash.startsWith("#/")) return; // an in-page anchor, not a screen
  const token = ++shown;
  const { name, params } = route();
  let screen;
  try {
    await useContent();
    // Without the second part (offline before it was saved), a results screen still shows, its sources aside.
    if (NEEDS_REST.has(name)) await (name === "results" ? useRest().catch(() => null) : useRest());
    screen = Object.hasOwn(screens, name) ? await (await screens[name]()).render(app, params) : missing();
  } catch (error) {
    // Content in hand but a screen's files missing offline: the diary, not yet saved on this phone.
    screen = app.content && !navigator.onLine ? notSavedYet(error, show) : unavailable(error, show);
  }
  if (token !== shown || !screen) return; // a newer navigation took over, or the screen redirected
  app.screen = name;
  place(screen);
  drawLanguageControl(app);
  useRest().catch(() => {}); // the rest of the content, in the background once the screen is up
  screenShown();
}

window.addEventListener("hashchange", show);
window.addEventListener("beforeprint", foldForPrint);
watchOfflineUse(app);
useWordsOfPage(app.lang); // index.html's first script put them in the page: for a screen drawn before the content
cacheDiaryOpenedBeforeWorker();
show();
