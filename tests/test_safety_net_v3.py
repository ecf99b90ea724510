"""Safety net, version 3 (spec-v3 section 1): what the check could not hear before, as a person or clinician sees it.

The vectors pin each flag's level and the triggers' order; these tests pin what the vectors do not: which tips and
cautions reach whom, and the words that must be there (the reliever limits, the driving line, the statin exception).
"""
import re

import pytest

from api.content import load_content
from api.engine import assess
from helpers import prose

SAFE = {"warning_signs": ["none"], "other_signs": ["none"]}
# Everything that scores every trigger with tips that hold fluid, salt or medicine advice.
BUSY = {**SAFE, "sleep": "under_5h", "caffeine": "5_plus", "alcohol": "most_days", "stress": "very_high",
        "exercise": "hard", "fluids": "under_4", "fluid_loss": ["heavy_sweating", "vomiting_diarrhoea"], "diet": "rarely",
        "diet_pattern": ["vegan_or_vegetarian"], "medications": ["corticosteroids"]}
# The tips whose point is to drink more.
DRINK_MORE = {"dehydration_sip_through_the_day", "dehydration_salts_after_sweating", "dehydration_sachets_when_sick",
              "dehydration_water_with_drinks", "fatigue_refuel_after_sweating"}
SALT = re.compile(r"\bsalts?\b|sports drink", re.I)
# Rehydration sachets after being sick stay, with the own-team caution: they are for sickness, not salt advice.
SICK_DAY = "dehydration_sachets_when_sick"


def tips(result, trigger_id=None):
    return [tip for trigger in result["triggers"] if trigger_id in (None, trigger["id"]) for tip in trigger["tips"]]


def tip_ids(result, trigger_id=None):
    return [tip["id"] for tip in tips(result, trigger_id)]


def caution_ids(result):
    return [caution["id"] for caution in result["triage"]["cautions"]]


def test_the_new_options_are_asked_where_the_spec_puts_them(content):
    options = {q["id"]: {o["id"] for o in q["options"]} for q in content["questionnaire"]["questions"]}
    assert {"chest_pain", "bad_headache", "hands_lock", "weight_loss"} <= options["other_signs"]
    assert {"lithium", "stopped_medicine", "statin"} <= options["medications"]
    assert "neck_surgery" in options["about_you"]


@pytest.mark.parametrize("flag_id", ["medicine_reaction", "lithium", "lithium_fluid_loss", "medicine_stopped"])
def test_flags_about_a_medicine_put_the_medicine_first(content, flag_id):
    flag = next(f for f in content["red_flags"] if f["id"] == flag_id)
    assert flag["first_trigger"] == "medication"


@pytest.mark.parametrize("answers", [{"other_signs": ["medicine_reaction"]}, {"medications": ["lithium"]},
                                     {"medications": ["stopped_medicine"]}], ids=["reaction", "lithium", "stopped"])
def test_the_flagged_medicine_also_has_the_top_score(content, answers):
    """Set 1's "highest score first" still holds: the trigger a flag puts first scores the most too."""
    result = assess(content, {**BUSY, **answers})
    scores = [trigger["score"] for trigger in result["triggers"]]
    assert result["triggers"][0]["id"] == "medication" and scores[0] == max(scores) == 1


def test_lithium_with_sickness_is_an_emergency_with_the_medicine_first_and_no_drink_more_tip(content):
    result = assess(content, {**BUSY, "medications": ["lithium"], "fluid_loss": ["vomiting_diarrhoea"]})
    assert result["triage"]["level"] == "emergency"
    assert result["red_flags"][0]["id"] == "lithium_fluid_loss"
    assert result["triggers"][0]["id"] == "medication"
    assert DRINK_MORE.isdisjoint(tip_ids(result))
    # Without lithium the same person still gets the sachets for being sick.
    assert "dehydration_sachets_when_sick" in tip_ids(assess(content, BUSY))


