"""`make run`'s server stays responsive when many clients connect and then do nothing, or go very slowly, or send
one hostile request; it refuses bodies over the limit before reading them and requests framed two ways at once.

Bounded: the server runs in a process of its own, killed after each test; every socket read and request is given up
after 10 s. No timing is asserted, only what is answered (300 slow clients on loopback, three times what shut out
everyone else under waitress's defaults, then 10 ordinary requests; a hostile request, then an ordinary one).
"""
import contextlib
import json
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from waitress.adjustments import Adjustments
from waitress.parser import HTTPRequestParser
from waitress.rfc7230 import HEADER_FIELD_RE

from api import create_app, server
from api.answers import MAX_BODY_BYTES
from api.policy import read_csp_hashes, security_headers

IDLE, TRICKLING, NOT_READING = 200, 60, 40
ORDINARY = 10
GIVE_UP_S = 10
ROOT = Path(__file__).resolve().parent.parent


# The server runs in a process of its own, as `make run` does: a request that holds its I/O thread in a regular
# expression holds the GIL too, so a server in a thread of the test's process would stop the test with it.
SERVE = """
import logging, sys
logging.disable(logging.WARNING)
from api import create_app, server
instance = server.server(create_app())
print(instance.effective_port, flush=True)
instance.run()
"""


