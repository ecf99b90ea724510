#!/usr/bin/env python3
"""What compression costs and saves: bytes and µs per body at each brotli quality and gzip level, and µs per
request through the app (Flask test client) with compressed bodies kept (api/compression.py) and not kept.

    .venv/bin/python benchmarks/compression.py
The bodies: the whole content bundle, the app's biggest script, an assessment's result. Figures, no target.
"""
import gzip
import statistics
import sys
import time
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from api import create_app  # noqa: E402

ANSWERS = {"answers": {"warning_signs": ["none"], "other_signs": ["none"], "areas": ["eyelid", "calf_foot"],
                       "sleep": "under_5h", "caffeine": "5_plus", "stress": "high", "screen_time": "over_8h"}}
SETTINGS = [("br", q) for q in (4, 5, 6, 9, 11)] + [("gzip", level) for level in (6, 9)]


def per_call_us(work, seconds=0.3):
    """Median µs of `work()` over rounds that together take about `seconds`."""
    work()
    start, times = time.perf_counter(), []
    while time.perf_counter() - start < seconds or len(times) < 5:
        t = time.perf_counter()
        work()
        times.append((time.perf_counter() - t) * 1e6)
    return statistics.median(times)


def compress(kind, level, body):
    return brotli.compress(body, quality=level) if kind == "br" else gzip.compress(body, level)


def main():
    client = create_app({"COMPRESSION": False}).test_client()
    bodies = {"GET /api/v1/content": client.get("/api/v1/content").get_data(),
              "GET /js/app.js": client.get("/js/app.js").get_data(),
              "POST /api/v1/assessments": client.post("/api/v1/assessments", json=ANSWERS).get_data()}
    print(f"{'body':26}{'bytes':>8} | " + " | ".join(f"{k}{lvl:<2} bytes     µs" for k, lvl in SETTINGS))
    for name, body in bodies.items():
        cells = []
        for kind, level in SETTINGS:
            size = len(compress(kind, level, body))
            cells.append(f"{size:>10}{per_call_us(lambda: compress(kind, level, body), 0.5 if level < 9 else 1):>7.0f}")
        print(f"{name:26}{len(body):>8} | " + " | ".join(cells))

    print("\nper request through the app, median µs (Flask test client, Accept-Encoding: br)")
    apps = {"uncompressed": create_app({"COMPRESSION": False}), "br, bodies kept": create_app(),
            "br, nothing kept": create_app()}
    apps["br, nothing kept"].extensions["compression"].cache = None
    clients = [app.test_client() for app in apps.values()]
    headers = {"Accept-Encoding": "br"}
    rows = {"GET /api/v1/content": lambda c: c.get("/api/v1/content", headers=headers),
            "GET /js/app.js": lambda c: c.get("/js/app.js", headers=headers),
            "POST /api/v1/assessments": lambda c: c.post("/api/v1/assessments", json=ANSWERS, headers=headers)}
    print(f"{'request':26}" + "".join(f"{name:>18}" for name in apps))
    for label, call in rows.items():
        figures = [per_call_us(lambda: call(client), 1) for client in clients]
        print(f"{label:26}" + "".join(f"{us:>18.0f}" for us in figures))


if __name__ == "__main__":
    main()
