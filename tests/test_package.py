"""The Lambda package as API Gateway calls it: built by tools/build-package with the stage runtime's Python (a lean
venv, tools/lambda_python.py), unzipped, and handler.lambda_handler fed REST (v1) and HTTP API (v2) events in a
fresh Python that sees only the zip and what Lambda itself provides; every documented GET goes through awslambdaric,
Lambda's own runtime interface client, as Lambda runs it."""
import base64
import gzip
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import brotli
import pytest
from packaging.requirements import Requirement

from api import create_app, openapi
from tools import lambda_python, lambda_stand_in

ROOT = Path(__file__).resolve().parent.parent
STAGE = "production"  # what ships: no debug, HSTS on
MAX_ZIP_BYTES = 10 * 1024 * 1024
# Zappa's handler.py imports these from the zip; requirements.txt pins only what the app needs.
HANDLER_DISTRIBUTIONS = {"zappa", "durationpy"}
LOCAL_ONLY = {"waitress"}  # the local WSGI server; Lambda is the server there
HOST_V1 = "a1b2c3d4e5.execute-api.eu-west-2.amazonaws.com"
ANSWERS = {"answers": {"warning_signs": ["none"], "other_signs": ["none"], "areas": ["eyelid"], "sleep": "under_5h", "caffeine": "5_plus"}}

DRIVER = """
import json, os, sys
task_root, runtime_dir, events_file = sys.argv[1:4]
sys.path[:0] = [task_root, runtime_dir]
os.chdir(task_root)

class Context:
    function_name = os.environ["AWS_LAMBDA_FUNCTION_NAME"]
    function_version = "$LATEST"
    memory_limit_in_mb = 512
    aws_request_id = "c6af9ac6-7b61-11e6-9a41-93e812345678"
    invoked_function_arn = "arn:aws:lambda:eu-west-2:123456789012:function:" + function_name
    def get_remaining_time_in_millis(self):
        return 10000

import handler
events = json.load(open(events_file))
results = [handler.lambda_handler(event, Context()) for event in events]
sys.stdout = sys.__stdout__
print("\\n@@RESULTS@@" + json.dumps(results))
"""


def stage_setting(name, stage=STAGE):
    return lambda_stand_in.stage_setting(name, stage)


@pytest.fixture(scope="session")
def lambda_env():
    """The stage runtime's Python (a lean venv, as `make package` uses) and the stand-in for Lambda's /var/runtime."""
    return lambda_python.ensure(stage_setting("runtime"))


