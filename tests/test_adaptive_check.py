"""The adaptive check (spec-v3 section 2): follow-ups decide how soon, an unanswered follow-up never lowers a level,
a follow-up without its parent changes nothing, and the check asks only what is relevant.

The vectors pin each branch's level, flags and cards in both languages; these tests pin the tree itself and the
load-time checks that keep it safe when someone edits the content.
"""
import pytest

from api.content import ContentError, load_content
from api.engine import asked_questions, assess
from helpers import question, rewrite

SAFE = {"warning_signs": ["none"], "other_signs": ["none"]}

# Each follow-up: the question it follows, its kind, and the parent options that ask it (spec-v3 section 2.2).
TREE = {
    "breathing_now": ("warning_signs", "single", {"breathing"}),
    "weakness_how": ("warning_signs", "single", {"weakness"}),
    "speech_swallow_how": ("warning_signs", "single", {"swallowing_speech"}),
    "numbness_how": ("warning_signs", "multi", {"numbness_tingling"}),
    "sudden_when": ("warning_signs", "single", {"sudden_one_side", "weakness", "swallowing_speech", "numbness_tingling"}),
    "collapse_when": ("warning_signs", "single", {"seizure_collapse"}),
    "muscle_loss_how": ("warning_signs", "single", {"muscle_loss"}),
    "eye_how": ("warning_signs", "single", {"red_painful_eye"}),
    "chest_pain_when": ("other_signs", "single", {"chest_pain"}),
    "headache_how": ("other_signs", "single", {"bad_headache"}),
}
# The level each parent option gives alone: version 2's (and version 3 section 1's for the two new signs).
PARENT_LEVEL = {"breathing": "emergency_ambulance", "sudden_one_side": "emergency_ambulance",
                "seizure_collapse": "emergency_ambulance", "weakness": "consultation_24",
                "swallowing_speech": "consultation_24", "muscle_loss": "consultation_24",
                "numbness_tingling": "consultation", "red_painful_eye": "consultation_24",
                "chest_pain": "emergency_ambulance", "bad_headache": "emergency"}
# Spec-v3 section 2.4: the new flags and their levels.
NEW_FLAGS = {
    "breathless_now": "consultation_24", "breathless_passed": "consultation", "weakness_felt": "consultation",
    "muscle_loss_unsure": "consultation", "cannot_swallow": "emergency_ambulance", "throat_feeling": "consultation",
    "saddle_numbness": "emergency", "sudden_one_side_earlier": "consultation_24",
    "sudden_one_side_checked": "consultation", "faint": "consultation", "collapse_earlier": "consultation_24",
    "collapse_checked": "consultation", "eye_emergency": "emergency", "chest_pain_stopped": "consultation_24",
    "headache_worsening": "consultation_24", "droop_with_headache": "emergency_ambulance"}
# The options of each follow-up (ids are the contract).
OPTIONS = {
    "breathing_now": ["severe_now", "short_now", "passed"],
    "weakness_how": ["sudden", "spreading", "worse_weeks", "cant_do", "feels_weak"],
    "muscle_loss_how": ["clearly_thinner", "not_sure"],
    "speech_swallow_how": ["cannot_swallow_now", "sudden", "getting_worse", "throat_feeling"],
    "numbness_how": ["sudden_one_side", "spreading", "saddle", "mouth_fingers", "hands_feet", "one_place"],
    "sudden_when": ["now", "last_24h", "earlier", "checked"],
    "collapse_when": ["recent", "simple_faint", "earlier", "checked"],
    "eye_how": ["sight_loss_or_severe", "red_sore"],
    "chest_pain_when": ["now_or_recent", "stopped"],
    "headache_how": ["sudden_severe", "getting_worse", "usual"],
}
LEVELS = ["emergency_ambulance", "emergency", "consultation_24", "consultation", "self_care"]


def parent_answers(option):
    question = "other_signs" if option in ("chest_pain", "bad_headache") else "warning_signs"
    return {**SAFE, question: [option]}


