"""Security, CORS and caching headers on every kind of response: the app, the docs, the API, and its errors."""
import pytest

from api import create_app

ORIGIN = "https://another-app.example"
BIG = '{"answers": {"sleep": "' + "x" * (17 * 1024) + '"}}'

# (name, method, path, extra request arguments, expected status)
RESPONSES = [
    ("the app", "get", "/", {}, 200),
    ("an app file", "get", "/manifest.webmanifest", {}, 200),
    ("the service worker", "get", "/sw.js", {}, 200),
    ("the docs page", "get", "/api/docs", {}, 200),
    ("the docs stylesheet", "get", "/api/docs/static/docs.css", {}, 200),
    ("the OpenAPI document", "get", "/api/v1/openapi.json", {}, 200),
    ("the content bundle", "get", "/api/v1/content", {}, 200),
    ("a trigger", "get", "/api/v1/triggers/sleep", {}, 200),
    ("health", "get", "/api/v1/health", {}, 200),
    ("an assessment", "post", "/api/v1/assessments", {"json": {"answers": {"sleep": "under_5h"}}}, 200),
    ("body not JSON", "post", "/api/v1/assessments", {"data": "{nope", "content_type": "application/json"}, 400),
    ("answers that do not fit", "post", "/api/v1/assessments", {"json": {"answers": {"mood": "fine"}}}, 422),
    ("a body too large", "post", "/api/v1/assessments", {"data": BIG, "content_type": "application/json"}, 413),
    ("a body not sent as JSON", "post", "/api/v1/assessments", {"data": "{}", "content_type": "text/plain"}, 415),
    ("content not modified", "get", "/api/v1/content", {"headers": {"If-None-Match": "*"}}, 304),
    ("an unknown id", "get", "/api/v1/triggers/nope", {}, 404),
    ("an unknown path", "get", "/api/v1/nope", {}, 404),
    ("a wrong method", "delete", "/api/v1/content", {}, 405),
    ("a CORS preflight", "options", "/api/v1/assessments",
     {"headers": {"Origin": ORIGIN, "Access-Control-Request-Method": "POST"}}, 200),
]
CASES = pytest.mark.parametrize("name, method, path, kwargs, status", RESPONSES, ids=[r[0] for r in RESPONSES])


def fetch(client, method, path, kwargs, status):
    with getattr(client, method)(path, **kwargs) as response:
        assert response.status_code == status
        return response.headers


@CASES
def test_security_headers_on_every_response(client, name, method, path, kwargs, status):
    headers = fetch(client, method, path, kwargs, status)
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" not in headers  # only where HTTPS is certain (production)


def test_an_unexpected_error_is_a_problem_with_the_same_headers(app):
    @app.get("/api/v1/boom")
    def boom():
        raise RuntimeError("a bug")

    with app.test_client().get("/api/v1/boom") as response:
        assert response.status_code == 500
        assert response.headers["Content-Type"] == "application/problem+json"
        assert "a bug" not in response.get_data(as_text=True)
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


@CASES
def test_hsts_in_production(name, method, path, kwargs, status):
    client = create_app({"TESTING": True, "HSTS": True}).test_client()
    headers = fetch(client, method, path, kwargs, status)
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_the_production_stage_turns_hsts_on_through_the_environment(monkeypatch):
    monkeypatch.setenv("TWITCH_HSTS", "true")  # what zappa_settings.json's production stage sets
    with create_app({"TESTING": True}).test_client().get("/api/v1/health") as response:
        assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    monkeypatch.setenv("TWITCH_HSTS", "false")
    with create_app({"TESTING": True}).test_client().get("/api/v1/health") as response:
        assert "Strict-Transport-Security" not in response.headers


@pytest.mark.parametrize("method, path, kwargs", [
    ("get", "/api/v1/content", {}), ("get", "/api/v1/triggers/nope", {}),
    ("get", "/api/v1/content", {"headers": {"If-None-Match": "*"}}), ("get", "/api/v1/openapi.json", {}),
    ("delete", "/api/v1/content", {}),
    ("post", "/api/v1/assessments", {"json": {"answers": {}}}),
    ("post", "/api/v1/assessments", {"json": {"answers": {"mood": "fine"}}}),
    ("post", "/api/v1/assessments", {"data": "{}", "content_type": "text/plain"}),
])
def test_any_origin_may_read_the_api_without_credentials(client, method, path, kwargs):
    kwargs = {**kwargs, "headers": {"Origin": ORIGIN, **kwargs.get("headers", {})}}
    with getattr(client, method)(path, **kwargs) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response.headers
        assert "ETag" in response.headers.get("Access-Control-Expose-Headers", "") or method == "post"


