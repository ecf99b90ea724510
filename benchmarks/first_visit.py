#!/usr/bin/env python3
"""The first visit's transfer: the page plus everything the service worker precaches, gzipped, icons aside.

    .venv/bin/python benchmarks/first_visit.py
Budget: 50 KiB. The files are read through the Flask app exactly as a browser gets them (the content bundle
as the API serves it), and each is gzipped here at level 6, as a CDN or API Gateway would: waitress does not.
Exits 1 when the budget is exceeded.
"""
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from api import create_app  # noqa: E402  (the repository root must be on the path first)

BUDGET = 50 * 1024  # the budget for a first visit on a phone, icons aside
GZIP_LEVEL = 6  # what servers and CDNs use by default


def precached_paths(worker_source):
    """The SHELL list and the CONTENT address from sw.js: what the first visit downloads."""
    shell = json.loads(re.sub(r",\s*]", "]", re.search(r"const SHELL = (\[[^\]]*\]);", worker_source).group(1)))
    content = re.search(r'const CONTENT = "([^"]+)";', worker_source).group(1)
    return ["/" if path == "./" else "/" + path for path in shell] + ["/" + content, "/sw.js"]


def is_icon(path):
    return path.startswith("/icons/") or path.endswith((".png", ".ico"))


def main():
    client = create_app().test_client()
    worker = client.get("/sw.js").get_data(as_text=True)
    rows = []
    for path in precached_paths(worker):
        response = client.get(path)
        if response.status_code != 200:
            sys.exit(f"{path}: {response.status_code}")
        body = response.get_data()
        rows.append((path, len(body), len(gzip.compress(body, GZIP_LEVEL)), is_icon(path)))
    width = max(len(path) for path, *_ in rows)
    print(f"{'file'.ljust(width)}  {'bytes':>8}  {'gzip':>8}")
    for path, raw, packed, icon in rows:
        print(f"{path.ljust(width)}  {raw:>8}  {packed:>8}{'  (icon, not counted)' if icon else ''}")
    counted = [row for row in rows if not row[3]]
    total_raw = sum(row[1] for row in counted)
    total = sum(row[2] for row in counted)
    print(f"{'total, icons aside'.ljust(width)}  {total_raw:>8}  {total:>8}  = {total / 1024:.1f} KiB gzip"
          f" of a {BUDGET // 1024} KiB budget")
    return 0 if total <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
