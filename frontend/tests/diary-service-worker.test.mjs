// The diary's files are kept for offline use apart from the first visit: the service worker's DIARY list
// must hold every file the diary screens load that the shell does not, and nothing else.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { FRONTEND, diary, moduleGraph, shell } from "./worker-files.mjs";
import { DIARY_STYLESHEET, cacheDiaryOpenedBeforeWorker } from "../js/ui/parts/diary-offline.js";

test("every file in DIARY exists and none is in the shell too", () => {
  for (const file of diary) {
    assert.ok(existsSync(join(FRONTEND, file)), file);
    assert.ok(!shell.includes(file), `${file} is in both SHELL and DIARY`);
  }
  assert.equal(new Set(diary).size, diary.length, "a file is listed twice");
});

test("every module the diary loads is kept, in the shell or the diary's list", () => {
  const needed = moduleGraph("js/ui/screens/diary.js");
  for (const module of needed) assert.ok(shell.includes(module) || diary.includes(module), `add ${module} to DIARY in sw.js`);
  for (const file of diary.filter((f) => f.endsWith(".js"))) assert.ok(needed.has(file), `${file} is in DIARY but the diary never loads it`);
});

test("the diary's stylesheet is kept, and it is the one the diary loads and asks a new worker for", () => {
  assert.ok(diary.includes(DIARY_STYLESHEET));
  assert.ok(existsSync(join(FRONTEND, DIARY_STYLESHEET)));
  const screens = readFileSync(join(FRONTEND, "js/ui/screens/diary.js"), "utf-8");
  assert.deepEqual([...screens.matchAll(/href: ([A-Z_]+|"[^"]+\.css")/g)].map((m) => m[1]), ["DIARY_STYLESHEET"]);
});

test("what the app's start calls for a first visit to the diary loads nothing of the diary", () => {
  const needed = moduleGraph("js/ui/parts/diary-offline.js");
  assert.deepEqual([...needed], ["js/ui/parts/diary-offline.js"]);
  assert.ok(shell.includes("js/ui/parts/diary-offline.js"), "add js/ui/parts/diary-offline.js to SHELL in sw.js: the app's start imports it");
});

test("a first visit to the diary asks the new worker for the diary once it takes over, and only then", () => {
  const asked = [];
  const listeners = [];
  const container = { controller: null, addEventListener: (type, listener, options) => listeners.push({ type, listener, options }) };
  const page = { stylesheet: false };
  const { fetch } = globalThis;
  globalThis.document = { querySelector: (selector) => (page.stylesheet && selector.includes(DIARY_STYLESHEET) ? {} : null) };
  globalThis.fetch = async (url) => asked.push(url);
  try {
    cacheDiaryOpenedBeforeWorker({ ...container, controller: {} }); // under a worker already: nothing to do
    assert.equal(listeners.length, 0);
    cacheDiaryOpenedBeforeWorker(container);
    assert.deepEqual(listeners.map(({ type, options }) => [type, options]), [["controllerchange", { once: true }]]);
    listeners[0].listener(); // the diary was never opened: its files come through the worker when it is
    assert.deepEqual(asked, []);
    page.stylesheet = true;
    listeners[0].listener();
    assert.deepEqual(asked, [DIARY_STYLESHEET]);
  } finally {
    delete globalThis.document;
    globalThis.fetch = fetch;
  }
});
