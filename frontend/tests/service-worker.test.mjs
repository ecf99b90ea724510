// The service worker precaches every file the app loads, so that the app works offline after one visit.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { FRONTEND, diary, moduleGraph, shell } from "./worker-files.mjs";

const page = readFileSync(join(FRONTEND, "index.html"), "utf-8");

test("every precached file exists", () => {
  for (const file of shell.filter((f) => f !== "./")) assert.ok(existsSync(join(FRONTEND, file)), file);
});

test("every module the app loads is precached", () => {
  for (const module of moduleGraph("js/app.js")) {
    assert.ok(shell.includes(module) || diary.includes(module), `add ${module} to SHELL (or DIARY) in sw.js`);
  }
});

test("every file the page links is precached", () => {
  const linked = [...page.matchAll(/(?:href|src)="([^"#:]+)"/g)].map((m) => m[1])
    .filter((path) => !path.startsWith("api/") && !path.endsWith(".png")); // the API docs are not part of the app
  for (const file of linked) assert.ok(shell.includes(file), `add ${file} to SHELL in sw.js`);
});

// That an update replaces the old caches, and keeps the diary's, is shown in Chromium:
// tests/browser/test_updates.py and test_diary.py. That the worker's version is the hash of the files it caches
// (so people get every update) is tests/test_generated.py's to say.