def preflight(client, path, method, headers=None):
    request_headers = {"Origin": ORIGIN, "Access-Control-Request-Method": method}
    if headers:
        request_headers["Access-Control-Request-Headers"] = headers
    with client.options(path, headers=request_headers) as response:
        assert response.status_code == 200
        return response.headers


@pytest.mark.parametrize("path, method, headers, allowed_methods, allowed_headers", [
    ("/api/v1/assessments", "POST", "Content-Type", "POST", "content-type"),
    ("/api/v1/assessments", "POST", "content-type, x-tracking, authorization", "POST", "content-type"),
    ("/api/v1/assessments", "POST", "content-type, traceparent, tracestate, x-request-id", "POST",
     "content-type, traceparent, tracestate, x-request-id"),
    ("/api/v1/content", "GET", "If-None-Match", "GET, HEAD", "if-none-match"),
    ("/api/v1/content", "GET", "if-none-match, traceparent, tracestate, x-request-id", "GET, HEAD",
     "if-none-match, traceparent, tracestate, x-request-id"),
    ("/api/v1/triggers/sleep", "GET", "if-none-match, x-anything", "GET, HEAD", "if-none-match"),
    ("/api/v1/openapi.json", "GET", None, "GET, HEAD", None),
])
def test_a_preflight_allows_only_the_routes_methods_and_the_headers_the_api_uses(client, path, method, headers,
                                                                                 allowed_methods, allowed_headers):
    answer = preflight(client, path, method, headers)
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert answer["Access-Control-Allow-Methods"] == allowed_methods
    assert answer.get("Access-Control-Allow-Headers", "").lower() == (allowed_headers or "")
    assert answer["Access-Control-Max-Age"] == "86400"


@pytest.mark.parametrize("sent, echoed", [("abc-123", True), ("x" * 129, False), ("bad id\u00e9", False), (None, False)])
def test_the_request_id_is_sent_and_readable_by_scripts(client, sent, echoed):
    headers = {"Origin": ORIGIN, **({"X-Request-Id": sent} if sent else {})}
    response = client.get("/api/v1/health", headers=headers)
    assert "X-Request-Id" in response.headers["Access-Control-Expose-Headers"]
    assert (response.headers["X-Request-Id"] == sent) is echoed and len(response.headers["X-Request-Id"]) <= 128


@pytest.mark.parametrize("path, method", [("/api/v1/content", "DELETE"), ("/api/v1/content", "POST"),
                                          ("/api/v1/assessments", "PUT"), ("/api/v1/assessments", "GET")])
def test_a_preflight_for_a_method_the_route_does_not_take_allows_nothing(client, path, method):
    answer = preflight(client, path, method, "Content-Type")
    assert "Access-Control-Allow-Methods" not in answer and "Access-Control-Allow-Headers" not in answer


def test_a_preflight_allows_posting_json_and_is_cached(client):
    with client.options("/api/v1/assessments", headers={
            "Origin": ORIGIN, "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type"}) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "POST" in response.headers["Access-Control-Allow-Methods"]
        assert "content-type" in response.headers["Access-Control-Allow-Headers"].lower()
        assert response.headers["Access-Control-Max-Age"] == "86400"


def test_the_app_itself_grants_no_cross_origin_reads(client):
    with client.get("/", headers={"Origin": ORIGIN}) as response:
        assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize("method, path, kwargs, cache", [
    ("get", "/api/v1/content", {}, "public, max-age=300, must-revalidate"),
    ("get", "/api/v1/faq", {}, "public, max-age=300, must-revalidate"),
    ("get", "/api/v1/health", {}, "no-store"),
    ("post", "/api/v1/assessments", {"json": {"answers": {}}}, "no-store"),
    ("get", "/api/v1/triggers/nope", {}, "no-store"),
    ("get", "/api/v1/openapi.json", {}, "public, max-age=300, must-revalidate"),
    ("get", "/api/docs", {}, "public, max-age=300, must-revalidate"),
    ("options", "/api/v1/assessments", {"headers": {"Origin": ORIGIN, "Access-Control-Request-Method": "POST"}},
     "no-store"),
    ("options", "/api/v1/content", {"headers": {"Origin": ORIGIN, "Access-Control-Request-Method": "GET"}},
     "no-store"),
    ("get", "/", {}, "no-cache"),
])
def test_caching_is_as_documented(client, method, path, kwargs, cache):
    with getattr(client, method)(path, **kwargs) as response:
        assert response.headers["Cache-Control"] == cache


