"""`make run`'s server stays responsive when many clients connect and then do nothing, or go very slowly.

Bounded: 300 slow clients on loopback (three times what shut out everyone else under waitress's defaults), then
10 ordinary requests, each given up after 10 s; no timing is asserted, only that every ordinary request is answered.
"""
import contextlib
import socket
import threading
import urllib.request

import pytest

from api import create_app, server

IDLE, TRICKLING, NOT_READING = 200, 60, 40
ORDINARY = 10
GIVE_UP_S = 10


@pytest.fixture()
def running():
    instance = server.server(create_app())
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{instance.effective_port}"
    instance.close()
    thread.join(GIVE_UP_S)


def slow_client(port, kind):
    sock = socket.socket()
    if kind == "not reading":
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # the response backs up on the server
    sock.settimeout(GIVE_UP_S)
    sock.connect(("127.0.0.1", port))
    if kind == "trickling":
        sock.sendall(b"GET /api/v1/content HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and the rest never comes
    elif kind == "not reading":
        sock.sendall(b"GET /api/v1/content HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")  # the answer is never read
    return sock


def test_slow_and_idle_clients_do_not_shut_out_others(running):
    port = int(running.rsplit(":", 1)[1])
    with contextlib.ExitStack() as stack:
        for kind, count in (("idle", IDLE), ("trickling", TRICKLING), ("not reading", NOT_READING)):
            for _ in range(count):
                stack.enter_context(slow_client(port, kind))
        answered = 0
        for _ in range(ORDINARY):
            with urllib.request.urlopen(f"{running}/api/v1/health", timeout=GIVE_UP_S) as response:
                answered += response.status == 200
        assert answered == ORDINARY


def test_make_run_uses_these_settings():
    from api import __main__ as main
    assert main.serve is server.serve
    assert server.SETTINGS["connection_limit"] > IDLE + TRICKLING + NOT_READING + ORDINARY
