// What the service worker caches, and what the app's modules load: shared by the worker tests.
import { readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { FRONTEND, listIn } from "../../tools/sw-version.mjs";

export { FRONTEND };
export const worker = readFileSync(join(FRONTEND, "sw.js"), "utf-8");
export const shell = listIn(worker, "SHELL");
// The diary's own files: cached when the diary is first opened, not in the first visit.
export const diary = listIn(worker, "DIARY");

/** Every module reachable from `entry` by static and dynamic imports, relative to frontend/. */
export function moduleGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(join(FRONTEND, file), "utf-8");
    for (const [, path] of source.matchAll(/(?:from\s+|import\s*\(\s*)"(\.{1,2}\/[^"]+)"/g)) {
      visit(relative(FRONTEND, normalize(join(FRONTEND, dirname(file), path))));
    }
  };
  visit(entry);
  return seen;
}