def test_content_revalidates_with_its_etag(client, content):
    first = client.get("/api/v1/content")
    assert first.headers["ETag"] == f'"{content["version"]}"'
    again = client.get("/api/v1/content", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == first.headers["ETag"]


def test_the_page_s_inline_script_and_style_are_allowed_by_their_hashes_and_nothing_else(client):
    """frontend/csp-hashes.json (written by `make index-html`) holds the hashes of exactly the page's inline blocks."""
    import base64
    import hashlib
    import re
    from pathlib import Path

    page = (Path(__file__).resolve().parents[1] / "frontend" / "index.html").read_text(encoding="utf-8")
    policy = dict(part.split(" ", 1) for part in client.get("/").headers["Content-Security-Policy"].split("; "))
    for tag, directive in (("script", "script-src"), ("style", "style-src")):
        blocks = re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.S)
        assert blocks, f"index.html has no inline {tag}"
        hashes = {f"'sha256-{base64.b64encode(hashlib.sha256(b.encode()).digest()).decode()}'" for b in blocks}
        assert set(policy[directive].split()) == {"'self'", *hashes}, "run `make index-html`"


def test_every_header_is_added_by_one_policy_function(app):
    assert [f.__name__ for f in app.after_request_funcs[None]] == ["apply_policy"]
    assert not app.before_request_funcs.get("api") and not app.after_request_funcs.get("api")


# HTTP manners (spec-v3 section 8): what a client refuses with q=0 it never gets; a 304 says what its 200 said;
# the docs page follows the request's language; no redirect is built from the Host header.
@pytest.mark.parametrize("accept, expected", [
    ("br;q=0", None), ("gzip;q=0", None), ("br;q=0, gzip", "gzip"), ("gzip;q=0, br", "br"),
    ("br;q=0, gzip;q=0", None), ("gzip;q=0, *", "br"), ("br;q=0, *", "gzip"), ("*;q=0", None),
    ("br;q=0.5, gzip", "gzip"), ("identity;q=1, br;q=0.5", None),
])
def test_an_encoding_refused_with_q_0_is_never_sent(client, accept, expected):
    response = client.get("/api/v1/content", headers={"Accept-Encoding": accept})
    assert response.status_code == 200 and response.headers.get("Content-Encoding") == expected


@pytest.mark.parametrize("accept, expected", [
    ("es;q=0", "en"), ("es;q=0, en;q=0.5", "en"), ("es;q=0, *", "en"), ("en;q=0, es;q=0.1", "es"),
    ("es-MX;q=0, en", "en"), ("es", "es"),
])
def test_a_language_refused_with_q_0_is_never_chosen(client, accept, expected):
    response = client.get("/api/v1/content", headers={"Accept-Language": accept})
    assert response.headers["Content-Language"] == expected and response.json["lang"] == expected


@pytest.mark.parametrize("path", ["/api/v1/content", "/api/v1/triggers/sleep", "/api/docs"])
@pytest.mark.parametrize("language", ["es", "en"])
def test_a_304_carries_the_vary_and_content_language_of_its_200(client, path, language):
    headers = {"Accept-Language": language, "Accept-Encoding": "br"}
    first = client.get(path, headers=headers)
    again = client.get(path, headers={**headers, "If-None-Match": first.headers["ETag"]})
    assert first.status_code == 200 and again.status_code == 304
    assert {v.strip() for v in again.headers["Vary"].split(",")} == {v.strip() for v in first.headers["Vary"].split(",")}
    assert "Accept-Language" in first.headers["Vary"]
    assert again.headers["Content-Language"] == first.headers["Content-Language"]


def test_the_docs_page_follows_the_requests_language(client, content):
    from api.content import load_content

    spanish = load_content(lang="es")
    english_page = client.get("/api/docs", headers={"Accept-Language": "en"})
    spanish_page = client.get("/api/docs", headers={"Accept-Language": "es"})
    english_again = client.get("/api/docs")
    assert spanish["version"] in spanish_page.get_data(as_text=True)
    assert content["version"] in english_again.get_data(as_text=True)
    assert english_page.data == english_again.data != spanish_page.data
    assert english_page.headers["ETag"] != spanish_page.headers["ETag"]
    for page in (english_page, spanish_page):
        assert "Accept-Language" in page.headers["Vary"]


@pytest.mark.parametrize("path, target", [("/api//v1/health", "/api/v1/health"),
                                          ("/api/v1//triggers/sleep?lang=es", "/api/v1/triggers/sleep?lang=es")])
def test_a_redirect_is_relative_and_cacheable_whatever_the_host_header(client, path, target):
    response = client.get(path, headers={"Host": "attacker.example", "X-Forwarded-Host": "attacker.example"})
    assert response.status_code == 308
    assert response.headers["Location"] == target
    assert response.headers["Cache-Control"].startswith("public, max-age=")
