#!/usr/bin/env python3
"""Take the manifest's screenshots (frontend/screenshots/) of the app as it is now.

    .venv/bin/python tools/make-screenshots.py
Narrow ones at 360x740 CSS pixels (720x1480 on a 2x screen), the wide one at 1280x800.
The PNGs are committed, so nothing here runs at test time.
"""
import json
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from waitress.server import create_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from api import create_app  # noqa: E402  (the repository root must be on the path first)

OUT = ROOT / "frontend" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ANSWERS = {"warning_signs": ["none"], "areas": ["eyelid", "calf_foot"], "duration": "1_to_2_weeks",
           "sleep": "under_5h", "caffeine": "5_plus", "stress": "high", "screen_time": "over_8h"}
SHOTS = (  # file, route, CSS viewport, device scale factor
    ("home-narrow.png", "#/", (360, 740), 2),
    ("results-narrow.png", "#/results", (360, 740), 2),
    ("guide-wide.png", "#/guide/nutrients", (1280, 800), 1),
)


def main():
    server = create_server(create_app(), host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    base = f"http://127.0.0.1:{server.effective_port}/"
    saved = json.dumps({"answers": ANSWERS, "at": None, "finished": True})
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for name, route, (width, height), scale in SHOTS:
            context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale,
                                          service_workers="block")
            context.add_init_script(f"localStorage.setItem('twitch.check', {json.dumps(saved)})")
            page = context.new_page()
            page.goto(base + route)
            page.locator("main h1:focus").wait_for()
            page.evaluate("document.activeElement.blur()")
            page.screenshot(path=str(OUT / name))
            print(f"{name}: {width * scale}x{height * scale}")
            context.close()
        browser.close()
    server.close()


if __name__ == "__main__":
    main()
