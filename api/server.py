"""How `make run` serves the app: waitress, set up so that no client, slow or hostile, can lock everyone else out.

Slow clients. waitress reads each request whole and buffers each response before a worker thread sees it, so a slow
client holds only a connection, never a thread. What runs out is connections: waitress stops accepting at
`connection_limit` (100 by default) and closes idle ones only after `channel_timeout` (120 s), so about 100 idle
connections shut everyone else out for two minutes. These settings hold 500 connections (within the common limit
of 1024 open files) and close idle ones after 30 s; poll() rather than select() has no 1024-descriptor ceiling.
A client that keeps trickling bytes keeps its connection: on a network you do not control, put a reverse proxy in
front (README, "Run it"). `benchmarks/slow_clients.py` measures these against waitress's defaults.

Hostile requests. waitress parses every request in its one I/O thread, with two regular expressions that backtrack
quadratically on some input they are given: its header-line pattern on a value after many spaces (8,000 spaces
take over a second, 128,000 several minutes) and its request-line pattern on a line that almost parses (worse
still). While one runs, no other client is served, and the GIL is held. So `GuardedParser` checks the request line
first with a pattern that cannot backtrack (one character class a part, anchored) and refuses what fails it; and
when the header lines leave that room (two spaces in a row, a tab, a folded line), it checks each the same way and
hands waitress the lines with the space around each value taken off, on which waitress's pattern matches at once.
Nothing waitress accepts is refused, apart from a request line with no `HTTP/x.y`.

Bodies and framing. The app takes bodies of at most `MAX_CONTENT_LENGTH` bytes; waitress would read and spool up
to 1 GiB before the app could say 413, so the server refuses a larger `Content-Length` before reading the body, and
cuts a chunked body off once that many bytes (chunk framing included) have come. A request with both
`Content-Length` and `Transfer-Encoding` (how requests are smuggled past a proxy that reads the other one), an
HTTP/1.0 request with `Transfer-Encoding`, or a transfer coding other than chunked, is a 400 that closes the
connection, so nothing sent behind it is answered. Every answer the server writes itself is the app's
problem+json with the app's security headers.
"""
import logging
import re

from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser, ParsingError, TransferEncodingNotImplemented, get_header_lines
from waitress.server import BaseWSGIServer, create_server
from waitress.task import ErrorTask

from .errors import TOO_LARGE, problem_response
from .policy import HSTS, read_csp_hashes, security_headers

SETTINGS = {
    "threads": 8,
    "connection_limit": 500,
    "channel_timeout": 30,  # seconds an idle connection is kept
    "cleanup_interval": 10,  # how often idle connections are looked for
    "asyncore_use_poll": True,
    "ident": "twitch-checker",
}

# RFC 9110 token characters; the names and values of fields as waitress's own patterns define them.
TOKEN = rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
REQUEST_LINE = re.compile(TOKEN + rb" [^ ]+ HTTP/[0-9]\.[0-9]")
HEADER_LINE = re.compile(rb"(?P<name>" + TOKEN + rb"):(?P<value>[\t \x21-\x7e\x80-\xff]*)")
DETAIL_LENGTH = 200  # waitress's messages can quote the request: no more of it than this goes back


# waitress's header pattern backtracks only over a run of spaces or tabs before a value; without two of them in a
# row, a tab or a folded line, each line has at most one space there, and the header lines go to waitress as they are.
ROOM_TO_BACKTRACK = re.compile(rb"  |\t|\n ")


def tight_header_lines(header):
    """The header lines with no space around their values, folded lines joined (as waitress does); a line that
    waitress's pattern would refuse is refused here, in time in proportion to its length."""
    lines = []
    for line in get_header_lines(header):
        field = HEADER_LINE.fullmatch(line)
        if not field:
            raise ParsingError("Invalid header")
        lines.append(field["name"] + b":" + field["value"].strip(b" \t") + b"\r\n")
    return b"".join(lines)


class GuardedParser(HTTPRequestParser):
    """waitress's request parser, behind checks that take time in proportion to the request (see above)."""

    problem_field = None  # the header a framing problem is about, for the problem's `errors`

    def parse_header(self, header_plus):
        first_line, _, header = header_plus.partition(b"\r\n")
        if not REQUEST_LINE.fullmatch(first_line.rstrip()):  # rstrip: as waitress does
            raise ParsingError("The request line is not METHOD target HTTP/x.y.")
        if ROOM_TO_BACKTRACK.search(header):
            header_plus = first_line + b"\r\n" + tight_header_lines(header)
        try:
            super().parse_header(header_plus)
        except TransferEncodingNotImplemented:
            self.refuse_framing("Transfer-Encoding", "Only the chunked transfer coding is accepted.")
        if "TRANSFER_ENCODING" in self.headers:  # waitress leaves it only on HTTP/1.0, where it has no meaning
            self.refuse_framing("Transfer-Encoding", "HTTP/1.0 has no Transfer-Encoding.")
        if self.chunked and "CONTENT_LENGTH" in self.headers:
            self.refuse_framing("Transfer-Encoding", "Send Content-Length or Transfer-Encoding, not both.")

    def received(self, data):
        consumed = super().received(data)
        if self.error:
            self.expect_continue = False  # no "100 Continue" inviting a body that is refused already
        return consumed

    def refuse_framing(self, field, message):
        self.problem_field = field
        raise ParsingError(message)  # waitress answers it with a 400 and closes the connection


class ProblemErrorTask(ErrorTask):
    """An answer the server writes itself (400, 413, 431, 500): as the app would write it."""

    def execute(self):
        error = self.request.error
        detail = TOO_LARGE if error.code == 413 else error.body[:DETAIL_LENGTH]
        field = self.request.problem_field
        errors = [{"field": field, "message": detail}] if field else None
        body, status, headers = problem_response(error.code, error.reason, detail, errors)
        self.status = f"{status} {error.reason}"
        self.response_headers.extend([*headers.items(), *self.channel.server.security_headers])
        self.set_close_on_finish()
        body = body.encode("ascii")
        self.content_length = len(body)
        self.write(body)


class GuardedChannel(HTTPChannel):
    parser_class = GuardedParser
    error_task_class = ProblemErrorTask


def server(app, host="127.0.0.1", port=0, **overrides):
    """A waitress server for `app` with these settings (not yet running: call .run())."""
    listeners = {}
    body_limit = app.config["MAX_CONTENT_LENGTH"] + 1  # waitress refuses a body of this size or more
    instance = create_server(app, map=listeners, host=host, port=port,
                             **{**SETTINGS, "max_request_body_size": body_limit, **overrides})
    secure = security_headers(read_csp_hashes())  # the app's own, as api/policy.py sends them
    if app.config.get("HSTS"):
        secure["Strict-Transport-Security"] = HSTS
    for listener in list(listeners.values()):  # one per address `host` resolves to
        if isinstance(listener, BaseWSGIServer):
            listener.channel_class = GuardedChannel
            listener.security_headers = list(secure.items())
    return instance


def serve(app, host, port):
    logging.basicConfig()  # waitress's own messages, as waitress.serve shows them
    instance = server(app, host, port)
    instance.print_listen("Serving on http://{}:{}")
    instance.run()
