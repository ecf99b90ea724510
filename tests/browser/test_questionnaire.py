"""The questionnaire as a person uses it: one question a screen, to results scored on the phone."""
import re

from playwright.sync_api import expect

from api import engine

SAFE = {"warning_signs": ["none"], "other_signs": ["none"]}
# Answers that raise warning signs, several triggers and related conditions.
RICH_ANSWERS = {
    "warning_signs": ["numbness_tingling"],
    "other_signs": ["none"],
    "areas": ["eyelid", "calf_foot"],
    "duration": "over_3_months",
    "sleep": "under_5h",
    "caffeine": "5_plus",
    "stress": "high",
    "exercise": "hard",
    "fluids": "under_4",
    "screen_time": "over_8h",
}


def test_a_whole_check_ends_in_the_results_of_the_engine(phone, content):
    phone.open()
    phone.page.get_by_role("button", name=re.compile("^Start")).click()
    phone.answer_all(content, RICH_ANSWERS)
    expected = engine.assess(content, RICH_ANSWERS)

    banner = phone.page.locator("[data-triage-level]")
    expect(banner).to_have_attribute("data-triage-level", expected["triage"]["level"])
    expect(banner).to_contain_text(expected["triage"]["title"])
    expect(banner).to_contain_text(expected["triage"]["how_soon"])
    assert phone.ranked("data-red-flag") == [flag["id"] for flag in expected["red_flags"]]
    assert phone.ranked("data-trigger") == [trigger["id"] for trigger in expected["triggers"]]  # all strong or good here
    assert phone.ranked("data-condition") == [c["id"] for c in expected["related_conditions"]]

    top = expected["triggers"][0]
    top_card = phone.page.locator(f'[data-trigger="{top["id"]}"]')
    for reason in top["reasons"]:
        expect(top_card).to_contain_text(reason["text"])
    top_card.locator("details > summary").click()  # the tips unfold
    for tip in top["tips"]:
        expect(top_card.get_by_role("heading", name=tip["title"])).to_be_visible()
    bfs = phone.page.locator('[data-condition="benign_fasciculation_syndrome"]')
    expect(bfs.locator("h3 + p")).to_have_text(content["conditions"][0]["calm"])  # the card opens calmly
    bfs.locator("summary").click()
    expect(bfs).to_contain_text(content["conditions"][0]["reassurance"][0])
    expect(phone.page.locator(".disclaimer")).to_have_text(content["disclaimer"])
    phone.page.locator(".sources-fold > summary").click()
    expect(phone.page.get_by_role("heading", name=content["ui"]["results.sources"])).to_be_visible()


def test_the_banner_comes_first_and_says_what_to_do_in_words_and_an_icon(phone, content):
    phone.open()
    phone.page.get_by_role("button", name=re.compile("^Start")).click()
    phone.answer_all(content, {"warning_signs": ["none"], "other_signs": ["none"], "sleep": "5_to_6h"})
    first = phone.page.locator("main h1 ~ *:not(.print-only)").first  # the printout's title line is not on screen
    expect(first).to_have_attribute("data-triage-level", "self_care")
    expect(first.locator("svg")).to_have_count(1)
    expect(first.get_by_role("heading")).to_have_text(content["triage_levels"][-1]["title"])


def test_an_emergency_warning_sign_shows_the_emergency_advice_at_once(phone, content):
    phone.open()
    phone.page.get_by_role("button", name=re.compile("^Start")).click()
    phone.tick("warning_signs", "breathing")
    ambulance = content["triage_levels"][0]
    expect(phone.page.locator(".urgent-slot")).to_contain_text(ambulance["title"])  # before even pressing Next
    phone.button("Next").click()
    # The follow-up that decides it comes next, the same card above it; Skip keeps the safe default.
    expect(phone.page.locator(".urgent-slot")).to_contain_text(ambulance["title"])
    phone.button("Skip").click()

    banner = phone.page.locator('[data-triage-level="emergency_ambulance"]')
    expect(banner).to_be_visible()
    expect(banner).to_contain_text(ambulance["advice"])
    expect(phone.page.locator("main h1:focus")).to_have_text(ambulance["title"])
    expect(phone.page.get_by_role("heading", name="What to say")).to_be_visible()
    calls = phone.page.get_by_role("list", name=content["ui"]["advice.numbers"]).get_by_role("link")
    region = banner.get_attribute("data-region") or None  # where this phone is (test_region_numbers.py)
    numbers = engine.calls(content, ambulance, engine.region_of(content, region))
    expect(calls).to_have_text([f"Call {c['number']} ({c['name']})" for c in numbers])
    expect(calls.first).to_have_attribute("href", f"tel:{numbers[0]['number']}")
    expect(phone.page.locator('[data-red-flag="breathing"]')).to_be_visible()
    expect(phone.page.locator('input[name="areas"]')).to_have_count(0)  # nothing else comes first

    phone.page.get_by_role("link", name="Go on with the check").click()
    expect(phone.page.locator(".progress-text")).to_have_text(
        f"Question 3 of about {question_count(content, {'warning_signs': ['breathing']})}")


