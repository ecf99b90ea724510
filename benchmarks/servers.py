#!/usr/bin/env python3
"""Which server `make run` should use, by figures: waitress with `make run`'s settings and its guard (api/server.py)
against the same waitress without the guard (what `make run` was before), and against gunicorn with sync workers and
with gthread when gunicorn is installed, each serving api.wsgi on 127.0.0.1 in a process of its own.

    .venv/bin/python benchmarks/servers.py [--duration 5] [--connections 16,64] [--slow 0,100,300] [--rounds 3]
(gunicorn is not a dependency of the project: `.venv/bin/pip install gunicorn` to include it.)

Three measures: throughput under wrk (POST /api/v1/assessments, GET /api/v1/content with Accept-Encoding: br) at
each connection count; how many of 20 ordinary GET /api/v1/health are answered while N slow clients hold
connections (benchmarks/slow_clients.py's mix: idle, trickling, not reading); and how many are answered after one
hostile request (a header value after 128,000 spaces); and, in this process, the time waitress's I/O thread
spends parsing a typical request with the guard and without. The servers take turns in each of `rounds` rounds, so that
all see the same machine; each cell is the median over the rounds, and the last line gives `make run` over the
unguarded waitress of the same run. Figures, no target.
"""
import argparse
import importlib.machinery
import importlib.util
import json
import os
import shutil
import socket
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
from waitress.adjustments import Adjustments  # noqa: E402
from waitress.parser import HTTPRequestParser  # noqa: E402

from api.server import GuardedParser  # noqa: E402

loader = importlib.machinery.SourceFileLoader("load_bench", str(ROOT / "benchmarks" / "load"))
load = importlib.util.module_from_spec(importlib.util.spec_from_loader("load_bench", loader))
loader.exec_module(load)

CPUS = os.cpu_count()
GUNICORN = [sys.executable, "-m", "gunicorn", "--bind", "127.0.0.1:{port}", "--log-level", "error"]
QUIET = "import logging; logging.disable(logging.WARNING)\n"
GUARDED, BEFORE = "waitress (make run)", "waitress, no guard"
SERVERS = {
    GUARDED: QUIET + "from api.server import serve\nfrom api.wsgi import app\nserve(app, '127.0.0.1', {port})",
    BEFORE: QUIET + "from waitress import serve\nfrom api.server import SETTINGS\nfrom api.wsgi import app\n"
                    "serve(app, host='127.0.0.1', port={port}, _quiet=True, **SETTINGS)",
}
if importlib.util.find_spec("gunicorn"):
    SERVERS.update({
        f"gunicorn sync x{2 * CPUS + 1}": [*GUNICORN, "--workers", str(2 * CPUS + 1), "api.wsgi:app"],
        f"gunicorn gthread {CPUS}x4": [*GUNICORN, "--worker-class", "gthread", "--workers", str(CPUS),
                                       "--threads", "4", "api.wsgi:app"],
    })
# What Chromium sends for an assessment, as the parsing measure's typical request.
TYPICAL = (b"POST /api/v1/assessments HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nConnection: keep-alive\r\n"
           b"User-Agent: Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile "
           b"Safari/537.36\r\nAccept: application/json\r\nContent-Type: application/json\r\n"
           b"Origin: http://127.0.0.1:8000\r\nAccept-Encoding: gzip, deflate, br\r\n"
           b"Accept-Language: es-ES,es;q=0.9,en;q=0.8\r\nContent-Length: 2\r\n\r\n{}")
HOSTILE = b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + b" " * 128_000 + b"x\r\n\r\n"


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


def throughput(command, script, connections, duration):
    """Requests a second, p99 ms and errors for each workload and connection count."""
    process, port = start(command)
    try:
        url = f"http://127.0.0.1:{port}"
        # The content is compressed at brotli's best once per process: one request waits for that, not wrk's.
        warm = urllib.request.Request(url + "/api/v1/content", headers={"Accept-Encoding": "br"})
        with urllib.request.urlopen(warm, timeout=120) as response:
            response.read()
        cells = []
        for path, extra in (("/api/v1/assessments", ["-s", str(script)]),
                            ("/api/v1/content", ["-H", "Accept-Encoding: br"])):
            load.wrk(url + path, 4, 1, extra)  # warm up
            cells.extend(load.wrk(url + path, c, duration, extra) for c in connections)
        return cells
    finally:
        stop(process)


