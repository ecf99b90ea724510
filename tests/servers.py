"""The test servers: the app under waitress on loopback, in a thread that starts and stops it."""
import threading

from waitress.server import create_server


class ThreadedServer:
    """A WSGI app under waitress on 127.0.0.1 (port 0: any free one), served by a thread of its own.

    It stops in its own thread: closing its sockets from another one, while its loop waits on them in select(),
    fails that loop with a bad file descriptor (and pytest reports the thread's error in a later test).
    """

    def __init__(self, app, port=0):
        self.server = create_server(app, host="127.0.0.1", port=port, threads=4)
        self.port = self.server.effective_port
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self):
        from waitress import wasyncore

        while not self.stopping.is_set():
            wasyncore.loop(timeout=0.05, map=self.server._map, count=1)
        self.server.task_dispatcher.shutdown()
        wasyncore.close_all(self.server._map)

    def start(self):
        self.thread.start()
        return self

    def close(self):
        self.stopping.set()
        self.thread.join(timeout=10)
