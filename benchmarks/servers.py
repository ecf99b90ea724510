#!/usr/bin/env python3
"""Which server `make run` should use, by figures: waitress with `make run`'s settings (api/server.py) against
gunicorn with sync workers and with gthread, each serving api.wsgi on 127.0.0.1 in a process of its own.

    .venv/bin/python benchmarks/servers.py [--duration 5] [--connections 16,64] [--slow 0,100,300]
(gunicorn is not a dependency of the project: `.venv/bin/pip install gunicorn` first.)

Two measures: throughput under wrk (POST /api/v1/assessments, GET /api/v1/content with Accept-Encoding: br) at
each connection count, and how many of 20 ordinary GET /api/v1/health are answered while N slow clients hold
connections (benchmarks/slow_clients.py's mix: idle, trickling, not reading). Figures, no target.
"""
import argparse
import importlib.machinery
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
import slow_clients  # noqa: E402

loader = importlib.machinery.SourceFileLoader("load_bench", str(ROOT / "benchmarks" / "load"))
load = importlib.util.module_from_spec(importlib.util.spec_from_loader("load_bench", loader))
loader.exec_module(load)

CPUS = os.cpu_count()
GUNICORN = [sys.executable, "-m", "gunicorn", "--bind", "127.0.0.1:{port}", "--log-level", "error"]
SERVERS = {
    "waitress (make run)": "import logging; logging.disable(logging.WARNING)\n"
                           "from api.server import serve\nfrom api.wsgi import app\nserve(app, '127.0.0.1', {port})",
    f"gunicorn sync x{2 * CPUS + 1}": [*GUNICORN, "--workers", str(2 * CPUS + 1), "api.wsgi:app"],
    f"gunicorn gthread {CPUS}x4": [*GUNICORN, "--worker-class", "gthread", "--workers", str(CPUS),
                                   "--threads", "4", "api.wsgi:app"],
}


def start(command):
    port = slow_clients.free_port()
    argv = [sys.executable, "-c", command.format(port=port)] if isinstance(command, str) \
        else [part.format(port=port) for part in command]
    process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=1):
                return process, port
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                sys.exit(f"{command} did not start")
            time.sleep(0.1)


def stop(process):
    process.terminate()
    process.wait(timeout=15)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--connections", default="16,64")
    parser.add_argument("--slow", default="0,100,300")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    connections = [int(c) for c in args.connections.split(",")]
    with tempfile.TemporaryDirectory(prefix="twitch-servers-") as work:
        script = Path(work) / "post.lua"
        script.write_text(load.POST_SCRIPT.format(body=json.dumps(json.dumps(load.ANSWERS))), encoding="utf-8")
        print(f"wrk {args.duration} s a run, 2 threads, {CPUS} CPUs: requests a second (p99 ms, errors)")
        print(f"{'server':24}" + "".join(f"{label + ' c' + str(c):>28}" for label in ("POST /assessments", "GET /content br")
                                         for c in connections))
        for name, command in SERVERS.items():
            process, port = start(command)
            try:
                url = f"http://127.0.0.1:{port}"
                cells = []
                for path, extra in (("/api/v1/assessments", ["-s", str(script)]),
                                    ("/api/v1/content", ["-H", "Accept-Encoding: br"])):
                    load.wrk(url + path, 4, 1, extra)  # warm up
                    for c in connections:
                        r = load.wrk(url + path, c, args.duration, extra)
                        cells.append(f"{r['rps']:.0f} ({r['p99']:.0f} ms, {r['errors']})")
            finally:
                stop(process)
            print(f"{name:24}" + "".join(f"{cell:>28}" for cell in cells))

    counts = [int(c) for c in args.slow.split(",")]
    print("\nslow clients: ordinary GET /api/v1/health answered of 20 (median ms) while N slow clients hold connections")
    print(f"{'server':24}" + "".join(f"{'N=' + str(n):>18}" for n in counts))
    for name, command in SERVERS.items():
        cells = []
        for count in counts:
            process, port = start(command)
            try:
                held = slow_clients.slow_clients(port, count)
                times = slow_clients.ordinary(port, 20)
                for sock in held:
                    sock.close()
            finally:
                stop(process)
            median = f"{statistics.median(times) * 1000:.1f}" if times else "-"
            cells.append(f"{len(times)}/20 ({median})")
        print(f"{name:24}" + "".join(f"{cell:>18}" for cell in cells))


if __name__ == "__main__":
    main()
