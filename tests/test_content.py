"""The content files: every stable id present, every broken file stops the app with a message that names it."""
import sys
from pathlib import Path

import pytest

from api import contract, create_app
from api.content import ContentError, load_content
from api.content_schemas import FILES
from helpers import option, prose, question, rewrite
from readability import grade

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import article_fingerprint  # noqa: E402  (a tool, not a test module)

# The article's fingerprint (hashes of its runs of words, never its text), written by tools/article_fingerprint.py.
FINGERPRINT = ROOT / "tests" / "article_fingerprint.txt"
TEXT_SUFFIXES = {".yml", ".yaml", ".json", ".md", ".txt", ".html", ".js", ".mjs", ".py", ".css"}


def test_every_stable_id_of_the_contract_is_there(content):
    assert set(contract.TRIGGERS) <= {t["id"] for t in content["triggers"]}
    assert set(contract.CONDITIONS) <= {c["id"] for c in content["conditions"]}
    assert set(contract.RED_FLAGS) <= {f["id"] for f in content["red_flags"]}
    assert [lv["id"] for lv in content["triage_levels"]] == list(contract.TRIAGE_LEVELS)
    questions = {q["id"]: q for q in content["questionnaire"]["questions"]}
    for question_id, (kind, options) in contract.QUESTIONS.items():
        assert questions[question_id]["kind"] == kind
        assert set(options) <= {o["id"] for o in questions[question_id]["options"]}


def test_warning_signs_are_asked_first_then_other_signs(content):
    questions = [q for q in content["questionnaire"]["questions"] if "follows" not in q]  # follow-ups: after their parent
    assert [q["id"] for q in questions[:2]] == ["warning_signs", "other_signs"]
    for question in questions[:2]:
        assert "even if it went away" in questions[0]["text"] and question["must_answer"]


def test_red_flags_follow_the_spec_tables(content):
    levels = {flag["id"]: flag["level"] for flag in content["red_flags"]}
    assert levels == {
        "breathing": "emergency_ambulance", "sudden_one_side": "emergency_ambulance",
        "seizure_collapse": "emergency_ambulance", "fever_stiff_neck": "emergency_ambulance",
        "spreading_weakness": "emergency", "wound_stiffness": "emergency", "dark_urine": "emergency",
        "medicine_reaction": "emergency", "injury_nerve_signs": "emergency",
        "swallowing_speech": "consultation_24", "weakness": "consultation_24", "muscle_loss": "consultation_24",
        "eyelid_droop": "consultation_24", "red_painful_eye": "consultation_24", "swollen_calf": "consultation_24",
        "alcohol_withdrawal": "consultation_24", "diuretic_fluid_loss": "consultation_24",
        "numbness_tingling": "consultation", "stiffness": "consultation", "eye_signs": "consultation",
        "multiple_areas": "consultation", "long_duration": "consultation", "medicine_suspected": "consultation",
        "after_injury": "consultation", "tick_bite_rash": "consultation", "safety_unanswered": "consultation",
        "kidney_disease": "consultation",
        # version 3, section 1
        "chest_pain": "emergency_ambulance", "bad_headache": "emergency", "neck_surgery_calcium": "emergency",
        "pregnancy_warning": "emergency", "lithium_fluid_loss": "emergency", "hands_lock": "consultation_24",
        "lithium": "consultation_24", "medicine_stopped": "consultation_24", "weight_loss": "consultation",
        # version 3, section 2.4 (the follow-ups' flags)
        "breathless_now": "consultation_24", "breathless_passed": "consultation", "weakness_felt": "consultation",
        "muscle_loss_unsure": "consultation", "cannot_swallow": "emergency_ambulance", "throat_feeling": "consultation",
        "saddle_numbness": "emergency", "sudden_one_side_earlier": "consultation_24",
        "sudden_one_side_checked": "consultation", "faint": "consultation", "collapse_earlier": "consultation_24",
        "collapse_checked": "consultation", "eye_emergency": "emergency", "chest_pain_stopped": "consultation_24",
        "headache_worsening": "consultation_24", "droop_with_headache": "emergency_ambulance"}