def answered(command, count, hostile=False):
    """The times of 20 ordinary requests answered while `count` slow clients (and perhaps one hostile) hold on."""
    process, port = start(command)
    try:
        held = slow_clients.slow_clients(port, count)
        if hostile:
            sock = socket.create_connection(("127.0.0.1", port), timeout=slow_clients.GIVE_UP_S)
            sock.sendall(HOSTILE)
            held.append(sock)
        times = slow_clients.ordinary(port, 20)
        for sock in held:
            sock.close()
        return times
    finally:
        stop(process)


def parse_time(parser_class, repeat=2000):
    """Seconds waitress's I/O thread spends parsing TYPICAL with `parser_class`, a request on average."""
    adjustments = Adjustments()
    start_time = time.perf_counter()
    for _ in range(repeat):
        parser, data = parser_class(adjustments), TYPICAL
        while data:
            data = data[parser.received(data):]
    return (time.perf_counter() - start_time) / repeat


def parsing(rounds=15):
    """Median parse time of a typical request, guarded and not, taking turns in the same process."""
    times = {GuardedParser: [], HTTPRequestParser: []}
    for _ in range(rounds):
        for parser_class, runs in times.items():
            runs.append(parse_time(parser_class))
    return statistics.median(times[GuardedParser]), statistics.median(times[HTTPRequestParser])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--connections", default="16,64")
    parser.add_argument("--slow", default="0,100,300")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    connections = [int(c) for c in args.connections.split(",")]
    counts = [int(c) for c in args.slow.split(",")]
    runs = {name: [] for name in SERVERS}
    waits = {name: {count: [] for count in [*counts, "hostile"]} for name in SERVERS}
    with tempfile.TemporaryDirectory(prefix="twitch-servers-") as work:
        script = Path(work) / "post.lua"
        script.write_text(load.POST_SCRIPT.format(body=json.dumps(json.dumps(load.ANSWERS))), encoding="utf-8")
        for _ in range(args.rounds):  # the servers take turns, so a busy spell on the machine hits them all
            for name, command in SERVERS.items():
                runs[name].append(throughput(command, script, connections, args.duration))
                for count in counts:
                    waits[name][count].append(answered(command, count))
                waits[name]["hostile"].append(answered(command, 0, hostile=True))

    labels = [f"{label} c{c}" for label in ("POST /assessments", "GET /content br") for c in connections]
    print(f"wrk {args.duration} s a run, 2 threads, {CPUS} CPUs, median of {args.rounds} rounds: "
          "requests a second (p99 ms, errors)")
    print(f"{'server':24}" + "".join(f"{label:>28}" for label in labels))
    rps = {}
    for name in SERVERS:
        columns = list(zip(*runs[name]))  # one column per workload and connection count, one row per round
        rps[name] = [statistics.median(r["rps"] for r in column) for column in columns]
        cells = [f"{statistics.median(r['rps'] for r in column):.0f} "
                 f"({statistics.median(r['p99'] for r in column):.0f} ms, {sum(r['errors'] for r in column)})"
                 for column in columns]
        print(f"{name:24}" + "".join(f"{cell:>28}" for cell in cells))
    print(f"{'make run / no guard':24}" + "".join(f"{g / b if b else float('nan'):>28.2f}" for g, b in zip(rps[GUARDED], rps[BEFORE])))

    print("\nordinary GET /api/v1/health answered of 20 (median ms), lowest of the rounds, while N slow clients hold "
          "connections, or after one hostile request")
    keys = [*counts, "hostile"]
    print(f"{'server':24}" + "".join(f"{'N=' + str(k) if k != 'hostile' else 'hostile':>18}" for k in keys))
    for name in SERVERS:
        cells = []
        for key in keys:
            rounds = waits[name][key]
            fewest = min(len(times) for times in rounds)
            every = [t for times in rounds for t in times]
            median = f"{statistics.median(every) * 1000:.1f}" if every else "-"
            cells.append(f"{fewest}/20 ({median})")
        print(f"{name:24}" + "".join(f"{cell:>18}" for cell in cells))

    guarded, unguarded = parsing()
    print(f"\nparsing a typical request in the I/O thread: {guarded * 1e6:.0f} us with the guard, "
          f"{unguarded * 1e6:.0f} us without (ratio {guarded / unguarded:.2f})")


if __name__ == "__main__":
    main()
