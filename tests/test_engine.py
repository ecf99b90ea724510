"""The assessment engine, held to the shared vectors in every language and to the safety rules."""
import json
from pathlib import Path

import pytest

from api.content import load_bundles
from api.engine import assess, build_index
from vectors.build import expectations

VECTORS = json.loads((Path(__file__).parent / "vectors" / "assessments.json").read_text(encoding="utf-8"))
BUNDLES = load_bundles()


def test_there_are_enough_vectors():
    assert len(VECTORS["cases"]) >= 30


@pytest.fixture(scope="module")
def indexes():
    return {lang: build_index(bundle) for lang, bundle in BUNDLES.items()}


@pytest.mark.parametrize("lang", BUNDLES)
@pytest.mark.parametrize("case", VECTORS["cases"], ids=[c["name"] for c in VECTORS["cases"]])
def test_engine_gives_the_expected_result(indexes, case, lang):
    assert expectations(assess(BUNDLES[lang], case["answers"], indexes[lang])) == case["expected"]


def test_each_red_flag_and_each_trigger_has_a_vector(content):
    flags = {f for case in VECTORS["cases"] for f in case["expected"]["red_flags"]}
    triggers = {t["id"] for case in VECTORS["cases"] for t in case["expected"]["triggers"]}
    assert flags == {f["id"] for f in content["red_flags"]}
    assert triggers == {t["id"] for t in content["triggers"]}


def test_the_index_built_at_load_gives_the_same_result_as_one_built_on_the_spot(content):
    answers = {"warning_signs": ["none"], "sleep": "under_5h", "about_you": ["pregnant"], "caffeine": "5_plus"}
    assert assess(content, answers, build_index(content)) == assess(content, answers)


def test_same_answers_same_result(content):
    answers = {"sleep": "under_5h", "areas": ["eyelid", "arm_hand"], "stress": "high"}
    assert assess(content, answers) == assess(content, dict(reversed(list(answers.items()))))


def test_triage_is_the_most_urgent_red_flag(content):
    result = assess(content, {"warning_signs": ["stiffness", "sudden_one_side"], "duration": "over_3_months"})
    assert result["triage"]["level"] == "emergency_ambulance"
    assert result["red_flags"][0]["id"] == "sudden_one_side"


def test_every_contribution_shows_as_a_reason(content):
    result = assess(content, {"sleep": "under_5h", "caffeine": "5_plus", "alcohol": "most_days"})
    sleep = next(t for t in result["triggers"] if t["id"] == "sleep")
    assert [(r["question"], r["option"]) for r in sleep["reasons"]] == [
        ("sleep", "under_5h"), ("caffeine", "5_plus"), ("alcohol", "most_days")]
    assert sleep["score"] == 0.8
    assert all(0 < t["score"] <= 1 for t in result["triggers"])


def test_eye_strain_needs_an_eyelid_twitch(content):
    without = assess(content, {"screen_time": "over_8h", "areas": ["calf_foot"]})
    with_eyelid = assess(content, {"screen_time": "over_8h", "areas": ["eyelid"]})
    assert "eye_strain" not in [t["id"] for t in without["triggers"]]
    assert with_eyelid["triggers"][0]["id"] == "eye_strain"


def test_no_answers_is_never_self_care(content):
    result = assess(content, {})
    assert result["triage"]["level"] == "consultation"
    assert [flag["id"] for flag in result["red_flags"]] == ["safety_unanswered"]
    assert "Nothing you told us is a warning sign" not in result["triage"]["advice"]
    assert result["triggers"] == result["related_conditions"] == []
    assert result["disclaimer"] == content["disclaimer"]


@pytest.mark.parametrize("safety", [{}, {"warning_signs": ["none"]}, {"other_signs": ["none"]},
                                    {"warning_signs": [], "other_signs": ["none"]}])
def test_self_care_needs_both_safety_questions_answered(content, safety):
    simple = {"areas": ["eyelid"], "sleep": "5_to_6h", "duration": "under_1_week"}
    assert assess(content, {**simple, **safety})["triage"]["level"] == "consultation"
    answered = {**simple, "warning_signs": ["none"], "other_signs": ["none"]}
    assert assess(content, answered)["triage"]["level"] == "self_care"


# --- what each result carries so that a client needs no content to show it (spec v3, section 4) ---

SAFE = {"warning_signs": ["none"], "other_signs": ["none"]}
WEAK_AND_GOOD = {**SAFE, "activity": "mostly_sitting", "exercise": "none", "fluids": "under_4", "stress": "moderate"}


def test_triggers_are_ranked_1_2_3_in_the_order_returned_with_their_evidence(content):
    triggers = assess(content, WEAK_AND_GOOD)["triggers"]
    weak = {t["id"] for t in content["triggers"] if t.get("evidence") == "weak"}
    assert [t["rank"] for t in triggers] == list(range(1, len(triggers) + 1))
    assert [t["evidence"] for t in triggers] == ["weak" if t["id"] in weak else "good" for t in triggers]
    assert [t["evidence"] for t in triggers] == ["good", "good", "weak", "weak"]  # weak after, whatever the score


def test_the_trigger_a_raised_flag_names_comes_first_even_with_weak_evidence(content):
    weak_alcohol = {**content, "triggers": [{**t, "evidence": "weak"} if t["id"] == "alcohol" else t
                                            for t in content["triggers"]]}
    triggers = assess(weak_alcohol, {**SAFE, "alcohol": "stopped_heavy", "sleep": "under_5h", "caffeine": "5_plus"})
    assert (triggers["triggers"][0]["id"], triggers["triggers"][0]["rank"]) == ("alcohol", 1)
    assert triggers["triggers"][0]["evidence"] == "weak"


@pytest.mark.parametrize("answers, urgent", [({**SAFE, "warning_signs": ["breathing"]}, True),
                                             ({**SAFE, "other_signs": ["dark_urine"]}, True),
                                             ({**SAFE, "duration": "over_3_months"}, False), (SAFE, False)])
def test_triage_says_whether_its_level_is_urgent(content, answers, urgent):
    triage = assess(content, answers)["triage"]
    level = next(level for level in content["triage_levels"] if level["id"] == triage["level"])
    assert triage["urgent"] is level["urgent"] is urgent


def test_the_bundle_names_its_rules_grammar(content):
    assert content["rules_grammar"] == 2


def test_each_raised_flag_says_whether_it_is_a_warning_sign_or_a_reason_to_see_a_gp(content):
    """A client draws a reason (a long twitch) apart from a warning sign (weakness) from the result alone."""
    result = assess(content, {"warning_signs": ["weakness"], "other_signs": ["none"], "duration": "over_3_months"})
    kinds = {flag["id"]: flag["kind"] for flag in result["red_flags"]}
    assert kinds == {"weakness": "warning_sign", "long_duration": "reason"}
