"""Hostile input: whatever a client sends gets a 4xx problem naming what was wrong, never a 500, and cannot grow the
process or flood the log."""
import json
import logging

import pytest
from flask import request

from api import errors, inputs

DEEP = 1000


def post_raw(client, data):
    return client.post("/api/v1/assessments", data=data, content_type="application/json")


def assert_problem(response, status, field=None):
    assert response.status_code == status, response.data[:300]
    assert response.headers["Content-Type"] == "application/problem+json"
    problem = json.loads(response.data.decode("utf-8"))  # strict UTF-8: the problem itself is always readable
    assert problem["status"] == status and problem["title"] and problem["detail"]
    if field is not None:
        assert field in [e["field"] for e in problem["errors"]], problem
    assert "Traceback" not in response.get_data(as_text=True)
    return problem


# body bytes, the field the problem names, words its messages hold
BAD_BODIES = [
    ("[" * DEEP + "]" * DEEP, "(body)", "deeper than 32"),
    ('{"answers": ' * DEEP + "{}" + "}" * DEEP, "(body)", "deeper than 32"),
    ('{"answers": {"areas": ' + "[" * DEEP + "]" * DEEP + "}}", "(body)", "deeper than 32"),
    ('{"answers": {"areas": ' + "[" * 40 + "]" * 40 + "}}", "(body)", "deeper than 32"),  # parses, still too deep
    ('{"answers": {"\\ud800": "under_5h"}}', "answers", "lone surrogate"),
    ('{"answers": {"sleep": "\\udfff"}}', "answers.sleep", "lone surrogate"),
    ('{"answers": {"areas": ["eyelid", "\\uD83D"]}}', "answers.areas.1", "lone surrogate"),
    ('{"\\ud800": 1}', "(body)", "lone surrogate"),
    (b'{"answers": {"sleep": "\xed\xa0\x80"}}', "(body)", "not UTF-8"),  # a surrogate written as UTF-8 bytes
    (b'{"answers": {"sleep": "\xff"}}', "(body)", "not UTF-8"),
    ('{"answers": {"sleep": "under_5h"}}'.encode("utf-16"), "(body)", "not UTF-8"),
]


@pytest.mark.parametrize("body, field, words", BAD_BODIES, ids=[repr(b[:40]) for b, *_ in BAD_BODIES])
def test_bodies_that_are_not_sound_json_get_400(client, body, field, words):
    problem = assert_problem(post_raw(client, body), 400, field)
    assert words in " ".join([problem["detail"]] + [e["message"] for e in problem["errors"]])


@pytest.mark.parametrize("body", [
    '{"answers": {"areas": ' + "[" * 30 + "]" * 30 + "}}",  # deep, but within the limit: the schema judges it
    '{"answers": {"sleep": "\\ud83d\\ude00"}}',  # a pair of surrogates is one character (an emoji)
    '{"answers": {"sleep": "\\\\ud800"}}',  # an escaped backslash: the text \ud800, not a surrogate
])
def test_sound_but_wrong_bodies_still_get_the_schemas_422(client, body):
    assert_problem(post_raw(client, body), 422, "answers.areas.0" if "[[" in body else "answers.sleep")


# The safety case: a second `warning_signs` must never quietly replace the first and drop a warning sign.
REPEATED_WARNING = ('{"answers": {"warning_signs": ["weakness"], "other_signs": ["none"], "areas": ["calf_foot"], '
                    '"warning_signs": ["none"]}}')


def test_a_repeated_key_is_a_400_naming_it_never_a_dropped_warning_sign(client):
    problem = assert_problem(post_raw(client, REPEATED_WARNING), 400, "answers.warning_signs")
    assert "repeated" in problem["errors"][0]["message"] and "warning_signs" in problem["detail"]
    without_repeat = REPEATED_WARNING.replace(', "warning_signs": ["none"]', "")
    assert client.post("/api/v1/assessments", data=without_repeat,
                       content_type="application/json").json["triage"]["level"] == "consultation_24"


