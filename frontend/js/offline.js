// Offline use and updates: registers the service worker, says whether the app works offline (checked against the
// worker's caches, never assumed), tells the person once when it does, and offers new content and a new version of
// the app (the new worker waits until the person chooses to reload, so nothing they are typing is lost).
import * as api from "./api.js";
import * as store from "./store.js";
import { notify } from "./ui/parts/notices.js";
import { t } from "./words.js";

let reloadAccepted = false;
let hooks = null; // registerWorker's, for registering again
const watched = new WeakSet(); // registrations and workers already watched
const ANSWER_WITHIN_MS = 20000; // the worker may be fetching what is missing first

/** Register the worker; `onReady()` once it controls offline use, `onUpdate(accept)` when a new version waits,
 * `onFailed()` when the first install did not finish (the network went during it): registerAgain() then tries
 * again, as the next launch does. */
async function registerWorker(callbacks) {
  if (!("serviceWorker" in navigator)) return null;
  hooks = callbacks;
  const container = navigator.serviceWorker;
  container.addEventListener("controllerchange", () => {
    if (reloadAccepted) location.reload();
  });
  container.ready.then(callbacks.onReady);
  return registerAgain();
}

/** Register the worker: after a first install that failed, the browser installs it afresh. */
async function registerAgain() {
  const container = navigator.serviceWorker;
  const registration = await container.register("sw.js");
  const offer = (worker) => hooks.onUpdate(() => {
    reloadAccepted = true;
    worker.postMessage("skip-waiting");
  });
  const watch = (worker) => {
    if (!worker || watched.has(worker)) return;
    watched.add(worker);
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed" && container.controller) offer(worker);
      if (worker.state === "redundant" && !registration.active) hooks.onFailed();
    });
  };
  if (registration.waiting && container.controller) offer(registration.waiting);
  watch(registration.installing);
  if (!watched.has(registration)) {
    watched.add(registration);
    registration.addEventListener("updatefound", () => watch(registration.installing));
  }
  return registration;
}

/** Whether the app works offline now in `lang`, as the worker finds its caches (it first fetches again whatever
 * is missing); null while no worker is active yet, or if it does not answer. */
async function askWorkerIfOffline(lang) {
  const worker = (await navigator.serviceWorker?.getRegistration())?.active;
  if (!worker) return null;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), ANSWER_WITHIN_MS);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data?.ready === true);
    };
    worker.postMessage({ type: "keep-offline", lang }, [channel.port2]);
  });
}

/** Whether this launch is under a worker already: a second launch or later. */
function launchedUnderWorker() {
  return Boolean(navigator.serviceWorker?.controller);
}

/** Ask the worker to bring the diary's files into its cache, beyond the first visit's budget. */
function askWorkerToKeepDiary() {
  navigator.serviceWorker?.controller?.postMessage("keep-diary");
}

// What the rest of this module knows of the app: the language and content in use, and the screen shown.
let app = null;
const offline = { ready: false, failed: false, registration: null }; // ready: every file saved; failed: not
const UPDATE_CHECK_EVERY_MS = 5 * 60 * 1000; // the API lets clients keep content this long (max-age=300)
let lastUpdateCheck = Date.now();
let announcedVersion = null;
const secondLaunch = launchedUnderWorker(); // a second launch or later: the diary may be saved beyond the first visit

/** Whether the app works offline, as last checked against the worker's caches: never assumed. */
export function offlineState() {
  if (!("serviceWorker" in navigator)) return "unsupported";
  if (offline.ready) return navigator.onLine ? "ready" : "offline";
  return offline.failed ? "not-ready" : "getting-ready";
}

/** Words for the home screen's offline line. */
export function offlineStatus() {
  const state = offlineState();
  if (state === "unsupported") return t("offline.no_worker");
  if (state === "offline") return t("offline.offline_now");
  if (state === "ready") return t("offline.ready");
  if (state === "not-ready") return t("offline.not_ready"); // a first install cut short, or a lost cache not refilled yet
  return t("offline.getting_ready");
}

function showOfflineStatus() {
  const status = document.getElementById("offline-status");
  if (!status || !app.content) return; // the page's own first screen, before the words of its states have come
  // Said once: while the notice says the app is ready offline, the home screen's line does not say it again.
  const told = offlineState() === "ready" && document.querySelector('[data-notice="offline-ready"]');
  status.textContent = told ? "" : offlineStatus();
  status.dataset.state = offlineState();
}

/** Ask the worker whether every file is saved (it fetches again what is missing), then say so. */
async function checkOfflineUse() {
  showOfflineStatus();
  const ready = await askWorkerIfOffline(app.lang);
  if (ready !== null) Object.assign(offline, { ready, failed: !ready });
  showOfflineStatus();
  tellOfflineReady();
}

/** With a connection: a first install that was cut short tries again; a lost cache is fetched again. */
function keepOfflineUse() {
  if (offline.failed && !offline.registration?.active) {
    registerAgain().then((registration) => {
      offline.registration = registration;
    }, () => {});
  } else {
    checkOfflineUse();
  }
}

// Told once, on the home screen: never above the emergency advice or in the middle of the questions.
function tellOfflineReady() {
  if (!offline.ready || !app.content || app.screen !== "" || store.get("offline_ready_told")) return;
  store.set("offline_ready_told", true);
  notify("offline-ready", t("notice.offline_ready"));
  showOfflineStatus();
}

// Content updates: the person is told and can reload; answers in progress are saved and kept.
async function checkForNewContent() {
  lastUpdateCheck = Date.now();
  if (!navigator.onLine || !app.content) return;
  offline.registration?.update().catch(() => {}); // a new version of the app, if there is one
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

// Not the first visit: the diary's files can come now, in the background, beyond the first visit's budget.
function keepDiaryOnLaterLaunches() {
  if (secondLaunch) askWorkerToKeepDiary();
}

async function startOfflineUse() {
  keepDiaryOnLaterLaunches();
  offline.registration = await registerWorker({
    onReady: checkOfflineUse,
    onUpdate: offerAppUpdate,
    onFailed: () => {
      offline.failed = true;
      showOfflineStatus();
    },
  });
}

/** Call once at the app's start: offline use begins once the page has loaded, and is kept up as the network comes
 * and goes. `appState` is read, never written: `lang`, `content` and `screen` (the name of the screen shown). */
export function watchOfflineUse(appState) {
  app = appState;
  window.addEventListener("online", () => {
    keepDiaryOnLaterLaunches(); // the launch may have been offline
    keepOfflineUse();
    checkForNewContent();
  });
  window.addEventListener("offline", showOfflineStatus);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") checkForNewContent();
  });
  window.addEventListener("load", () => startOfflineUse().catch((error) => console.warn("No offline use:", error)));
}

/** Call after each screen is drawn: the home screen says whether the app works offline (checked each time), the
 * offline-ready message is told where it may be, and new content is looked for when the last look is old. */
export function screenShown() {
  if (app.screen === "") checkOfflineUse();
  tellOfflineReady();
  if (Date.now() - lastUpdateCheck > UPDATE_CHECK_EVERY_MS) checkForNewContent();
}
