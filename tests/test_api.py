"""The JSON API: routes, caching, CORS, and a clear problem for every bad request."""
import json
import logging
import re

import pytest

GET_ROUTES = ["/api/v1/content", "/api/v1/questionnaire", "/api/v1/triggers", "/api/v1/triggers/sleep",
              "/api/v1/tips", "/api/v1/tips?trigger=caffeine", "/api/v1/conditions", "/api/v1/conditions/als",
              "/api/v1/guide", "/api/v1/faq", "/api/v1/sources"]


@pytest.mark.parametrize("path", GET_ROUTES)
def test_content_routes_are_cacheable_by_content_version(client, content, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["ETag"] == f'"{content["version"]}"'
    assert "max-age" in response.headers["Cache-Control"]
    again = client.get(path, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    stale = client.get(path, headers={"If-None-Match": '"not-the-version"'})
    assert stale.status_code == 200


def test_the_bundle_holds_everything_the_app_needs(client, content):
    bundle = client.get("/api/v1/content").json
    assert bundle["version"] == content["version"]
    for key in ("questionnaire", "triggers", "red_flags", "triage_levels", "tips", "conditions", "guide", "faq",
                "sources", "disclaimer", "license"):
        assert bundle[key], key
    assert bundle["license"]["name"] == "CC BY 4.0"


def test_lists_and_items(client):
    assert len(client.get("/api/v1/triggers").json["triggers"]) == 11
    assert client.get("/api/v1/triggers/sleep").json["id"] == "sleep"
    tips = client.get("/api/v1/tips?trigger=caffeine").json["tips"]
    assert len(tips) >= 3 and {t["trigger"] for t in tips} == {"caffeine"}
    first_tip = client.get("/api/v1/tips").json["tips"][0]
    assert client.get(f"/api/v1/tips/{first_tip['id']}").json == first_tip
    assert [q["id"] for q in client.get("/api/v1/questionnaire").json["questions"]][0] == "warning_signs"
    assert len(client.get("/api/v1/faq").json["faq"]) >= 10


def test_health(client, content):
    response = client.get("/api/v1/health")
    assert response.json == {"status": "ok", "content_version": content["version"]}
    assert response.headers["Cache-Control"] == "no-store"


def test_assessment(client, content):
    response = client.post("/api/v1/assessments", json={"answers": {
        "warning_signs": ["none"], "other_signs": ["none"], "areas": ["eyelid"], "sleep": "under_5h",
        "screen_time": "over_8h"}})
    assert response.status_code == 200
    result = response.json
    assert result["content_version"] == content["version"]
    assert result["triage"]["level"] == "self_care"
    assert [t["id"] for t in result["triggers"]][:2] == ["eye_strain", "sleep"]
    assert result["triggers"][0]["reasons"][0] == {
        "question": "areas", "option": "eyelid",
        "text": "Your eyelid twitches. This is often linked to tired or strained eyes."}
    assert response.headers["Cache-Control"] == "no-store"


def test_an_emergency_answer_is_triaged_as_an_emergency(client):
    result = client.post("/api/v1/assessments", json={"answers": {"warning_signs": ["breathing"]}}).json
    assert result["triage"]["level"] == "emergency_ambulance"
    assert "ambulance" in result["triage"]["title"].lower()


def test_cors_lets_any_origin_read_and_post_without_credentials(client):
    preflight = client.options("/api/v1/assessments", headers={
        "Origin": "https://other.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"})
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Credentials" not in preflight.headers
    response = client.get("/api/v1/content", headers={"Origin": "https://other.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response.headers["Access-Control-Expose-Headers"]


def post(client, body):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post("/api/v1/assessments", data=data, content_type="application/json")


# body, status, the fields the problem must name, words the messages must hold
BAD_BODIES = [
    (b"{not json", 400, ["(body)"], ["not valid JSON"]),
    (b"", 400, ["(body)"], ["not valid JSON"]),
    ([], 422, ["(body)"], ["JSON object"]),
    ("\"answers\"", 422, ["(body)"], ["JSON object"]),
    ({}, 422, ["answers"], ["Missing data"]),
    ({"answers": ["sleep"]}, 422, ["answers"], ["must be an object"]),
    ({"answers": {}, "extra": 1}, 422, ["extra"], ["Unknown field"]),
    ({"answers": {"mood": "low"}}, 422, ["answers.mood"], ["unknown question"]),
    ({"answers": {"sleep": "lots"}}, 422, ["answers.sleep"], ["unknown option 'lots'", "under_5h"]),
    ({"answers": {"areas": ["eyelid", "ear"]}}, 422, ["answers.areas.1"], ["unknown option 'ear'"]),
    ({"answers": {"sleep": ["under_5h"]}}, 422, ["answers.sleep"], ["one option id"]),
    ({"answers": {"areas": "eyelid"}}, 422, ["answers.areas"], ["list of option ids"]),
    ({"answers": {"warning_signs": ["none", "weakness"]}}, 422, ["answers.warning_signs"], ["'none' cannot be picked"]),
    ({"answers": {"areas": ["eyelid", "eyelid"]}}, 422, ["answers.areas"], ["the same option twice"]),
    ({"answers": {"sleep": 5}}, 422, ["answers.sleep"], ["one option id"]),
    ({"answers": {"sleep": None}}, 422, ["answers.sleep"], ["leave the question out"]),
    ({"answers": {"areas": [1]}}, 422, ["answers.areas.0"], ["must be a string"]),
    ({"answers": {"mood": "low", "sleep": "lots", "areas": "eyelid"}}, 422,
     ["answers.mood", "answers.sleep", "answers.areas"], []),
]


@pytest.mark.parametrize("body, status, fields, words", BAD_BODIES, ids=[str(b)[:60] for b, *_ in BAD_BODIES])
def test_bad_input_gets_a_problem_that_names_the_field(client, body, status, fields, words):
    response = post(client, body)
    assert response.status_code == status
    assert response.headers["Content-Type"] == "application/problem+json"
    problem = response.json
    assert problem["status"] == status and problem["title"] and problem["detail"] and problem["type"]
    named = [e["field"] for e in problem["errors"]]
    assert set(fields) <= set(named)
    messages = " ".join(e["message"] for e in problem["errors"])
    for word in words:
        assert word in messages


def test_a_body_over_16_kib_gets_413(client):
    body = json.dumps({"answers": {}, "padding": "x" * 17000})
    response = post(client, body)
    assert response.status_code == 413
    assert response.headers["Content-Type"] == "application/problem+json"
    assert "16 KiB" in response.json["detail"]


@pytest.mark.parametrize("method, path, status", [
    ("get", "/api/v1/nothing-here", 404),
    ("get", "/api/v2/content", 404),
    ("delete", "/api/v1/content", 405),
    ("get", "/api/v1/assessments", 405),
    ("put", "/api/v1/assessments", 405),
])
def test_unknown_paths_and_wrong_methods_are_problems(client, method, path, status):
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json["status"] == status
    if status == 405:
        assert response.headers["Allow"]


@pytest.mark.parametrize("path, unknown", [("/api/v1/triggers/boredom", "boredom"),
                                            ("/api/v1/tips/nope", "nope"), ("/api/v1/conditions/flu", "flu")])
def test_unknown_ids_get_404_naming_the_id(client, path, unknown):
    response = client.get(path)
    assert response.status_code == 404
    assert unknown in response.json["detail"]


def test_an_unknown_tip_filter_names_the_parameter(client):
    response = client.get("/api/v1/tips?trigger=boredom")
    assert response.status_code == 422
    assert response.json["errors"][0]["field"] == "trigger"


def test_no_answer_is_logged(client, caplog):
    caplog.set_level(logging.DEBUG)
    post(client, {"answers": {"sleep": "under_5h", "stress": "very_high"}})
    post(client, {"answers": {"sleep": "under_5h", "mood": "very_high"}})
    assert "under_5h" not in caplog.text and "very_high" not in caplog.text


def test_the_openapi_document_and_the_docs_page(client):
    spec = client.get("/api/v1/openapi.json").json
    assert spec["openapi"].startswith("3.")
    answers = spec["components"]["schemas"]["Answers"]
    assert answers["properties"]["sleep"]["enum"] == ["under_5h", "5_to_6h", "7_to_8h", "over_8h"]
    assert answers["properties"]["areas"]["uniqueItems"] is True
    assert [branch["title"] for branch in answers["properties"]["warning_signs"]["oneOf"]] == ["picked", "none"]
    page = client.get("/api/docs")
    assert page.status_code == 200 and b"/api/v1/assessments" in page.data
    # Nothing to fetch or follow elsewhere (the examples name addresses only in their code).
    assert not re.findall(rb'(?:src|href)="(?!https://creativecommons\.org)[a-z]+:', page.data)


def test_the_app_is_served_at_the_root(client):
    response = client.get("/")
    assert response.status_code == 200 and b"<html" in response.data
    assert response.headers["Content-Type"].startswith("text/html")


def test_every_vector_gets_exactly_the_engines_result_over_http(client, content):
    import pathlib

    from api.engine import assess
    cases = json.loads((pathlib.Path(__file__).parent / "vectors" / "assessments.json").read_text())["cases"]
    for case in cases:
        response = client.post("/api/v1/assessments", json={"answers": case["answers"]})
        assert response.status_code == 200
        assert response.json == assess(content, case["answers"])


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                                          "application/xml"])
def test_a_body_not_sent_as_json_gets_415_naming_the_header(client, content_type):
    """Only JSON is read; a text/plain POST, which any page could send cross-origin without a preflight, is refused."""
    response = client.post("/api/v1/assessments", data=json.dumps({"answers": {"sleep": "under_5h"}}),
                           headers={"Content-Type": content_type} if content_type else {})
    assert response.status_code == 415
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json["status"] == 415 and response.json["errors"][0]["field"] == "Content-Type"
    assert "application/json" in response.json["detail"]


@pytest.mark.parametrize("content_type", ["application/json", "application/json; charset=utf-8", "Application/JSON"])
def test_json_is_read_whatever_its_parameters(client, content_type):
    response = client.post("/api/v1/assessments", data=b'{"answers": {"sleep": "under_5h"}}',
                           headers={"Content-Type": content_type})
    assert response.status_code == 200


@pytest.mark.parametrize("field, status", [
    ('"{v}"', 304), ('W/"{v}"', 304), ('"other", "{v}"', 304), ('"other",, W/"{v}" ,', 304), ("*", 304),
    ("{v}", 200),  # unquoted: not an entity tag
    ('"{v}', 200), ('"other"', 200), ('"other" "{v}"', 200), ("*, \"{v}\"", 200), ("", 200), ('"{v}"x', 200),
])
def test_if_none_match_is_read_strictly(client, content, field, status):
    """Only `*` or a list of quoted entity tags can give 304; anything malformed is ignored, never a false 304."""
    response = client.get("/api/v1/content", headers={"If-None-Match": field.replace("{v}", content["version"])})
    assert response.status_code == status
    assert response.headers["ETag"] == f'"{content["version"]}"'


@pytest.mark.parametrize("path", ["/api/v1/openapi.json", "/api/docs"])
def test_the_document_and_the_docs_page_revalidate_with_an_etag(client, path):
    first = client.get(path)
    assert first.status_code == 200 and first.headers["Cache-Control"] == "public, max-age=300, must-revalidate"
    etag = first.headers["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{16}"', etag)
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == etag
    assert client.get(path, headers={"If-None-Match": etag.strip('"')}).status_code == 200
