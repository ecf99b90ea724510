"""Write tests/vectors/assessments.json: hand-written cases, their key facts, and the engine's full result.

Each case states by hand what a person must see (triage level, red flags, triggers in rank order,
related conditions). The build stops if the engine disagrees, so the full results written beside
them cannot drift silently. Both engines (Python and JavaScript) are then held to the file.
Run: make vectors (after any content change).
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from api.content import load_content  # noqa: E402
from api.engine import assess  # noqa: E402

OUT = Path(__file__).with_name("assessments.json")

# name, answers, level, red flags (urgency order), triggers (rank order), related conditions
CASES = [
    ("empty answers", {}, "self_care", [], [], []),
    ("empty lists count as no answer", {"warning_signs": [], "areas": [], "medications": []}, "self_care", [], [], []),
    ("only none answers", {"warning_signs": ["none"], "fluid_loss": ["none"], "diet_pattern": ["none"],
                           "medications": ["none"], "health_conditions": ["none"], "caffeine": "none",
                           "alcohol": "none", "nicotine": "no", "recent_injury": "no"}, "self_care", [], [], []),
    ("red flag breathing", {"warning_signs": ["breathing"]}, "emergency_ambulance", ["breathing"], [], []),
    ("red flag sudden_one_side", {"warning_signs": ["sudden_one_side"]}, "emergency_ambulance", ["sudden_one_side"], [], []),
    ("red flag swallowing_speech", {"warning_signs": ["swallowing_speech"]}, "consultation_24", ["swallowing_speech"], [], ["als"]),
    ("red flag weakness", {"warning_signs": ["weakness"]}, "consultation_24", ["weakness"], [], ["als", "multiple_sclerosis"]),
    ("red flag muscle_loss", {"warning_signs": ["muscle_loss"]}, "consultation_24", ["muscle_loss"], [], ["als"]),
    ("red flag numbness_tingling, tie in content order", {"warning_signs": ["numbness_tingling"]}, "consultation",
     ["numbness_tingling"], ["electrolytes", "nutrition"], ["peripheral_neuropathy", "multiple_sclerosis"]),
    ("red flag stiffness", {"warning_signs": ["stiffness"]}, "consultation", ["stiffness"], [], ["multiple_sclerosis"]),
    ("red flag eye_signs", {"warning_signs": ["eye_signs"]}, "consultation", ["eye_signs"], [], []),
    ("red flag multiple_areas by two areas", {"areas": ["arm_hand", "calf_foot"]}, "consultation", ["multiple_areas"], [], []),
    ("red flag multiple_areas by widespread", {"areas": ["widespread"]}, "consultation", ["multiple_areas"], [], []),
    ("one area is no red flag", {"areas": ["calf_foot"]}, "self_care", [], [], []),
    ("red flag long_duration, 2 weeks to 3 months", {"duration": "2_weeks_to_3_months"}, "consultation",
     ["long_duration"], [], ["benign_fasciculation_syndrome"]),
    ("red flag long_duration, over 3 months", {"duration": "over_3_months"}, "consultation",
     ["long_duration"], [], ["benign_fasciculation_syndrome"]),
    ("short duration is no red flag", {"duration": "1_to_2_weeks"}, "self_care", [], [], []),
    ("red flag medicine_suspected", {"medications": ["diuretics"]}, "consultation", ["medicine_suspected"],
     ["medication", "electrolytes", "dehydration"], []),
    ("red flag after_injury", {"recent_injury": "neck_shoulder_arm"}, "consultation", ["after_injury"], [],
     ["brachial_plexus_injury"]),
    ("most urgent red flag wins, flags most urgent first",
     {"warning_signs": ["numbness_tingling", "weakness", "breathing"], "duration": "over_3_months"},
     "emergency_ambulance", ["breathing", "weakness", "numbness_tingling", "long_duration"],
     ["electrolytes", "nutrition"], ["als", "peripheral_neuropathy", "multiple_sclerosis"]),
    ("weakness hides the BFS reassurance", {"warning_signs": ["weakness"], "duration": "over_3_months"},
     "consultation_24", ["weakness", "long_duration"], [], ["als", "multiple_sclerosis"]),
    ("trigger sleep", {"sleep": "under_5h"}, "self_care", [], ["sleep", "fatigue"], []),
    ("trigger caffeine", {"caffeine": "5_plus"}, "self_care", [], ["caffeine", "sleep"], []),
    ("trigger stress", {"stress": "very_high"}, "self_care", [], ["stress", "sleep"], []),
    ("trigger fatigue", {"exercise": "hard_after_break"}, "self_care", [], ["fatigue", "dehydration"], []),
    ("trigger electrolytes", {"health_conditions": ["kidney_disease"]}, "self_care", [], ["electrolytes"], []),
    ("trigger medication", {"medications": ["corticosteroids"]}, "consultation", ["medicine_suspected"],
     ["medication", "electrolytes"], []),
    ("trigger dehydration", {"fluids": "under_4", "fluid_loss": ["vomiting_diarrhoea"]}, "self_care", [],
     ["dehydration", "electrolytes"], []),
    ("trigger sedentary", {"activity": "mostly_sitting", "exercise": "none"}, "self_care", [], ["sedentary"], []),
    ("trigger nutrition", {"diet": "rarely", "diet_pattern": ["vegan_or_vegetarian"]}, "self_care", [],
     ["nutrition", "electrolytes"], []),
    ("trigger alcohol", {"alcohol": "most_days"}, "self_care", [], ["alcohol", "sleep", "dehydration"], []),
    ("trigger eye_strain with eyelid", {"areas": ["eyelid"], "screen_time": "over_8h"}, "self_care", [], ["eye_strain"], []),
    ("eyelid alone still fits eye strain", {"areas": ["eyelid"]}, "self_care", [], ["eye_strain"], []),
    ("no eye_strain without eyelid", {"areas": ["calf_foot"], "screen_time": "over_8h", "sleep": "5_to_6h"},
     "self_care", [], ["sleep"], []),
    ("ties keep content order", {"stress": "moderate", "alcohol": "some"}, "self_care", [], ["stress", "alcohol"], []),
    ("score is capped at 1", {"caffeine": "5_plus", "nicotine": "yes", "medications": ["stimulant_medicine"]},
     "consultation", ["medicine_suspected"], ["caffeine", "medication", "sleep"], []),
    ("diabetes is mentioned to a doctor", {"health_conditions": ["diabetes"]}, "self_care", [], [],
     ["peripheral_neuropathy"]),
    ("multi options in one order", {"areas": ["eyelid", "calf_foot"], "fluid_loss": ["heavy_sweating", "vomiting_diarrhoea"]},
     "consultation", ["multiple_areas"], ["dehydration", "electrolytes", "eye_strain"], []),
    ("multi options in the other order give the same result",
     {"areas": ["calf_foot", "eyelid"], "fluid_loss": ["vomiting_diarrhoea", "heavy_sweating"]},
     "consultation", ["multiple_areas"], ["dehydration", "electrolytes", "eye_strain"], []),
    ("every question answered", {
        "warning_signs": ["none"], "areas": ["eyelid"], "duration": "1_to_2_weeks", "sleep": "5_to_6h",
        "caffeine": "3_to_4", "nicotine": "no", "alcohol": "some", "stress": "high", "exercise": "light",
        "activity": "mostly_sitting", "fluids": "4_to_7", "fluid_loss": ["none"], "diet": "sometimes",
        "diet_pattern": ["skips_meals"], "screen_time": "over_8h", "medications": ["none"],
        "health_conditions": ["none"], "recent_injury": "no"},
     "self_care", [], ["eye_strain", "stress", "caffeine", "sleep", "sedentary", "nutrition", "alcohol",
                       "fatigue", "electrolytes", "dehydration"], []),
]


def summary(result):
    return {
        "triage_level": result["triage"]["level"],
        "red_flags": [flag["id"] for flag in result["red_flags"]],
        "triggers": [trigger["id"] for trigger in result["triggers"]],
        "related_conditions": [condition["id"] for condition in result["related_conditions"]],
    }


def build():
    content = load_content()
    vectors, wrong = [], []
    for name, answers, level, flags, triggers, conditions in CASES:
        result = assess(content, answers)
        expected_summary = {"triage_level": level, "red_flags": flags, "triggers": triggers,
                            "related_conditions": conditions}
        if summary(result) != expected_summary:
            wrong.append(f"{name}:\n  hand-written {expected_summary}\n  engine       {summary(result)}")
        vectors.append({"name": name, "answers": answers, "summary": expected_summary, "expected": result})
    if wrong:
        sys.exit("The engine disagrees with the hand-written cases:\n" + "\n".join(wrong))
    OUT.write_text(json.dumps({"content_version": content["version"], "cases": vectors},
                              indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(vectors)} cases to {OUT}")


if __name__ == "__main__":
    build()