@pytest.fixture(scope="session")
def package_zip(tmp_path_factory, lambda_env):
    """The production zip, built once per session, with no AWS credentials anywhere in reach."""
    output = tmp_path_factory.mktemp("package") / f"twitch-{STAGE}.zip"
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env.update(AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
    python, _ = lambda_env
    subprocess.run([str(python), str(ROOT / "tools" / "build-package"), STAGE, "--output", str(output)],
                   cwd=ROOT, env=env, check=True, timeout=600, capture_output=True, text=True)
    return output


@pytest.fixture(scope="session")
def task_root(package_zip, tmp_path_factory):
    """The zip unpacked, as Lambda unpacks it into /var/task."""
    target = tmp_path_factory.mktemp("task")
    with zipfile.ZipFile(package_zip) as archive:
        archive.extractall(target)
    return target


@pytest.fixture(scope="session")
def lambda_runtime(lambda_env):
    """Where the Python the zip was built for lives, and the folder standing in for Lambda's own libraries."""
    return lambda_env


def invoke(task_root, lambda_runtime, events, tmp_path):
    """Send the events, in order, to handler.lambda_handler in one fresh Python process: its results."""
    events_file = tmp_path / "events.json"
    events_file.write_text(json.dumps(events), encoding="utf-8")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "TZ": ":UTC",
           "LAMBDA_TASK_ROOT": str(task_root), "AWS_REGION": stage_setting("aws_region"),
           "AWS_LAMBDA_FUNCTION_NAME": f"{stage_setting('project_name')}-{STAGE}",
           **(stage_setting("aws_environment_variables") or {})}
    python, var_runtime = lambda_runtime
    # -I -S: no site-packages, no user site, no PYTHON* variables: only the zip and the stand-in runtime.
    run = subprocess.run([str(python), "-I", "-S", "-c", DRIVER, str(task_root), str(var_runtime), str(events_file)],
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, f"the packaged handler failed:\n{run.stderr[-4000:]}"
    return json.loads(run.stdout.split("@@RESULTS@@", 1)[1])


def rest_event(method, path, headers=None, body=None, query=None):
    """An API Gateway REST API (v1) proxy event. With binary support on, API Gateway base64-encodes every body."""
    headers = {"Host": HOST_V1, "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9, 130.176.0.1",
               "User-Agent": "pytest", **(headers or {})}
    encoded = base64.b64encode(body).decode() if body is not None else None
    return {
        "resource": "/{proxy+}", "path": path, "httpMethod": method,
        "headers": headers, "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "queryStringParameters": query, "multiValueQueryStringParameters": {k: [v] for k, v in query.items()} if query else None,
        "pathParameters": {"proxy": path.lstrip("/")}, "stageVariables": None,
        "requestContext": {"resourcePath": "/{proxy+}", "httpMethod": method, "path": f"/{STAGE}{path}",
                           "stage": STAGE, "requestId": "req-v1", "identity": {"sourceIp": "203.0.113.9"},
                           "domainName": HOST_V1, "apiId": "a1b2c3d4e5"},
        "body": encoded, "isBase64Encoded": body is not None,
    }


def http_api_event(method, path, headers=None, body=None, query=None):
    """An API Gateway HTTP API (v2) event on the $default stage; text bodies arrive as they are."""
    headers = {"host": "api.example.org", "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.9",
               "user-agent": "pytest", **{k.lower(): v for k, v in (headers or {}).items()}}
    return {
        "version": "2.0", "routeKey": "$default", "rawPath": path,
        "rawQueryString": "&".join(f"{k}={v}" for k, v in (query or {}).items()),
        "headers": headers,
        "requestContext": {"http": {"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "203.0.113.9",
                                    "userAgent": "pytest"}, "stage": "$default", "requestId": "req-v2",
                           "domainName": "api.example.org", "apiId": "f6g7h8"},
        "body": body.decode("utf-8") if body is not None else None, "isBase64Encoded": False,
    }


def an_icon():
    """An app icon's path and bytes: the first PNG the web manifest names, or any PNG the app ships."""
    frontend = ROOT / "frontend"
    for manifest in sorted(frontend.rglob("*.webmanifest")):
        for icon in json.loads(manifest.read_text(encoding="utf-8")).get("icons", []):
            if icon.get("type", "image/png") == "image/png":
                path = (manifest.parent / icon["src"].lstrip("/")) if not icon["src"].startswith("/") else frontend / icon["src"].lstrip("/")
                if path.is_file():
                    return "/" + path.relative_to(frontend).as_posix(), path.read_bytes()
    pngs = sorted(p for p in frontend.rglob("*.png") if "tests" not in p.parts)
    assert pngs, "the app ships no PNG icon under frontend/: the package test needs one to check binary responses"
    return "/" + pngs[0].relative_to(frontend).as_posix(), pngs[0].read_bytes()


SCENARIOS = ("home", "health", "content", "content_again", "assessment", "not_json", "bad_answers",
             "unknown_path", "preflight", "content_br", "content_gzip", "assessment_br", "assessment_gzip")
ENCODINGS = {"br": brotli.decompress, "gzip": gzip.decompress}


def scenario_events(make_event, etag=None):
    return [
        make_event("GET", "/", headers={"Accept": "text/html"}),
        make_event("GET", "/api/v1/health"),
        make_event("GET", "/api/v1/content", headers={"Origin": "https://another-app.example"}),
        make_event("GET", "/api/v1/content", headers={"If-None-Match": f'"{etag}"'}),
        make_event("POST", "/api/v1/assessments", headers={"Content-Type": "application/json"},
                   body=json.dumps(ANSWERS).encode()),
        make_event("POST", "/api/v1/assessments", headers={"Content-Type": "application/json"}, body=b"{not json"),
        make_event("POST", "/api/v1/assessments", headers={"Content-Type": "application/json"},
                   body=json.dumps({"answers": {"sleep": ["under_5h"], "mood": "fine"}}).encode()),
        make_event("GET", "/api/v1/no-such-thing"),
        make_event("OPTIONS", "/api/v1/assessments", headers={
            "Origin": "https://another-app.example", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type"}),
        *(make_event("GET", "/api/v1/content", headers={"Accept-Encoding": encoding}) for encoding in ENCODINGS),
        *(make_event("POST", "/api/v1/assessments", headers={"Content-Type": "application/json",
                                                             "Accept-Encoding": encoding},
                     body=json.dumps(ANSWERS).encode()) for encoding in ENCODINGS),
    ]


@pytest.fixture(scope="session", params=["v1", "v2"])
def responses(request, task_root, lambda_runtime, tmp_path_factory, content):
    """Each scenario's response from one cold process: the first event is the container's first."""
    make_event = rest_event if request.param == "v1" else http_api_event
    events = scenario_events(make_event, etag=content["version"])
    results = invoke(task_root, lambda_runtime, events, tmp_path_factory.mktemp(f"events-{request.param}"))
    return request.param, dict(zip(SCENARIOS, results))


@pytest.fixture(scope="session", params=["v1", "v2"])
def icon_response(request, task_root, lambda_runtime, tmp_path_factory):
    icon_path, icon_bytes = an_icon()
    make_event = rest_event if request.param == "v1" else http_api_event
    [response] = invoke(task_root, lambda_runtime, [make_event("GET", icon_path, headers={"Accept": "image/png"})],
                        tmp_path_factory.mktemp(f"icon-{request.param}"))
    return response, icon_bytes


def header(response, name):
    found = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
    return found.get(name.lower())


def body_bytes(response):
    body = response.get("body") or ""
    return base64.b64decode(body) if response.get("isBase64Encoded") else body.encode("utf-8")


def body_json(response):
    return json.loads(body_bytes(response))


# --- the zip itself ---

def test_zip_fits_the_limit(package_zip):
    assert package_zip.stat().st_size <= MAX_ZIP_BYTES


def test_zip_leaves_out_tests_tooling_and_what_lambda_provides(package_zip):
    with zipfile.ZipFile(package_zip) as archive:
        top = {name.split("/", 1)[0] for name in archive.namelist()}
    for unwanted in ("tests", "benchmarks", "tools", "docs", "node_modules", ".venv", "build", ".git",
                     "playwright", "pytest", "_pytest", "schemathesis", "hypothesis", "boto3", "botocore", "waitress"):
        assert unwanted not in top, f"{unwanted} is in the Lambda zip; add it to `exclude` in zappa_settings.json"
    for needed in ("handler.py", "zappa_settings.py", "api", "content", "frontend", "flask", "zappa"):
        assert needed in top, f"{needed} is missing from the Lambda zip"


def _runtime_distributions():
    """requirements.txt's packages and everything they require (markers evaluated here), plus Zappa's handler."""
    wanted = set(HANDLER_DISTRIBUTIONS)
    queue = [Requirement(line.split("#")[0].strip()) for line in (ROOT / "requirements.txt").read_text().splitlines()
             if line.split("#")[0].strip()]
    while queue:
        requirement = queue.pop()
        name = re.sub(r"[-_.]+", "_", requirement.name).lower()
        if name in wanted or name in LOCAL_ONLY or (requirement.marker and not requirement.marker.evaluate({"extra": ""})):
            continue
        wanted.add(name)
        queue.extend(Requirement(r) for r in importlib.metadata.requires(requirement.name) or ())
    return wanted


def test_zip_holds_only_what_runs_on_lambda(package_zip):
    with zipfile.ZipFile(package_zip) as archive:
        packed = {re.sub(r"[-_.]+", "_", m.group(1)).lower()
                  for m in (re.match(r"([^/]+?)-[^-/]+\.dist-info/METADATA$", n) for n in archive.namelist()) if m}
    runtime = _runtime_distributions()
    extra, missing = sorted(packed - runtime), sorted(runtime - packed)
    assert not extra, f"the Lambda zip carries packages nothing runs there: {extra}; add them to `exclude` in zappa_settings.json"
    assert not missing, f"the Lambda zip lacks runtime packages: {missing}; take them out of `exclude`"


CACHE_DRIVER = """
import sys
sys.path[:0] = [sys.argv[1], sys.argv[2]]
import api.content as content
def check(folder):
    raise SystemExit("the content was checked again: the zip holds no checked bundle for this runtime")
content.check = check
print(sorted(content.load_bundles()))
"""


def test_a_cold_start_reads_the_checked_content_from_the_zip(task_root, lambda_runtime):
    """Checking every content file costs more than the rest of a cold start: the zip carries the bundle the build
    checked, with this runtime and these libraries, where the stage's TWITCH_CONTENT_CACHE points."""
    python, var_runtime = lambda_runtime
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
           **(stage_setting("environment_variables") or {})}
    run = subprocess.run([str(python), "-I", "-S", "-c", CACHE_DRIVER, str(task_root), str(var_runtime)],
                         cwd="/", env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "['en', 'es']"


def test_production_is_careful():
    assert stage_setting("debug", "production") is False
    assert stage_setting("runtime", "production") == "python3.12"  # 3.11 on Lambda is deprecated in 2027
    assert stage_setting("app_function", "production") == "api.wsgi.app"
    assert stage_setting("binary_support", "production") is True
    assert stage_setting("environment_variables", "production")["TWITCH_HSTS"] == "true"
    assert stage_setting("cloudwatch_data_trace", "production") is False  # would log request bodies: answers


# --- the handler, as API Gateway calls it ---

def test_home_is_the_app(responses):
    _, r = responses
    assert r["home"]["statusCode"] == 200
    assert header(r["home"], "Content-Type").startswith("text/html")
    assert not r["home"].get("isBase64Encoded")
    assert b"<html" in body_bytes(r["home"]).lower()


def test_health(responses, content):
    _, r = responses
    assert r["health"]["statusCode"] == 200
    assert body_json(r["health"]) == {"status": "ok", "content_version": content["version"]}


def test_content_has_an_etag_then_304(responses, content):
    _, r = responses
    assert r["content"]["statusCode"] == 200
    assert header(r["content"], "ETag") == f'"{content["version"]}"'
    assert "max-age" in header(r["content"], "Cache-Control")
    assert header(r["content"], "Access-Control-Allow-Origin") == "*"
    assert body_json(r["content"])["version"] == content["version"]
    assert r["content_again"]["statusCode"] == 304
    assert not body_bytes(r["content_again"])


def test_assessment(responses):
    _, r = responses
    assert r["assessment"]["statusCode"] == 200
    result = body_json(r["assessment"])
    assert result["triage"]["level"] == "self_care"
    assert "sleep" in [t["id"] for t in result["triggers"]]
    assert header(r["assessment"], "Cache-Control") == "no-store"


@pytest.mark.parametrize("scenario, status", [("not_json", 400), ("bad_answers", 422), ("unknown_path", 404)])
def test_problems(responses, scenario, status):
    _, r = responses
    response = r[scenario]
    assert response["statusCode"] == status
    assert header(response, "Content-Type").startswith("application/problem+json")
    assert not response.get("isBase64Encoded"), "problem+json must reach clients as text, not base64"
    problem = body_json(response)
    assert problem["status"] == status and problem["title"] and problem["detail"]


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("scenario", ["content", "assessment"])
def test_compressed_when_asked_as_base64_that_decodes_to_the_same_json(responses, scenario, encoding):
    _, r = responses
    plain, packed = r[scenario], r[f"{scenario}_{encoding}"]
    assert plain["statusCode"] == packed["statusCode"] == 200
    assert header(plain, "Content-Encoding") is None
    assert not plain.get("isBase64Encoded"), "an uncompressed JSON body reaches clients as text"
    assert header(packed, "Content-Encoding") == encoding
    assert packed["isBase64Encoded"] is True, "API Gateway passes binary bodies on only as base64"
    body = base64.b64decode(packed["body"])
    assert len(body) < len(body_bytes(plain))
    assert json.loads(ENCODINGS[encoding](body)) == body_json(plain)
    assert "accept-encoding" in header(packed, "Vary").lower()
    if scenario == "content":
        assert header(packed, "ETag") not in (None, header(plain, "ETag"))


def test_api_gateway_does_not_compress_again():
    assert not stage_setting("payload_compression"), "the app compresses (api/compression.py); twice breaks bodies"


def test_bad_answers_name_each_field(responses):
    _, r = responses
    fields = {e["field"] for e in body_json(r["bad_answers"])["errors"]}
    assert {"answers.sleep", "answers.mood"} <= fields


def test_icon_is_binary(icon_response):
    response, icon_bytes = icon_response
    assert response["statusCode"] == 200
    assert header(response, "Content-Type") == "image/png"
    assert response["isBase64Encoded"] is True
    assert body_bytes(response) == icon_bytes
    assert header(response, "X-Content-Type-Options") == "nosniff"


def test_cors_preflight(responses):
    _, r = responses
    preflight = r["preflight"]
    assert preflight["statusCode"] == 200
    assert header(preflight, "Access-Control-Allow-Origin") == "*"
    assert "POST" in header(preflight, "Access-Control-Allow-Methods")
    assert header(preflight, "Access-Control-Allow-Credentials") is None


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_security_headers_everywhere(responses, scenario):
    _, r = responses
    response = r[scenario]
    assert "frame-ancestors 'none'" in header(response, "Content-Security-Policy")
    assert header(response, "X-Content-Type-Options") == "nosniff"
    assert header(response, "Referrer-Policy") == "no-referrer"
    assert header(response, "Strict-Transport-Security").startswith("max-age=")  # production sets TWITCH_HSTS


# --- every documented GET, through awslambdaric as Lambda runs the function ---

def documented_gets(content):
    """Each GET the OpenAPI document names, as (path, query): every id the content has (not the document's list) in
    each path, each query value the content allows, and each language given or not; then the document and its page."""
    languages = [language["id"] for language in content["languages"]]
    query_values = {"lang": languages, "trigger": [trigger["id"] for trigger in content["triggers"]]}
    pages = []
    for path, item in openapi.document(create_app())["paths"].items():
        operation = item.get("get")
        if operation is None:
            continue
        paths = [path]
        for parameter in (p for p in operation.get("parameters", []) if p["in"] == "path"):
            collection = path.split("/{", 1)[0].rsplit("/", 1)[1]  # /api/v1/triggers/{id}: the content's triggers
            assert collection in content, f"{path}: which content list holds its {parameter['name']}s?"
            paths = [p.replace("{" + parameter["name"] + "}", entry["id"]) for p in paths for entry in content[collection]]
        in_query = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
        unknown = set(in_query) - set(query_values)
        assert not unknown, f"{path}: the package test does not know the values of {unknown}"
        for concrete in paths:
            for lang in [None, *languages]:
                base = {"lang": lang} if lang else {}
                pages.append((concrete, base))
                for name in set(in_query) - {"lang"}:
                    pages.extend((concrete, {**base, name: value}) for value in query_values[name])
    return [*pages, ("/api/v1/openapi.json", {}), ("/api/docs", {})]


@pytest.fixture(scope="session")
def documented_answers(task_root, lambda_runtime, content):
    """Every documented GET as a REST API event, answered by one function started through awslambdaric."""
    python, var_runtime = lambda_runtime
    pages = documented_gets(content)
    env = lambda_stand_in.function_env(stage_setting("runtime"), STAGE, f"{stage_setting('project_name')}-{STAGE}")
    results, timings, _ = lambda_stand_in.run(python, task_root, var_runtime,
                                              [rest_event("GET", path, query=query or None) for path, query in pages], env)
    return pages, results, timings


def test_every_documented_get_answers_through_awslambdaric_as_the_app_does(documented_answers):
    pages, results, timings = documented_answers
    assert len(results) == len(pages) > 200
    assert timings["init"] > 0 and len(timings["events"]) == len(pages)
    client = create_app().test_client()
    for (path, query), response in zip(pages, results):
        where = f"GET {path} {query or ''}"
        assert response["statusCode"] == 200, f"{where}: {response['statusCode']} {body_bytes(response)[:300]!r}"
        # On the execute-api address, Zappa puts the stage before the app's paths (SCRIPT_NAME), as here.
        with client.get(path, query_string=query, base_url=f"https://{HOST_V1}/{STAGE}") as local:
            assert body_bytes(response) == local.get_data(), f"{where}: the package answers other bytes than the app"
            assert header(response, "Content-Type") == local.headers["Content-Type"], where
        if path.startswith("/api/v1/") and path != "/api/v1/openapi.json":
            assert header(response, "Content-Language") == query.get("lang", "en"), where


def test_the_docs_page_and_the_document_through_awslambdaric(documented_answers):
    pages, results, _ = documented_answers
    answers = {path: response for (path, query), response in zip(pages, results) if not query}
    assert b"/api/v1/assessments" in body_bytes(answers["/api/docs"])
    assert body_json(answers["/api/v1/openapi.json"])["paths"]
