"""Write tests/vectors/assessments.json: hand-written cases and what each result must hold, in every language.

Each case states by hand what a person must see (triage level, red flags, triggers in rank order,
related conditions). The build stops if the engine disagrees; the scores, tips and caution lines written
beside them come from the engine, for review in the diff. No text and no content version is kept: a change
of wording changes no vector. Both engines (Python and JavaScript) are held to the file, in every language.
Run: make generate (after a change to the rules, weights, tips or cautions).
"""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from api.content import load_bundles  # noqa: E402
from api.engine import assess, build_index  # noqa: E402

OUT = Path(__file__).with_name("assessments.json")

SAFE = {"warning_signs": ["none"], "other_signs": ["none"]}  # both safety questions answered: no warning sign
UNANSWERED = ["safety_unanswered"]


def safe(answers):
    """Answers with both safety questions answered "none", so a case is about what it names."""
    return {**SAFE, **answers}


# name, answers, level, red flags (urgency order), triggers (rank order), related conditions
CASES = [
    # --- the safety questions: never self-care until both are answered ---
    ("empty answers are not checked for warning signs", {}, "consultation", UNANSWERED, [], []),
    ("empty lists count as no answer", {"warning_signs": [], "other_signs": [], "areas": [], "medications": []},
     "consultation", UNANSWERED, [], []),
    ("only warning_signs answered", {"warning_signs": ["none"]}, "consultation", UNANSWERED, [], []),
    ("only other_signs answered", {"other_signs": ["none"]}, "consultation", UNANSWERED, [], []),
    ("other_signs an empty list", {"warning_signs": ["none"], "other_signs": []}, "consultation", UNANSWERED, [], []),
    ("both safety questions none", SAFE, "self_care", [], [], []),
    ("only none answers", safe({"fluid_loss": ["none"], "diet_pattern": ["none"], "medications": ["none"],
                                "health_conditions": ["none"], "about_you": ["none"], "caffeine": "none",
                                "alcohol": "none", "nicotine": "no", "recent_injury": "no"}), "self_care", [], [], []),
    ("an emergency sign with the other question unanswered", {"warning_signs": ["breathing"]},
     "emergency_ambulance", ["breathing", "safety_unanswered"], [], []),
    ("signs in both questions, most urgent first",
     {"warning_signs": ["eyelid_droop"], "other_signs": ["fever_stiff_neck", "tick_bite_rash"]},
     "emergency_ambulance", ["fever_stiff_neck", "eyelid_droop", "tick_bite_rash"], [], []),
    ("signs in both questions, the other way round",
     {"warning_signs": ["seizure_collapse", "stiffness"], "other_signs": ["swollen_calf"]},
     "emergency_ambulance", ["seizure_collapse", "swollen_calf", "stiffness"], [], []),
    ("an emergency-department sign outranks a 24-hour one across questions",
     {"warning_signs": ["red_painful_eye"], "other_signs": ["dark_urine"]},
     "emergency", ["dark_urine", "red_painful_eye"], [], []),
    # --- every warning sign on its own ---
    ("red flag breathing", safe({"warning_signs": ["breathing"]}), "emergency_ambulance", ["breathing"], [], []),
    ("red flag sudden_one_side", safe({"warning_signs": ["sudden_one_side"]}), "emergency_ambulance", ["sudden_one_side"], [], []),
    ("red flag seizure_collapse", safe({"warning_signs": ["seizure_collapse"]}), "emergency_ambulance", ["seizure_collapse"], [], []),
    ("red flag spreading_weakness", safe({"warning_signs": ["spreading_weakness"]}), "emergency", ["spreading_weakness"], [], []),
    ("red flag swallowing_speech", safe({"warning_signs": ["swallowing_speech"]}), "consultation_24", ["swallowing_speech"], [], ["als"]),
    ("red flag weakness", safe({"warning_signs": ["weakness"]}), "consultation_24", ["weakness"], [], ["als"]),
    ("red flag muscle_loss", safe({"warning_signs": ["muscle_loss"]}), "consultation_24", ["muscle_loss"], [], ["als"]),
    ("red flag eyelid_droop", safe({"warning_signs": ["eyelid_droop"]}), "consultation_24", ["eyelid_droop"], [], []),
    ("red flag red_painful_eye", safe({"warning_signs": ["red_painful_eye"]}), "consultation_24", ["red_painful_eye"], [], []),
    ("red flag numbness_tingling, tie in content order", safe({"warning_signs": ["numbness_tingling"]}), "consultation",
     ["numbness_tingling"], ["electrolytes", "nutrition"], ["peripheral_neuropathy"]),
    ("red flag stiffness", safe({"warning_signs": ["stiffness"]}), "consultation", ["stiffness"], [], []),
    ("red flag eye_signs", safe({"warning_signs": ["eye_signs"]}), "consultation", ["eye_signs"], [], []),
    ("red flag fever_stiff_neck", safe({"other_signs": ["fever_stiff_neck"]}), "emergency_ambulance", ["fever_stiff_neck"], [], []),
    ("red flag wound_stiffness", safe({"other_signs": ["wound_stiffness"]}), "emergency", ["wound_stiffness"], [], []),
    ("red flag dark_urine", safe({"other_signs": ["dark_urine"]}), "emergency", ["dark_urine"], [], []),
    ("red flag medicine_reaction", safe({"other_signs": ["medicine_reaction"]}), "emergency", ["medicine_reaction"],
     ["medication"], []),
    ("red flag swollen_calf", safe({"other_signs": ["swollen_calf"]}), "consultation_24", ["swollen_calf"], [], []),
    ("red flag tick_bite_rash", safe({"other_signs": ["tick_bite_rash"]}), "consultation", ["tick_bite_rash"], [], []),
    ("red flag multiple_areas by two areas", safe({"areas": ["arm_hand", "calf_foot"]}), "consultation", ["multiple_areas"], [], []),
    ("red flag multiple_areas by widespread", safe({"areas": ["widespread"]}), "consultation", ["multiple_areas"], [], []),
    ("one area is no red flag", safe({"areas": ["calf_foot"]}), "self_care", [], [], []),
    ("red flag long_duration, 2 weeks to 3 months", safe({"duration": "2_weeks_to_3_months", "areas": ["calf_foot"]}),
     "consultation", ["long_duration"], [], ["benign_fasciculation_syndrome"]),
    ("red flag long_duration, over 3 months", safe({"duration": "over_3_months", "areas": ["arm_hand"]}), "consultation",
     ["long_duration"], [], ["benign_fasciculation_syndrome"]),
    ("short duration is no red flag", safe({"duration": "1_to_2_weeks"}), "self_care", [], [], []),
    ("red flag medicine_suspected", safe({"medications": ["diuretics"]}), "consultation", ["medicine_suspected"],
     ["medication", "electrolytes", "dehydration"], []),
    ("red flag after_injury", safe({"recent_injury": "neck_shoulder_arm"}), "consultation", ["after_injury"], [],
     ["brachial_plexus_injury"]),
    ("red flag kidney_disease", safe({"health_conditions": ["kidney_disease"]}), "consultation", ["kidney_disease"],
     ["electrolytes"], []),
    ("heart failure alone is no red flag", safe({"health_conditions": ["heart_failure"]}), "self_care", [], [], []),
    ("red flag alcohol_withdrawal puts alcohol first",
     safe({"alcohol": "stopped_heavy", "sleep": "under_5h", "stress": "very_high", "caffeine": "5_plus", "nicotine": "yes",
           "exercise": "hard_after_break"}),
     "consultation_24", ["alcohol_withdrawal"], ["alcohol", "caffeine", "fatigue", "sleep", "stress", "dehydration"], []),
    # --- all-of rules: every part must hold ---
    ("all-of diuretic_fluid_loss fires", safe({"medications": ["diuretics"], "fluid_loss": ["vomiting_diarrhoea"]}),
     "consultation_24", ["diuretic_fluid_loss", "medicine_suspected"], ["electrolytes", "medication", "dehydration"], []),
    ("all-of diuretic_fluid_loss: water tablets with sweating only",
     safe({"medications": ["diuretics"], "fluid_loss": ["heavy_sweating"]}),
     "consultation", ["medicine_suspected"], ["medication", "electrolytes", "dehydration"], []),
    ("all-of diuretic_fluid_loss: sickness without water tablets",
     safe({"medications": ["corticosteroids"], "fluid_loss": ["vomiting_diarrhoea"]}),
     "consultation", ["medicine_suspected"], ["medication", "electrolytes", "dehydration"], []),
    ("all-of injury_nerve_signs fires with weakness", safe({"recent_injury": "neck_shoulder_arm", "warning_signs": ["weakness"]}),
     "emergency", ["injury_nerve_signs", "weakness", "after_injury"], [], ["brachial_plexus_injury"]),
    ("all-of injury_nerve_signs fires with numbness",
     safe({"recent_injury": "neck_shoulder_arm", "warning_signs": ["numbness_tingling"]}),
     "emergency", ["injury_nerve_signs", "numbness_tingling", "after_injury"], ["electrolytes", "nutrition"],
     ["peripheral_neuropathy", "brachial_plexus_injury"]),
    ("all-of injury_nerve_signs: injury with stiffness only", safe({"recent_injury": "neck_shoulder_arm", "warning_signs": ["stiffness"]}),
     "consultation", ["stiffness", "after_injury"], [], ["brachial_plexus_injury"]),
    ("all-of injury_nerve_signs: weakness with no injury", safe({"recent_injury": "no", "warning_signs": ["weakness"]}),
     "consultation_24", ["weakness"], [], ["als"]),
    ("most urgent red flag wins, flags most urgent first",
     safe({"warning_signs": ["numbness_tingling", "weakness", "breathing"], "duration": "over_3_months"}),
     "emergency_ambulance", ["breathing", "weakness", "numbness_tingling", "long_duration"],
     ["electrolytes", "nutrition"], ["als", "peripheral_neuropathy", "multiple_sclerosis"]),
    # --- condition cards only where the answers point ---
    ("weakness hides the BFS card", safe({"warning_signs": ["weakness"], "duration": "over_3_months", "areas": ["calf_foot"]}),
     "consultation_24", ["weakness", "long_duration"], [], ["als"]),
    ("no BFS card for an eyelid-only twitch", safe({"duration": "over_3_months", "areas": ["eyelid"]}),
     "consultation", ["long_duration"], ["eye_strain"], []),
    ("BFS card for a long twitch outside the eyelid", safe({"duration": "over_3_months", "areas": ["eyelid", "calf_foot"]}),
     "consultation", ["multiple_areas", "long_duration"], ["eye_strain"], ["benign_fasciculation_syndrome"]),
    ("no MS card for tingling with diabetes", safe({"warning_signs": ["numbness_tingling"], "health_conditions": ["diabetes"]}),
     "consultation", ["numbness_tingling"], ["electrolytes", "nutrition"], ["peripheral_neuropathy"]),
    ("MS card for stiffness with diabetes", safe({"warning_signs": ["numbness_tingling", "stiffness"],
                                                 "health_conditions": ["diabetes"]}),
     "consultation", ["numbness_tingling", "stiffness"], ["electrolytes", "nutrition"],
     ["peripheral_neuropathy", "multiple_sclerosis"]),
    ("diabetes alone shows no nerve card", safe({"health_conditions": ["diabetes"]}), "self_care", [], [], []),
    ("MS card needs two nerve signs", safe({"warning_signs": ["weakness", "stiffness"]}), "consultation_24",
     ["weakness", "stiffness"], [], ["als", "multiple_sclerosis"]),
    ("no ALS or MS card after an injury: the nerve injury fits", safe({"warning_signs": ["weakness", "stiffness"],
                                                                       "recent_injury": "neck_shoulder_arm"}),
     "emergency", ["injury_nerve_signs", "weakness", "stiffness", "after_injury"], [], ["brachial_plexus_injury"]),
    # --- triggers ---
    ("trigger sleep", safe({"sleep": "under_5h"}), "self_care", [], ["sleep", "fatigue"], []),
    ("trigger caffeine", safe({"caffeine": "5_plus"}), "self_care", [], ["caffeine", "sleep"], []),
    ("one or two cups of caffeine is no reason", safe({"caffeine": "1_to_2"}), "self_care", [], [], []),
    ("trigger stress", safe({"stress": "very_high"}), "self_care", [], ["stress", "sleep"], []),
    ("trigger fatigue", safe({"exercise": "hard_after_break"}), "self_care", [], ["fatigue", "dehydration"], []),
    ("trigger medication", safe({"medications": ["corticosteroids"]}), "consultation", ["medicine_suspected"],
     ["medication"], []),
    ("trigger dehydration", safe({"fluids": "under_4", "fluid_loss": ["vomiting_diarrhoea"]}), "self_care", [],
     ["electrolytes", "dehydration"], []),
    ("trigger sedentary", safe({"activity": "mostly_sitting", "exercise": "none"}), "self_care", [], ["sedentary"], []),
    ("weak evidence does not outrank a well-sourced trigger",
     safe({"activity": "mostly_sitting", "exercise": "none", "fluids": "under_4", "stress": "moderate"}),
     "self_care", [], ["stress", "electrolytes", "sedentary", "dehydration"], []),
    ("trigger nutrition", safe({"diet": "rarely", "diet_pattern": ["vegan_or_vegetarian"]}), "self_care", [],
     ["nutrition", "electrolytes"], []),
    ("trigger alcohol", safe({"alcohol": "most_days"}), "self_care", [], ["alcohol", "sleep", "dehydration"], []),
    ("trigger eye_strain with eyelid", safe({"areas": ["eyelid"], "screen_time": "over_8h"}), "self_care", [], ["eye_strain"], []),
    ("eyelid alone still fits eye strain", safe({"areas": ["eyelid"]}), "self_care", [], ["eye_strain"], []),
    ("no eye_strain without eyelid", safe({"areas": ["calf_foot"], "screen_time": "over_8h", "sleep": "5_to_6h"}),
     "self_care", [], ["sleep"], []),
    ("ties keep content order", safe({"stress": "moderate", "alcohol": "some"}), "self_care", [], ["stress", "alcohol"], []),
    ("score is capped at 1", safe({"caffeine": "5_plus", "nicotine": "yes", "medications": ["stimulant_medicine"]}),
     "consultation", ["medicine_suspected"], ["caffeine", "medication", "sleep"], []),
    ("multi options in one order", safe({"areas": ["eyelid", "calf_foot"], "fluid_loss": ["heavy_sweating", "vomiting_diarrhoea"]}),
     "consultation", ["multiple_areas"], ["electrolytes", "eye_strain", "dehydration"], []),
    ("multi options in the other order give the same result",
     safe({"areas": ["calf_foot", "eyelid"], "fluid_loss": ["vomiting_diarrhoea", "heavy_sweating"]}),
     "consultation", ["multiple_areas"], ["electrolytes", "eye_strain", "dehydration"], []),
    # --- cautions and tips that fit the person ---
    ("kidney disease: mineral and fluid tips carry the caution",
     safe({"health_conditions": ["kidney_disease"], "fluids": "under_4", "diet": "rarely"}),
     "consultation", ["kidney_disease"], ["electrolytes", "nutrition", "dehydration"], []),
    ("heart failure: fluid tips carry the caution", safe({"health_conditions": ["heart_failure"], "fluids": "under_4"}),
     "self_care", [], ["electrolytes", "dehydration"], []),
    ("water tablets with sickness: sick-day caution", safe({"medications": ["diuretics"], "fluid_loss": ["vomiting_diarrhoea"],
                                                           "about_you": ["none"]}),
     "consultation_24", ["diuretic_fluid_loss", "medicine_suspected"], ["electrolytes", "medication", "dehydration"], []),
    ("pregnancy: caffeine limit and supplements", safe({"about_you": ["pregnant"], "caffeine": "3_to_4", "diet": "rarely"}),
     "self_care", [], ["caffeine", "nutrition", "electrolytes"], []),
    ("under 16: energy drinks and tics", safe({"about_you": ["under_16"], "caffeine": "5_plus"}),
     "self_care", [], ["caffeine", "sleep"], []),
    ("under 16 and pregnant together", safe({"about_you": ["pregnant", "under_16"], "caffeine": "3_to_4"}),
     "self_care", [], ["caffeine"], []),
    ("every question answered", {
        "warning_signs": ["none"], "other_signs": ["none"], "areas": ["eyelid"], "duration": "1_to_2_weeks",
        "about_you": ["none"], "sleep": "5_to_6h", "caffeine": "3_to_4", "nicotine": "no", "alcohol": "some",
        "stress": "high", "exercise": "light", "activity": "mostly_sitting", "fluids": "4_to_7", "fluid_loss": ["none"],
        "diet": "sometimes", "diet_pattern": ["skips_meals"], "screen_time": "over_8h", "medications": ["none"],
        "health_conditions": ["none"], "recent_injury": "no"},
     "self_care", [], ["eye_strain", "stress", "caffeine", "sleep", "nutrition", "alcohol", "fatigue",
                       "electrolytes", "sedentary", "dehydration"], []),
    # --- safety net, version 3 (spec-v3 section 1): each new flag firing and not firing ---
    ("v3 chest_pain fires", safe({"other_signs": ["chest_pain"]}), "emergency_ambulance", ["chest_pain"], [], []),
    ("v3 chest_pain: a teenager on energy drinks with a tight chest",
     safe({"other_signs": ["chest_pain"], "about_you": ["under_16"], "caffeine": "5_plus"}),
     "emergency_ambulance", ["chest_pain"], ["caffeine", "sleep"], []),
    ("v3 chest_pain does not fire on energy drinks alone", safe({"about_you": ["under_16"], "caffeine": "5_plus"}),
     "self_care", [], ["caffeine", "sleep"], []),
    ("v3 bad_headache fires", safe({"other_signs": ["bad_headache"]}), "emergency", ["bad_headache"], [], []),
    ("v3 bad_headache: a runner who over-drank and was sick",
     safe({"other_signs": ["bad_headache"], "fluids": "8_plus", "fluid_loss": ["vomiting_diarrhoea"], "exercise": "hard"}),
     "emergency", ["bad_headache"], ["fatigue", "electrolytes", "dehydration"], []),
    ("v3 hands_lock fires", safe({"other_signs": ["hands_lock"]}), "consultation_24", ["hands_lock"], [], []),
    ("v3 weight_loss fires", safe({"other_signs": ["weight_loss"]}), "consultation", ["weight_loss"], [], []),
    ("v3 lithium fires and puts medication first", safe({"medications": ["lithium"], "stress": "very_high"}),
     "consultation_24", ["lithium", "medicine_suspected"], ["medication", "stress", "sleep"], []),
    ("v3 lithium_fluid_loss fires: lithium with being sick",
     safe({"medications": ["lithium"], "fluid_loss": ["vomiting_diarrhoea"], "stress": "very_high"}),
     "emergency", ["lithium_fluid_loss", "lithium", "medicine_suspected"],
     ["medication", "stress", "electrolytes", "sleep", "dehydration"], []),
    ("v3 lithium_fluid_loss does not fire with sweating only", safe({"medications": ["lithium"], "fluid_loss": ["heavy_sweating"]}),
     "consultation_24", ["lithium", "medicine_suspected"], ["medication", "electrolytes", "dehydration"], []),
    ("v3 lithium_fluid_loss does not fire on being sick without lithium",
     safe({"medications": ["none"], "fluid_loss": ["vomiting_diarrhoea"]}),
     "self_care", [], ["electrolytes", "dehydration"], []),
    ("v3 medicine_stopped fires and puts medication before stress",
     safe({"medications": ["stopped_medicine"], "stress": "very_high"}),
     "consultation_24", ["medicine_stopped", "medicine_suspected"], ["medication", "stress", "sleep"], []),
    ("v3 statin raises medicine_suspected only", safe({"medications": ["statin"]}), "consultation", ["medicine_suspected"],
     [], []),
    ("v3 neck_surgery_calcium fires with locking hands", safe({"about_you": ["neck_surgery"], "other_signs": ["hands_lock"]}),
     "emergency", ["neck_surgery_calcium", "hands_lock"], [], []),
    ("v3 neck_surgery_calcium fires with numbness",
     safe({"about_you": ["neck_surgery"], "warning_signs": ["numbness_tingling"]}),
     "emergency", ["neck_surgery_calcium", "numbness_tingling"], ["electrolytes", "nutrition"], ["peripheral_neuropathy"]),
    ("v3 neck_surgery_calcium does not fire on surgery alone", safe({"about_you": ["neck_surgery"]}), "self_care", [], [], []),
    ("v3 pregnancy_warning fires with a red eye or blurred sight",
     safe({"about_you": ["pregnant"], "warning_signs": ["red_painful_eye"]}),
     "emergency", ["pregnancy_warning", "red_painful_eye"], [], []),
    ("v3 pregnancy_warning fires with a bad headache", safe({"about_you": ["pregnant"], "other_signs": ["bad_headache"]}),
     "emergency", ["pregnancy_warning", "bad_headache"], [], []),
    ("v3 pregnancy_warning does not fire without those signs",
     safe({"about_you": ["pregnant"], "other_signs": ["swollen_calf"]}),
     "consultation_24", ["swollen_calf"], [], []),
    ("v3 medicine_reaction puts medication before a higher stress score",
     safe({"other_signs": ["medicine_reaction"], "stress": "very_high", "medications": ["other_new"]}),
     "emergency", ["medicine_reaction", "medicine_suspected"], ["medication", "stress", "sleep"], []),
    ("v3 no caffeine trigger for a child with no caffeine on a stimulant medicine",
     safe({"about_you": ["under_16"], "caffeine": "none", "medications": ["stimulant_medicine"]}),
     "consultation", ["medicine_suspected"], ["medication"], []),
    ("v3 nicotine keeps the caffeine trigger with no caffeine", safe({"caffeine": "none", "nicotine": "yes"}),
     "self_care", [], ["caffeine"], []),
    ("v3 no sedentary trigger with weakness", safe({"warning_signs": ["weakness"], "activity": "mostly_sitting",
                                                    "exercise": "none"}),
     "consultation_24", ["weakness"], [], ["als"]),
    ("v3 no sedentary trigger with a thinner muscle", safe({"warning_signs": ["muscle_loss"], "activity": "mostly_sitting"}),
     "consultation_24", ["muscle_loss"], [], ["als"]),
    ("v3 no sedentary trigger with swallowing or speech trouble",
     safe({"warning_signs": ["swallowing_speech"], "activity": "mostly_sitting"}),
     "consultation_24", ["swallowing_speech"], [], ["als"]),
    ("v3 no ALS card with a droop or double vision", safe({"warning_signs": ["weakness", "eyelid_droop"]}),
     "consultation_24", ["weakness", "eyelid_droop"], [], []),
    # --- the adaptive check (spec-v3 section 2.2): every follow-up branch; unanswered is the version-2 case above ---
    ("v3 breathing_now severe_now", safe({"warning_signs": ["breathing"], "breathing_now": "severe_now"}),
     "emergency_ambulance", ["breathing"], [], []),
    ("v3 breathing_now short_now", safe({"warning_signs": ["breathing"], "breathing_now": "short_now"}),
     "consultation_24", ["breathless_now"], [], []),
    ("v3 breathing_now passed", safe({"warning_signs": ["breathing"], "breathing_now": "passed"}),
     "consultation", ["breathless_passed"], [], []),
    ("v3 weakness_how sudden, timing unanswered", safe({"warning_signs": ["weakness"], "weakness_how": "sudden"}),
     "emergency_ambulance", ["sudden_one_side"], [], []),
    ("v3 weakness_how sudden, earlier", safe({"warning_signs": ["weakness"], "weakness_how": "sudden", "sudden_when": "earlier"}),
     "consultation_24", ["sudden_one_side_earlier"], [], []),
    ("v3 weakness_how spreading", safe({"warning_signs": ["weakness"], "weakness_how": "spreading"}),
     "emergency", ["spreading_weakness"], [], []),
    ("v3 weakness_how worse_weeks", safe({"warning_signs": ["weakness"], "weakness_how": "worse_weeks"}),
     "consultation_24", ["weakness"], [], ["als"]),
    ("v3 weakness_how cant_do", safe({"warning_signs": ["weakness"], "weakness_how": "cant_do"}),
     "consultation_24", ["weakness"], [], ["als"]),
    ("v3 weakness_how feels_weak", safe({"warning_signs": ["weakness"], "weakness_how": "feels_weak"}),
     "consultation", ["weakness_felt"], [], []),
    ("v3 felt weakness in a calf for months: BFS card, no ALS card, no 24-hour level",
     safe({"warning_signs": ["weakness"], "weakness_how": "feels_weak", "areas": ["calf_foot"], "duration": "over_3_months"}),
     "consultation", ["weakness_felt", "long_duration"], [], ["benign_fasciculation_syndrome"]),
    ("v3 measurable weakness in a calf for months: ALS card, no BFS card",
     safe({"warning_signs": ["weakness"], "weakness_how": "cant_do", "areas": ["calf_foot"], "duration": "over_3_months"}),
     "consultation_24", ["weakness", "long_duration"], [], ["als"]),
    ("v3 muscle_loss_how clearly_thinner", safe({"warning_signs": ["muscle_loss"], "muscle_loss_how": "clearly_thinner"}),
     "consultation_24", ["muscle_loss"], [], ["als"]),
    ("v3 muscle_loss_how not_sure", safe({"warning_signs": ["muscle_loss"], "muscle_loss_how": "not_sure"}),
     "consultation", ["muscle_loss_unsure"], [], []),
    ("v3 speech_swallow_how cannot_swallow_now",
     safe({"warning_signs": ["swallowing_speech"], "speech_swallow_how": "cannot_swallow_now"}),
     "emergency_ambulance", ["cannot_swallow"], [], ["als"]),
    ("v3 speech_swallow_how sudden", safe({"warning_signs": ["swallowing_speech"], "speech_swallow_how": "sudden"}),
     "emergency_ambulance", ["sudden_one_side"], [], []),
    ("v3 speech_swallow_how sudden, checked",
     safe({"warning_signs": ["swallowing_speech"], "speech_swallow_how": "sudden", "sudden_when": "checked"}),
     "consultation", ["sudden_one_side_checked"], [], []),
    ("v3 speech_swallow_how getting_worse", safe({"warning_signs": ["swallowing_speech"], "speech_swallow_how": "getting_worse"}),
     "consultation_24", ["swallowing_speech"], [], ["als"]),
    ("v3 speech_swallow_how throat_feeling", safe({"warning_signs": ["swallowing_speech"], "speech_swallow_how": "throat_feeling"}),
     "consultation", ["throat_feeling"], [], []),
    ("v3 numbness_how sudden_one_side", safe({"warning_signs": ["numbness_tingling"], "numbness_how": ["sudden_one_side"]}),
     "emergency_ambulance", ["sudden_one_side", "numbness_tingling"], ["electrolytes", "nutrition"], ["peripheral_neuropathy"]),
    ("v3 numbness_how sudden_one_side, last 24 hours",
     safe({"warning_signs": ["numbness_tingling"], "numbness_how": ["sudden_one_side"], "sudden_when": "last_24h"}),
     "emergency_ambulance", ["sudden_one_side", "numbness_tingling"], ["electrolytes", "nutrition"], ["peripheral_neuropathy"]),
    ("v3 numbness_how spreading", safe({"warning_signs": ["numbness_tingling"], "numbness_how": ["spreading"]}),
     "emergency", ["spreading_weakness", "numbness_tingling"], ["electrolytes", "nutrition"], ["peripheral_neuropathy"]),
    ("v3 numbness_how saddle", safe({"warning_signs": ["numbness_tingling"], "numbness_how": ["saddle"]}),
     "emergency", ["saddle_numbness", "numbness_tingling"], ["electrolytes", "nutrition"], ["peripheral_neuropathy"]),
    ("v3 numbness_how saddle raises a lower tick too",
     safe({"warning_signs": ["numbness_tingling"], "numbness_how": ["hands_feet", "saddle"]}),
     "emergency", ["saddle_numbness", "numbness_tingling"], ["electrolytes", "nutrition"], ["peripheral_neuropathy"]),
    ("v3 numbness_how mouth_fingers", safe({"warning_signs": ["numbness_tingling"], "numbness_how": ["mouth_fingers"]}),
     "consultation", ["numbness_tingling"], ["electrolytes", "nutrition"], ["peripheral_neuropathy"]),
    ("v3 numbness_how hands_feet", safe({"warning_signs": ["numbness_tingling"], "numbness_how": ["hands_feet"]}),
     "consultation", ["numbness_tingling"], ["electrolytes", "nutrition"], ["peripheral_neuropathy"]),
    ("v3 numbness_how one_place", safe({"warning_signs": ["numbness_tingling"], "numbness_how": ["one_place"]}),
     "consultation", ["numbness_tingling"], ["electrolytes", "nutrition"], ["peripheral_neuropathy"]),
    ("v3 sudden_when now", safe({"warning_signs": ["sudden_one_side"], "sudden_when": "now"}),
     "emergency_ambulance", ["sudden_one_side"], [], []),
    ("v3 sudden_when last_24h", safe({"warning_signs": ["sudden_one_side"], "sudden_when": "last_24h"}),
     "emergency_ambulance", ["sudden_one_side"], [], []),
    ("v3 sudden_when earlier", safe({"warning_signs": ["sudden_one_side"], "sudden_when": "earlier"}),
     "consultation_24", ["sudden_one_side_earlier"], [], []),
    ("v3 sudden_when checked", safe({"warning_signs": ["sudden_one_side"], "sudden_when": "checked"}),
     "consultation", ["sudden_one_side_checked"], [], []),
    ("v3 collapse_when recent", safe({"warning_signs": ["seizure_collapse"], "collapse_when": "recent"}),
     "emergency_ambulance", ["seizure_collapse"], [], []),
    ("v3 collapse_when simple_faint", safe({"warning_signs": ["seizure_collapse"], "collapse_when": "simple_faint"}),
     "consultation", ["faint"], [], []),
    ("v3 collapse_when earlier", safe({"warning_signs": ["seizure_collapse"], "collapse_when": "earlier"}),
     "consultation_24", ["collapse_earlier"], [], []),
    ("v3 collapse_when checked", safe({"warning_signs": ["seizure_collapse"], "collapse_when": "checked"}),
     "consultation", ["collapse_checked"], [], []),
    ("v3 eye_how sight_loss_or_severe", safe({"warning_signs": ["red_painful_eye"], "eye_how": "sight_loss_or_severe"}),
     "emergency", ["eye_emergency", "red_painful_eye"], [], []),
    ("v3 eye_how red_sore", safe({"warning_signs": ["red_painful_eye"], "eye_how": "red_sore"}),
     "consultation_24", ["red_painful_eye"], [], []),
    ("v3 chest_pain_when now_or_recent", safe({"other_signs": ["chest_pain"], "chest_pain_when": "now_or_recent"}),
     "emergency_ambulance", ["chest_pain"], [], []),
    ("v3 chest_pain_when stopped", safe({"other_signs": ["chest_pain"], "chest_pain_when": "stopped"}),
     "consultation_24", ["chest_pain_stopped"], [], []),
    ("v3 headache_how sudden_severe", safe({"other_signs": ["bad_headache"], "headache_how": "sudden_severe"}),
     "emergency", ["bad_headache"], [], []),
    ("v3 headache_how getting_worse", safe({"other_signs": ["bad_headache"], "headache_how": "getting_worse"}),
     "consultation_24", ["headache_worsening"], [], []),
    ("v3 headache_how usual", safe({"other_signs": ["bad_headache"], "headache_how": "usual"}), "self_care", [], [], []),
    ("v3 headache_how usual still raises the pregnancy warning",
     safe({"other_signs": ["bad_headache"], "headache_how": "usual", "about_you": ["pregnant"]}),
     "emergency", ["pregnancy_warning"], [], []),
    ("v3 droop_with_headache, headache unanswered", safe({"warning_signs": ["eyelid_droop"], "other_signs": ["bad_headache"]}),
     "emergency_ambulance", ["droop_with_headache", "bad_headache", "eyelid_droop"], [], []),
    ("v3 droop_with_headache, a new headache getting worse",
     safe({"warning_signs": ["eyelid_droop"], "other_signs": ["bad_headache"], "headache_how": "getting_worse"}),
     "emergency_ambulance", ["droop_with_headache", "eyelid_droop", "headache_worsening"], [], []),
    ("v3 droop_with_headache does not fire with a usual headache",
     safe({"warning_signs": ["eyelid_droop"], "other_signs": ["bad_headache"], "headache_how": "usual"}),
     "consultation_24", ["eyelid_droop"], [], []),
    ("v3 a follow-up answered without its parent changes nothing",
     safe({"weakness_how": "feels_weak", "breathing_now": "passed", "sudden_when": "checked", "collapse_when": "simple_faint",
           "chest_pain_when": "stopped", "headache_how": "usual", "numbness_how": ["saddle"], "eye_how": "sight_loss_or_severe",
           "speech_swallow_how": "cannot_swallow_now", "muscle_loss_how": "not_sure"}),
     "self_care", [], [], []),
]


