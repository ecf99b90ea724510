"""`?region=` on assessments (spec-v3 section 3.3): the numbers follow where the person is, never their language."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from api import engine

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "frontend" / "tests" / "run-engine.mjs"

SAFE = {"warning_signs": ["none"], "other_signs": ["none"]}
AMBULANCE = {"warning_signs": ["sudden_one_side"], "other_signs": ["none"]}  # sudden_when unanswered: the safe default
EMERGENCY = {"warning_signs": ["numbness_tingling"], "numbness_how": ["saddle"], "other_signs": ["none"]}
WITHIN_24 = {"warning_signs": ["weakness"], "weakness_how": "cant_do", "other_signs": ["none"]}
GP = {"warning_signs": ["weakness"], "weakness_how": "feels_weak", "other_signs": ["none"]}


def assess(client, answers, query="", headers=None):
    response = client.post(f"/api/v1/assessments{query}", json={"answers": answers}, headers=headers or {})
    return response.status_code, response.get_json()


def numbers(result):
    return [(call["number"], call["kind"]) for call in result["triage"]["calls"]]


@pytest.mark.parametrize("query, region, calls", [
    ("?region=NZ", "NZ", [("111", "emergency"), ("112", "emergency")]),
    ("?region=nz", "NZ", [("111", "emergency"), ("112", "emergency")]),
    ("?region=US", "US", [("911", "emergency")]),
    ("?region=GB", "GB", [("999", "emergency"), ("112", "emergency")]),
    ("?region=ES&lang=es", "ES", [("112", "emergency")]),
    ("?region=MX&lang=es", "MX", [("911", "emergency")]),
])
def test_emergency_levels_list_the_regions_emergency_numbers_only(client, query, region, calls):
    status, result = assess(client, AMBULANCE, query)
    assert status == 200
    assert result["triage"]["level"] == "emergency_ambulance"
    assert result["region"] == region
    assert numbers(result) == calls
    assert {call["region"] for call in result["triage"]["calls"]} == {region}


@pytest.mark.parametrize("region, calls", [
    ("GB", [("111", "health_line"), ("999", "emergency"), ("112", "emergency")]),  # London: 999 then 111
    ("NZ", [("0800611116", "health_line"), ("111", "emergency"), ("112", "emergency")]),  # 111 never a health line
    ("US", [("911", "emergency")]),  # no national line
    ("CA", [("811", "health_line"), ("911", "emergency")]),
    ("AU", [("000", "emergency"), ("112", "emergency")]),  # healthdirect's number is unconfirmed: never a button
])
def test_within_24_hours_the_health_line_comes_first_then_the_emergency_numbers(client, region, calls):
    status, result = assess(client, WITHIN_24, f"?region={region}")
    assert status == 200 and result["triage"]["level"] == "consultation_24"
    assert numbers(result) == calls


def test_111_is_a_health_line_only_in_gb_whatever_the_region_or_level(client, content):
    for country in [*[c["id"] for c in content["regions"]["countries"]], "ZZ", None]:
        for answers in (AMBULANCE, EMERGENCY, WITHIN_24):
            query = f"?region={country}" if country else ""
            _, result = assess(client, answers, query)
            for call in result["triage"]["calls"]:
                if call["number"] == "111" and call["kind"] == "health_line":
                    assert country == "GB", (country, answers)


@pytest.mark.parametrize("answers", [GP, SAFE])
def test_levels_below_24_hours_list_no_numbers(client, answers):
    _, result = assess(client, answers, "?region=GB")
    assert result["triage"]["level"] in ("consultation", "self_care")
    assert result["triage"]["calls"] == []
    assert result["region"] == "GB"


@pytest.mark.parametrize("query", ["", "?region=ZZ", "?region=fr", "?lang=es"])
def test_an_unknown_or_missing_region_gets_null_and_the_fallback_numbers(client, content, query):
    _, result = assess(client, AMBULANCE, query)
    assert result["region"] is None
    assert [n for n, _ in numbers(result)] == [n["number"] for n in content["regions"]["fallback"]["emergency"]]
    assert numbers(result)[:2] == [("112", "emergency"), ("911", "emergency")]
    _, within_24 = assess(client, WITHIN_24, query)
    assert all(kind == "emergency" for _, kind in numbers(within_24)), "no health line without a known region"


def test_a_region_whose_numbers_are_unconfirmed_gets_the_fallback_numbers_as_buttons(client):
    _, result = assess(client, AMBULANCE, "?region=CO&lang=es")
    assert result["region"] == "CO"
    assert numbers(result)[:2] == [("112", "emergency"), ("911", "emergency")]
    assert all(call["region"] is None for call in result["triage"]["calls"])


@pytest.mark.parametrize("accept", ["en-NZ", "en-GB", "es-MX", "en-US,en;q=0.9"])
def test_the_region_is_never_inferred_from_accept_language(client, accept):
    _, result = assess(client, WITHIN_24, headers={"Accept-Language": accept})
    assert result["region"] is None
    assert all(call["region"] is None and call["kind"] == "emergency" for call in result["triage"]["calls"])


@pytest.mark.parametrize("bad", ["NZL", "1", "", "N", "n1", "ÑZ", "GB "])
def test_a_malformed_region_is_a_422_problem_naming_region(client, bad):
    response = client.post("/api/v1/assessments", query_string={"region": bad}, json={"answers": SAFE})
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert [error["field"] for error in response.get_json()["errors"]] == ["region"]


def test_the_openapi_document_declares_the_region_argument_and_the_result_fields(client):
    document = client.get("/api/v1/openapi.json").get_json()
    operation = document["paths"]["/api/v1/assessments"]["post"]
    region = next(p for p in operation["parameters"] if p["name"] == "region")
    assert region["in"] == "query" and not region["required"]
    schemas = document["components"]["schemas"]
    assert "region" in schemas["Assessment"]["properties"]
    assert "calls" in schemas["Triage"]["properties"]


def test_both_engines_give_the_same_calls_for_every_region_and_level(content):
    codes = [c["id"] for c in content["regions"]["countries"]] + ["ZZ", None]
    cases = [(answers, code) for answers in (AMBULANCE, EMERGENCY, WITHIN_24, GP, SAFE) for code in codes]
    run = subprocess.run([shutil.which("node"), str(RUNNER)], input=json.dumps({
        "content": content, "answer_sets": [a for a, _ in cases], "regions": [c for _, c in cases]}),
        capture_output=True, text=True, check=True, cwd=ROOT)
    for (answers, code), result in zip(cases, json.loads(run.stdout), strict=True):
        assert result == json.loads(json.dumps(engine.assess(content, answers, region=code))), (answers, code)