def question_count(content, answers=None):
    """How many questions these answers ask (the progress's "about N")."""
    return len(engine.asked_questions(content, answers or {}))


def test_the_two_safety_questions_cannot_be_skipped(phone, content):
    phone.open("#/check/warning_signs")
    for n, question_id in enumerate(("warning_signs", "other_signs"), start=1):
        question = next(q for q in content["questionnaire"]["questions"] if q["id"] == question_id)
        expect(phone.button("Skip")).to_have_count(0)
        phone.button("Next").click()  # nothing ticked: the check waits and says why
        expect(phone.page.get_by_role("alert")).to_have_text(question["must_answer"])
        expect(phone.page.locator(".progress-text")).to_have_text(f"Question {n} of about {question_count(content)}")
        expect(phone.option(question_id, question["options"][0]["id"])).to_be_focused()  # where to answer
        phone.tick(question_id, "none")
        expect(phone.page.get_by_role("alert")).to_have_count(0)
        phone.button("Next").click()
    expect(phone.page.locator(".progress-text")).to_have_text(f"Question 3 of about {question_count(content, SAFE)}")
    expect(phone.button("Skip")).to_be_visible()  # the other questions can be skipped


def test_an_emergency_sign_in_the_second_safety_question_shows_the_advice_at_once(phone, content):
    phone.open("#/check/warning_signs")
    phone.tick("warning_signs", "none")
    phone.button("Next").click()
    phone.tick("other_signs", "fever_stiff_neck")
    ambulance = content["triage_levels"][0]
    expect(phone.page.locator(".urgent-slot")).to_contain_text(ambulance["title"])
    phone.button("Next").click()
    expect(phone.page.locator('[data-triage-level="emergency_ambulance"]')).to_be_visible()
    expect(phone.page.locator('[data-red-flag="fever_stiff_neck"]')).to_be_visible()
    phone.page.get_by_role("link", name="Change my answer").click()
    expect(phone.option("other_signs", "fever_stiff_neck")).to_be_checked()
    phone.button("Next").click()
    phone.page.get_by_role("link", name="Go on with the check").click()
    expect(phone.page.locator(".progress-text")).to_have_text(
        f"Question 3 of about {question_count(content, {**SAFE, 'other_signs': ['fever_stiff_neck']})}")


def test_an_emergency_department_sign_shows_its_level_at_once(phone, content):
    phone.open("#/check/warning_signs")
    phone.tick("warning_signs", "spreading_weakness")
    emergency = content["triage_levels"][1]
    expect(phone.page.locator(".urgent-slot")).to_contain_text(emergency["title"])
    phone.button("Next").click()
    expect(phone.page.locator('[data-triage-level="emergency"]')).to_be_visible()


def test_tips_carry_the_cautions_that_fit_the_person(phone, content):
    phone.open()
    phone.page.get_by_role("button", name=re.compile("^Start")).click()
    answers = {"warning_signs": ["none"], "other_signs": ["none"], "about_you": ["pregnant"], "caffeine": "5_plus",
               "health_conditions": ["kidney_disease"], "areas": ["calf_foot"], "exercise": "hard", "fluids": "under_4"}
    assert set(engine.asked_questions(content, answers)) >= set(answers)  # fluids is asked after hard exercise
    phone.answer_all(content, answers)
    expected = engine.assess(content, answers)
    expect(phone.page.locator("[data-triage-level]")).to_have_attribute("data-triage-level", "consultation")
    for trigger in expected["triggers"]:
        for tip in trigger["tips"]:
            for caution in tip["cautions"]:
                expect(phone.page.locator(f'[data-tip="{tip["id"]}"] [data-caution="{caution["id"]}"]')).to_have_text(
                    caution["text"])
    shown = phone.page.locator("[data-caution]").all_text_contents()
    assert any("200 mg" in text for text in shown) and any("limit potassium, salt or fluids" in text for text in shown)
    tips = phone.page.locator("[data-tip]").evaluate_all("els => els.map(e => e.dataset.tip)")
    assert "electrolytes_potassium_calcium_foods" not in tips  # kidney disease: no potassium-rich foods