def questions(content):
    return {q["id"]: q for q in content["questionnaire"]["questions"]}


def test_the_follow_up_tree_is_in_the_content(content):
    asked = questions(content)
    for question_id, (follows, kind, parents) in TREE.items():
        question = asked[question_id]
        assert (question["follows"], question["kind"]) == (follows, kind), question_id
        assert [o["id"] for o in question["options"]] == OPTIONS[question_id]
        named = {option for entry in question["ask_when"] for test in entry.get("all", [entry])
                 if test["question"] == follows for option in test.get("includes_any", ())}
        assert named == parents, question_id
    levels = {flag["id"]: flag["level"] for flag in content["red_flags"]}
    assert {flag: levels.get(flag) for flag in NEW_FLAGS} == NEW_FLAGS


@pytest.mark.parametrize("option", sorted(PARENT_LEVEL))
def test_a_parent_option_alone_gives_the_version_2_level(content, option):
    """The safe default: a follow-up left unanswered (skipped, or an old client) changes nothing."""
    assert assess(content, parent_answers(option))["triage"]["level"] == PARENT_LEVEL[option]


@pytest.mark.parametrize("follow_up", sorted(TREE))
def test_no_follow_up_answer_lowers_a_level_below_consultation_except_a_usual_headache(content, follow_up):
    follows, kind, parents = TREE[follow_up]
    for parent in parents:
        base = parent_answers(parent)
        for option in OPTIONS[follow_up]:
            level = assess(content, {**base, follow_up: [option] if kind == "multi" else option})["triage"]["level"]
            floor = "self_care" if (follow_up, option) == ("headache_how", "usual") else "consultation"
            assert LEVELS.index(level) <= LEVELS.index(floor), (parent, follow_up, option, level)


@pytest.mark.parametrize("follow_up", sorted(TREE))
def test_a_follow_up_answered_without_its_parent_changes_nothing(content, follow_up):
    kind = TREE[follow_up][1]
    for option in OPTIONS[follow_up]:
        result = assess(content, {**SAFE, follow_up: [option] if kind == "multi" else option})
        assert (result["triage"]["level"], result["red_flags"]) == ("self_care", [])


def test_every_lower_level_new_flag_says_when_to_act_sooner(content):
    flags = {flag["id"]: flag for flag in content["red_flags"]}
    for flag_id, level in NEW_FLAGS.items():
        if level in ("consultation", "consultation_24"):
            advice = flags[flag_id]["advice"]
            assert any(words in advice for words in ("call an ambulance", "Call an ambulance", "within a day",
                                                     "emergency department")), flag_id


def test_felt_weakness_gets_the_bfs_card_and_measurable_weakness_the_als_card(content):
    felt = {**SAFE, "warning_signs": ["weakness"], "weakness_how": "feels_weak", "areas": ["calf_foot"],
            "duration": "over_3_months"}
    assert [c["id"] for c in assess(content, felt)["related_conditions"]] == ["benign_fasciculation_syndrome"]
    for how in ("cant_do", "worse_weeks", None):
        answers = {**felt, "weakness_how": how} if how else {k: v for k, v in felt.items() if k != "weakness_how"}
        assert [c["id"] for c in assess(content, answers)["related_conditions"]] == ["als"], how


# --- which questions everyone answers (section 2.6) ---

def test_the_eyelid_student_answers_12_questions_and_the_calf_person_13(content):
    eyelid = asked_questions(content, {**SAFE, "areas": ["eyelid"]})
    assert eyelid == ["warning_signs", "other_signs", "about_you", "areas", "duration", "medications",
                      "health_conditions", "sleep", "caffeine", "stress", "alcohol", "screen_time"]
    calf = asked_questions(content, {**SAFE, "areas": ["calf_foot"]})
    assert calf == [*eyelid[:-1], "exercise", "fluid_loss"]
    felt = asked_questions(content, {**SAFE, "warning_signs": ["weakness"], "weakness_how": "feels_weak",
                                     "areas": ["calf_foot"]})
    assert felt == ["warning_signs", "weakness_how", *calf[1:]]  # no injury question for weakness only felt
    assert asked_questions(content, {}, optional=True) == ["nicotine", "activity", "diet", "diet_pattern"]


