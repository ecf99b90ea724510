"""Cold start of the Lambda package: the packaged handler's first event in a fresh process, against a hello-world
Flask app packaged the same way (same zappa settings, same build), and the warm time per event.

    .venv/bin/python benchmarks/cold_start_lambda.py [--runs N]

Each run is a fresh `python -I -S` that sees only the unzipped package and the libraries the Lambda runtime brings
(boto3 and its dependencies), as in /var/task. It times Lambda's init phase (importing handler.py, which builds the
app when INSTANTIATE_LAMBDA_HANDLER_ON_IMPORT is set, as the stages set it), the first event (POST an assessment:
once the static copy serves the GETs, that is what Lambda answers), and then warm events. The two apps alternate,
run after run, so that both see the same machine. Figures are medians.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tools.lambda_stand_in import make_lambda_runtime, stage_setting  # noqa: E402  (the root must be on the path first)

STAGE = "production"
WARM_EVENTS = 300

DRIVER = r"""
import json, os, sys, time
started = time.perf_counter()
task_root, runtime_dir, warm_events = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path[:0] = [task_root, runtime_dir]
os.chdir(task_root)

def event(method, path, body=None, headers=None):
    return {"version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": "",
            "headers": {"host": "api.example.org", "content-type": "application/json", **(headers or {})},
            "requestContext": {"http": {"method": method, "path": path, "protocol": "HTTP/1.1",
                                        "sourceIp": "203.0.113.9"}, "stage": "$default"},
            "body": body, "isBase64Encoded": False}

class Context:
    aws_request_id = "bench"
    def get_remaining_time_in_millis(self):
        return 10000

import handler                                     # Lambda's init phase
imported = time.perf_counter()
assess = event("POST", "/api/v1/assessments",
               json.dumps({"answers": {"warning_signs": ["none"], "areas": ["eyelid"], "sleep": "under_5h",
                                       "caffeine": "5_plus", "stress": "high"}}))
first = handler.lambda_handler(assess, Context())  # the first event
answered = time.perf_counter()
assert first["statusCode"] == 200, first

def per_event(e, status):
    start = time.perf_counter()
    for _ in range(warm_events):
        result = handler.lambda_handler(e, Context())
    assert result["statusCode"] == status, result["statusCode"]
    return (time.perf_counter() - start) * 1000 / warm_events

content = handler.lambda_handler(event("GET", "/api/v1/content"), Context())
etag = {k.lower(): v for k, v in content["headers"].items()}["etag"]
figures = {
    "init_ms": (imported - started) * 1000,
    "first_event_ms": (answered - imported) * 1000,
    "warm_assessment_ms": per_event(assess, 200),
    "warm_content_ms": per_event(event("GET", "/api/v1/content"), 200),
    "warm_content_304_ms": per_event(event("GET", "/api/v1/content", headers={"if-none-match": etag}), 304),
}
import resource
figures["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
sys.stdout = sys.__stdout__
print("@@FIGURES@@" + json.dumps(figures))
"""


def build(project, output):
    subprocess.run([sys.executable, str(ROOT / "tools" / "build-package"), STAGE, "--output", str(output),
                    "--project", str(project)], check=True, stdout=subprocess.DEVNULL)
    return output


def hello_project(folder):
    """The hello-world app in a folder of its own, with our stage settings pointed at it."""
    folder.mkdir()
    shutil.copy(ROOT / "benchmarks" / "hello_app.py", folder / "hello_app.py")
    settings = json.loads((ROOT / "zappa_settings.json").read_text(encoding="utf-8"))
    for stage in settings.values():
        if "app_function" in stage:
            stage["app_function"] = "hello_app.app"
        if "project_name" in stage:
            stage["project_name"] = "hello-world"
    (folder / "zappa_settings.json").write_text(json.dumps(settings), encoding="utf-8")
    return folder


def unzip(archive, target):
    with zipfile.ZipFile(archive) as z:
        z.extractall(target)
    return target



def run_once(task_root, runtime, env):
    run = subprocess.run([sys.executable, "-I", "-S", "-c", DRIVER, str(task_root), str(runtime), str(WARM_EVENTS)],
                         env=env, capture_output=True, text=True, check=False)
    if run.returncode:
        sys.exit(f"the packaged handler failed in {task_root}:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.split("@@FIGURES@@", 1)[1])


def medians(runs):
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="twitch-cold-start-") as work:
        work = Path(work)
        ours_zip = build(ROOT, work / "twitch.zip")
        hello_zip = build(hello_project(work / "hello"), work / "hello.zip")
        ours, hello = unzip(ours_zip, work / "twitch-task"), unzip(hello_zip, work / "hello-task")
        runtime = make_lambda_runtime(work / "var-runtime")
        base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "TZ": ":UTC",
                "AWS_REGION": "eu-west-2", "AWS_LAMBDA_FUNCTION_NAME": "bench"}
        on_import = {**base, **(stage_setting("aws_environment_variables", STAGE) or {})}
        lazy = {k: v for k, v in on_import.items() if k != "INSTANTIATE_LAMBDA_HANDLER_ON_IMPORT"}
        run_once(ours, runtime, on_import), run_once(hello, runtime, on_import)  # warm the file cache
        results = {"ours": [], "hello": [], "ours_lazy": []}
        for _ in range(args.runs):
            results["ours"].append(run_once(ours, runtime, on_import))
            results["hello"].append(run_once(hello, runtime, on_import))
            results["ours_lazy"].append(run_once(ours, runtime, lazy))
        m = {name: medians(runs) for name, runs in results.items()}
        sizes = {name: path.stat().st_size / 2**20 for name, path in (("ours", ours_zip), ("hello", hello_zip))}

    def cold(f):
        return f["init_ms"] + f["first_event_ms"]

    print(f"zip: {sizes['ours']:.2f} MiB ours, {sizes['hello']:.2f} MiB hello-world"
          f"   ({args.runs} fresh processes each, medians, {WARM_EVENTS} warm events each)")
    print(f"{'':34}{'ours':>10}{'hello':>10}{'ratio':>8}")
    rows = [("init (import handler.py, build app)", "init_ms"), ("first event (POST assessment)", "first_event_ms"),
            ("warm POST /assessments", "warm_assessment_ms"), ("warm GET /content", "warm_content_ms"),
            ("warm GET /content 304", "warm_content_304_ms"), ("peak RSS, MB", "max_rss_mb")]
    print(f"{'cold: init + first event, ms':34}{cold(m['ours']):10.1f}{cold(m['hello']):10.1f}"
          f"{cold(m['ours']) / cold(m['hello']):8.2f}")
    for label, key in rows:
        print(f"{label:34}{m['ours'][key]:10.2f}{m['hello'][key]:10.2f}{m['ours'][key] / m['hello'][key]:8.2f}")
    print(f"without INSTANTIATE_LAMBDA_HANDLER_ON_IMPORT: init {m['ours_lazy']['init_ms']:.1f} ms + first event "
          f"{m['ours_lazy']['first_event_ms']:.1f} ms = {cold(m['ours_lazy']):.1f} ms "
          f"(with it: {m['ours']['init_ms']:.1f} + {m['ours']['first_event_ms']:.1f})")


if __name__ == "__main__":
    main()
