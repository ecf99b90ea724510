"""WCAG 2.2 AA on every screen, light and dark: axe-core, tap targets, reflow at 320px and 200% text."""
import json

import pytest
from playwright.sync_api import expect

RICH_ANSWERS = {"warning_signs": ["numbness_tingling"], "other_signs": ["none"], "areas": ["eyelid", "calf_foot"],
                "duration": "over_3_months",
                "sleep": "under_5h", "caffeine": "5_plus", "stress": "high", "health_conditions": ["diabetes"]}
EMERGENCY_ANSWERS = {"warning_signs": ["breathing", "weakness"]}
WITHIN_24H_ANSWERS = {"warning_signs": ["none"], "other_signs": ["swollen_calf"], "areas": ["calf_foot"],
                      "about_you": ["pregnant"], "caffeine": "3_to_4"}

# name: (address, saved answers, finished)
SCREENS = {
    "home": ("#/", None, False),
    "home with a check in progress": ("#/", RICH_ANSWERS, False),
    "question with checkboxes and the emergency advice": ("#/check/warning_signs", EMERGENCY_ANSWERS, False),
    "question with radios": ("#/check/sleep", RICH_ANSWERS, False),
    "emergency": ("#/emergency", EMERGENCY_ANSWERS, False),
    "results": ("#/results", RICH_ANSWERS, True),
    "results of an emergency": ("#/results", EMERGENCY_ANSWERS, True),
    "results with no answers": ("#/results", None, False),
    "results within 24 hours, with call buttons": ("#/results", WITHIN_24H_ANSWERS, True),
    "a safety question asking for an answer": ("#/check/warning_signs", None, False),
    "guide": ("#/guide", None, False),
    "guide section with a table": ("#/guide/twitch_cramp_tremor", None, False),
    "guide section": ("#/guide/sleep", None, False),
    "faq": ("#/guide/faq", None, False),
    "faq question": ("#/guide/faq/is_it_als", None, False),
    "sources": ("#/guide/sources", None, False),
    "about": ("#/about", None, False),
    "privacy": ("#/privacy", None, False),
    "page not found": ("#/no-such-screen", None, False),
}
# Controls a finger must hit: at least 44x44 CSS pixels. Links inside sentences are exempt (WCAG 2.5.8).
TAP_TARGETS = "button, a.button, label.option, summary, .foot a, .guide-list a, .back a, .next a, input[type=search], .brand"


def open_screen(phones, app_url, name, **options):
    route, answers, finished = SCREENS[name]
    phone = phones(app_url, **options)
    if answers is not None:
        check = json.dumps({"answers": answers, "at": "sleep", "finished": finished})
        phone.context.add_init_script(f"localStorage.getItem('twitch.check') || localStorage.setItem('twitch.check', {json.dumps(check)})")
    phone.open(route)
    return phone


def assert_no_violations(phone):
    violations = phone.run_axe()
    assert violations == [], json.dumps(violations, indent=1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", SCREENS)
def test_axe_finds_no_violation(phones, app_url, name, scheme):
    phone = open_screen(phones, app_url, name, color_scheme=scheme)
    if name == "home":
        expect(phone.page.locator('[data-notice="offline-ready"]')).to_be_visible()  # the notice is checked too
    if name == "a safety question asking for an answer":
        phone.button("Next").click()
        expect(phone.page.get_by_role("alert")).to_be_visible()  # the message and the invalid inputs are checked
    if name.startswith("results") and phone.page.locator("details").count():
        phone.page.evaluate("document.querySelectorAll('main details').forEach(d => d.open = true)")  # all of it
    assert_no_violations(phone)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_the_start_over_dialog_and_a_filtered_guide(phones, app_url, scheme):
    phone = open_screen(phones, app_url, "home with a check in progress", color_scheme=scheme)
    phone.button("Start a new check").click()
    expect(phone.page.get_by_role("dialog")).to_be_visible()
    assert_no_violations(phone)
    phone.page.keyboard.press("Escape")
    phone.open("#/guide")
    phone.page.get_by_label("Filter the guide").fill("caffeine")
    expect(phone.page.get_by_role("heading", name="What matches, best first")).to_be_visible()
    assert_no_violations(phone)


@pytest.mark.parametrize("name", SCREENS)
def test_tap_targets_are_at_least_44px(phones, app_url, name):
    phone = open_screen(phones, app_url, name)
    small = phone.page.locator(TAP_TARGETS).evaluate_all("""els => els
        .filter(e => e.getClientRects().length)
        .map(e => [e.textContent.trim().slice(0, 40), e.getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44)
        .map(([text, r]) => `${text}: ${Math.round(r.width)}x${Math.round(r.height)}`)""")
    assert small == []


@pytest.mark.parametrize("locale", ["en-GB", "es-ES"])  # Spanish words run longer
@pytest.mark.parametrize("name", SCREENS)
def test_screens_fit_320px_and_200_percent_text_without_sideways_scrolling(phones, app_url, name, locale):
    phone = open_screen(phones, app_url, name, locale=locale)
    page = phone.page
    for width, text_size in ((320, "100%"), (360, "200%")):
        page.set_viewport_size({"width": width, "height": 740})
        page.evaluate(f"document.documentElement.style.fontSize = {text_size!r}")  # CSSOM: allowed by the CSP
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{overflow}px of sideways scrolling at {width}px wide with text at {text_size}"
