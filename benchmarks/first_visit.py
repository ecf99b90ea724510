#!/usr/bin/env python3
"""The first visit as a phone gets it: the bytes Chromium receives for the page and everything its service worker
fetches until the app works offline, icons and other images aside.

    .venv/bin/python benchmarks/first_visit.py [--lang es]      (the phone's language: en by default)
The app runs as `make run` serves it (python -m api, waitress, the app's own compression) on a free port on
127.0.0.1. A fresh Chromium context (Debian's, 360x740) opens the page and waits until the service worker is
active, controls the page and the home screen has said it is ready offline. Every response the page and the
worker received from the network counts (answers the worker gives the page from its cache are not counted
twice), by its encoded body size as Chromium reports it (`Request.sizes()`); headers are shown apart. The same
files fetched again without Accept-Encoding give the uncompressed baseline of this run. What arrives in the two
seconds after (the diary's files, fetched in the background) is listed apart and not counted. A * marks a file
Chromium reported no body for at all (the worker script): its size is that of a refetch in the same encoding.
The total is also given without the content's second part (`/api/v1/content/rest`: guide, FAQ, sources and
diary words, asked for once the first screen is up). Budget: 36 KiB of bodies. Exits 1 when over it.
"""
import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 36 * 1024
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 360, "height": 740}
READY_WITHIN_S = 30
LATER_S = 2


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(port):
    """`make run`'s server (python -m api) on `port`; returns the process once it answers."""
    process = subprocess.Popen([sys.executable, "-m", "api"], cwd=ROOT, env={**os.environ, "PORT": str(port)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=1):
                return process
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                sys.exit("the app did not start")
            time.sleep(0.1)


def is_image(path):
    return path.startswith("/icons/") or path.endswith((".png", ".ico", ".jpg", ".webp"))


def size(url, encoding="identity"):
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": encoding})) as response:
        return len(response.read())


def visit(base, lang):
    """[(who, path, status, encoding, body bytes, header bytes, counted)] for one fresh first visit."""
    rows, ready = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport=PHONE, service_workers="allow", locale=lang)

        def seen(response):
            if response.from_service_worker:  # the worker answered the page: its own fetch is counted already
                return
            sizes = response.request.sizes()
            who = "worker" if response.request.service_worker else "page"
            path = urllib.parse.urlsplit(response.url)
            rows.append([who, path.path + (f"?{path.query}" if path.query else ""), response.status,
                         response.headers.get("content-encoding", "-"), sizes["responseBodySize"],
                         sizes["responseHeadersSize"], not ready])

        context.on("response", seen)
        page = context.new_page()
        page.goto(base + "/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=READY_WITHIN_S * 1000)
        page.wait_for_selector("[data-notice=offline-ready]", timeout=READY_WITHIN_S * 1000)  # "ready offline"
        page.wait_for_load_state("networkidle")
        ready.append(time.monotonic())
        page.wait_for_timeout(LATER_S * 1000)
        context.close()
        browser.close()
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default="en", help="the phone's language, as a browser locale (es, es-MX...)")
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_app(port)
    try:
        rows = visit(base, args.lang)
        # Chromium does not report the worker script's own first fetch (only later checks, answered 304): a
        # file whose every response came with no body is counted at the size its encoding has on a refetch.
        sent = {row[1] for row in rows if row[4]}
        for row in rows:
            row.append(size(base + row[1]))
            if row[1] not in sent and row[6] and row[3] != "-":
                row[4] = size(base + row[1], row[3])
                sent.add(row[1])
                row[0] += "*"
    finally:
        server.terminate()
        server.wait(timeout=10)
    width = max(len(row[1]) for row in rows)
    print(f"{'by':8}{'file'.ljust(width)}  {'status':>6}  {'enc':>4}  {'body':>7}  {'headers':>7}  {'plain':>7}")
    for who, path, status, encoding, body, headers, counted, plain in rows:
        note = "  (image, not counted)" if is_image(path) else "" if counted else "  (later, not counted)"
        print(f"{who:8}{path.ljust(width)}  {status:>6}  {encoding:>4}  {body:>7}  {headers:>7}  {plain:>7}{note}")
    counted = [row for row in rows if row[6] and not is_image(row[1])]
    body = sum(row[4] for row in counted)
    headers = sum(row[5] for row in counted)
    plain = sum(row[7] for row in counted)
    rest = sum(row[4] for row in counted if row[1].startswith("/api/v1/content/rest"))
    print(f"without the content's second part (asked for after the first screen): {(body - rest) / 1024:.1f} KiB")
    print(f"first visit ({args.lang}), images aside: {len(counted)} responses, {body / 1024:.1f} KiB of bodies on the wire "
          f"(+ {headers / 1024:.1f} KiB of headers); uncompressed {plain / 1024:.1f} KiB, ratio {body / plain:.2f}; "
          f"budget {BUDGET // 1024} KiB {'OK' if body <= BUDGET else 'OVER BUDGET'}")
    return 0 if body <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
