// The service worker's VERSION is a hash of the files it caches, so that any change to the app
// installs a new worker and tells people an update is ready. `node tools/sw-version.mjs --write`
// (make sw-version) stamps it; a test fails when it is stale.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const FRONTEND = fileURLToPath(new URL("../frontend/", import.meta.url));
const WORKER = join(FRONTEND, "sw.js");

/** A list constant of sw.js (SHELL or DIARY) as an array of paths. */
export function listIn(worker, name) {
  return JSON.parse(worker.match(new RegExp(`const ${name} = (\\[[^\\]]*\\]);`))[1].replace(/,\s*\]/, "]"));
}

/** The hash of the worker's own code (VERSION aside) and of every file it caches. */
export function expectedVersion(worker = readFileSync(WORKER, "utf-8")) {
  const hash = createHash("sha256").update(worker.replace(/const VERSION = "[^"]*";/, ""));
  for (const file of [...listIn(worker, "SHELL"), ...listIn(worker, "DIARY")]) {
    hash.update(file).update(readFileSync(join(FRONTEND, file === "./" ? "index.html" : file)));
  }
  return hash.digest("hex").slice(0, 12);
}

export function currentVersion(worker = readFileSync(WORKER, "utf-8")) {
  return worker.match(/const VERSION = "([^"]*)";/)[1];
}

if (process.argv.includes("--write")) {
  const worker = readFileSync(WORKER, "utf-8");
  writeFileSync(WORKER, worker.replace(/const VERSION = "[^"]*";/, `const VERSION = "${expectedVersion(worker)}";`));
  console.log(`sw.js VERSION = ${expectedVersion()}`);
}
