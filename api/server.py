"""How `make run` serves the app: waitress, set up so that slow or idle clients cannot lock everyone else out.

waitress reads each request whole and buffers each response before a worker thread sees it, so a slow client
holds only a connection, never a thread. What runs out is connections: waitress stops accepting at
`connection_limit` (100 by default) and closes idle ones only after `channel_timeout` (120 s), so about 100 idle
connections shut everyone else out for two minutes. These settings hold 500 connections (within the common limit
of 1024 open files) and close idle ones after 30 s; poll() rather than select() has no 1024-descriptor ceiling.
A client that keeps trickling bytes keeps its connection: on a network you do not control, put a reverse proxy in
front (README, "Run it"). `benchmarks/slow_clients.py` measures these against waitress's defaults.
"""
from waitress import serve as waitress_serve
from waitress.server import create_server

SETTINGS = {
    "threads": 8,
    "connection_limit": 500,
    "channel_timeout": 30,  # seconds an idle connection is kept
    "cleanup_interval": 10,  # how often idle connections are looked for
    "asyncore_use_poll": True,
    "ident": "twitch-checker",
}


def server(app, host="127.0.0.1", port=0, **overrides):
    """A waitress server for `app` with these settings (not yet running: call .run())."""
    return create_server(app, host=host, port=port, **{**SETTINGS, **overrides})


def serve(app, host, port):
    waitress_serve(app, host=host, port=port, **SETTINGS)