@pytest.mark.parametrize("answers, question", [
    ({"medications": ["diuretics"]}, "fluid_loss"), ({"medications": ["lithium"]}, "fluid_loss"),
    ({"exercise": "hard"}, "fluids"), ({"fluid_loss": ["vomiting_diarrhoea"]}, "fluids"),
    ({"warning_signs": ["numbness_tingling"]}, "recent_injury"), ({"warning_signs": ["weakness"]}, "recent_injury"),
    ({"areas": ["arm_hand"]}, "recent_injury")])
def test_a_question_a_safety_rule_needs_is_asked_whenever_it_can_matter(content, answers, question):
    assert question in asked_questions(content, {**SAFE, "areas": ["eyelid"], **answers})


def test_the_questionnaire_shows_the_new_fields(client):
    listed = {q["id"]: q for q in client.get("/api/v1/questionnaire").json["questions"]}
    assert listed["weakness_how"]["follows"] == "warning_signs"
    assert listed["weakness_how"]["ask_when"] == [{"question": "warning_signs", "includes_any": ["weakness"]}]
    assert listed["nicotine"]["optional"] is True
    assert "follows" not in listed["sleep"] and "optional" not in listed["sleep"]


# --- the load-time checks: a content edit that would let a follow-up lower a level on its own stops the app ---

@pytest.mark.parametrize("change, words", [
    (lambda d: question(d, "weakness_how").update(ask_when=[{"question": "sleep", "includes_any": ["under_5h"]}]),
     ["questions.yml", "weakness_how", "ask_when.0", "'sleep' is not an earlier question"]),
    (lambda d: question(d, "weakness_how").update(follows="sleep"),
     ["questions.yml", "weakness_how", "follows", "must be an earlier question"]),
    (lambda d: question(d, "weakness_how")["options"][4].update(triggers={"stress": 2}, reason="Felt weak."),
     ["questions.yml", "weakness_how", "options", "'feels_weak' of a follow-up carries no weights"]),
    (lambda d: question(d, "fluids").update(ask_when=[{"question": "weakness_how", "includes_any": ["sudden"]}]),
     ["questions.yml", "fluids", "ask_when.0", "follow-up 'weakness_how' without its parent question 'warning_signs'"]),
])
def test_broken_follow_ups_stop_the_app_with_a_message_that_names_them(content_copy, change, words):
    rewrite(content_copy, "questions.yml", change)
    with pytest.raises(ContentError) as error:
        load_content(content_copy)
    for word in words:
        assert word in str(error.value)


def test_a_flag_that_tests_a_follow_up_without_its_parent_stops_the_app(content_copy):
    def lower_alone(data):
        flag = next(f for f in data["red_flags"] if f["id"] == "weakness_felt")
        flag["when"] = [{"question": "weakness_how", "includes_any": ["feels_weak"]}]
    rewrite(content_copy, "red_flags.yml", lower_alone)
    with pytest.raises(ContentError) as error:
        load_content(content_copy)
    assert "red_flags.yml" in str(error.value) and "'weakness_felt'" in str(error.value)
    assert "without its parent question 'warning_signs'" in str(error.value)


def test_follow_ups_come_right_after_the_safety_questions_they_refine(content):
    order = [q["id"] for q in content["questionnaire"]["questions"]]
    assert [q for q in order if q not in TREE][:2] == ["warning_signs", "other_signs"]
    for follow_up, (follows, *_) in TREE.items():
        between = order[order.index(follows) + 1:order.index(follow_up)]
        assert set(between) <= set(TREE), follow_up
