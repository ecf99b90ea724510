// The service worker: the app works with no network after one visit.
// - the shell (HTML, CSS, JS, manifest): precached at install, all or nothing, served from the cache first;
//   refilled whole if the browser deletes it;
// - the content, in two parts (check, then rest) per language: kept for each language the page asks for
//   ("keep-offline" names it) and, through an update, for every language saved before; network first with the
//   saved copy as the fallback; only a response that is sound content (JSON with a version) replaces it;
// - the two parts are one version: a new part waits (WAITING_CACHE) until its partner of the same version is
//   saved too, and until then the last complete pair is what the page gets, online and off;
// - nothing the network sends goes into a cache unless it is what it claims (see isAppFile and isContent);
// - the page asks "keep-offline" to show whether the app works offline: checked against the caches;
// - any other page in scope, with no network, leads to the shell;
// - the diary: not in the first visit (its budget); cached all at once when the person first opens it,
//   or in the background when the app next starts under this worker.
// Change VERSION whenever a shell file changes: the new worker then installs beside the old one,
// the app offers a reload, and on activation the old caches are deleted.
const VERSION = "4a7d42ceafb5";
const PREFIX = "twitch-";
const SHELL_CACHE = `${PREFIX}shell-v${VERSION}`;
const CONTENT_CACHE = `${PREFIX}content-v${VERSION}`;
const WAITING_CACHE = `${PREFIX}waiting-v${VERSION}`; // a content part whose partner has not come yet
const DIARY_CACHE = `${PREFIX}diary-v${VERSION}`;
const EXPECTED_CACHES = new Set([SHELL_CACHE, CONTENT_CACHE, WAITING_CACHE, DIARY_CACHE]);
const KEEP_TRIES = 3; // fetching what is missing, when a network has just come back
const NETWORK_TIMEOUT_MS = 6000; // a network that hangs ("lie-fi") falls back to the saved content

// The page carries css/app.css inline (tools/index_html.py), so the stylesheet is no file of the shell.
const SHELL = [
  "./",
  "css/print.css",
  "js/app.js",
  "js/api.js",
  "js/answers.js",
  "js/check.js",
  "js/content.js",
  "js/engine.js",
  "js/formats.js",
  "js/language.js",
  "js/offline.js",
  "js/region.js",
  "js/reminder.js",
  "js/search.js",
  "js/store.js",
  "js/summary.js",
  "js/words.js",
  "js/ui/parts/advice.js",
  "js/ui/parts/confirm.js",
  "js/ui/parts/diary-offline.js",
  "js/ui/parts/dom.js",
  "js/ui/parts/icons.js",
  "js/ui/parts/language.js",
  "js/ui/parts/notices.js",
  "js/ui/parts/page.js",
  "js/ui/screens/about.js",
  "js/ui/screens/cannot-show.js",
  "js/ui/screens/emergency.js",
  "js/ui/screens/guide.js",
  "js/ui/screens/home.js",
  "js/ui/screens/privacy.js",
  "js/ui/screens/question.js",
  "js/ui/screens/results.js",
  "manifest.webmanifest",
  "icons/icon.svg",
];
const CONTENT_PARTS = ["api/v1/content/check", "api/v1/content/rest"];
// The diary's files beyond the shell: fetched only by people who open the diary.
const DIARY = [
  "css/diary.css",
  "js/diary/backup.js",
  "js/diary/days.js",
  "js/diary/experiment-plan.js",
  "js/diary/experiment.js",
  "js/diary/model.js",
  "js/diary/stats.js",
  "js/diary/storage.js",
  "js/ui/parts/diary-format.js",
  "js/ui/parts/diary-nav.js",
  "js/ui/parts/diary-problems.js",
  "js/ui/parts/diary-save.js",
  "js/ui/parts/experiment-result.js",
  "js/ui/screens/diary-advice.js",
  "js/ui/screens/diary-backup.js",
  "js/ui/screens/diary-checkin.js",
  "js/ui/screens/diary-experiment.js",
  "js/ui/screens/diary-insights.js",
  "js/ui/screens/diary-log.js",
  "js/ui/screens/diary-summary.js",
  "js/ui/screens/diary-tips.js",
  "js/ui/screens/diary.js",
];