@pytest.fixture()
def running():
    process = subprocess.Popen([sys.executable, "-c", SERVE], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(process.stdout.readline())  # printed once it listens; an empty line if it failed
        yield f"http://127.0.0.1:{port}"
    finally:
        process.kill()
        process.wait(GIVE_UP_S)
        process.stdout.close()


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


# One request must not hold the server's single I/O thread, and what the server answers itself (not the app) must
# be framed safely and look like the app's answers. Each request goes over a raw socket, so the bytes are exactly
# the ones a hostile client would send; each read gives up after GIVE_UP_S.

def exchange(port, raw):
    """Send `raw` on a new connection; read until the server closes it or GIVE_UP_S pass without a byte.
    Returns the answers (status, headers, body) in order and whether the server closed the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=GIVE_UP_S) as sock:
        sock.sendall(raw)
        received, closed = b"", False
        try:
            while chunk := sock.recv(65536):
                received += chunk
            closed = True
        except TimeoutError:
            pass
    return parse_answers(received), closed


def parse_answers(received):
    answers = []
    while b"\r\n\r\n" in received:
        head, received = received.split(b"\r\n\r\n", 1)
        status_line, *lines = head.decode("latin-1").split("\r\n")
        headers = {name.lower(): value.strip() for name, value in (line.split(":", 1) for line in lines)}
        length = int(headers.get("content-length", 0))
        answers.append((int(status_line.split()[1]), headers, received[:length]))
        received = received[length:]
    return answers


def request(head, body=b""):
    return b"\r\n".join([*head, b"", b""]) + body


HEALTH = [b"GET /api/v1/health HTTP/1.1", b"Host: 127.0.0.1"]
POST = [b"POST /api/v1/assessments HTTP/1.1", b"Host: 127.0.0.1", b"Content-Type: application/json"]
PADDING = 128_000  # well inside waitress's 256 KB header limit; minutes of its header regex


@pytest.mark.parametrize("hostile", [
    request([*HEALTH, b"X-Padding: " + b" " * PADDING + b"x"]),  # leading spaces before a value
    request([*HEALTH, b"X-Padding:", b" " * PADDING + b"x"]),  # the same, folded onto a second line
    request([b"GET a://" + b"b" * PADDING + b" x", b"Host: 127.0.0.1"]),  # a request line that almost parses
], ids=["spaces", "folded spaces", "request line"])
def test_one_hostile_request_does_not_freeze_the_server(running, hostile):
    port = int(running.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=GIVE_UP_S) as sock:
        sock.sendall(hostile)
        with urllib.request.urlopen(f"{running}/api/v1/health", timeout=GIVE_UP_S) as response:
            assert response.status == 200  # another client is answered
        answer = parse_answers(sock.recv(65536))  # and the hostile one too, rather than minutes later
    assert answer and answer[0][0] in (200, 400)


def assert_server_problem(answer, status, closed):
    code, headers, body = answer
    assert code == status
    assert headers["content-type"] == "application/problem+json"
    assert json.loads(body)["status"] == status
    for name, value in security_headers(read_csp_hashes()).items():
        assert headers[name.lower()] == value, name
    assert closed, "the server keeps the connection after a request it could not frame"


def test_a_body_declared_over_the_limit_is_refused_before_it_is_sent(running):
    port = int(running.rsplit(":", 1)[1])
    answers, closed = exchange(port, request([*POST, b"Content-Length: 1000000", b"Expect: 100-continue"]))
    assert len(answers) == 1, "the server waits for a body it should refuse, or invites it with 100 Continue"
    assert_server_problem(answers[0], 413, closed)
    too_large = create_app().test_client().post("/api/v1/assessments", data=b" " * (MAX_BODY_BYTES + 1),
                                                content_type="application/json")
    assert json.loads(answers[0][2]) == too_large.get_json()  # the app's own problem for it


def test_a_body_at_the_limit_reaches_the_app(running):
    port = int(running.rsplit(":", 1)[1])
    body = b'{"answers": {}}'.ljust(MAX_BODY_BYTES)
    answers, _ = exchange(port, request([*POST, b"Content-Length: %d" % len(body), b"Connection: close"], body))
    assert [status for status, _, _ in answers] == [200]  # the app scored it: no 413


def test_a_chunked_body_is_cut_off_at_the_limit(running):
    port = int(running.rsplit(":", 1)[1])
    chunk = b"%x\r\n" % MAX_BODY_BYTES + b" " * MAX_BODY_BYTES + b"\r\n"  # the limit's worth, framing on top
    answers, closed = exchange(port, request([*POST, b"Transfer-Encoding: chunked"], chunk))  # and no end
    assert len(answers) == 1
    assert_server_problem(answers[0], 413, closed)


def test_content_length_with_transfer_encoding_closes_the_connection(running):
    port = int(running.rsplit(":", 1)[1])
    smuggled = request(HEALTH)
    answers, closed = exchange(port, request(
        [*POST, b"Content-Length: %d" % (5 + len(smuggled)), b"Transfer-Encoding: chunked"], b"0\r\n\r\n" + smuggled))
    assert len(answers) == 1, "the request smuggled behind the body was answered"
    assert_server_problem(answers[0], 400, closed)
    assert "Transfer-Encoding" in [error["field"] for error in json.loads(answers[0][2])["errors"]]


@pytest.mark.parametrize("encoding", [b"gzip", b"gzip, chunked", b"chunked, identity"])
def test_an_unknown_transfer_encoding_is_a_client_problem(running, encoding):
    port = int(running.rsplit(":", 1)[1])
    answers, closed = exchange(port, request([*POST, b"Transfer-Encoding: " + encoding], b"0\r\n\r\n"))
    assert len(answers) == 1
    assert_server_problem(answers[0], 400, closed)
    assert [error["field"] for error in json.loads(answers[0][2])["errors"]] == ["Transfer-Encoding"]


@pytest.mark.parametrize("raw, status", [
    # exactly waitress's header limit, never ended: the server reads every byte, so closing sends no reset
    (b"\r\n".join([*HEALTH, b"X-Padding: "]).ljust(Adjustments.max_request_header_size, b"x"), 431),
    (request([*HEALTH, b"Bad Header: x"]), 400),
    (request([*POST, b"Content-Length: many"]), 400),
    (request([b"GET /api/v1/health HTTP/1.0", b"Transfer-Encoding: chunked"], b"0\r\n\r\n"), 400),
], ids=["headers too large", "bad header", "bad length", "HTTP/1.0 chunked"])
def test_what_the_server_answers_itself_is_a_secure_problem(running, raw, status):
    port = int(running.rsplit(":", 1)[1])
    answers, closed = exchange(port, raw)
    assert len(answers) == 1
    assert_server_problem(answers[0], status, closed)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=40) | st.text(alphabet=" \t:ab\x7f\x80-", max_size=20).map(
    lambda text: text.encode("latin-1")))
def test_the_guard_accepts_exactly_the_header_lines_waitress_accepts(line):
    waitress_field = HEADER_FIELD_RE.match(line)
    guarded = server.HEADER_LINE.fullmatch(line)
    assert bool(guarded) == bool(waitress_field)
    if guarded:
        assert guarded["name"] == waitress_field["name"]
        assert guarded["value"].strip(b" \t") == waitress_field["value"].strip(b" \t")


def parsed(parser_class, raw):
    parser = parser_class(Adjustments())
    while raw and not parser.completed:
        raw = raw[parser.received(raw):]
    return (parser.error.code, None) if parser.error else (None, parser.headers)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=" \t:aB-\x01\x80", max_size=12), max_size=6))
def test_the_guard_reads_headers_as_waitress_does(lines):
    raw = b"\r\n".join([b"GET / HTTP/1.1", *(line.encode("latin-1") for line in lines), b"", b""])
    assert parsed(server.GuardedParser, raw) == parsed(HTTPRequestParser, raw)
