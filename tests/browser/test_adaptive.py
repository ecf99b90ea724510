"""The adaptive check at 360x740 (spec-v3 sections 2.5 and 2.6): only the questions that matter are asked,
follow-ups right after their parent decide how soon, the emergency card stays in view on a follow-up until it is
answered, an unanswered follow-up never lowers the level, and the optional questions come after the result."""
import pytest
from playwright.sync_api import expect

from api import engine
from api.content import load_content

LANGS = {"en": "en-GB", "es": "es-ES"}
CONTENT = {lang: load_content(lang=lang) for lang in LANGS}
SAFE = {"warning_signs": ["none"], "other_signs": ["none"]}


@pytest.fixture(params=list(LANGS))
def speaker(request, phones, app_url):
    """A phone in London speaking English, or in Madrid speaking Spanish, with that language's content."""
    lang = request.param
    phone = phones(app_url, locale=LANGS[lang], timezone_id="Europe/London" if lang == "en" else "Europe/Madrid")
    return phone, CONTENT[lang]


def card(phone):
    return phone.page.locator("main [data-triage-level]")


def test_the_eyelid_student_reaches_results_in_at_most_25_taps(phone, content):
    """Person (a): eyelid for 10 days, 5+ coffees, under 5 hours' sleep. Every tap counted from home."""
    words = content["ui"]
    answers = {**SAFE, "about_you": ["none"], "areas": ["eyelid"], "duration": "1_to_2_weeks", "medications": ["none"],
               "health_conditions": ["none"], "sleep": "under_5h", "caffeine": "5_plus", "stress": "high",
               "alcohol": "none", "screen_time": "over_8h"}
    asked = engine.asked_questions(content, answers)
    assert set(asked) == set(answers), "the student is asked exactly these 12 questions"
    phone.open()
    taps = 0
    phone.button(words["home.start"]).click()
    taps += 1
    given = {}
    for n, question_id in enumerate(asked, start=1):
        answer = answers[question_id]
        phone.tick(question_id, answer)
        given[question_id] = answer
        # "about": the count for the answers so far, recomputed as they come (screen time once the eyelid is ticked)
        expect(phone.page.locator(".progress-text")).to_have_text(
            words["question.progress"].format(n=n, total=len(engine.asked_questions(content, given))))
        taps += len([answer]) if isinstance(answer, str) else len(answer)
        phone.button(words["question.see_results"] if n == len(asked) else words["question.next"]).click()
        taps += 1
    expect(phone.heading()).to_have_text(words["results.title"])
    expect(card(phone)).to_have_attribute("data-triage-level", "self_care")
    assert taps <= 25, taps
    for skipped in ("nicotine", "activity", "diet", "exercise", "fluids", "recent_injury", "weakness_how"):
        assert skipped not in asked


def test_call_buttons_stay_two_taps_from_home_for_sudden_one_sided_weakness(speaker):
    phone, content = speaker
    words = content["ui"]
    phone.open()
    phone.button(words["home.start"]).click()  # tap 1
    phone.tick("warning_signs", "sudden_one_side")  # tap 2
    expect(card(phone)).to_have_attribute("data-triage-level", "emergency_ambulance")
    expect(card(phone).locator('a[href^="tel:"]').first).to_be_in_viewport()
    phone.button(words["question.next"]).click()
    # The follow-up that decides it, with the same card above it, computed from all the answers so far.
    expect(phone.page.locator('input[name="sudden_when"]').first).to_be_visible()
    expect(card(phone)).to_have_attribute("data-triage-level", "emergency_ambulance")
    expect(card(phone).locator('a[href^="tel:"][data-call-kind="emergency"]').first).to_be_visible()
    phone.tick("sudden_when", "now")
    phone.button(words["question.next"]).click()
    phone.wait_for_screen()
    assert "#/emergency/sudden_when" in phone.page.url


@pytest.mark.parametrize("parent, follow_up, option, level, flag", [
    ("weakness", "weakness_how", "feels_weak", "consultation", "weakness_felt"),
    ("breathing", "breathing_now", "passed", "consultation", "breathless_passed"),
    ("sudden_one_side", "sudden_when", "earlier", "consultation_24", "sudden_one_side_earlier"),
    ("seizure_collapse", "collapse_when", "simple_faint", "consultation", "faint"),
    ("numbness_tingling", "numbness_how", ["saddle"], "emergency", "saddle_numbness"),
    ("red_painful_eye", "eye_how", "sight_loss_or_severe", "emergency", "eye_emergency"),
    ("weakness", "weakness_how", None, "consultation_24", "weakness"),  # Skip: the safe default
    ("breathing", "breathing_now", None, "emergency_ambulance", "breathing"),
    ("sudden_one_side", "sudden_when", None, "emergency_ambulance", "sudden_one_side"),
])
def test_each_follow_up_gives_the_trees_level_in_the_app(speaker, parent, follow_up, option, level, flag):
    phone, content = speaker
    answers = {**SAFE, "warning_signs": [parent], **({follow_up: option} if option else {})}
    expected = engine.assess(content, answers)
    assert expected["triage"]["level"] == level and flag in [f["id"] for f in expected["red_flags"]]
    phone.open("#/check/warning_signs")
    phone.answer_all(content, answers)
    expect(card(phone)).to_have_attribute("data-triage-level", level)
    expect(phone.page.locator(f'[data-red-flag="{flag}"]')).to_have_count(1)
    if flag == "weakness_felt":
        expect(phone.page.locator('[data-condition="als"]')).to_have_count(0)  # no ALS card for felt weakness


