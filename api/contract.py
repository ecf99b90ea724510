"""The stable ids of the public contract (product spec): content may add ids, never drop these."""

TRIAGE_LEVELS = ("emergency_ambulance", "emergency", "consultation_24", "consultation", "self_care")

TRIGGERS = (
    "fatigue", "stress", "electrolytes", "caffeine", "medication", "sleep",
    "dehydration", "sedentary", "nutrition", "alcohol", "eye_strain",
)

# The kinds of personal experiment: each is the id of the tip it tests (personal-experiment.md section 3).
EXPERIMENT_KINDS = (
    "caffeine_stop_after_midday", "sleep_aim_seven_hours", "sleep_wind_down", "eye_strain_screen_breaks",
    "stress_slow_breathing", "dehydration_sip_through_the_day", "alcohol_not_before_bed",
    "sedentary_move_every_hour", "fatigue_break_up_repeated_tasks",
)

CONDITIONS = (
    "benign_fasciculation_syndrome", "als", "peripheral_neuropathy",
    "brachial_plexus_injury", "multiple_sclerosis",
)

RED_FLAGS = (
    "breathing", "sudden_one_side", "swallowing_speech", "weakness", "muscle_loss",
    "numbness_tingling", "stiffness", "eye_signs", "multiple_areas", "long_duration",
    "medicine_suspected", "after_injury",
    # version 2: the safety net
    "seizure_collapse", "spreading_weakness", "eyelid_droop", "red_painful_eye",
    "fever_stiff_neck", "wound_stiffness", "dark_urine", "medicine_reaction", "swollen_calf", "tick_bite_rash",
    "safety_unanswered", "alcohol_withdrawal", "kidney_disease", "diuretic_fluid_loss", "injury_nerve_signs",
)

# question id -> (kind, option ids)
QUESTIONS = {
    "warning_signs": ("multi", ("breathing", "sudden_one_side", "swallowing_speech", "weakness",
                                "muscle_loss", "numbness_tingling", "stiffness", "eye_signs",
                                "seizure_collapse", "spreading_weakness", "eyelid_droop", "red_painful_eye", "none")),
    "other_signs": ("multi", ("fever_stiff_neck", "wound_stiffness", "dark_urine", "medicine_reaction",
                              "swollen_calf", "tick_bite_rash", "none")),
    "areas": ("multi", ("eyelid", "face", "arm_hand", "torso", "thigh", "calf_foot", "widespread")),
    "duration": ("single", ("under_1_week", "1_to_2_weeks", "2_weeks_to_3_months", "over_3_months")),
    "sleep": ("single", ("under_5h", "5_to_6h", "7_to_8h", "over_8h")),
    "caffeine": ("single", ("none", "1_to_2", "3_to_4", "5_plus")),
    "nicotine": ("single", ("no", "yes")),
    "alcohol": ("single", ("none", "some", "most_days", "stopped_heavy")),
    "stress": ("single", ("low", "moderate", "high", "very_high")),
    "exercise": ("single", ("none", "light", "hard", "hard_after_break")),
    "activity": ("single", ("mostly_sitting", "some_movement", "active")),
    "fluids": ("single", ("under_4", "4_to_7", "8_plus")),
    "fluid_loss": ("multi", ("heavy_sweating", "vomiting_diarrhoea", "none")),
    "diet": ("single", ("rarely", "sometimes", "most_days")),
    "diet_pattern": ("multi", ("vegan_or_vegetarian", "skips_meals", "none")),
    "screen_time": ("single", ("under_4h", "4_to_8h", "over_8h")),
    "medications": ("multi", ("corticosteroids", "diuretics", "stimulant_medicine",
                              "asthma_reliever", "other_new", "none")),
    "health_conditions": ("multi", ("diabetes", "kidney_disease", "heart_failure", "none")),
    "about_you": ("multi", ("pregnant", "under_16", "none")),
    "recent_injury": ("single", ("no", "neck_shoulder_arm")),
}

# The first questions asked, in this order: warning signs come first. Neither may be skipped in the app.
SAFETY_QUESTIONS = ("warning_signs", "other_signs")
FIRST_QUESTION = SAFETY_QUESTIONS[0]

# What the app builds on beyond the ids above: the level whose screen shows tap-to-call numbers (`calls`),
# and the guide section whose `questions_to_ask` the diary prints for a doctor.
CALLS_LEVEL = "emergency_ambulance"
DOCTOR_SECTION = "seeing_a_doctor"
