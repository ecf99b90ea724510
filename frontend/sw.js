// The service worker: the app works with no network after one visit.
// - the shell (HTML, CSS, JS, manifest): precached at install, served from the cache first;
// - the content bundle: precached too, then network first with the cached copy as the fallback;
// - any other page in scope, with no network, leads to the shell;
// - the diary: not in the first visit (its budget); cached all at once when the person first opens it,
//   or in the background when the app next starts under this worker.
// Change VERSION whenever a shell file changes: the new worker then installs beside the old one,
// the app offers a reload, and on activation the old caches are deleted.
const VERSION = "8206c32de5b2";
const PREFIX = "twitch-";
const SHELL_CACHE = `${PREFIX}shell-v${VERSION}`;
const CONTENT_CACHE = `${PREFIX}content-v${VERSION}`;
const DIARY_CACHE = `${PREFIX}diary-v${VERSION}`;
const EXPECTED_CACHES = new Set([SHELL_CACHE, CONTENT_CACHE, DIARY_CACHE]);
const KEEP_DIARY_TRIES = 3;
const NETWORK_TIMEOUT_MS = 6000; // a network that hangs ("lie-fi") falls back to the saved content

const SHELL = [
  "./",
  "css/app.css",
  "css/print.css",
  "js/app.js",
  "js/api.js",
  "js/answers.js",
  "js/check.js",
  "js/engine.js",
  "js/store.js",
  "js/summary.js",
  "js/ui/about.js",
  "js/ui/confirm.js",
  "js/ui/dom.js",
  "js/ui/emergency.js",
  "js/ui/guide.js",
  "js/ui/home.js",
  "js/ui/icons.js",
  "js/ui/notices.js",
  "js/ui/privacy.js",
  "js/ui/question.js",
  "js/ui/results.js",
  "manifest.webmanifest",
  "icons/icon.svg",
];
const CONTENT = "api/v1/content";
// The diary's files beyond the shell: fetched only by people who open the diary.
const DIARY = [
  "css/diary.css",
  "js/diary/backup.js",
  "js/diary/days.js",
  "js/diary/model.js",
  "js/diary/stats.js",
  "js/diary/storage.js",
  "js/ui/diary.js",
  "js/ui/diary-advice.js",
  "js/ui/diary-backup.js",
  "js/ui/diary-checkin.js",
  "js/ui/diary-common.js",
  "js/ui/diary-insights.js",
  "js/ui/diary-log.js",
  "js/ui/diary-summary.js",
  "js/ui/diary-tips.js",
];

const scoped = (path) => new URL(path, self.registration.scope).href;
const SHELL_URLS = new Set(SHELL.map(scoped));
const DIARY_URLS = new Set(DIARY.map(scoped));
const CONTENT_URL = scoped(CONTENT);
const APP_PAGES = new Set([scoped("./"), scoped("index.html")]);

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL_CACHE);
    await shell.addAll(SHELL); // fails the install loudly if any file is missing
    const content = await caches.open(CONTENT_CACHE);
    await content.add(CONTENT);
    // Someone who uses the diary keeps it offline through an app update.
    if ((await caches.keys()).some((name) => name.startsWith(`${PREFIX}diary-`))) await cacheDiary();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && !EXPECTED_CACHES.has(name)) await caches.delete(name); // only our own
    }
    await self.clients.claim(); // the first visit works offline without a reload
  })());
});

// The page asks for "skip-waiting" when the person accepts a new version, and for "keep-diary" when it
// starts under this worker: from the second launch on, the diary works offline even if never opened.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  if (event.data === "keep-diary") event.waitUntil(keepDiary().catch(() => {})); // offline: next launch
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  if (url.origin !== self.location.origin) return;
  if (url.href === CONTENT_URL) event.respondWith(handleContentRequest(request));
  else if (request.mode === "navigate") event.respondWith(handleNavigation(request, url));
  else if (SHELL_URLS.has(url.href)) event.respondWith(handleShellRequest(request));
  else if (DIARY_URLS.has(url.href)) event.respondWith(handleDiaryRequest(event));
});

/** Network first, so content updates arrive by themselves; the saved copy when offline. */
async function handleContentRequest(request) {
  const cache = await caches.open(CONTENT_CACHE);
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.ok) await cache.put(CONTENT_URL, response.clone());
    return response;
  } catch (error) {
    const saved = await cache.match(CONTENT_URL);
    if (saved) return saved;
    throw error;
  }
}

/** Cache first: the shell changes only with a new VERSION of this worker. */
async function handleShellRequest(request) {
  return (await caches.match(request, { ignoreSearch: true })) ?? fetch(request);
}

/** The app's own page comes from the cache; any other page from the network, or the app's start offline. */
async function handleNavigation(request, url) {
  if (APP_PAGES.has(url.href)) return (await caches.match(scoped("./"))) ?? fetch(request);
  try {
    return await fetch(request);
  } catch {
    return Response.redirect(scoped("./"), 302); // a redirect, so the shell's relative links resolve
  }
}

/** Cache first; the first diary file asked for brings the whole diary into the cache, for offline use. */
async function handleDiaryRequest(event) {
  const cached = await caches.match(event.request, { ignoreSearch: true });
  if (cached) return cached;
  event.waitUntil(cacheDiary().catch(() => {})); // failed (offline): tried again on the next diary file
  return fetch(event.request);
}

/** Fetch the diary's files unless they are all saved already. A network that has just come back (the
 * page's "online") may not carry requests yet: try again after 1 s, then 2 s. */
async function keepDiary() {
  for (let attempt = 1; ; attempt += 1) {
    const saved = await (await caches.open(DIARY_CACHE)).keys();
    if (saved.length >= DIARY.length) return;
    try {
      return await cacheDiary();
    } catch (error) {
      if (attempt >= KEEP_DIARY_TRIES) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
  }
}

let diaryCaching = null; // the screens ask for several diary files at once: cache them once
function cacheDiary() {
  diaryCaching ??= caches.open(DIARY_CACHE).then((cache) => cache.addAll(DIARY)).finally(() => {
    diaryCaching = null;
  });
  return diaryCaching;
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("network timeout")), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
