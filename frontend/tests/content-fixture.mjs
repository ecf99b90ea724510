// The content bundle for Node tests, read by the Python loader so that both engines score the same bundle.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const venvPython = fileURLToPath(new URL("../../.venv/bin/python", import.meta.url));
const PYTHON = existsSync(venvPython) ? venvPython : "python3"; // `make test` creates the venv first

/** The bundle in `lang` (the content's own language by default). */
export function loadContent(lang = "") {
  const out = execFileSync(
    PYTHON,
    ["-c", "import json, sys; from api.content import load_content; print(json.dumps(load_content(lang=sys.argv[1] or None)))",
      lang],
    { cwd: ROOT, encoding: "utf-8", maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(out);
}
