"""Memory under hostile query strings: a server's resident memory after 3,000 content GETs that each carry a
query string never seen before, against a fresh server given the same 3,000 GETs with one query string.

    .venv/bin/python benchmarks/memory.py [--requests 3000] [--route /api/v1/content]

Each server is a process of its own (waitress, 4 threads, on 127.0.0.1); the GETs go round the content routes (or
go to the one `--route`) on one keep-alive connection. Prints resident memory (VmRSS) before and after, and the growth against the baseline's.
Target: the unique query strings grow the process no more than 2 MiB beyond the baseline. Exits 1 when missed.
"""
import argparse
import http.client
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUTES = ["/api/v1/content", "/api/v1/questionnaire", "/api/v1/triggers", "/api/v1/triggers/sleep",
          "/api/v1/tips", "/api/v1/conditions", "/api/v1/guide", "/api/v1/faq", "/api/v1/sources"]
TARGET_MIB = 2
SERVE = """
import sys
sys.path.insert(0, {root!r})
from waitress import serve
from api.wsgi import app
serve(app, host="127.0.0.1", port={port}, threads=4, _quiet=True)
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def run(requests, unique, routes):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", SERVE.format(root=str(ROOT), port=port)], cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                connection.request("GET", "/api/v1/health")
                connection.getresponse().read()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    sys.exit("the server did not start")
                time.sleep(0.1)
        for route in ROUTES:  # every route's body made once, so that both runs start from the same place
            connection.request("GET", route)
            connection.getresponse().read()
        before = rss_mib(process.pid)
        for n in range(requests):
            query = f"trigger=x{n}" if unique else "trigger=x"
            connection.request("GET", f"{routes[n % len(routes)]}?{query}")
            connection.getresponse().read()
        return before, rss_mib(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--route", help="one route for every GET (default: round the content routes)")
    args = parser.parse_args()
    routes = [args.route] if args.route else ROUTES
    base_before, base_after = run(args.requests, False, routes)
    before, after = run(args.requests, True, routes)
    extra = (after - before) - (base_after - base_before)
    print(f"{args.requests} GETs of {args.route or f'{len(ROUTES)} content routes in turn'}, resident memory (MiB):")
    print(f"  one query string (baseline): {base_before:6.1f} -> {base_after:6.1f}  (+{base_after - base_before:.1f})")
    print(f"  a new query string each:     {before:6.1f} -> {after:6.1f}  (+{after - before:.1f})")
    print(f"  growth beyond the baseline: {extra:+.1f} MiB (target at most {TARGET_MIB} MiB)")
    sys.exit(0 if extra <= TARGET_MIB else 1)


if __name__ == "__main__":
    main()