const scoped = (path) => new URL(path, self.registration.scope).href;
const SHELL_URLS = new Set(SHELL.map(scoped));
const DIARY_URLS = new Set(DIARY.map(scoped));
const CONTENT_PATHS = new Set(CONTENT_PARTS.map((part) => new URL(scoped(part)).pathname));
const contentUrls = (lang) => CONTENT_PARTS.map((part) => scoped(`${part}?lang=${encodeURIComponent(lang)}`));
/** The other part of the content at `url`, in the same language. */
const partnerOf = (url) => {
  const [check, rest] = CONTENT_PARTS.map((part) => new URL(scoped(part)).pathname);
  const partner = new URL(url);
  partner.pathname = partner.pathname === check ? rest : check;
  return partner.href;
};
const APP_PAGES = new Set([scoped("./"), scoped("index.html")]);

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    await fillCache(SHELL_CACHE, SHELL); // all or nothing: the install fails if any file is missing or wrong
    for (const lang of await savedLanguages()) await keepContent(lang); // an update keeps every language saved
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

// The page asks for "skip-waiting" when the person accepts a new version; "keep-offline" (with a port for the
// answer) when it shows whether the app works offline; and "keep-diary" when it starts under this worker: from
// the second launch on, the diary works offline even if never opened.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  if (event.data?.type === "keep-offline") {
    event.waitUntil(keepOffline(event.data.lang).then((ready) => event.ports[0]?.postMessage({ ready })));
  }
  if (event.data === "keep-diary") event.waitUntil(keepDiary().catch(() => {})); // offline: next launch
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  if (url.origin !== self.location.origin) return;
  if (CONTENT_PATHS.has(url.pathname)) event.respondWith(handleContentRequest(request, url.href));
  else if (request.mode === "navigate") event.respondWith(handleNavigation(event, url));
  else if (SHELL_URLS.has(url.href)) event.respondWith(handleShellRequest(event));
  else if (DIARY_URLS.has(url.href)) event.respondWith(handleDiaryRequest(event));
});

// What each kind of file must be served as. A captive portal (a hotel's login page) answers every address with
// its own HTML: HTML is taken only for the page (and the shell only whole, so a portal's page never passes for
// ours: its answer for a script is no script), and a file of no listed kind is taken as anything but HTML.
const TYPES = [[/\/$|\.html$/, /^text\/html/], [/\.m?js$/, /javascript/], [/\.css$/, /^text\/css/],
  [/\.svg$/, /^image\/svg\+xml/]];

/** Whether `response` is the app's file at `path`: a 200 from that address, of the type its name says. */
function isAppFile(path, response) {
  if (response.status !== 200 || response.redirected) return false;
  const type = response.headers.get("Content-Type") ?? "";
  const rule = TYPES.find(([name]) => name.test(new URL(scoped(path)).pathname));
  return rule ? rule[1].test(type) : !/^text\/html/.test(type);
}

/** Whether `response` is the content bundle: a 200 whose body is JSON carrying a version. A portal's page, a
 * body cut short or broken, or an error page is not. */
async function isContent(response) {
  if (response.status !== 200) return false;
  try {
    const bundle = await response.clone().json();
    return typeof bundle?.version === "string" && bundle.version !== "";
  } catch {
    return false;
  }
}

/** Fetch every file of `paths` afresh and, only when each one is that file and has arrived whole, put them all
 * in the cache `name`: a cut network or a captive portal leaves the cache as it was. */
async function fillCache(name, paths) {
  const files = await Promise.all(paths.map(async (path) => {
    const response = await fetch(new Request(scoped(path), { cache: "no-cache" }));
    if (!isAppFile(path, response)) throw new Error(`${path}: not the app's file (${response.status})`);
    return [scoped(path), new Response(await response.blob(), response)]; // the whole body, before any is kept
  }));
  const cache = await caches.open(name);
  await Promise.all(files.map(([url, response]) => cache.put(url, response)));
}

/** Whether the cache `name` holds every file of `paths`. */
async function holdsAll(name, paths) {
  const saved = new Set((await (await caches.open(name)).keys()).map((request) => request.url));
  return paths.every((path) => saved.has(scoped(path)));
}

