"""Tips that fit the person: nobody told to limit potassium, salt or fluids gets mineral or fluid advice plainly,
pregnancy gets the caffeine limit, under-16s hear that energy drinks are not for them, and someone who has just
stopped heavy drinking is first told to get help to stop safely."""
import re

import pytest

from api.engine import assess

SAFE = {"warning_signs": ["none"], "other_signs": ["none"]}
# Everything that scores every tip's trigger, so every tip that can be shown is shown.
EVERYTHING = {**SAFE, "areas": ["eyelid"], "sleep": "under_5h", "caffeine": "5_plus", "nicotine": "yes",
              "alcohol": "most_days", "stress": "very_high", "exercise": "hard", "activity": "mostly_sitting",
              "fluids": "under_4", "fluid_loss": ["heavy_sweating"], "diet": "rarely",
              "diet_pattern": ["vegan_or_vegetarian"], "screen_time": "over_8h", "medications": ["corticosteroids"]}
# Advice to take in more minerals, supplements or fluid: what kidney disease, heart failure or water tablets change.
MORE_MINERALS_OR_FLUID = re.compile(r"potassium|magnesium|supplement|sachet|salt|sports drink|glasses|\bsip|"
                                    r"drink (water|fluids)|water first|glass of water|fluids? (after|through)", re.I)

# Tips the pattern finds that advise no more minerals or fluid, and why.
NOT_INTAKE_ADVICE = {
    "nutrition_tingling_warning": "it says not to treat tingling yourself with supplements",
    "medication_water_tablets_steroids": "it says some medicines lower potassium, and to ask about a blood test",
    "medication_asthma_reliever": "it says high doses can lower potassium, and to keep using the inhaler",
}


def shown_tips(result):
    return [tip for trigger in result["triggers"] for tip in trigger["tips"]]


def test_everything_scores_every_trigger(content):
    assert {t["id"] for t in assess(content, EVERYTHING)["triggers"]} == {t["id"] for t in content["triggers"]}


@pytest.mark.parametrize("who", [{"health_conditions": ["kidney_disease"]}, {"health_conditions": ["heart_failure"]},
                                 {"medications": ["diuretics"]}], ids=["kidney disease", "heart failure", "water tablets"])
def test_mineral_and_fluid_advice_carries_the_own_team_caution(content, who):
    result = assess(content, {**EVERYTHING, **who})
    advising = [tip for tip in shown_tips(result) if MORE_MINERALS_OR_FLUID.search(tip["title"] + " " + tip["text"])
                and tip["id"] not in NOT_INTAKE_ADVICE]
    assert len(advising) >= 5  # the pattern finds the tips it is about (salt tips are hidden for kidney disease)
    plain = [tip["id"] for tip in advising if "own_team_limits" not in {c["id"] for c in tip["cautions"]}]
    assert plain == []
    assert "electrolytes_potassium_calcium_foods" not in {tip["id"] for tip in shown_tips(result)}
    caution = next(c for tip in advising for c in tip["cautions"] if c["id"] == "own_team_limits")
    assert "limit potassium, salt or fluids" in caution["text"]


def test_without_those_conditions_no_caution_is_added(content):
    assert all(tip["cautions"] == [] for tip in shown_tips(assess(content, {**EVERYTHING, "about_you": ["none"]})))


def test_pregnancy_gets_the_200_mg_caffeine_limit_on_caffeine_advice(content):
    result = assess(content, {**EVERYTHING, "about_you": ["pregnant"]})
    caffeine = next(t for t in result["triggers"] if t["id"] == "caffeine")
    cut_down = [tip for tip in caffeine["tips"] if "caffeine" in (tip["title"] + tip["text"]).lower()]
    assert cut_down and all(any("200 mg" in c["text"] for c in tip["cautions"]) for tip in cut_down)
    supplements = [tip for tip in shown_tips(result) if "supplement" in tip["text"].lower()
                   and tip["id"] not in NOT_INTAKE_ADVICE]
    assert supplements and all(any(c["id"] == "pregnancy_supplements" for c in tip["cautions"]) for tip in supplements)


def test_under_16_hears_energy_drinks_are_not_for_them_and_about_tics(content):
    result = assess(content, {**EVERYTHING, "about_you": ["under_16"]})
    energy = [tip for tip in shown_tips(result) if "energy drink" in tip["text"].lower()]
    assert energy and all(any(c["id"] == "under_16_energy_drinks" for c in tip["cautions"]) for tip in energy)
    assert any("tics" in c["text"] for c in result["triage"]["cautions"])


def test_water_tablets_with_sickness_are_not_simply_told_to_keep_taking_them(content):
    result = assess(content, {**SAFE, "medications": ["diuretics"], "fluid_loss": ["vomiting_diarrhoea"]})
    assert result["triage"]["level"] == "consultation_24"
    medication = next(t for t in result["triggers"] if t["id"] == "medication")
    keep_taking = next(tip for tip in medication["tips"] if tip["id"] == "medication_do_not_stop")
    assert [c["id"] for c in keep_taking["cautions"]] == ["diuretic_sick_day"]


def test_stopping_heavy_drinking_puts_getting_help_first(content):
    result = assess(content, {**EVERYTHING, "alcohol": "stopped_heavy"})
    assert result["triage"]["level"] == "consultation_24"
    assert result["triggers"][0]["id"] == "alcohol"
    tips = [tip["id"] for tip in result["triggers"][0]["tips"]]
    assert tips[0] == "alcohol_help_cutting_down"
    assert "alcohol_free_days" not in tips  # stopping suddenly alone can be dangerous


def test_the_api_returns_the_caution_with_the_tip(client):
    response = client.post("/api/v1/assessments", json={"answers": {**SAFE, "about_you": ["pregnant"], "caffeine": "5_plus"}})
    caffeine = next(t for t in response.json["triggers"] if t["id"] == "caffeine")
    assert caffeine["tips"][0]["cautions"][0]["id"] == "pregnancy_caffeine"
    assert "200 mg" in caffeine["tips"][0]["cautions"][0]["text"]
