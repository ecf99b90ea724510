// The diary's files are kept for offline use apart from the first visit: the service worker's DIARY list
// must hold every file the diary screens load that the shell does not, and nothing else.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { FRONTEND, diary, moduleGraph, shell, worker } from "./worker-files.mjs";

test("every file in DIARY exists and none is in the shell too", () => {
  for (const file of diary) {
    assert.ok(existsSync(join(FRONTEND, file)), file);
    assert.ok(!shell.includes(file), `${file} is in both SHELL and DIARY`);
  }
  assert.equal(new Set(diary).size, diary.length, "a file is listed twice");
});

test("every module the diary loads is kept, in the shell or the diary's list", () => {
  const needed = moduleGraph("js/ui/diary.js");
  for (const module of needed) assert.ok(shell.includes(module) || diary.includes(module), `add ${module} to DIARY in sw.js`);
  for (const file of diary.filter((f) => f.endsWith(".js"))) assert.ok(needed.has(file), `${file} is in DIARY but the diary never loads it`);
});

test("the diary's stylesheet is kept, and it is the one the diary loads", () => {
  const common = readFileSync(join(FRONTEND, "js/ui/diary-common.js"), "utf-8");
  const sheets = [...common.matchAll(/href: "([^"]+\.css)"/g)].map((m) => m[1]);
  assert.deepEqual(sheets, ["css/diary.css"]);
  assert.ok(diary.includes("css/diary.css"));
});

test("the diary's cache is versioned with the rest and kept through an update by those who use it", () => {
  assert.match(worker, /const DIARY_CACHE = `\$\{PREFIX\}diary-v\$\{VERSION\}`;/);
  assert.match(worker, /new Set\(\[SHELL_CACHE, CONTENT_CACHE, DIARY_CACHE\]\)/);
  assert.match(worker, /name\.startsWith\(`\$\{PREFIX\}diary-`\)\)\) await cacheDiary\(\)/);
});