@pytest.mark.parametrize("body, field", [
    ('{"answers": {}, "answers": {"sleep": "under_5h"}}', "answers"),
    ('{"answers": {"sleep": "under_5h", "sleep": "over_8h"}}', "answers.sleep"),
    ('{"answers": {"areas": [{"a": 1, "a": 2}]}}', "answers.areas.0.a"),
])
def test_any_repeated_key_names_its_path(client, body, field):
    assert_problem(post_raw(client, body), 400, field)


def test_a_byte_order_mark_and_good_answers_are_fine(client):
    body = '\ufeff{"answers": {"sleep": "under_5h"}}'.encode("utf-8")
    assert post_raw(client, body).status_code == 200


def test_a_problem_echoing_any_text_still_encodes(app):
    with app.app_context():  # the app's own JSON settings (ensure_ascii off for content)
        body, status, _ = errors.problem_response(404, "Not Found", "There is no trigger with id '\ud800\udfff\u00e9'.")
    assert status == 404
    assert json.loads(body.encode("utf-8"))["detail"].endswith("\u00e9'.")


@pytest.mark.parametrize("path", [
    "/" + "a" * 300,  # a file name longer than the system allows
    "/js/" + "a" * 256 + ".js",
    "/" + "a/" * 200,
    "/api/v1/triggers/" + "a" * 300,
    "/api/docs/static/" + "a" * 300,
])
def test_long_paths_are_not_found(client, path):
    assert_problem(client.get(path), 404)


@pytest.mark.parametrize("url", ["/" + "a" * 3000, "/api/v1/triggers/" + "a" * 3000,
                                 "/api/v1/content?trigger=" + "a" * 3000])
def test_addresses_over_the_limit_get_414(client, url):
    assert_problem(client.get(url), 414, "(url)")
    assert_problem(client.post(url, data="{}", content_type="application/json"), 414)


def test_no_traceback_text_in_the_log_for_client_input(client, caplog):
    caplog.set_level(logging.DEBUG)
    for body, *_ in BAD_BODIES:
        post_raw(client, body)
    client.get("/" + "a" * 300)
    assert "Traceback" not in caplog.text and "ERROR" not in caplog.text


def test_a_bug_logs_its_stack_once_and_never_the_request(app, caplog):
    @app.get("/api/v1/broken-on-purpose")
    def broken():
        raise KeyError(request.args["sleep"])  # the message holds what the client sent

    client = app.test_client()
    caplog.set_level(logging.DEBUG)
    for _ in range(50):
        response = client.get("/api/v1/broken-on-purpose?sleep=under_5h")
        assert_problem(response, 500)
        assert "under_5h" not in response.get_data(as_text=True)
    assert "under_5h" not in caplog.text
    records = [r for r in caplog.records if "KeyError" in r.getMessage()]
    assert len(records) == 50
    assert "broken" in records[0].getMessage()  # where it broke, with the stack, the first time
    assert all("\n" not in r.getMessage() for r in records[1:])  # then one line each
    assert len(caplog.text) < 20_000


def test_unique_query_strings_do_not_grow_the_response_cache(app, client):
    """Every body the content routes serve is made at load; no request, however odd, adds one."""
    languages = app.extensions["twitch"].languages
    tip = languages["en"].content["tips"][0]["id"]
    routes = ["/api/v1/content", "/api/v1/questionnaire", "/api/v1/triggers", "/api/v1/triggers/sleep",
              "/api/v1/tips", "/api/v1/tips/" + tip,
              "/api/v1/conditions", "/api/v1/conditions/als", "/api/v1/guide", "/api/v1/faq", "/api/v1/sources"]
    made = {lang: dict(language.bodies) for lang, language in languages.items()}
    for n in range(100):
        for route in routes:
            assert client.get(f"{route}?trigger=x{n}&n={n}&lang=es").status_code in (200, 422)
    client.get("/api/v1/tips?trigger=caffeine")
    assert {lang: dict(language.bodies) for lang, language in languages.items()} == made
    assert client.get("/api/v1/content?trigger=whatever").data == client.get("/api/v1/content").data


def test_the_limits_are_far_above_real_requests():
    assert inputs.MAX_JSON_DEPTH >= 3 * 10
    assert inputs.MAX_URL_CHARS >= 1024