@pytest.mark.parametrize("who", ["heart_failure", "kidney_disease"])
def test_no_salt_or_sports_drink_tip_with_heart_failure_or_kidney_disease(content, who):
    result = assess(content, {**BUSY, "health_conditions": [who]})
    assert [tip["id"] for tip in tips(result) if SALT.search(tip["title"] + " " + tip["text"]) and tip["id"] != SICK_DAY] == []
    assert "own_team_limits" in {c["id"] for c in tips(result, "dehydration")[0]["cautions"]}
    assert {"dehydration_salts_after_sweating", "fatigue_refuel_after_sweating"} <= set(tip_ids(assess(content, BUSY)))


def test_someone_who_already_drinks_a_lot_is_told_not_to_drink_more(content):
    result = assess(content, {**BUSY, "fluids": "8_plus", "other_signs": ["none"]})
    assert "dehydration_sip_through_the_day" not in tip_ids(result)
    assert "overdrinking" in caution_ids(result)
    drinking = [tip for tip in tips(result) if tip["id"] in DRINK_MORE]
    assert drinking and all("overdrinking" in {c["id"] for c in tip["cautions"]} for tip in drinking)
    overdrinking = next(c for c in result["triage"]["cautions"] if c["id"] == "overdrinking")
    assert "emergency department" in overdrinking["text"] and "thirsty" in overdrinking["text"]


@pytest.mark.parametrize("answers, caution", [
    ({"fluids": "8_plus"}, "overdrinking"),
    ({"health_conditions": ["diabetes"]}, "diabetes_low_sugar"),
    ({"medications": ["stimulant_medicine"]}, "stimulant_heart"),
    ({"medications": ["statin"]}, "statin_muscles"),
])
def test_each_new_caution_reaches_its_people_on_the_level_they_get(content, answers, caution):
    assert caution in caution_ids(assess(content, {**SAFE, **answers}))
    assert caution not in caution_ids(assess(content, SAFE))
    # and still at 24 hours, where the person is told to call a doctor today
    assert caution in caution_ids(assess(content, {**SAFE, **answers, "warning_signs": ["weakness"]}))


def test_statins_are_the_one_medicine_the_nhs_says_to_stop(content):
    result = assess(content, {**SAFE, "medications": ["statin", "corticosteroids"]})
    statin = next(c for c in result["triage"]["cautions"] if c["id"] == "statin_muscles")
    assert "stop the statin" in statin["text"] and "111" in statin["text"]
    do_not_stop = next(tip for tip in tips(result, "medication") if tip["id"] == "medication_do_not_stop")
    assert "statin_muscles" in {c["id"] for c in do_not_stop["cautions"]}


def test_stimulant_medicines_carry_the_chest_pain_line(content):
    result = assess(content, {**SAFE, "medications": ["stimulant_medicine"]})
    tip = next(tip for tip in tips(result, "medication") if tip["id"] == "medication_stimulant_and_nerve_medicines")
    assert "stimulant_heart" in {c["id"] for c in tip["cautions"]}
    reaction = assess(content, {**SAFE, "medications": ["stimulant_medicine"], "other_signs": ["medicine_reaction"]})
    assert "medication_stimulant_and_nerve_medicines" not in tip_ids(reaction)


def test_tingling_tips_come_first_with_numbness(content):
    result = assess(content, {**BUSY, "warning_signs": ["numbness_tingling"]})
    assert tip_ids(result, "electrolytes")[0] == "electrolytes_tingling_see_doctor"
    assert tip_ids(result, "nutrition")[0] == "nutrition_tingling_warning"
    assert tip_ids(assess(content, BUSY), "electrolytes")[0] != "electrolytes_tingling_see_doctor"


@pytest.mark.parametrize("answers, tip_id", [({"other_signs": ["medicine_reaction"]}, "medication_reaction_bring_list"),
                                             ({"medications": ["stopped_medicine"]}, "medication_stopped_get_advice")])
def test_the_new_medicine_tips_come_first_for_their_people_only(content, answers, tip_id):
    assert tip_ids(assess(content, {**BUSY, **answers}), "medication")[0] == tip_id
    assert tip_id not in tip_ids(assess(content, BUSY))


