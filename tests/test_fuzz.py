"""Fuzzing: schemathesis with every check, against the app on loopback, from the app's own OpenAPI document.

All four phases run (the document's examples, coverage of each schema's edges, random valid and invalid data,
and stateful sequences through the inferred links). Zero failures means: no 5xx, every response conforms to the
document (status, content type, headers, body), valid data is accepted and invalid data rejected. The CLI runs in
a subprocess so that hypothesis's own warnings stay out of this suite's `filterwarnings = error`; the seed of a
failing run is in the output, to replay it with `st run ... --seed SEED`.
"""
import re
import subprocess
import sys

MAX_EXAMPLES = 50  # per operation and phase: 13 operations take about 25 s
# One worker: with two, hypothesis describes schemathesis's filter lambdas by parsing its source in both threads
# at once, and CPython 3.11's ast.parse is not safe for that ("AST constructor recursion depth mismatch": a runtime
# error in the tool, seen in 3 runs of 4 once path ids became patterned strings).
WORKERS = 1
TIME_LIMIT = 600  # seconds: a hard stop far above the usual run, so CI cannot hang here
# `lang` and `trigger` are open strings (v1 may add languages and triggers), so a schema-valid value may be one the
# content lacks: GETs may answer it with their documented 422 naming the parameter. An assessment keeps the strict
# default (a schema-valid body is a 200), with `lang` fixed to a language the content has.
CONFIG = """
[[operations]]
include-method = "GET"
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]

[[operations]]
include-method = "POST"
parameters = { "query.lang" = "es" }
"""


def test_schemathesis_finds_no_failure(live_server, tmp_path):
    (tmp_path / "schemathesis.toml").write_text(CONFIG, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "--config-file", "schemathesis.toml", "run",
         f"{live_server.url}/api/v1/openapi.json",
         "--checks", "all", "--max-examples", str(MAX_EXAMPLES), "--workers", str(WORKERS), "--request-timeout", "10",
         "--generation-database", "none", "--no-color"],
        cwd=tmp_path, capture_output=True, text=True, timeout=TIME_LIMIT)
    report = run.stdout + run.stderr
    assert run.returncode == 0, f"schemathesis found failures:\n{report[-12000:]}"
    selected = re.search(r"(\d+) selected / (\d+) total", report)
    assert "No issues found" in report and selected and selected[1] == selected[2] != "0", report[-3000:]