def test_red_flags_are_listed_most_urgent_first(content):
    rank = [level["id"] for level in content["triage_levels"]]
    order = [rank.index(flag["level"]) for flag in content["red_flags"]]
    assert order == sorted(order)


def test_one_eyelid_threshold_everywhere(content):
    """The NHS says two weeks; a banner, tip, guide or FAQ that says one week would contradict it on one screen."""
    import re
    sentences = [sentence for text in prose(content) for sentence in re.split(r"(?<=[.!?])\s+", text)]
    when_to_go = [s for s in sentences if re.search(r"\b(GP|doctor)\b", s) and re.search(r"\bweeks?\b", s)
                  and re.search(r"\b(lasts?|more than|longer than|after|gone)\b", s)]
    assert len(when_to_go) >= 5  # the check below has something to judge
    assert [s for s in when_to_go if not re.search(r"\b(two|2) weeks\b", s)] == []


def test_conditions_open_with_a_calm_sentence(content):
    for condition in content["conditions"]:
        assert condition["calm"].count(".") <= 1, condition["id"]
    als = next(c for c in content["conditions"] if c["id"] == "als")
    assert "very rarely" in als["calm"] and "weakness" in als["calm"]
    assert not any("not a sign" in text for text in prose(content))


def test_medicine_advice_says_not_to_stop_a_prescribed_medicine(content):
    flag = next(f for f in content["red_flags"] if f["id"] == "medicine_suspected")
    assert "pharmacist" in flag["advice"] and "Do not stop a prescribed medicine" in flag["advice"]


def test_each_trigger_has_three_tips_with_what_how_long_and_what_to_expect(content):
    for trigger in content["triggers"]:
        tips = [t for t in content["tips"] if t["trigger"] == trigger["id"]]
        assert len(tips) >= 3, trigger["id"]
        assert all(t["do"] and t["how_long"] and t["expect"] for t in tips)


def test_the_guide_covers_every_topic_of_the_article_and_notes(content):
    text = " ".join(prose(content["guide"])).lower()
    for topic in ("fasciculation", "nerve", "magnesium", "potassium", "calcium", "b12", "sleep", "caffeine",
                  "stress", "fluid", "cramp", "tremor", "myokymia", "blepharospasm", "hemifacial",
                  "motor neurone", "neuropathy", "brachial plexus", "multiple sclerosis",
                  "benign fasciculation syndrome", "ambulance", "muscle relaxant"):
        assert topic in text, topic
    tables = [s["table"] for s in content["guide"]["sections"] if "table" in s]
    nutrients = next(t for t in tables if "Magnesium" in str(t["rows"]))
    assert {row[0] for row in nutrients["rows"]} >= {"Magnesium", "Potassium", "Calcium", "Vitamin B12"}


def test_the_faq_answers_the_questions_people_ask(content):
    assert len(content["faq"]) >= 10
    asked = " ".join(item["question"] for item in content["faq"]).lower()
    for words in ("als", "eyelid", "exercise", "how long"):
        assert words in asked, words


def test_weak_evidence_is_called_weak_and_weighs_little(content):
    from api.content import MAX_WEAK_WEIGHT
    weak = {t["id"] for t in content["triggers"] if t.get("evidence") == "weak"}
    assert weak >= {"sedentary", "dehydration"}
    for trigger in content["triggers"]:
        if trigger["id"] in weak:
            assert "weak" in trigger["why"], trigger["id"]
    assert all("weak" in (t["do"] + t["how_long"] + t["expect"]).lower()
               for t in content["tips"] if t["trigger"] == "sedentary")
    for question in content["questionnaire"]["questions"]:
        for option in question["options"]:
            for target, weight in option.get("triggers", {}).items():
                if target in weak:
                    assert weight <= MAX_WEAK_WEIGHT, (question["id"], option["id"], target)
    caffeine = next(q for q in content["questionnaire"]["questions"] if q["id"] == "caffeine")
    assert "triggers" not in next(o for o in caffeine["options"] if o["id"] == "1_to_2")  # a normal intake


