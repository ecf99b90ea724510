#!/usr/bin/env python3
"""The diary under load: import a backup of 100,000 twitch entries through the backup screen, then draw the list.

    .venv/bin/python benchmarks/diary_load.py [--entries 100000] [--frontend DIR --content DIR]

Headless Debian Chromium (/usr/bin/chromium) at phone size, through the real screens, against the app on 127.0.0.1.
The backup is compact JSON (it fits the old 20-million-character limit too, so the same file runs on an older
copy of the app: pass its --frontend and --content folders to measure it). Prints, in seconds:
- import: from the Import tap to the "Imported" line; when the app first shows what the backup will add, change
  and remove, that preview's time and the write after the confirm tap are printed apart (the wait for the tap is
  not counted);
- list: from opening #/diary to the list drawn (its heading focused), and how many entries it drew;
- show more: one "Show more" tap to the next entries drawn, when the list pages;
- patterns and the doctor's summary: from opening each to its heading focused.
Figures, not a test: nothing fails on a slow machine.

Measured for issue 11 (a 2-vCPU container, Chromium headless, 100,000 entries, 20.9 MB), before -> after:
import 15.1-15.7 s with no progress (30.4 s on a busier run) -> 17.0-18.6 s: the preview after 3.0-3.2 s with
progress, then 13.8-15.6 s of writing with progress (about 11 s of it IndexedDB's own puts, the floor here);
list 27.9-54.7 s drawing all 100,000 -> 0.12-0.15 s for 50, and 0.11-0.23 s for each "Show more";
patterns 2.8 s -> 0.1 s; the doctor's summary 2.7-3.3 s -> 0.1 s.
"""
import argparse
import json
import logging
import random
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from playwright.sync_api import sync_playwright  # noqa: E402
from waitress.server import create_server  # noqa: E402

from api import create_app  # noqa: E402
from api.content import CONTENT_DIR, load_content  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
AREAS = ["eyelid", "face", "arm_hand", "thigh", "calf_foot", "torso"]
STRENGTHS = ["light", "strong", "constant"]
NOTES = ["", "", "", "", "After coffee", "Long day at the screen", "Before bed, tired"]
TIMEOUT_MS = 15 * 60 * 1000


def backup(count, seed=11):
    """A backup of `count` entries, twenty a day back from yesterday (100,000 go back 14 years), in UTC, compact JSON."""
    rng = random.Random(seed)
    start = datetime.now(timezone.utc).replace(hour=7, minute=0, second=0, microsecond=0) - timedelta(days=1)
    entries = []
    for n in range(count):
        at = start - timedelta(days=n // 20) + timedelta(minutes=(n % 20) * 41)
        stamp = at.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        entries.append({"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "at": stamp, "day": stamp[:10],
                        "tz_offset_min": 0, "area": rng.choice(AREAS), "strength": rng.choice(STRENGTHS),
                        "note": rng.choice(NOTES), "updated_at": stamp})
    document = {"format": "twitch-diary", "schema_version": 2, "exported_at": start.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "entries": entries, "checkins": [], "deleted": []}
    return json.dumps(document, separators=(",", ":"))


def words(content_dir):
    """The words of the app's screens (content/ui.yml and the diary's), to find buttons by what they say."""
    return load_content(content_dir)["ui"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--frontend", help="another copy of frontend/, to measure it")
    parser.add_argument("--content", help="the content/ folder that goes with that copy")
    options = parser.parse_args()
    logging.getLogger("waitress").setLevel(logging.ERROR)  # its queue-depth warnings are not figures
    config = {key: value for key, value in (("FRONTEND_DIR", options.frontend), ("CONTENT_DIR", options.content)) if value}
    app = create_app(config)
    ui = words(options.content or CONTENT_DIR)
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{server.effective_port}/"

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big-backup.json"
        path.write_text(backup(options.entries), encoding="utf-8")
        print(f"{options.entries} entries, backup {path.stat().st_size / 1e6:.1f} MB")
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(url + "#/diary/backup")
            page.locator("main h1:focus").wait_for()
            page.get_by_label(ui["diary.backup.file_label"]).set_input_files(path)

            imported = page.locator(".diary-flash")
            preview = page.locator("[data-import-preview]")
            started = time.perf_counter()
            page.get_by_role("button", name=ui["diary.backup.import"], exact=True).click()
            refused = page.locator(".diary-problem")
            imported.or_(preview).or_(refused).first.wait_for()
            previewed = time.perf_counter() - started
            if refused.count():
                sys.exit(f"the backup was refused: {refused.inner_text()}")
            if preview.count():
                print(f"import: preview shown after {previewed:.1f} s")
                started = time.perf_counter()
                preview.get_by_role("button", name=ui["diary.backup.confirm_import"], exact=True).click()
                imported.wait_for()
                written = time.perf_counter() - started
                print(f"import: written after the confirm in {written:.1f} s; total {previewed + written:.1f} s")
            else:
                print(f"import: {previewed:.1f} s (no preview)")
            print("  ", imported.inner_text())

            page.goto(url + "#/")
            page.locator("main h1:focus").wait_for()
            started = time.perf_counter()
            page.evaluate("location.hash = '#/diary'")
            page.locator("main h1:focus", has_text=ui["diary.list.title"]).wait_for()
            drawn = time.perf_counter() - started
            print(f"list: drawn in {drawn:.2f} s, {page.locator('[data-diary-entry]').count()} entries on screen")
            more = page.get_by_role("button", name=ui.get("diary.list.show_more", "\0"), exact=True)
            if more.count():
                shown = page.locator("[data-diary-entry]").count()
                started = time.perf_counter()
                more.click()
                page.locator("[data-diary-entry]").nth(shown).wait_for()
                print(f"show more: {time.perf_counter() - started:.2f} s, "
                      f"{page.locator('[data-diary-entry]').count()} entries on screen")
            for route, name in (("#/diary/insights", "diary.insights.heading"), ("#/diary/summary", "diary.summary.heading")):
                page.goto(url + "#/")
                page.locator("main h1:focus").wait_for()
                started = time.perf_counter()
                page.evaluate(f"location.hash = {route!r}")
                page.locator("main h1:focus", has_text=ui[name]).wait_for()
                print(f"{route[2:]}: drawn in {time.perf_counter() - started:.2f} s")
            browser.close()
    server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
