#!/usr/bin/env python3
"""Render the app's icons from their SVG sources to the PNGs the manifest and iOS need.

Uses the same Chromium the browser tests use (no image tools to install):
    .venv/bin/python tools/make-icons.py
The PNGs are committed, so nothing here runs at test time.
"""
import base64
from pathlib import Path

from playwright.sync_api import sync_playwright

ICONS = Path(__file__).resolve().parent.parent / "frontend" / "icons"
CHROMIUM = "/usr/bin/chromium"
# (source, output, size): icon.svg has transparent rounded corners; maskable.svg fills the square,
# which is also what iOS wants for apple-touch-icon (it rounds the corners itself, and shows black for transparency).
RENDERS = (
    ("icon.svg", "icon-192.png", 192),
    ("icon.svg", "icon-512.png", 512),
    ("maskable.svg", "maskable-512.png", 512),
    ("maskable.svg", "maskable-192.png", 192),
    ("maskable.svg", "apple-touch-icon.png", 180),
)


def render(page, svg_path, size):
    data = base64.b64encode(svg_path.read_bytes()).decode("ascii")
    page.set_viewport_size({"width": size, "height": size})
    page.set_content(f'<body style="margin:0"><img src="data:image/svg+xml;base64,{data}" width="{size}" height="{size}"></body>')
    page.wait_for_function("document.images[0].complete")
    return page.screenshot(clip={"x": 0, "y": 0, "width": size, "height": size}, omit_background=True)


def main():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(device_scale_factor=1)
        for source, output, size in RENDERS:
            (ICONS / output).write_bytes(render(page, ICONS / source, size))
            print(f"{output}: {size}x{size} from {source}")
        browser.close()


if __name__ == "__main__":
    main()