def test_a_check_with_an_emergency_sign_ends_in_the_emergency_level(phone, content):
    phone.open()
    phone.page.get_by_role("button", name=re.compile("^Start")).click()
    phone.answer_all(content, {"warning_signs": ["sudden_one_side", "weakness"]})
    expect(phone.page.locator("[data-triage-level]")).to_have_attribute("data-triage-level", "emergency_ambulance")
    assert phone.ranked("data-red-flag") == ["sudden_one_side", "weakness"]


def test_none_unticks_the_others_and_the_reverse(phone):
    phone.open("#/check/warning_signs")
    phone.tick("warning_signs", ["weakness", "stiffness"])
    phone.tick("warning_signs", "none")
    expect(phone.option("warning_signs", "none")).to_be_checked()
    expect(phone.option("warning_signs", "weakness")).not_to_be_checked()
    expect(phone.option("warning_signs", "stiffness")).not_to_be_checked()
    phone.tick("warning_signs", "stiffness")
    expect(phone.option("warning_signs", "none")).not_to_be_checked()
    expect(phone.option("warning_signs", "stiffness")).to_be_checked()


def test_each_question_is_native_inputs_with_labels(phone, content):
    phone.open("#/check/warning_signs")
    for n, question in enumerate(q for q in content["questionnaire"]["questions"]
                                 if q["id"] in engine.asked_questions(content, SAFE)):  # what SAFE asks
        kind = "radio" if question["kind"] == "single" else "checkbox"
        expect(phone.heading()).to_have_text(question["text"])
        for option in question["options"]:
            expect(phone.page.get_by_label(option["label"], exact=True)).to_have_attribute("type", kind)
            expect(phone.option(question["id"], option["id"])).to_have_count(1)
        if "must_answer" in question:
            phone.tick(question["id"], "none")
            phone.button("Next").click()
        else:
            phone.button("Skip").click()
    expect(phone.page.locator("[data-triage-level]")).to_have_attribute("data-triage-level", "self_care")


def test_back_and_skip(phone, content):
    phone.open("#/check/warning_signs")
    phone.tick("warning_signs", "none")
    phone.button("Next").click()
    phone.tick("other_signs", "none")
    phone.button("Next").click()
    phone.tick("about_you", "under_16")
    phone.button("Skip").click()  # skipping forgets what was ticked on that screen
    expect(phone.page.locator(".progress-text")).to_have_text(f"Question 4 of about {question_count(content, SAFE)}")
    phone.button("Back").click()
    expect(phone.option("about_you", "under_16")).not_to_be_checked()
    phone.button("Back").click()
    expect(phone.option("other_signs", "none")).to_be_checked()
    phone.button("Back").click()
    expect(phone.option("warning_signs", "none")).to_be_checked()
    phone.button("Back").click()
    expect(phone.page.get_by_role("button", name=re.compile("^Start"))).to_be_visible()


def test_answers_survive_a_reload_mid_way(phone, content):
    phone.open()
    phone.page.get_by_role("button", name=re.compile("^Start")).click()
    phone.tick("warning_signs", "none")
    phone.button("Next").click()
    phone.tick("other_signs", "none")
    phone.button("Next").click()
    phone.tick("about_you", "none")
    phone.button("Next").click()
    phone.tick("areas", ["eyelid", "face"])
    phone.button("Next").click()
    phone.tick("duration", "1_to_2_weeks")  # saved at once, without pressing Next
    count = question_count(content, {**SAFE, "about_you": ["none"], "areas": ["eyelid", "face"]})

    phone.page.reload()
    phone.wait_for_screen()
    expect(phone.page.locator(".progress-text")).to_have_text(f"Question 5 of about {count}")
    expect(phone.option("duration", "1_to_2_weeks")).to_be_checked()
    phone.button("Back").click()
    expect(phone.option("areas", "eyelid")).to_be_checked()
    expect(phone.option("areas", "face")).to_be_checked()

    phone.open("#/")  # after a crash, the home screen offers the check again
    expect(phone.page.get_by_text(f"5 of {count} questions answered")).to_be_visible()
    phone.page.get_by_role("link", name="Continue your check").click()
    expect(phone.page.locator(".progress-text")).to_have_text(f"Question 4 of about {count}")


def test_starting_over_asks_first(phone, content):
    phone.open("#/check/warning_signs")
    phone.tick("warning_signs", "stiffness")
    phone.open("#/")
    phone.page.get_by_role("button", name=re.compile("^Start")).click()
    dialog = phone.page.get_by_role("dialog", name="Start a new check?")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="No, keep my answers").click()
    expect(dialog).to_have_count(0)
    expect(phone.page.get_by_role("link", name="Continue your check")).to_be_visible()

    phone.page.get_by_role("button", name=re.compile("^Start")).click()
    phone.page.get_by_role("dialog").get_by_role("button", name=re.compile("^Yes")).click()
    expect(phone.page.locator(".progress-text")).to_have_text(f"Question 1 of about {question_count(content)}")
    expect(phone.option("warning_signs", "stiffness")).not_to_be_checked()