/** The languages whose content any version of this worker saved. */
async function savedLanguages() {
  const langs = new Set();
  for (const name of (await caches.keys()).filter((key) => key.startsWith(`${PREFIX}content-`))) {
    for (const request of await (await caches.open(name)).keys()) {
      const lang = new URL(request.url).searchParams.get("lang");
      if (lang) langs.add(lang);
    }
  }
  return langs;
}

/** The version a saved or fetched content part carries. */
const versionOf = async (response) => (await response.clone().json()).version;

/** A sound copy of the content at `url` from the network, or null. */
async function freshContent(url) {
  const response = await withTimeout(fetch(new Request(url, { cache: "no-cache" })), NETWORK_TIMEOUT_MS)
    .catch(() => null);
  return response && await withTimeout(isContent(response), NETWORK_TIMEOUT_MS).catch(() => false) ? response : null;
}

/** The part at `url` as saved by this worker, or else by an earlier version of it (never a part still waiting). */
async function savedContent(url) {
  const names = (await caches.keys()).filter((name) => name.startsWith(`${PREFIX}content-`));
  names.sort((a, b) => (b === CONTENT_CACHE) - (a === CONTENT_CACHE)); // this version's first
  for (const name of names) {
    const saved = await (await caches.open(name)).match(url);
    if (saved) return saved;
  }
  return null;
}

/** Save both parts of the content in `lang` for offline use, as one version: from the network when both are
 * sound and alike, else one fresh part with the saved copy of its partner when they match, else the pair an
 * earlier version of this worker saved (so an update installs while the content route is down); none: fail.
 * A fresh part that could not be paired waits for its partner. */
async function keepContent(lang) {
  const urls = contentUrls(lang);
  const fresh = await Promise.all(urls.map(freshContent));
  const saved = await Promise.all(urls.map(savedContent));
  const versions = async (parts) => Promise.all(parts.map((part) => part && versionOf(part)));
  const [freshVersions, savedVersions] = [await versions(fresh), await versions(saved)];
  const pairs = [[0, 0], [0, 1], [1, 0], [1, 1]]; // for check and rest: 0 fresh, 1 saved; fresh first
  const pair = pairs.find(([a, b]) => {
    const [first, second] = [[fresh, saved][a][0], [fresh, saved][b][1]];
    return first && second && [freshVersions, savedVersions][a][0] === [freshVersions, savedVersions][b][1];
  });
  if (!pair) throw new Error(`no pair of content parts of one version to keep in ${lang}`);
  const chosen = pair.map((source, n) => [fresh, saved][source][n]);
  await settled(async () => {
    const [cache, waiting] = await Promise.all([caches.open(CONTENT_CACHE), caches.open(WAITING_CACHE)]);
    await Promise.all(urls.map((url, n) => cache.put(url, chosen[n].clone())));
    for (const [n, url] of urls.entries()) {
      if (fresh[n] && pair[n] === 1) await waiting.put(url, fresh[n]);
      else await waiting.delete(url);
    }
  });
}

/** Whether both parts of the content in `lang` are saved, and of one version: what opens offline. */
async function holdsContent(lang) {
  const cache = await caches.open(CONTENT_CACHE);
  const parts = await Promise.all(contentUrls(lang).map((url) => cache.match(url)));
  if (parts.some((part) => !part)) return false;
  const [check, rest] = await Promise.all(parts.map((part) => versionOf(part).catch(() => null)));
  return check !== null && check === rest;
}

/** Whether the app works offline now in `lang`: the whole shell and both parts of the content saved, of one
 * version. Whatever is missing (a browser short of space may delete a cache) or mismatched is fetched again
 * first; the shell as a whole, so its files stay of one version. Several asks at once share one check. */
const keeping = new Map();
function keepOffline(lang) {
  if (!keeping.has(lang)) {
    keeping.set(lang, (async () => {
      if (!(await holdsAll(SHELL_CACHE, SHELL))) await retried(() => fillCache(SHELL_CACHE, SHELL));
      if (lang && !(await holdsContent(lang))) await retried(() => keepContent(lang));
      return Boolean(lang);
    })().catch(() => false).finally(() => keeping.delete(lang)));
  }
  return keeping.get(lang);
}