def test_the_seed_article_is_background_only(content):
    sources = {s["id"]: s for s in content["sources"]}
    assert sources["overview-article"].get("background") is True
    bfs = next(c for c in content["conditions"] if c["id"] == "benign_fasciculation_syndrome")
    assert "blexrud-1993" in bfs["sources"] and not any("second-hand" in fact for fact in bfs["reassurance"]
                                                          if "121" in fact)
    assert sources["als-fasciculations"]["address"] != "https://www.als.org"


def test_every_source_has_title_publisher_address_and_review_date(content):
    for source in content["sources"]:
        assert source["title"] and source["publisher"] and source["address"] and source["reviewed"]


# Prose of our own for calibrating the readability counter: the hard one in a textbook's register, the plain one
# as the guidelines ask. Written for this test, from no source.
HARD_PROSE = [
    "Involuntary contractions of individual motor units, characteristically intermittent and asynchronous, "
    "are ordinarily attributable to transient hyperexcitability of peripheral axonal membranes.",
    "Electrodiagnostic investigation, considered alongside a comprehensive neurological examination, "
    "differentiates physiological fasciculations from manifestations of progressive degenerative disease.",
    "Pharmacological precipitants, particularly stimulant consumption and anticholinesterase medication, "
    "demonstrably potentiate spontaneous depolarisation at terminal nerve arborisations.",
]
PLAIN_PROSE = [
    "Most twitches are harmless. They come and go on their own.",
    "Try to sleep more and drink less coffee for two weeks.",
    "If a twitch comes with weakness, see a doctor this week.",
]


def test_the_readability_counter_tells_hard_prose_from_plain():
    assert grade(HARD_PROSE) > 14
    assert grade(PLAIN_PROSE) < 4


def test_prose_reads_at_grade_8_or_below(content):
    assert grade(list(prose(content))) <= 8
    for kind in ("guide", "faq", "tips", "triggers", "conditions", "red_flags", "triage_levels"):
        assert grade(list(prose(content[kind]))) <= 8, kind


def copied_runs(paths, fingerprint):
    """`file:line: words` for each run of words in the files under `paths` whose hash is in `fingerprint`."""
    found = []
    for path in paths:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.suffix in TEXT_SUFFIXES
                                                      and p.is_file() and "node_modules" not in p.parts)
        for file in files:
            tokens = [(word, number) for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1)
                      for word in article_fingerprint.words(line)]
            for start, run in article_fingerprint.runs([word for word, _ in tokens]):
                if article_fingerprint.run_hash(run) in fingerprint:
                    found.append(f"{file.relative_to(ROOT) if file.is_relative_to(ROOT) else file.name}:{tokens[start][1]}: {' '.join(run)}")
    return found


def the_articles_fingerprint():
    lines = FINGERPRINT.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if not line.startswith("#")}


def test_no_sentence_is_copied_from_the_article():
    fingerprint = the_articles_fingerprint()
    assert len(fingerprint) > 1000  # the whole article: about 1,500 words
    assert copied_runs([ROOT / "content", ROOT / "frontend", ROOT / "api", ROOT / "README.md"], fingerprint) == []


def test_a_copied_sentence_would_be_found(tmp_path):
    sentence = "Sleep for seven or eight hours a night, and most twitches fade within two weeks."
    (tmp_path / "tips.yml").write_text(f"tips:\n  - text: Keep it simple.\n  - text: {sentence.upper()}\n",
                                      encoding="utf-8")
    fingerprint = set(article_fingerprint.fingerprint(f"From the article: {sentence}"))
    found = copied_runs([tmp_path / "tips.yml"], fingerprint)
    assert len(found) == len(article_fingerprint.words(sentence)) - article_fingerprint.RUN_WORDS + 1
    assert found[0].endswith(":3: sleep for seven or eight hours a night")


def test_the_version_is_a_hash_of_the_content(content_copy, content):
    assert load_content(content_copy)["version"] == content["version"]
    rewrite(content_copy, "faq.yml", lambda d: d["faq"][0].update(question="A changed question?"))
    assert load_content(content_copy)["version"] != content["version"]


@pytest.mark.parametrize("file_name", list(FILES))
def test_an_empty_file_is_rejected(content_copy, file_name):
    (content_copy / file_name).write_text("{}\n", encoding="utf-8")
    with pytest.raises(ContentError, match=file_name):
        load_content(content_copy)


