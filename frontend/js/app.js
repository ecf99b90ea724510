// The controller: loads the content, routes #/addresses to screens, registers the service worker,
// and tells the person about offline use and updates. Screens live in ui/, one per file.
import * as api from "./api.js";
import * as check from "./check.js";
import * as store from "./store.js";
import { buttonLink, h, screenHeading } from "./ui/dom.js";
import { clearTransient, notify } from "./ui/notices.js";

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

const APP_NAME = "Twitch trigger checker";
const UPDATE_CHECK_EVERY_MS = 5 * 60 * 1000; // the API lets clients keep content this long (max-age=300)

const app = {
  content: null,
  check,
  offline: { ready: false },
  go(path) {
    location.hash = `#/${path}`;
  },
  /** Words for the home screen's offline line. */
  offlineStatus() {
    if (!("serviceWorker" in navigator)) return "This browser cannot keep the app for offline use.";
    if (!navigator.onLine) return "You are offline. Everything here still works.";
    if (app.offline.ready) return "Ready to work offline.";
    return "Getting ready to work offline…";
  },
};

let contentLoading = null;
let shown = 0; // the latest navigation wins when several overlap
let screensShown = 0;
let lastUpdateCheck = Date.now();
let launchedUnderWorker = false; // a second launch or later: the diary may be saved beyond the first visit

function loadContent() {
  contentLoading ??= api.loadContent().then((content) => {
    app.content = content;
    return content;
  }).catch((error) => {
    contentLoading = null; // let the next attempt try again
    throw error;
  });
  return contentLoading;
}

function route() {
  const hash = location.hash.startsWith("#/") ? location.hash.slice(2) : "";
  const [name, ...params] = hash.split("/").map(decodeURIComponent);
  return { name, params };
}

async function show() {
  if (location.hash && !location.hash.startsWith("#/")) return; // an in-page anchor, not a screen
  const token = ++shown;
  const { name, params } = route();
  let screen;
  try {
    await loadContent();
    screen = Object.hasOwn(screens, name) ? await (await screens[name]()).render(app, params) : missing();
  } catch (error) {
    // Content in hand but a screen's files missing offline: the diary, not yet saved on this phone.
    screen = app.content && !navigator.onLine ? notSavedYet(error) : unavailable(error);
  }
  if (token !== shown || !screen) return; // a newer navigation took over, or the screen redirected
  const main = document.getElementById("main");
  if (screensShown++) clearTransient(); // not on the first screen: its message has not been read yet
  main.replaceChildren(screen.view);
  document.title = screen.title ? `${screen.title} · ${APP_NAME}` : APP_NAME;
  window.scrollTo(0, 0);
  main.querySelector("h1")?.focus();
  tellOfflineReady();
  if (Date.now() - lastUpdateCheck > UPDATE_CHECK_EVERY_MS) checkForNewContent();
}

function missing() {
  return {
    title: "Page not found",
    view: h("div", {}, screenHeading("This page does not exist"),
      h("p", {}, h("a", { href: "#/" }, "Go to the start"))),
  };
}

/** A screen that could not be drawn: what happened, in words, and a button to try again. */
function cannotShow(title, heading, paragraphs) {
  return {
    title,
    view: h("div", {}, screenHeading(heading), paragraphs.map((text) => h("p", {}, text)),
      h("div", { class: "actions" },
        h("button", { type: "button", class: "primary", onclick: () => show() }, "Try again"),
        buttonLink("#/", "Go to the start"))),
  };
}

function unavailable(error) {
  console.warn("The content could not be loaded:", error);
  return cannotShow("Cannot load", "The app could not load its content",
    ["This needs a network connection the first time. Check your connection and try again."]);
}

function notSavedYet(error) {
  console.warn("A screen's files are not saved for offline use yet:", error);
  return cannotShow("Not on this phone yet", "This part is not on this phone yet", [
    "It is saved for offline use the first time it opens with a connection. Connect to the internet, then try again.",
    "The check and the guide already work offline."]);
}

// Content updates: the person is told and can reload; answers in progress are saved and kept.
let announcedVersion = null;
async function checkForNewContent() {
  lastUpdateCheck = Date.now();
  if (!navigator.onLine || !app.content) return;
  app.offline.registration?.update().catch(() => {}); // a new version of the app, if there is one
  const latest = await api.latestContentVersion();
  if (!latest || latest === app.content.version || latest === announcedVersion) return;
  try {
    await api.refreshContent(); // the service worker keeps the new copy for offline use
  } catch {
    return;
  }
  announcedVersion = latest;
  notify("content-update", "New content is ready: advice or the guide has changed. Your answers are kept.",
    { label: "Reload", run: () => location.reload() });
}

// A new version of the app: the new service worker waits until the person chooses to reload.
let reloadAccepted = false;
function offerAppUpdate(worker) {
  notify("app-update", "A new version of the app is ready. Your answers are kept.", {
    label: "Reload",
    run: () => {
      reloadAccepted = true;
      worker.postMessage("skip-waiting");
    },
  });
}

// Told once, on the home screen: never above the emergency advice or in the middle of the questions.
function tellOfflineReady() {
  if (!app.offline.ready || route().name !== "" || store.get("offline_ready_told")) return;
  store.set("offline_ready_told", true);
  notify("offline-ready", "Ready to work offline: no network needed from now on.");
}

function showOfflineStatus() {
  const status = document.getElementById("offline-status");
  if (status) status.textContent = app.offlineStatus();
}

// Not the first visit: the diary's files can come now, in the background, beyond the first visit's budget.
function keepDiary() {
  if (launchedUnderWorker) navigator.serviceWorker.controller?.postMessage("keep-diary");
}

async function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  const container = navigator.serviceWorker;
  container.addEventListener("controllerchange", () => {
    if (reloadAccepted) location.reload();
  });
  container.ready.then(() => {
    app.offline.ready = true;
    showOfflineStatus();
    tellOfflineReady();
  });
  launchedUnderWorker = Boolean(container.controller);
  keepDiary();
  const registration = await container.register("sw.js");
  app.offline.registration = registration;
  const watch = (worker) => worker.addEventListener("statechange", () => {
    if (worker.state === "installed" && container.controller) offerAppUpdate(worker);
  });
  if (registration.waiting && container.controller) offerAppUpdate(registration.waiting);
  if (registration.installing) watch(registration.installing);
  registration.addEventListener("updatefound", () => watch(registration.installing));
}

window.addEventListener("hashchange", show);
window.addEventListener("online", () => {
  keepDiary(); // the launch may have been offline
  showOfflineStatus();
  checkForNewContent();
});
window.addEventListener("offline", showOfflineStatus);
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") checkForNewContent();
});
window.addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll("main details")) details.open = true;
});
window.addEventListener("load", () => registerServiceWorker().catch((error) => console.warn("No offline use:", error)));
show();
