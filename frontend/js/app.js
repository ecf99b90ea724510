// The controller: loads the content, routes #/addresses to screens, and tells the person about offline use
// and updates (offline.js registers the service worker). Screens live in ui/, one per file.
import * as api from "./api.js";
import * as check from "./check.js";
import { chooseLanguage, chosenLanguage, speak } from "./language.js";
import { askWorkerIfOffline, askWorkerToKeepDiary, launchedUnderWorker, registerAgain, registerWorker } from "./offline.js";
import * as store from "./store.js";
import { cacheDiaryOpenedBeforeWorker } from "./ui/diary-offline.js";
import { buttonLink, h, screenHeading } from "./ui/dom.js";
import { languageControl } from "./ui/language.js";
import { clearTransient, notify } from "./ui/notices.js";
import { t, translatePage, useWords, useWordsOfPage } from "./words.js";

// Screens by the first part of the address: #/guide/sleep calls guide's render(app, ["sleep"]).
// Adding a screen is one line here; the module exports render(app, params) -> {title, view} (or a promise of it).
const screens = {
  "": () => import("./ui/home.js"),
  check: () => import("./ui/question.js"),
  emergency: () => import("./ui/emergency.js"),
  results: () => import("./ui/results.js"),
  guide: () => import("./ui/guide.js"),
  about: () => import("./ui/about.js"),
  privacy: () => import("./ui/privacy.js"),
  diary: () => import("./ui/diary.js"),
};

// Screens that need the content's second part (the guide, FAQ, sources, the diary's words) wait for it.
const NEEDS_REST = new Set(["guide", "diary", "results"]);
const UPDATE_CHECK_EVERY_MS = 5 * 60 * 1000; // the API lets clients keep content this long (max-age=300)

const app = {
  content: null,
  check,
  lang: chosenLanguage(),
  /** Speak `lang` from now on: remembered, the content loaded in it (offline: if saved), the screen drawn again. */
  async switchLanguage(lang) {
    const before = app.lang;
    try {
      await loadContent(lang);
      chooseLanguage(lang);
      show();
    } catch {
      await loadContent(before).catch(() => {});
      notify("language", t("language.not_saved"));
    }
  },
  offline: { ready: false, failed: false }, // ready: the worker found every file saved; failed: it did not
  go(path) {
    location.hash = `#/${path}`;
  },
  /** Whether the app works offline, as last checked against the worker's caches: never assumed. */
  offlineState() {
    if (!("serviceWorker" in navigator)) return "unsupported";
    if (app.offline.ready) return navigator.onLine ? "ready" : "offline";
    return app.offline.failed ? "not-ready" : "getting-ready";
  },
  /** Words for the home screen's offline line. */
  offlineStatus() {
    const state = app.offlineState();
    if (state === "unsupported") return t("offline.no_worker");
    if (state === "offline") return t("offline.offline_now");
    if (state === "ready") return t("offline.ready");
    if (state === "not-ready") return t("offline.not_ready"); // a first install cut short, or a lost cache not refilled yet
    return t("offline.getting_ready");
  },
};

let contentLoading = null;
let restLoading = null;
let shown = 0; // the latest navigation wins when several overlap
let screensShown = 0;
let lastUpdateCheck = Date.now();
const secondLaunch = launchedUnderWorker(); // a second launch or later: the diary may be saved beyond the first visit

/** The content's first part in `lang`: all a check needs. A new language replaces the content only once loaded. */
function loadContent(lang = app.lang) {
  if (lang !== app.lang) contentLoading = null;
  contentLoading ??= api.loadContent("check", lang).then((content) => {
    Object.assign(app, { content, lang });
    restLoading = null;
    speak(lang);
    useWords(content.ui, lang);
    translatePage();
    return content;
  }).catch((error) => {
    contentLoading = null; // let the next attempt try again
    throw error;
  });
  return contentLoading;
}