def test_an_unanswered_follow_up_never_lowers_the_level(speaker):
    phone, content = speaker
    words = content["ui"]
    phone.open("#/check/warning_signs")
    phone.tick("warning_signs", "breathing")
    phone.button(words["question.next"]).click()
    expect(phone.page.locator('input[name="breathing_now"]').first).to_be_visible()
    expect(card(phone)).to_have_attribute("data-triage-level", "emergency_ambulance")
    phone.tick("breathing_now", "passed")
    expect(card(phone)).to_have_count(0)  # the card goes as soon as an answer that is not an emergency is ticked
    phone.tick("breathing_now", "severe_now")
    expect(card(phone)).to_have_attribute("data-triage-level", "emergency_ambulance")
    phone.button(words["question.skip"]).click()  # Skip keeps the safe default: the emergency screen
    phone.wait_for_screen()
    assert "#/emergency/breathing_now" in phone.page.url
    expect(card(phone)).to_have_attribute("data-triage-level", "emergency_ambulance")


def test_progress_is_recomputed_as_answers_change(phone, content):
    words = content["ui"]
    phone.open("#/check/warning_signs")
    progress = phone.page.locator(".progress-text")
    before = engine.asked_questions(content, {})
    expect(progress).to_have_text(words["question.progress"].format(n=1, total=len(before)))
    phone.tick("warning_signs", ["weakness", "numbness_tingling"])
    after = engine.asked_questions(content, {"warning_signs": ["weakness", "numbness_tingling"]})
    assert len(after) > len(before)
    expect(progress).to_have_text(words["question.progress"].format(n=1, total=len(after)))


def test_a_change_on_a_parent_drops_the_follow_ups_that_no_longer_apply(phone, content):
    words = content["ui"]
    phone.open("#/check/warning_signs")
    phone.answer_all(content, {**SAFE, "warning_signs": ["weakness"], "weakness_how": "feels_weak"})
    rows = phone.page.locator("[data-your-answers] [data-answer]")
    phone.page.locator("[data-your-answers] summary").click()
    ids = rows.evaluate_all("rows => rows.map(r => r.dataset.answer)")
    assert ids.index("weakness_how") == ids.index("warning_signs") + 1  # under its parent
    expect(phone.page.locator('[data-answer="weakness_how"]')).to_have_attribute("data-follows", "warning_signs")
    phone.page.locator('[data-answer="warning_signs"] a').click()
    phone.tick("warning_signs", "none")
    phone.button(words["question.see_results"]).click()
    expect(phone.heading()).to_have_text(words["results.title"])
    expect(phone.page.locator('[data-answer="weakness_how"]')).to_have_count(0)
    assert "weakness_how" not in phone.page.evaluate("JSON.parse(localStorage.getItem('twitch.check')).answers")


def test_a_change_that_adds_a_parent_option_asks_its_follow_up(phone, content):
    words = content["ui"]
    phone.open("#/check/warning_signs")
    phone.answer_all(content, SAFE)
    phone.page.locator("[data-your-answers] summary").click()
    phone.page.locator('[data-answer="warning_signs"] a').click()
    phone.tick("warning_signs", "muscle_loss")
    phone.button(words["question.see_results"]).click()
    expect(phone.page.locator('input[name="muscle_loss_how"]').first).to_be_visible()
    phone.tick("muscle_loss_how", "not_sure")
    phone.button(words["question.see_results"]).click()
    expect(card(phone)).to_have_attribute("data-triage-level", "consultation")


def test_optional_questions_come_after_the_result_and_update_it(speaker):
    phone, content = speaker
    words = content["ui"]
    answers = {**SAFE, "areas": ["calf_foot"], "duration": "1_to_2_weeks"}
    phone.open("#/check/warning_signs")
    phone.answer_all(content, answers)
    before = phone.ranked("data-trigger")
    phone.page.get_by_role("link", name=words["results.add_detail"]).click()
    optional = engine.asked_questions(content, answers, optional=True)
    detail = {"nicotine": "yes", "activity": "mostly_sitting"}
    for question_id in optional:
        expect(phone.page.locator(f'input[name="{question_id}"]').first).to_be_attached()
        if detail.get(question_id):
            phone.tick(question_id, detail[question_id])
            answers[question_id] = detail[question_id]
            phone.button(words["question.see_results"] if question_id == optional[-1] else words["question.next"]).click()
        else:
            phone.button(words["question.skip"]).click()
    expect(phone.heading()).to_have_text(words["results.title"])
    after = phone.ranked("data-trigger")
    assert after == [t["id"] for t in engine.assess(content, answers)["triggers"]]
    assert after != before


def test_a_follow_up_screen_with_its_card_passes_axe(phone, content):
    phone.open("#/check/warning_signs")
    phone.tick("warning_signs", "sudden_one_side")
    phone.button(content["ui"]["question.next"]).click()
    expect(card(phone)).to_be_visible()
    assert phone.run_axe() == []


def test_the_diary_check_in_asks_the_follow_up_that_decides_how_soon(speaker):
    phone, content = speaker
    phone.open("#/diary/checkin")
    phone.option("anything_new", "yes").check()
    phone.option("warning_signs", "weakness").check()
    advice = phone.page.locator(".diary-advice-slot [data-triage-level]")
    expect(advice).to_have_attribute("data-triage-level", "consultation_24")  # unanswered: the safe default
    follow_up = phone.page.locator('[data-follow-up="weakness_how"]')
    expect(follow_up).to_be_visible()
    phone.option("weakness_how", "feels_weak").check()
    expect(advice).to_have_attribute("data-triage-level", "consultation")  # felt weakness: no 24-hour card
    phone.option("weakness_how", "cant_do").check()
    expect(advice).to_have_attribute("data-triage-level", "consultation_24")
    phone.option("warning_signs", "weakness").uncheck()
    expect(follow_up).to_have_count(0)