def drop(key):
    return lambda item: item.pop(key)


# file, change, words the message must hold (file, item, field, what is wrong)
BROKEN = [
    ("diary.yml", lambda d: d["habits"][0].update(in_day_line="sleep"),
     ["diary.yml", "in_day_line", "must name {answer}"]),
    ("diary.yml", lambda d: d["habits"][0].pop("in_summary"), ["diary.yml", "in_summary"]),
    ("questions.yml", lambda d: question(d, "sleep").update(kind="several"),
     ["questions.yml", "'sleep'", "kind", "Must be one of"]),
    ("questions.yml", lambda d: option(d, "sleep", "under_5h")["triggers"].update(slep=3),
     ["questions.yml", "'sleep'", "options.0.triggers", "unknown trigger 'slep'"]),
    ("questions.yml", lambda d: option(d, "sleep", "under_5h")["triggers"].update(sleep=2.5),
     ["questions.yml", "'sleep'", "options.0.triggers", "Not a valid integer"]),
    ("questions.yml", lambda d: option(d, "sleep", "under_5h").pop("reason"),
     ["questions.yml", "'sleep'", "options.0.reason", "needs a reason"]),
    ("questions.yml", lambda d: question(d, "areas")["options"].append({"id": "eyelid", "label": "Eyelid again"}),
     ["questions.yml", "'areas'", "option ids must be unique", "eyelid"]),
    ("questions.yml", lambda d: option(d, "medications", "none").pop("exclusive"),
     ["questions.yml", "'medications'", "'none'", "exclusive"]),
    ("questions.yml", lambda d: option(d, "medications", "none").update(triggers={"medication": 1}, reason="x"),
     ["questions.yml", "'medications'", "exclusive", "no weights"]),
    ("questions.yml", lambda d: question(d, "sleep")["options"].pop(0),
     ["questions.yml", "'sleep'", "stable option 'under_5h'"]),
    ("questions.yml", lambda d: d["questions"].insert(0, d["questions"].pop(d["questions"].index(question(d, "other_signs")))),
     ["questions.yml", "first question", "warning_signs"]),
    ("questions.yml", lambda d: question(d, "sleep").update(sources=["nhs"]),
     ["questions.yml", "'sleep'", "sources", "unknown source 'nhs'"]),
    ("questions.yml", lambda d: question(d, "sleep").update(colour="red"),
     ["questions.yml", "'sleep'", "colour", "Unknown field"]),
    ("triggers.yml", lambda d: d["triggers"].pop(),
     ["triggers.yml", "stable id 'eye_strain'"]),
    ("triggers.yml", lambda d: d["triggers"].append({**d["triggers"][0], "id": "boredom"}),
     ["triggers.yml", "'boredom'", "no answer can reach it"]),
    ("triggers.yml", lambda d: d["triggers"][-1]["when"][0].update(question="area"),
     ["triggers.yml", "'eye_strain'", "when.0", "unknown question 'area'"]),
    ("triggers.yml", lambda d: d["triggers"][-1]["when"][0].update(includes_any=["eyelids"]),
     ["triggers.yml", "'eye_strain'", "no option 'eyelids'"]),
    ("triggers.yml", lambda d: d["triggers"][0].pop("title"),
     ["triggers.yml", "'fatigue'", "title", "Missing data"]),
    ("tips.yml", lambda d: d["tips"][0].update(trigger="sleeep"),
     ["tips.yml", "trigger", "unknown trigger 'sleeep'"]),
    ("tips.yml", lambda d: d["tips"].__setitem__(slice(None), [t for t in d["tips"] if t["trigger"] != "alcohol"][:]),
     ["triggers.yml", "'alcohol'", "needs at least 3"]),
    ("tips.yml", lambda d: d["tips"][1].update(id=d["tips"][0]["id"]),
     ["tips.yml", "id", "used twice"]),
    ("red_flags.yml", lambda d: d["red_flags"][0].update(level="urgent"),
     ["red_flags.yml", "'breathing'", "level", "unknown triage level 'urgent'"]),
    ("red_flags.yml", lambda d: d["red_flags"][0].update(when=[]),
     ["red_flags.yml", "'breathing'", "when", "Shorter than minimum"]),
    ("red_flags.yml", lambda d: d["red_flags"][0]["when"][0]["all"][0].update(count_at_least=2),
     ["red_flags.yml", "'breathing'", "exactly one of"]),
    ("red_flags.yml", lambda d: next(f for f in d["red_flags"] if f["id"] == "stiffness")["when"][0].update(
        question="duration", count_at_least=2) or
     next(f for f in d["red_flags"] if f["id"] == "stiffness")["when"][0].pop("includes_any"),
     ["red_flags.yml", "count_at_least needs a multi question"]),
    ("triage_levels.yml", lambda d: d["triage_levels"].pop(1),
     ["triage_levels.yml", "stable id 'emergency'"]),
    ("triage_levels.yml", lambda d: d["triage_levels"][0]["calls"][0].update(number="000"),
     ["triage_levels.yml", "'emergency_ambulance'", "calls.0.number", "'000' is not named in the advice"]),
    ("triage_levels.yml", lambda d: d["triage_levels"][0]["calls"][0].update(number="call 999"),
     ["triage_levels.yml", "'emergency_ambulance'", "calls.0.number", "digits only"]),
    ("triage_levels.yml", lambda d: d["triage_levels"][0].pop("calls"),
     ["triage_levels.yml", "'emergency_ambulance'", "calls", "needs the numbers to call"]),
    ("conditions.yml", lambda d: d["conditions"][0]["unless"][0]["all"][0].update(question="warnings"),
     ["conditions.yml", "'benign_fasciculation_syndrome'", "unless.0", "unknown question 'warnings'"]),
    ("sources.yml", lambda d: d["sources"][0].update(reviewed="last week"),
     ["sources.yml", "'nhs-twitching'", "reviewed", "date"]),
    ("guide.yml", lambda d: d["sections"][0].update(sources=[]),
     ["guide.yml", "sources", "Shorter than minimum"]),
    ("guide.yml", lambda d: next(s for s in d["sections"] if "table" in s)["table"]["rows"][0].pop(),
     ["guide.yml", "table.rows", "cells for"]),
    ("guide.yml", lambda d: next(s for s in d["sections"] if s["id"] == "seeing_a_doctor").pop("questions_to_ask"),
     ["guide.yml", "'seeing_a_doctor'", "questions_to_ask", "the diary's summary for a doctor prints them"]),
    ("faq.yml", lambda d: d["faq"][0].update(answer="Not a list"),
     ["faq.yml", "answer", "Not a valid list"]),
    ("meta.yml", lambda d: d.pop("disclaimer"),
     ["meta.yml", "disclaimer", "Missing data"]),
    # version 2: all-of rules, cautions, fitted tips, weak evidence, background sources, safety questions
    ("red_flags.yml", lambda d: flag(d, "diuretic_fluid_loss")["when"][0]["all"][1].update(includes_any=["sick"]),
     ["red_flags.yml", "'diuretic_fluid_loss'", "when.0.all.1", "question 'fluid_loss' has no option 'sick'"]),
    ("red_flags.yml", lambda d: flag(d, "injury_nerve_signs")["when"][0]["all"][0].update(question="injury"),
     ["red_flags.yml", "'injury_nerve_signs'", "when.0.all.0", "unknown question 'injury'"]),
    ("red_flags.yml", lambda d: flag(d, "injury_nerve_signs")["when"][0].update(question="recent_injury"),
     ["red_flags.yml", "'injury_nerve_signs'", "only its list of tests"]),
    ("red_flags.yml", lambda d: flag(d, "injury_nerve_signs")["when"][0]["all"].pop(),
     ["red_flags.yml", "'injury_nerve_signs'", "all", "Shorter than minimum"]),
    ("red_flags.yml", lambda d: flag(d, "safety_unanswered")["when"][0].update(unanswered=False),
     ["red_flags.yml", "'safety_unanswered'", "unanswered"]),
    ("red_flags.yml", lambda d: flag(d, "alcohol_withdrawal").update(first_trigger="booze"),
     ["red_flags.yml", "'alcohol_withdrawal'", "first_trigger", "unknown trigger 'booze'"]),
    ("conditions.yml", lambda d: d["conditions"][0].pop("calm"),
     ["conditions.yml", "'benign_fasciculation_syndrome'", "calm", "Missing data"]),
    ("conditions.yml", lambda d: next(c for c in d["conditions"] if c["id"] == "multiple_sclerosis")["when"][2]["all"][1]
     .update(includes_any=["floppy"]),
     ["conditions.yml", "'multiple_sclerosis'", "when.2.all.1", "no option 'floppy'"]),
    ("tips.yml", lambda d: next(t for t in d["tips"] if "cautions" in t)["cautions"].append("be_careful"),
     ["tips.yml", "cautions", "unknown caution 'be_careful'"]),
    ("tips.yml", lambda d: next(t for t in d["tips"] if "hide_when" in t)["hide_when"][0].update(question="drinks"),
     ["tips.yml", "hide_when.0", "unknown question 'drinks'"]),
    ("cautions.yml", lambda d: d["cautions"][0]["when"][0].update(includes_any=["kidneys"]),
     ["cautions.yml", "'own_team_limits'", "when.0", "no option 'kidneys'"]),
    ("cautions.yml", lambda d: d["cautions"][0].pop("text"),
     ["cautions.yml", "'own_team_limits'", "text", "Missing data"]),
    ("triage_levels.yml", lambda d: d["triage_levels"][-1]["cautions"].append("nope"),
     ["triage_levels.yml", "'self_care'", "cautions", "unknown caution 'nope'"]),
    ("questions.yml", lambda d: option(d, "activity", "mostly_sitting")["triggers"].update(sedentary=5),
     ["questions.yml", "'activity'", "triggers.sedentary", "weak, so it weighs at most 2, not 5"]),
    ("questions.yml", lambda d: option(d, "medications", "asthma_reliever")["triggers"].update(medication=4),
     ["questions.yml", "'medications'", "triggers.medication", "weighs at most 2, not 4"]),
    ("questions.yml", lambda d: option(d, "sleep", "under_5h")["reasons"].update(stress="Short sleep is stressful."),
     ["questions.yml", "'sleep'", "reasons", "a reason for 'stress', which this option does not weight"]),
    ("questions.yml", lambda d: question(d, "other_signs").pop("must_answer"),
     ["questions.yml", "'other_signs'", "must_answer", "cannot be skipped"]),
    ("questions.yml", lambda d: d["questions"].insert(
        d["questions"].index(question(d, "warning_signs")), d["questions"].pop(d["questions"].index(question(d, "other_signs")))),
     ["questions.yml", "first questions must be warning_signs, other_signs"]),
    ("triggers.yml", lambda d: d["triggers"][0].update(sources=["overview-article"]),
     ["triggers.yml", "'fatigue'", "sources", "cites only background reading"]),
    ("sources.yml", lambda d: d["sources"][0].update(reviewed="2026-13-45"),
     ["sources.yml", "'nhs-twitching'", "reviewed", "date"]),
]


def flag(data, flag_id):
    return next(f for f in data["red_flags"] if f["id"] == flag_id)


@pytest.mark.parametrize("file_name, change, words", BROKEN, ids=[" ".join(w[1:]) for _, _, w in BROKEN])
def test_broken_content_stops_the_app_with_a_message_that_names_it(content_copy, file_name, change, words):
    rewrite(content_copy, file_name, change)
    with pytest.raises(ContentError) as caught:
        create_app({"CONTENT_DIR": str(content_copy)})
    for word in words:
        assert word in str(caught.value)


def test_invalid_yaml_names_the_file(content_copy):
    (content_copy / "faq.yml").write_text("faq: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError, match="faq.yml: not valid YAML"):
        load_content(content_copy)


def test_a_missing_file_names_the_file(content_copy):
    (content_copy / "tips.yml").unlink()
    with pytest.raises(ContentError, match="tips.yml: the file is missing"):
        load_content(content_copy)


def test_every_content_file_has_a_schema():
    from api.content import FILE_NAMES
    assert list(FILES) == list(FILE_NAMES)