// Saving content parts one at a time: two requests arriving together must each see what the other saved.
let saving = Promise.resolve();
function settled(task) {
  const done = saving.then(task);
  saving = done.catch(() => {});
  return done;
}

/** Keep `response`, a sound part of the content at `url`, and say which copy the page gets: the new part when
 * its partner of the same version is saved (it joins it) or when nothing of this language is saved yet; else
 * the saved part of the last complete pair, while the new one waits for its partner. When the partner was
 * waiting, the pair is complete from now on, but this answer is still the old part: the page was given the old
 * partner. Returns { answer, paired }. */
function keepPart(url, response) {
  return settled(async () => {
    const partner = partnerOf(url);
    const [cache, waiting] = await Promise.all([caches.open(CONTENT_CACHE), caches.open(WAITING_CACHE)]);
    const version = await versionOf(response);
    const [saved, savedPartner, waitingPartner] = await Promise.all([cache.match(url), cache.match(partner),
      waiting.match(partner)]);
    if (savedPartner && await versionOf(savedPartner) === version) {
      await cache.put(url, response.clone());
      await waiting.delete(url);
      return { answer: response, paired: true };
    }
    if (waitingPartner && await versionOf(waitingPartner) === version) {
      await cache.put(url, response.clone());
      await cache.put(partner, waitingPartner);
      await Promise.all([waiting.delete(url), waiting.delete(partner)]);
      return { answer: saved ?? response, paired: true };
    }
    await waiting.put(url, response.clone());
    return { answer: saved ?? response, paired: false };
  });
}

/** Network first, so content updates arrive by themselves, one version at a time: a new part is used only once
 * its partner of the same version is saved too (the worker fetches the partner at once), so a lost or slow
 * request never leaves the phone with parts of two versions. Anything unsound (no network, a network that
 * hangs, an error, a portal's page, a broken body) gets the saved copy. */
async function handleContentRequest(request, url) {
  let response = null;
  let failure = null;
  try {
    response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (await withTimeout(isContent(response), NETWORK_TIMEOUT_MS)) { // the body too may hang
      const { answer, paired } = await keepPart(url, response).catch(() => ({ answer: response, paired: true }));
      if (paired) return answer; // (storage full: still served)
      const partner = await freshContent(partnerOf(url));
      if (partner && (await keepPart(partnerOf(url), partner)).paired) return response;
      return answer;
    }
  } catch (error) {
    failure = error;
  }
  // Read after any pair being saved is whole: never one part of each version.
  const saved = await settled(async () => (await caches.open(CONTENT_CACHE)).match(url));
  if (saved) return saved;
  if (response) return response; // nothing saved yet: the page shows that the content could not load
  throw failure;
}

/** Cache first: the shell changes only with a new VERSION of this worker. A file missing from the cache (a
 * browser short of space deleted it) comes from the network, and the whole shell is fetched again. */
async function handleShellRequest(event) {
  const cached = await caches.match(event.request, { ignoreSearch: true });
  if (cached) return cached;
  event.waitUntil(keepOffline());
  return fetch(event.request);
}

/** The app's own page comes from the cache; any other page from the network, or the app's start offline. */
async function handleNavigation(event, url) {
  if (APP_PAGES.has(url.href)) {
    const cached = await caches.match(scoped("./"));
    if (cached) return cached;
    event.waitUntil(keepOffline());
    return fetch(event.request);
  }
  try {
    return await fetch(event.request);
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

/** Fetch the diary's files unless they are all saved already. */
async function keepDiary() {
  if (!(await holdsAll(DIARY_CACHE, DIARY))) await retried(cacheDiary);
}

let diaryCaching = null; // the screens ask for several diary files at once: cache them once
function cacheDiary() {
  diaryCaching ??= fillCache(DIARY_CACHE, DIARY).finally(() => {
    diaryCaching = null;
  });
  return diaryCaching;
}

/** `task()`, tried again after 1 s, then 2 s: a network that has just come back (the page's "online") may not
 * carry requests yet. */
async function retried(task) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= KEEP_TRIES) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
  }
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("network timeout")), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