def test_the_reliever_tip_gives_the_nhs_limits_and_the_emergency_line(content):
    result = assess(content, {**SAFE, "medications": ["asthma_reliever"]})
    tip = next(tip for tip in tips(result, "medication") if tip["id"] == "medication_asthma_reliever")
    assert "3 or more days a week" in tip["how_long"] and "4 times in 24 hours" in tip["how_long"]
    assert "does not help your breathing, call 999" in tip["expect"]


def test_the_eye_advice_names_blepharospasm_and_hemifacial_spasm_with_the_driving_line(content):
    flag = next(f for f in content["red_flags"] if f["id"] == "eye_signs")
    for words in ("blepharospasm", "hemifacial spasm", "do not drive", "DVLA"):
        assert words in flag["advice"]


def test_no_als_card_with_a_droop_or_double_vision(content):
    answers = {**SAFE, "warning_signs": ["weakness", "eyelid_droop"], "areas": ["arm_hand"]}
    assert [c["id"] for c in assess(content, answers)["related_conditions"]] == []


def test_no_move_more_tip_is_all_that_a_wasting_muscle_gets(content):
    for sign in ("weakness", "muscle_loss", "swallowing_speech"):
        result = assess(content, {**SAFE, "warning_signs": [sign], "activity": "mostly_sitting", "exercise": "none"})
        assert "sedentary" not in [t["id"] for t in result["triggers"]], sign


def test_a_child_with_no_caffeine_is_not_told_to_cut_down_caffeine(content):
    result = assess(content, {**SAFE, "about_you": ["under_16"], "caffeine": "none", "nicotine": "no",
                              "medications": ["stimulant_medicine"]})
    assert "caffeine" not in [t["id"] for t in result["triggers"]]


def test_the_pregnancy_warning_sends_to_the_midwife_now(content):
    result = assess(content, {**SAFE, "about_you": ["pregnant"], "other_signs": ["bad_headache"]})
    assert result["triage"]["level"] == "emergency" and result["red_flags"][0]["id"] == "pregnancy_warning"
    assert "midwife" in result["red_flags"][0]["advice"] and "now" in result["red_flags"][0]["advice"]


# --- Spanish: the review's fixes ---

@pytest.fixture(scope="module")
def spanish():
    return load_content(lang="es")


def test_no_uk_only_number_or_button_for_a_spanish_reader(spanish):
    # Advice, words and calls; the regions' table names 111 for the UK and New Zealand, chosen by where a person is.
    texts = prose({key: value for key, value in spanish.items() if key != "regions"})
    assert [text for text in texts if re.search(r"\b111\b", text)] == []
    level = next(level for level in spanish["triage_levels"] if level["id"] == "consultation_24")
    assert [call["number"] for call in level["calls"]] == ["112", "911"]
    assert "su centro de salud o el 112/911" in level["advice"]


def test_spanish_names_eye_strain_evidence_and_stroke_one_way(spanish):
    texts = list(prose(spanish))
    assert [t for t in texts if "vista cansada" in t] == []
    assert any("fatiga visual" in t for t in texts)
    # "pruebas" are medical tests; evidence is "datos"
    assert [t for t in texts if re.search(r"pruebas (de|sobre) (esto|que|esta)|pruebas (son )?débiles|evidencia", t)] == []
    assert [t for t in texts if re.search(r"\bictus\b", t)] == []


def test_the_pre_eclampsia_route_is_worded_the_same_in_results_guide_and_faq(spanish):
    route = "Si no consigue hablar con ellos, vaya a urgencias."
    caution = next(c for c in spanish["cautions"] if c["id"] == "pregnancy_urgent_signs")["text"]
    guide = [t for t in prose(spanish["guide"]) if "matrona" in t and "maternidad" in t]
    faq = [t for t in prose(spanish["faq"]) if "matrona" in t and "20 semanas" in t]
    assert caution.endswith(route) and guide and faq
    assert all(t.endswith(route) for t in guide + faq)
    assert caution in guide and caution in faq
