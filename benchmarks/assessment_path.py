#!/usr/bin/env python3
"""POST /api/v1/assessments against the floor: a hello-world Flask + flask-cors JSON echo (benchmarks/hello_app.py),
both called at the WSGI level in this one process, interleaved, so the server and the machine's mood are out of it.

    .venv/bin/python benchmarks/assessment_path.py [--rounds 15] [--per-round 300]
Compression is off in both (the echo's answer is under the 500-byte threshold, so it would never be
compressed; ours would be, which measures brotli, not the path). A second line shows ours with compression on,
for the record. Prints µs per request for each, the ratio, and where our time goes (a profile of our path).
Target: at most 1.2 times the echo. Exits 1 when missed.
"""
import argparse
import cProfile
import io
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
from werkzeug.test import EnvironBuilder  # noqa: E402

from api import create_app  # noqa: E402

TARGET = 1.2
# Typical answers: the safety questions, areas and four habits (as in benchmarks/load).
ANSWERS = {"answers": {"warning_signs": ["none"], "other_signs": ["none"], "areas": ["eyelid", "calf_foot"],
                       "duration": "1_to_2_weeks", "sleep": "under_5h", "caffeine": "5_plus", "stress": "high",
                       "screen_time": "over_8h"}}
BODY = json.dumps(ANSWERS).encode()
HEADERS = {"Origin": "https://another-app.example", "Accept-Encoding": "gzip, deflate, br"}


def caller(app):
    """A function that sends the POST to `app` through WSGI once and checks it was answered 200."""
    template = EnvironBuilder(path="/api/v1/assessments", method="POST", data=BODY,
                              content_type="application/json", headers=HEADERS).get_environ()
    statuses = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    def call():
        environ = dict(template)
        environ["wsgi.input"] = io.BytesIO(BODY)
        chunks = app(environ, start_response)
        b"".join(chunks)
        getattr(chunks, "close", lambda: None)()
        if not statuses.pop().startswith("200"):
            raise SystemExit("the request was not answered 200")

    return call


def per_request_us(call, count):
    start = time.perf_counter()
    for _ in range(count):
        call()
    return (time.perf_counter() - start) / count * 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--per-round", type=int, default=300)
    parser.add_argument("--profile", action="store_true", help="print where our path spends its time")
    args = parser.parse_args()
    import hello_app
    calls = {"hello echo": caller(hello_app.app), "ours": caller(create_app({"COMPRESSION": False})),
             "ours, compressed": caller(create_app())}
    for call in calls.values():
        per_request_us(call, 200)  # warm: every per-content cache built, as in a running server
    figures = {name: [] for name in calls}
    for _ in range(args.rounds):
        for name, call in calls.items():
            figures[name].append(per_request_us(call, args.per_round))
    medians = {name: statistics.median(values) for name, values in figures.items()}
    hello = medians["hello echo"]
    print(f"POST /api/v1/assessments through WSGI, median of {args.rounds} rounds x {args.per_round} requests, "
          "interleaved; ratio = / hello echo")
    for name, median in medians.items():
        low, high = min(figures[name]), max(figures[name])
        print(f"  {name:18}{median:8.0f} µs  (rounds {low:.0f} to {high:.0f})  ratio {median / hello:.2f}")
    ratio = medians["ours"] / hello
    print(f"ours / hello echo, compression off in both: {ratio:.2f} (target at most {TARGET}) "
          f"{'OK' if ratio <= TARGET else 'OVER TARGET'}")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(lambda: [calls["ours"]() for _ in range(2000)])
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
    sys.exit(0 if ratio <= TARGET else 1)


if __name__ == "__main__":
    main()
