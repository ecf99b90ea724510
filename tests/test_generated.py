"""Every generated file is what its generator makes of the files it is made from: one test, one fix (`make generate`).

Each generator is run into memory here and compared with the committed file, so a stale file is named once,
whatever changed it (content, schemas, the engine, an app file)."""
import json
import subprocess
import sys
from pathlib import Path

from api.content import load_bundles, load_content
from api.openapi import COMMITTED, build, dumps

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from index_html import INDEX, render  # noqa: E402
from vectors.build import OUT as VECTORS, build as build_vectors  # noqa: E402

SW_VERSION = """import { currentVersion, expectedVersion } from "./tools/sw-version.mjs";
console.log(JSON.stringify(currentVersion() === expectedVersion()));"""


def stale_files():
    """The generated files that differ from what their generator makes now."""
    made = {
        VECTORS: build_vectors(),  # the shared vectors: answers and the ids, order and scores they must get
        COMMITTED: dumps(build(load_content())),  # the API's OpenAPI document
        INDEX: render(INDEX.read_text(encoding="utf-8"), load_bundles()),  # words and styles before the app loads
    }
    stale = [path for path, text in made.items() if path.read_text(encoding="utf-8") != text]
    # The service worker's VERSION, a hash of the files it caches (index.html among them): made last.
    worker_current = subprocess.run(["node", "--input-type=module", "-e", SW_VERSION], cwd=ROOT, check=True,
                                    capture_output=True, text=True).stdout
    if not json.loads(worker_current):
        stale.append(ROOT / "frontend" / "sw.js")
    return [str(path.relative_to(ROOT)) for path in stale]


def test_every_generated_file_is_up_to_date():
    stale = stale_files()
    assert stale == [], f"run `make generate` and review the diff: stale {', '.join(stale)}"