def expectations(result):
    """What a vector pins of a result: levels, ids, order and scores, never a text (the same in every language).
    Which tips a trigger shows, in which order and with which caution lines is safety: pinned too."""
    return {
        "triage_level": result["triage"]["level"],
        "triage_cautions": [caution["id"] for caution in result["triage"]["cautions"]],
        "red_flags": [flag["id"] for flag in result["red_flags"]],
        "triggers": [{"id": trigger["id"], "score": trigger["score"], "tips": [tip["id"] for tip in trigger["tips"]],
                      "tip_cautions": {tip["id"]: [c["id"] for c in tip["cautions"]]
                                       for tip in trigger["tips"] if tip["cautions"]}}
                     for trigger in result["triggers"]],
        "related_conditions": [condition["id"] for condition in result["related_conditions"]],
    }


def hand_written(expected):
    """The part of the expectations each case states by hand."""
    return {"triage_level": expected["triage_level"], "red_flags": expected["red_flags"],
            "triggers": [trigger["id"] for trigger in expected["triggers"]],
            "related_conditions": expected["related_conditions"]}


def build(directory=None):
    """The vectors file's text: each case's answers and what every language's result must hold (the engine's
    scores, tips and cautions beside the hand-written facts). ValueError when the engine disagrees with a case."""
    bundles = load_bundles(*([directory] if directory else []))
    index = {lang: build_index(bundle) for lang, bundle in bundles.items()}
    vectors, wrong = [], []
    for name, answers, level, flags, triggers, conditions in CASES:
        stated = {"triage_level": level, "red_flags": flags, "triggers": triggers, "related_conditions": conditions}
        found = {lang: expectations(assess(bundle, answers, index[lang])) for lang, bundle in bundles.items()}
        expected = next(iter(found.values()))
        for lang, facts in found.items():
            if facts != expected:
                wrong.append(f"{name} ({lang}): ids or scores differ from the first language's: {facts}")
            elif hand_written(facts) != stated:
                wrong.append(f"{name} ({lang}):\n  hand-written {stated}\n  engine       {hand_written(facts)}")
        vectors.append({"name": name, "answers": answers, "expected": expected})
    if wrong:
        raise ValueError("The engine disagrees with the hand-written cases:\n" + "\n".join(wrong))
    text = json.dumps({"cases": vectors}, indent=1, ensure_ascii=False)
    # Lists of ids on one line each, so a case reads (and diffs) in a few lines.
    return re.sub(r"\[[^\[\]{}]*\]", lambda m: json.dumps(json.loads(m.group(0)), ensure_ascii=False), text) + "\n"


if __name__ == "__main__":
    try:
        OUT.write_text(build(*sys.argv[1:]), encoding="utf-8")
    except ValueError as error:
        sys.exit(str(error))
    print(f"wrote {len(CASES)} cases to tests/vectors/{OUT.name}")
