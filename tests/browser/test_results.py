"""The results screen as a worried person meets it at 360x740: how soon and what to try first on the first
screen, call buttons from 24 hours up, every answer with a Change link, and a printout of at most 3 pages."""
import re

import pytest
from playwright.sync_api import expect

from api import engine

SAFE = {"warning_signs": ["none"], "other_signs": ["none"]}
SELF_CARE = {**SAFE, "areas": ["eyelid"], "duration": "1_to_2_weeks", "sleep": "5_to_6h", "caffeine": "3_to_4",
             "stress": "high", "activity": "mostly_sitting", "screen_time": "over_8h", "diet_pattern": ["skips_meals"]}
CONSULTATION = {**SAFE, "warning_signs": ["numbness_tingling"], "areas": ["calf_foot", "thigh"], "duration": "over_3_months",
                "sleep": "under_5h", "caffeine": "5_plus", "stress": "very_high", "exercise": "hard", "fluids": "under_4"}
WITHIN_24H = {**SAFE, "other_signs": ["swollen_calf"], "areas": ["calf_foot"]}
VIEWPORT_HEIGHT = 740


def open_results(phone, answers):
    phone.open()
    phone.page.evaluate("a => localStorage.setItem('twitch.check', JSON.stringify({answers: a, at: null, finished: true}))",
                        answers)
    phone.open("#/results")
    expect(phone.page.locator("main [data-triage-level]")).to_be_visible()  # the results drawn, not home still


@pytest.mark.parametrize("answers", [SELF_CARE, CONSULTATION], ids=["self care", "consultation"])
def test_the_first_screen_holds_the_level_and_what_to_try_first(phone, content, answers):
    open_results(phone, answers)
    expected = engine.assess(content, answers)
    banner = phone.page.locator("[data-triage-level]")
    expect(banner).to_have_attribute("data-triage-level", expected["triage"]["level"])
    tries = phone.page.locator("[data-try-tonight] a")
    first_tips = [trigger["tips"][0]["title"] for trigger in expected["triggers"] if trigger["tips"]][:3]
    expect(tries).to_have_text(first_tips)
    assert 1 <= len(first_tips) <= 3
    assert banner.bounding_box()["y"] < VIEWPORT_HEIGHT
    assert phone.page.locator("[data-try-tonight]").bounding_box()["y"] < VIEWPORT_HEIGHT  # no scrolling to find it


def test_a_self_care_result_fits_in_four_screens_with_details_folded(phone):
    open_results(phone, SELF_CARE)
    height = phone.page.evaluate("document.querySelector('main').getBoundingClientRect().bottom + scrollY")
    assert height <= 4 * VIEWPORT_HEIGHT
    try_box = phone.page.locator("[data-try-tonight]").bounding_box()
    assert try_box["y"] + try_box["height"] <= VIEWPORT_HEIGHT  # the whole list on the first screen


def test_try_first_links_open_the_tip_in_its_card(phone, content):
    open_results(phone, SELF_CARE)
    link = phone.page.locator("[data-try-tonight] a").first
    title = link.inner_text()
    link.click()
    tip = phone.page.locator("[data-tip]").filter(has=phone.page.get_by_role("heading", name=title, exact=True)).first
    expect(tip).to_be_visible()
    expect(tip).to_be_focused()
    assert phone.page.evaluate("location.hash") == "#/results"  # a reload still shows the results


@pytest.mark.parametrize("answers, level", [(WITHIN_24H, "consultation_24"), (CONSULTATION, "consultation")])
def test_call_buttons_from_24_hours_up(phone, content, answers, level):
    open_results(phone, answers)
    banner = phone.page.locator(f'[data-triage-level="{level}"]')
    region = banner.get_attribute("data-region") or None  # the numbers follow where the phone is (test_region_numbers.py)
    calls = engine.calls(content, next(lv for lv in content["triage_levels"] if lv["id"] == level), engine.region_of(content, region))
    links = banner.locator('a[href^="tel:"]')
    expect(links).to_have_count(len(calls))
    for call, link in zip(calls, links.all()):
        expect(link).to_have_attribute("href", f"tel:{call['number']}")
    if calls:
        box = links.first.bounding_box()
        assert box["y"] + box["height"] <= VIEWPORT_HEIGHT


