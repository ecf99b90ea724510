"""Cold start: a fresh process importing api.wsgi and answering its first GET /api/v1/content,
against a fresh process doing the same with a hello-world Flask + flask-cors + marshmallow app.
Both are whole-process wall times (interpreter start included), interleaved, median of RUNS."""
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 15
TARGET_RATIO = 1.3

FIRST_REQUEST = """
import io
from werkzeug.test import EnvironBuilder
from {module} import app
environ = EnvironBuilder(path="{path}").get_environ()
status = []
body = b"".join(app(environ, lambda s, h, e=None: status.append(s)))
assert status[0].startswith("200"), status
"""

HELLO = """
from flask import Flask, jsonify
from flask_cors import CORS
from marshmallow import Schema, fields

class Hello(Schema):
    message = fields.String()

app = Flask(__name__)
CORS(app)

@app.get("/api/v1/content")
def content():
    return jsonify(Hello().dump({"message": "hello"}))
"""


def run_once(code, cwd):
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=cwd, check=True)
    return (time.perf_counter() - start) * 1000


def main(tmp=Path("/tmp/twitch-cold-start")):
    tmp.mkdir(exist_ok=True)
    (tmp / "hello_app.py").write_text(HELLO)
    ours_code = FIRST_REQUEST.format(module="api.wsgi", path="/api/v1/content")
    hello_code = FIRST_REQUEST.format(module="hello_app", path="/api/v1/content")
    run_once(ours_code, ROOT), run_once(hello_code, tmp)  # warm the OS file cache for both
    ours, hello = [], []
    for _ in range(RUNS):
        ours.append(run_once(ours_code, ROOT))
        hello.append(run_once(hello_code, tmp))
    ours_ms, hello_ms = statistics.median(ours), statistics.median(hello)
    ratio = ours_ms / hello_ms
    print(f"cold start: api.wsgi first /api/v1/content {ours_ms:.0f} ms, hello-world {hello_ms:.0f} ms, "
          f"ratio {ratio:.2f} (target at most {TARGET_RATIO}) {'OK' if ratio <= TARGET_RATIO else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
