"""What a frightened person needs to trust the results (spec-v3 section 5), as content and API data: a calm, true
sentence at the levels that are not urgent, reasons to see a GP told apart from warning signs, a one-line how for
every tip, search words, and the content's review dates and problem address."""
import json
import re
from pathlib import Path

import pytest
import yaml

from api.content import ContentError, load_content
from api.engine import any_holds

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["en", "es"]
# Spec-v3 section 5: these are reasons to see a GP, never shown as warning signs.
REASONS = {"long_duration", "multiple_areas", "medicine_suspected", "after_injury"}
# Raised by a sign the person only felt or is unsure of (spec-v3 section 2.4), where the content has them.
FELT_OR_UNSURE = re.compile(r"_(felt|unsure)$")


@pytest.fixture(scope="module", params=LANGS)
def bundle(request):
    return load_content(lang=request.param)


def test_a_calm_true_sentence_at_the_levels_that_are_not_urgent(bundle):
    levels = {level["id"]: level for level in bundle["triage_levels"]}
    for level_id in ("consultation", "self_care"):
        level = levels[level_id]
        assert level.get("calm"), level_id
        assert "nhs-twitching" in level["sources"], "the NHS page says twitches are very rarely serious"
    for level in bundle["triage_levels"]:
        assert not (level["urgent"] and level.get("calm")), "nothing calms at an emergency level"


def test_every_red_flag_says_whether_it_is_a_warning_sign_or_a_reason(bundle):
    kinds = {flag["id"]: flag["kind"] for flag in bundle["red_flags"]}
    assert set(kinds.values()) == {"warning_sign", "reason"}
    for flag_id in REASONS:
        assert kinds[flag_id] == "reason", flag_id
    for flag_id, kind in kinds.items():
        if FELT_OR_UNSURE.search(flag_id):
            assert kind == "reason", flag_id
    for flag in bundle["red_flags"]:
        if flag["level"] in ("emergency_ambulance", "emergency", "consultation_24"):
            assert flag["kind"] == "warning_sign" or FELT_OR_UNSURE.search(flag["id"]), flag["id"]


def test_a_red_flag_without_a_kind_stops_the_content_loading(content_copy):
    path = content_copy / "red_flags.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    kind: reason\n", "", 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"red_flags.*kind"):
        load_content(content_copy)


def test_every_tip_has_a_one_line_how(bundle):
    for tip in bundle["tips"]:
        assert tip["short"].strip(), tip["id"]
        assert "\n" not in tip["short"] and len(tip["short"]) <= 90, tip["id"]


def test_the_content_says_when_it_was_reviewed_and_where_to_report_a_problem(bundle):
    trust = bundle["trust"]
    assert trust["reviewed"] < trust["next_review"]
    assert trust["report_problem"].startswith(("mailto:", "https://"))


def test_the_number_of_checked_cases_is_never_more_than_the_project_runs(content):
    """About says "{count} or more": the cases in tests/vectors must be at least that many."""
    cases = json.loads((ROOT / "tests/vectors/assessments.json").read_text(encoding="utf-8"))["cases"]
    assert 0 < content["trust"]["checked_cases"] <= len(cases), (
        f"content/meta.yml checked_cases is {content['trust']['checked_cases']}; tests/vectors has {len(cases)} cases")


def test_search_knows_the_names_people_use_for_als(bundle):
    groups = [set(group) for group in bundle["search"]["synonyms"]]
    als = next(group for group in groups if "als" in group)
    assert {"als", "ela"} <= als
    assert ({"mnd", "motor neurone disease"} <= als) if bundle["lang"] == "en" else ("esclerosis lateral amiotrofica" in als)


def test_the_api_serves_each_red_flags_kind_and_the_trust_fields(client):
    body = client.get("/api/v1/content/check?lang=es").get_json()
    assert all(flag["kind"] in ("warning_sign", "reason") for flag in body["red_flags"])
    assert {"reviewed", "next_review", "report_problem", "checked_cases"} <= set(body["trust"])
    raw = yaml.safe_load((ROOT / "content/red_flags.yml").read_text(encoding="utf-8"))["red_flags"]
    assert len(body["red_flags"]) == len(raw)


@pytest.mark.parametrize("answers, linked", [
    ({"areas": ["calf_foot"], "duration": "over_3_months"}, True),
    ({"areas": ["eyelid", "arm_hand"], "duration": "2_weeks_to_3_months"}, True),
    ({"areas": ["eyelid"], "duration": "over_3_months"}, False),
    ({"areas": ["calf_foot"], "duration": "1_to_2_weeks"}, False),
    ({"areas": ["eyelid"], "warning_signs": ["weakness"], "weakness_how": "feels_weak"}, True),
])
def test_the_results_link_the_als_question_for_a_twitch_outside_the_eyelid_for_two_weeks_or_more(content, answers, linked):
    faq = next(item for item in content["faq"] if item["id"] == "is_it_als")
    assert any_holds(faq["results_when"], answers) is linked