def test_every_answer_is_listed_and_change_returns_to_the_updated_results(phone, content):
    open_results(phone, SELF_CARE)
    answers = phone.page.locator("[data-your-answers]")
    answers.locator("summary").click()
    questions = [q for q in content["questionnaire"]["questions"] if q["id"] in SELF_CARE]
    expect(answers.locator("dt")).to_have_text([q["short"] for q in questions])
    sleep = next(q for q in questions if q["id"] == "sleep")
    expect(answers.locator(".answer-row", has_text=sleep["short"])).to_contain_text("5 to 6 hours")
    changes = answers.get_by_role("link", name=re.compile("^Change"))
    expect(changes).to_have_count(len(questions))
    answers.get_by_role("link", name=re.compile(f"^Change.*{sleep['short']}$")).click()
    expect(phone.heading()).to_have_text(sleep["text"])
    phone.tick("sleep", "7_to_8h")
    phone.button("See results").click()
    expect(phone.heading()).to_have_text("Your results")
    expected = engine.assess(content, {**SELF_CARE, "sleep": "7_to_8h"})
    ranked = [t["id"] for t in expected["triggers"] if t["score"] >= 0.4] + \
        [t["id"] for t in expected["triggers"] if t["score"] < 0.4]  # strong and good matches first, then the rest
    assert phone.ranked("data-trigger") == ranked
    phone.page.locator("[data-your-answers] summary").click()
    expect(phone.page.locator("[data-your-answers] .answer-row", has_text=sleep["short"])).to_contain_text("7 to 8 hours")


def test_a_change_to_a_safety_question_keeps_it_required(phone, content):
    open_results(phone, SELF_CARE)
    phone.page.locator("[data-your-answers] summary").click()
    phone.page.get_by_role("link", name=re.compile("^Change.*Warning signs$")).click()
    phone.tick("warning_signs", "stiffness")
    expect(phone.button("Skip")).to_have_count(0)
    phone.button("See results").click()
    expect(phone.page.locator("[data-triage-level]")).to_have_attribute("data-triage-level", "consultation")
    expect(phone.page.locator('[data-red-flag="stiffness"]')).to_be_visible()


def test_weaker_matches_are_folded_under_other_things(phone, content):
    open_results(phone, SELF_CARE)
    expected = engine.assess(content, SELF_CARE)
    weak = [t["id"] for t in expected["triggers"] if t["score"] < 0.4]
    assert weak
    for trigger_id in weak:
        expect(phone.page.locator(f'[data-trigger="{trigger_id}"]')).to_be_hidden()
    phone.page.locator(".other-triggers > summary").click()
    for trigger_id in weak:
        expect(phone.page.locator(f'[data-trigger="{trigger_id}"]')).to_be_visible()


def test_the_printout_is_at_most_three_pages(phone, content):
    open_results(phone, CONSULTATION)
    phone.page.emulate_media(media="print")
    phone.page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(phone.page.locator("[data-your-answers] dl")).to_be_visible()  # the answers print
    expect(phone.page.locator("[data-red-flag] details p").first).to_be_visible()  # and the warning signs, open
    pdf = phone.page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 3


@pytest.mark.parametrize("question, option, level", [("warning_signs", "breathing", "emergency_ambulance"),
                                                     ("warning_signs", "spreading_weakness", "emergency"),
                                                     ("other_signs", "dark_urine", "emergency")])
def test_ticking_an_emergency_sign_puts_its_advice_and_call_buttons_in_view(phone, content, question, option, level):
    phone.open(f"#/check/{question}")
    phone.tick(question, option)
    banner = phone.page.locator(f'.urgent-slot [data-triage-level="{level}"]')
    expect(banner).to_be_visible()
    phone.page.wait_for_function("() => !document.getAnimations().some(a => a.playState === 'running')")
    for element in (banner, banner.locator('a[href^="tel:"]').last):
        box = element.bounding_box()
        assert 0 <= box["y"] and box["y"] + min(box["height"], 60) <= VIEWPORT_HEIGHT  # in view, without scrolling
    expect(phone.page.locator(".urgent-slot")).to_have_attribute("aria-live", "assertive")
