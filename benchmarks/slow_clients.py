"""Slow clients: how many ordinary requests a server answers while many other clients hold connections open and do
nothing (idle), send half a request (trickling) or never read the answer, against waitress's defaults.

    .venv/bin/python benchmarks/slow_clients.py [--counts 0,100,300,450] [--requests 20]

Each server is a process of its own on 127.0.0.1: `make run` (api/server.py), the same settings without its
guard in front of waitress's parser (what `make run` was before), and waitress with only `threads=8`; they take
turns at each count. For each count of slow clients (2/3 idle, 1/5 trickling, the rest not reading
/api/v1/content), `requests` ordinary GET /api/v1/health follow, each given up after 5 s (after 3 in a row, the
rest). Prints the answered share and the median time of the answered ones, against the same server with no slow
clients.
Target: `make run`'s server answers every ordinary request at every count up to 450 (its limit is 500
connections; beyond it, a proxy in front must hold them). Exits 1 when missed.
"""
import argparse
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GIVE_UP_S = 5
TARGET_COUNT = 450
SERVERS = {
    "make run": "from api.server import serve\nfrom api.wsgi import app\nserve(app, '127.0.0.1', {port})",
    "make run, no guard": "from waitress import serve\nfrom api.server import SETTINGS\nfrom api.wsgi import app\n"
                          "serve(app, host='127.0.0.1', port={port}, _quiet=True, **SETTINGS)",
    "waitress defaults": "from waitress import serve\nfrom api.wsgi import app\nserve(app, host='127.0.0.1', port={port}, threads=8)",
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(code):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", "import logging; logging.disable(logging.WARNING)\n"
                                + code.format(port=port)], cwd=ROOT)
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=1):
                return process, port
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                sys.exit("the server did not start")
            time.sleep(0.1)


def slow_clients(port, count):
    sockets = []
    for n in range(count):
        sock = socket.socket()
        kind = n % 15  # 10 in 15 idle, 3 trickling, 2 not reading
        if kind >= 13:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.settimeout(GIVE_UP_S)
        sock.connect(("127.0.0.1", port))
        if 10 <= kind < 13:
            sock.sendall(b"GET /api/v1/content HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        elif kind >= 13:
            sock.sendall(b"GET /api/v1/content HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        sockets.append(sock)
    return sockets


def ordinary(port, requests):
    """The times of the answered requests; after 3 unanswered in a row the rest count as unanswered too."""
    times, unanswered = [], 0
    for _ in range(requests):
        start_time = time.perf_counter()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=GIVE_UP_S) as response:
                response.read()
            times.append(time.perf_counter() - start_time)
            unanswered = 0
        except OSError:
            unanswered += 1
            if unanswered == 3:
                break
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", default="0,100,300,450,600")
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    counts = [int(c) for c in args.counts.split(",")]
    missed = []
    print(f"{args.requests} ordinary GET /api/v1/health after N slow clients, each given up after {GIVE_UP_S} s")
    print(f"{'server':20}{'N':>5} | {'answered':>9} | {'median ms':>9} | {'vs N=0':>7}")
    times = {}
    for count in counts:  # the servers take turns at each count, so a busy spell on the machine hits them all
        for name, code in SERVERS.items():
            process, port = start(code)  # a fresh server for each count: no connection left from the last
            try:
                held = slow_clients(port, count)
                times[name, count] = ordinary(port, args.requests)
                for sock in held:
                    sock.close()
            finally:
                process.terminate()
                process.wait(timeout=10)
    for name in SERVERS:
        baseline = None
        for count in counts:
            answered = times[name, count]
            median = statistics.median(answered) * 1000 if answered else float("nan")
            baseline = median if count == 0 else baseline
            ratio = f"{median / baseline:7.2f}" if answered and baseline else "      -"
            print(f"{name:20}{count:>5} | {len(answered):>4}/{args.requests:<4} | {median:9.2f} | {ratio}")
            if name == "make run" and count <= TARGET_COUNT and len(answered) < args.requests:
                missed.append(f"{count} slow clients: {args.requests - len(answered)} ordinary requests unanswered")
    print(f"target met: every ordinary request answered up to {TARGET_COUNT} slow clients" if not missed else "TARGET MISSED: " + "; ".join(missed))
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
