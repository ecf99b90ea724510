"""What stands in for AWS Lambda when the packaged handler runs on this machine (tests and benchmarks).

Lambda runs a function as a process of the runtime's Python that imports nothing but /var/task (the unzipped
package) and /var/runtime (awslambdaric, Lambda's runtime interface client, and boto3). awslambdaric imports the
handler (the init phase), then asks the Runtime API, an HTTP service beside it, for the next event, calls the
handler and posts the answer back, event after event. `RuntimeAPI` is that service on loopback, and `run` starts
the function that way: with a bare Python (-I -S: no site-packages, no PYTHON* variables), the zip's folder and the
stand-in /var/runtime from tools/lambda_python.py.
"""
import json
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/2018-06-01/runtime"
# Lambda's own bootstrap: the task root, then the runtime's folder, on the path; awslambdaric runs the handler.
BOOTSTRAP = ("import sys; sys.path[:0] = sys.argv[1:3]; from awslambdaric.__main__ import main; "
             "main(['awslambdaric', sys.argv[3]])")


def stage_setting(name, stage, settings_file=ROOT / "zappa_settings.json"):
    """A stage's setting as Zappa reads it: the stage's own, else the one of the stage it extends."""
    settings = json.loads(settings_file.read_text(encoding="utf-8"))
    config = settings[stage]
    while name not in config and "extends" in config:
        config = settings[config["extends"]]
    return config.get(name)


class RuntimeAPI(ThreadingHTTPServer):
    """Lambda's Runtime API on 127.0.0.1: hands out `events` one at a time, keeps each answer and when it came.

    `marks` holds (what, perf_counter time): "next" each time the function asks for an event (the first ends its
    init phase), "answer" when an answer arrives. `finished` is set once every event is answered or init failed.
    """

    daemon_threads = True

    def __init__(self, events, function_arn="arn:aws:lambda:eu-west-2:123456789012:function:stand-in"):
        super().__init__(("127.0.0.1", 0), _RuntimeHandler)
        self.pending = list(events)
        self.function_arn = function_arn
        self.results, self.errors, self.marks = [], [], []
        self.finished, self.closing = threading.Event(), threading.Event()
        self._lock = threading.Lock()

    @property
    def address(self):
        return f"127.0.0.1:{self.server_port}"

    def next_event(self):
        with self._lock:
            self.marks.append(("next", time.perf_counter()))
            if not self.pending:
                self.finished.set()
                return None
            return len(self.results) + len(self.errors), self.pending.pop(0)

    def answer(self, result=None, error=None):
        with self._lock:
            self.marks.append(("answer", time.perf_counter()))
            (self.results if error is None else self.errors).append(result if error is None else error)
            if error is not None and not self.pending:
                self.finished.set()


class _RuntimeHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # the runtime client keeps one connection open

    def setup(self):
        super().setup()
        # Answers go out at once: with Nagle's algorithm a small answer waits for the client's delayed ACK
        # (about 40 ms), which would swamp the times measured here.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args):
        pass

    def _reply(self, status, body=b"", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path != f"{PREFIX}/invocation/next":
            return self._reply(404)
        handed = self.server.next_event()
        if handed is None:
            # Lambda freezes an idle function here; the caller stops the process, then this closes quietly.
            self.server.closing.wait(300)
            self.close_connection = True
            return None
        number, event = handed
        self._reply(200, json.dumps(event).encode(), {
            "Content-Type": "application/json", "Lambda-Runtime-Aws-Request-Id": f"stand-in-{number}",
            "Lambda-Runtime-Deadline-Ms": str(int(time.time() * 1000) + 30_000),
            "Lambda-Runtime-Invoked-Function-Arn": self.server.function_arn,
            "Lambda-Runtime-Trace-Id": "Root=1-00000000-000000000000000000000000;Sampled=0"})

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.endswith("/response"):
            self.server.answer(result=json.loads(body))
        elif self.path.endswith("/error"):
            self.server.answer(error=json.loads(body or b"{}"))
            if self.path == f"{PREFIX}/init/error":
                self.server.finished.set()
        else:
            return self._reply(404)
        self._reply(202, b'{"status":"OK"}', {"Content-Type": "application/json"})


def function_env(runtime, stage, function_name, extra=None):
    """The environment Lambda gives the function (the parts the handler and awslambdaric read)."""
    return {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": ":UTC",
            "AWS_REGION": stage_setting("aws_region", stage), "AWS_DEFAULT_REGION": stage_setting("aws_region", stage),
            "AWS_EXECUTION_ENV": f"AWS_Lambda_{runtime}", "AWS_LAMBDA_FUNCTION_NAME": function_name,
            "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(stage_setting("memory_size", stage)),
            "_HANDLER": "handler.lambda_handler", **(stage_setting("aws_environment_variables", stage) or {}),
            **(extra or {})}


def run(python, task_root, var_runtime, events, env, timeout=120):
    """Run the function through awslambdaric until it has answered `events`: (results, errors, timings in ms).

    timings: `init` from starting the process to its first request for an event (Lambda's init phase), then
    `events`, each event's time from being handed out to its answer.
    """
    api = RuntimeAPI(events)
    threading.Thread(target=api.serve_forever, daemon=True).start()
    started = time.perf_counter()
    process = subprocess.Popen([str(python), "-I", "-S", "-c", BOOTSTRAP, str(task_root), str(var_runtime),
                                "handler.lambda_handler"], cwd=task_root,
                               env={**env, "LAMBDA_TASK_ROOT": str(task_root), "LAMBDA_RUNTIME_DIR": str(var_runtime),
                                    "AWS_LAMBDA_RUNTIME_API": api.address},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout
    try:
        while not api.finished.wait(0.1):  # until every event is answered, the function dies, or time runs out
            if process.poll() is not None or time.monotonic() > deadline:
                log = process.communicate()[0].decode("utf-8", "replace") if process.poll() is not None else ""
                raise RuntimeError(f"the function answered {len(api.results)} of {len(events)} events "
                                   f"({'it exited' if log or process.poll() is not None else 'out of time'}):\n"
                                   f"{log[-4000:]}")
    finally:
        process.kill()
        log = process.communicate()[0].decode("utf-8", "replace")
        api.closing.set()
        api.shutdown()
        api.server_close()
    nexts = [t for kind, t in api.marks if kind == "next"]
    answers = [t for kind, t in api.marks if kind == "answer"]
    timings = {"init": (nexts[0] - started) * 1000 if nexts else None,
               "events": [(answer - handed) * 1000 for handed, answer in zip(nexts, answers)]}
    if api.errors:
        raise RuntimeError(f"the function failed: {api.errors}\n{log[-4000:]}")
    return api.results, timings, log