/** The second part (guide, FAQ, sources, diary), added to the content: asked for once the first screen is up. */
function loadRest() {
  restLoading ??= loadContent().then(async (content) => {
    const rest = await api.loadContent("rest", content.lang);
    if (rest.version !== content.version) throw new Error("the content changed between its two parts");
    if (app.content !== content) return content; // the language changed meanwhile
    const { ui, ...parts } = rest;
    Object.assign(content, parts, { ui: { ...content.ui, ...ui } });
    useWords(content.ui, content.lang);
    return content;
  }).catch((error) => {
    restLoading = null;
    throw error;
  });
  return restLoading;
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

async function show() {
  if (location.hash && !location.hash.startsWith("#/")) return; // an in-page anchor, not a screen
  const token = ++shown;
  const { name, params } = route();
  let screen;
  try {
    await loadContent();
    // Without the second part (offline before it was saved), a results screen still shows, its sources aside.
    if (NEEDS_REST.has(name)) await (name === "results" ? loadRest().catch(() => null) : loadRest());
    screen = Object.hasOwn(screens, name) ? await (await screens[name]()).render(app, params) : missing();
  } catch (error) {
    // Content in hand but a screen's files missing offline: the diary, not yet saved on this phone.
    screen = app.content && !navigator.onLine ? notSavedYet(error) : unavailable(error);
  }
  if (token !== shown || !screen) return; // a newer navigation took over, or the screen redirected
  const main = document.getElementById("main");
  if (screensShown++) clearTransient(); // not on the first screen: its message has not been read yet
  else keepPainted(main, screen.view);
  main.replaceChildren(screen.view);
  document.title = screen.title ? t("app.page_title", { screen: screen.title }) : t("app.name");
  window.scrollTo({ top: 0, behavior: "instant" }); // a new screen starts at its top at once
  main.querySelector("h1")?.focus();
  if (name === "") checkOfflineUse(); // the home screen says whether the app works offline: checked each time
  drawLanguageControl();
  loadRest().catch(() => {}); // the rest of the content, in the background once the screen is up
  tellOfflineReady();
  if (Date.now() - lastUpdateCheck > UPDATE_CHECK_EVERY_MS) checkForNewContent();
}

/** The page's own first screen stays painted where the app draws the same words: its heading and paragraphs of
 * text are moved into the new screen, taking the new ones' attributes, instead of being drawn again. */
function keepPainted(main, view) {
  const textOnly = (element) => element.children.length === 0; // a control inside is the app's to draw
  const painted = [...main.querySelectorAll("h1, p")].filter(textOnly);
  for (const element of [...view.querySelectorAll("h1, p")].filter(textOnly)) {
    const same = painted.find((old) => old.tagName === element.tagName && old.className === element.className
      && old.textContent === element.textContent);
    if (!same) continue;
    painted.splice(painted.indexOf(same), 1);
    for (const { name } of [...same.attributes]) same.removeAttribute(name);
    for (const { name, value } of [...element.attributes]) same.setAttribute(name, value);
    element.replaceWith(same);
  }
}

function missing() {
  return {
    title: t("app.not_found_title"),
    view: h("div", {}, screenHeading(t("app.not_found_heading")),
      h("p", {}, h("a", { href: "#/" }, t("app.go_to_start")))),
  };
}

/** A screen that could not be drawn: what happened, in words, and a button to try again. */
function cannotShow(title, heading, paragraphs) {
  return {
    title,
    view: h("div", {}, screenHeading(heading), paragraphs.map((text) => h("p", {}, text)),
      h("div", { class: "actions" },
        h("button", { type: "button", class: "primary", onclick: () => show() }, t("app.try_again")),
        buttonLink("#/", t("app.go_to_start")))),
  };
}

function unavailable(error) {
  console.warn("The content could not be loaded:", error);
  return cannotShow(t("app.cannot_load_title"), t("app.cannot_load_heading"), [t("app.cannot_load_text")]);
}

function notSavedYet(error) {
  console.warn("A screen's files are not saved for offline use yet:", error);
  return cannotShow(t("app.not_saved_title"), t("app.not_saved_heading"),
    [t("app.not_saved_text"), t("app.not_saved_check_works")]);
}

// Content updates: the person is told and can reload; answers in progress are saved and kept.
let announcedVersion = null;
async function checkForNewContent() {
  lastUpdateCheck = Date.now();
  if (!navigator.onLine || !app.content) return;
  app.offline.registration?.update().catch(() => {}); // a new version of the app, if there is one
  const latest = await api.latestContentVersion(app.lang);
  if (!latest || latest === app.content.version || latest === announcedVersion) return;
  try {
    await api.refreshContent(app.lang); // the service worker keeps the new copy for offline use
  } catch {
    return;
  }
  announcedVersion = latest;
  notify("content-update", t("notice.new_content"), { label: t("notice.reload"), run: () => location.reload() });
}

// A new version of the app: the new service worker waits until the person chooses to reload.
function offerAppUpdate(accept) {
  notify("app-update", t("notice.new_app"), { label: t("notice.reload"), run: accept });
}

// Told once, on the home screen: never above the emergency advice or in the middle of the questions.
function tellOfflineReady() {
  if (!app.offline.ready || !app.content || route().name !== "" || store.get("offline_ready_told")) return;
  store.set("offline_ready_told", true);
  notify("offline-ready", t("notice.offline_ready"));
}

/** The footer's Language control, once the content has named its languages. */
function drawLanguageControl() {
  const footer = document.querySelector("footer.foot");
  if (!app.content || !footer) return;
  footer.querySelector(".language")?.remove();
  footer.append(languageControl(app, "footer-language"));
}

function showOfflineStatus() {
  const status = document.getElementById("offline-status");
  if (!status || !app.content) return; // the page's own first screen, before the words of its states have come
  status.textContent = app.offlineStatus();
  status.dataset.state = app.offlineState();
}

/** Ask the worker whether every file is saved (it fetches again what is missing), then say so. */
async function checkOfflineUse() {
  showOfflineStatus();
  const ready = await askWorkerIfOffline(app.lang);
  if (ready !== null) Object.assign(app.offline, { ready, failed: !ready });
  showOfflineStatus();
  tellOfflineReady();
}

/** With a connection: a first install that was cut short tries again; a lost cache is fetched again. */
function keepOfflineUse() {
  if (app.offline.failed && !app.offline.registration?.active) {
    registerAgain().then((registration) => {
      app.offline.registration = registration;
    }, () => {});
  } else {
    checkOfflineUse();
  }
}

// Not the first visit: the diary's files can come now, in the background, beyond the first visit's budget.
function keepDiaryOnLaterLaunches() {
  if (secondLaunch) askWorkerToKeepDiary();
}

async function startOfflineUse() {
  keepDiaryOnLaterLaunches();
  app.offline.registration = await registerWorker({
    onReady: checkOfflineUse,
    onUpdate: offerAppUpdate,
    onFailed: () => {
      app.offline.failed = true;
      showOfflineStatus();
    },
  });
}

window.addEventListener("hashchange", show);
window.addEventListener("online", () => {
  keepDiaryOnLaterLaunches(); // the launch may have been offline
  keepOfflineUse();
  checkForNewContent();
});
window.addEventListener("offline", showOfflineStatus);
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") checkForNewContent();
});
// The printout holds what a doctor needs, in at most 3 pages: the parts marked for print open, the rest folded.
window.addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll("main details")) details.open = details.hasAttribute("data-print-open");
});
window.addEventListener("load", () => startOfflineUse().catch((error) => console.warn("No offline use:", error)));
speak(app.lang);
useWordsOfPage(app.lang); // the page's own words, for a screen drawn before any content has loaded
translatePage();
cacheDiaryOpenedBeforeWorker();
show();
