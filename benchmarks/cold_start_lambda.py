"""Cold start of the Lambda package run the way Lambda runs it, through awslambdaric and a Runtime API on loopback,
against a hello-world Flask app packaged the same way (same zappa settings, same build), and the warm time per event.

    .venv/bin/python benchmarks/cold_start_lambda.py [--runs N] [--runtime python3.11 --runtime python3.12]

Each run is a fresh `python -I -S` of the runtime's Python that sees only the unzipped package and the stand-in
/var/runtime (awslambdaric, boto3), started by tools/lambda_stand_in.py. It times Lambda's init phase (from the
process's start to its first request for an event: importing handler.py, which builds the app when
INSTANTIATE_LAMBDA_HANDLER_ON_IMPORT is set, as the stages set it), the first event (POST an assessment: with the
static copy serving the content GETs, that is what Lambda answers), then warm events, each through the Runtime API
as on Lambda. The apps (and runtimes) alternate, run after run, so that all see the same machine. Figures are medians.
"""
import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tools import lambda_python  # noqa: E402  (the root must be on the path first)
from tools.lambda_stand_in import function_env, run, stage_setting  # noqa: E402

STAGE = "production"
WARM_EVENTS = 100
ASSESSMENT = {"answers": {"warning_signs": ["none"], "other_signs": ["none"], "areas": ["eyelid"],
                          "sleep": "under_5h", "caffeine": "5_plus", "stress": "high"}}


def event(method, path, body=None, headers=None):
    return {"version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": "",
            "headers": {"host": "api.example.org", "content-type": "application/json", **(headers or {})},
            "requestContext": {"http": {"method": method, "path": path, "protocol": "HTTP/1.1",
                                        "sourceIp": "203.0.113.9"}, "stage": "$default"},
            "body": body, "isBase64Encoded": False}


def build(python, project, output, runtime):
    subprocess.run([str(python), str(ROOT / "tools" / "build-package"), STAGE, "--output", str(output),
                    "--project", str(project), "--runtime", runtime], check=True, stdout=subprocess.DEVNULL)
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
        for policy in ("attach_policy", "assume_policy"):  # files of ours, read by `zappa package`: not needed
            stage.pop(policy, None)
    (folder / "zappa_settings.json").write_text(json.dumps(settings), encoding="utf-8")
    return folder


def unzip(archive, target):
    with zipfile.ZipFile(archive) as z:
        z.extractall(target)
    return target


def run_once(python, task_root, var_runtime, env, etag):
    """One cold function: init, the first event, then WARM_EVENTS of each kind; times in ms."""
    assess = event("POST", "/api/v1/assessments", json.dumps(ASSESSMENT))
    kinds = [("assessment", assess), ("content", event("GET", "/api/v1/content")),
             ("content_304", event("GET", "/api/v1/content", headers={"if-none-match": f'"{etag}"'}))]
    events = [assess] + [e for _, e in kinds for _ in range(WARM_EVENTS)]
    results, timings, _ = run(python, task_root, var_runtime, events, env)
    assert results[0]["statusCode"] == 200, results[0]
    figures = {"init_ms": timings["init"], "first_event_ms": timings["events"][0]}
    for n, (name, _) in enumerate(kinds):
        chunk = timings["events"][1 + n * WARM_EVENTS:1 + (n + 1) * WARM_EVENTS]
        figures[f"warm_{name}_ms"] = statistics.median(chunk)
    return figures


def medians(runs):
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--runtime", action="append", help="python3.X (repeat to compare; default: the stage's)")
    args = parser.parse_args()
    runtimes = args.runtime or [stage_setting("runtime", STAGE)]
    etag = json.loads(subprocess.run([sys.executable, "-c", "import json; from api.content import load_content; "
                                      "print(json.dumps(load_content()['version']))"], cwd=ROOT, check=True,
                                     capture_output=True, text=True).stdout)
    with tempfile.TemporaryDirectory(prefix="twitch-cold-start-") as work:
        work = Path(work)
        hello_dir = hello_project(work / "hello")
        setups, sizes = {}, {}
        for runtime in runtimes:
            python, var_runtime = lambda_python.ensure(runtime)
            ours_zip = build(python, ROOT, work / f"twitch-{runtime}.zip", runtime)
            hello_zip = build(python, hello_dir, work / f"hello-{runtime}.zip", runtime)
            sizes[runtime] = (ours_zip.stat().st_size / 2**20, hello_zip.stat().st_size / 2**20)
            env = function_env(runtime, STAGE, "bench")
            for app, archive in (("ours", ours_zip), ("hello", hello_zip)):
                setups[(runtime, app)] = (python, unzip(archive, work / f"{app}-{runtime}"), var_runtime, env)
        for setup in setups.values():
            run_once(*setup, etag)  # warm the file cache
        results = {key: [] for key in setups}
        for n in range(args.runs):
            for key, setup in setups.items():
                results[key].append(run_once(*setup, etag))
            print(f"run {n + 1} of {args.runs} done", file=sys.stderr)
    m = {key: medians(runs) for key, runs in results.items()}

    def cold(f):
        return f["init_ms"] + f["first_event_ms"]

    print(f"through awslambdaric; {args.runs} fresh functions each, medians; {WARM_EVENTS} warm events of each kind")
    rows = [("cold: init + first event", None), ("init (import handler.py, build app)", "init_ms"),
            ("first event (POST assessment)", "first_event_ms"), ("warm POST /assessments", "warm_assessment_ms"),
            ("warm GET /content", "warm_content_ms"), ("warm GET /content 304", "warm_content_304_ms")]
    for runtime in runtimes:
        ours, hello = m[(runtime, "ours")], m[(runtime, "hello")]
        print(f"\n{runtime}: zip {sizes[runtime][0]:.2f} MiB (hello-world {sizes[runtime][1]:.2f} MiB)")
        print(f"{'ms':38}{'ours':>10}{'hello':>10}{'ratio':>8}")
        for label, key in rows:
            a, b = (cold(ours), cold(hello)) if key is None else (ours[key], hello[key])
            print(f"{label:38}{a:10.2f}{b:10.2f}{a / b:8.2f}")


if __name__ == "__main__":
    main()