def test_focus_moves_to_each_new_screens_heading(phone):
    phone.open()
    phone.page.get_by_role("button", name=re.compile("^Start")).click()
    expect(phone.page.locator("main h1:focus")).to_have_text(re.compile("^Since the twitching started"))
    phone.tick("warning_signs", "none")
    phone.button("Next").click()
    expect(phone.page.locator("main h1:focus")).to_have_text(re.compile("^And since the twitching started"))
    phone.tick("other_signs", "none")
    phone.button("Next").click()
    expect(phone.page.locator("main h1:focus")).to_have_text(re.compile("^Does any of this apply"))
    phone.page.get_by_role("link", name="Guide").click()
    expect(phone.page.locator("main h1:focus")).to_have_text("Guide")


def test_the_summary_can_be_copied_as_plain_text(phone, content):
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    phone.open("#/check/warning_signs")
    phone.tick("warning_signs", "none")
    phone.open("#/check/other_signs")
    phone.tick("other_signs", "none")
    phone.open("#/check/sleep")
    phone.tick("sleep", "under_5h")
    phone.open("#/results")
    phone.button("Copy summary").click()
    expect(phone.page.get_by_role("status").filter(has_text="copied")).to_be_visible()
    text = phone.page.evaluate("navigator.clipboard.readText()")
    assert content["triage_levels"][-1]["title"] in text
    assert "Not enough sleep" in text
    assert content["disclaimer"] in text


def test_the_results_lead_to_what_to_bring_and_ask_at_a_visit(phone, content):
    section = next(s for s in content["guide"]["sections"] if s["id"] == "seeing_a_doctor")
    phone.open("#/check/warning_signs")
    phone.tick("warning_signs", "stiffness")
    phone.open("#/results")
    phone.page.get_by_role("link", name="What to bring and what to ask at a visit").click()
    expect(phone.wait_for_screen()).to_have_text(section["title"])
    expect(phone.page.get_by_role("listitem").filter(has_text=section["questions_to_ask"][0])).to_be_visible()


def test_results_without_answers_invite_a_check(phone):
    phone.open("#/results")
    expect(phone.heading()).to_have_text("No answers yet")
    expect(phone.page.get_by_role("link", name=re.compile("^Start"))).to_be_visible()


def test_the_results_print_as_words_without_the_controls(phone, content):
    phone.open("#/check/warning_signs")
    phone.tick("warning_signs", "none")
    phone.open("#/check/sleep")
    phone.tick("sleep", "under_5h")
    phone.open("#/check/caffeine")
    phone.tick("caffeine", "5_plus")
    phone.open("#/results")
    phone.page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what the browser fires before printing
    phone.page.emulate_media(media="print")
    expect(phone.page.locator("[data-triage-level]")).to_be_visible()
    expect(phone.page.locator("header")).to_be_hidden()
    expect(phone.page.get_by_role("button", name="Copy summary")).to_be_hidden()
    expect(phone.page.get_by_role("button", name="Start a new check")).to_be_hidden()
    result = engine.assess(content, {"warning_signs": ["none"], "sleep": "under_5h", "caffeine": "5_plus"})
    for trigger in result["triggers"][:3]:  # the first tip of each top trigger, in words: its title and how
        expect(phone.page.locator("[data-try-tonight]")).to_contain_text(trigger["tips"][0]["title"])
        how = next(tip["short"] for tip in content["tips"] if tip["id"] == trigger["tips"][0]["id"])
        expect(phone.page.locator("[data-try-tonight]")).to_contain_text(how)
    expect(phone.page.locator("[data-your-answers] dl")).to_be_visible()  # the answers print
    expect(phone.page.locator('[data-red-flag="safety_unanswered"] p')).to_be_visible()  # warning signs print open
    expect(phone.page.locator(".sources")).to_be_visible()
    expect(phone.page.locator(".disclaimer")).to_be_visible()


def test_answers_can_be_deleted_from_the_privacy_screen(phone):
    phone.open("#/check/warning_signs")
    phone.tick("warning_signs", "stiffness")
    phone.open("#/privacy")
    phone.button("Delete my answers").click()
    phone.page.get_by_role("dialog").get_by_role("button", name="Yes, delete them").click()
    expect(phone.page.get_by_role("status").filter(has_text="deleted")).to_be_visible()
    phone.open("#/")
    expect(phone.page.get_by_role("button", name="Start the check")).to_be_visible()
    expect(phone.page.get_by_role("link", name="Continue your check")).to_have_count(0)
