"""The app at phone size, at 200% zoom (a 360px screen shows 180 CSS px) and at 320px: nothing hidden off the
edge or under a message, headings whole, the one line of the header, and the emergency call buttons first."""
import re

from playwright.sync_api import expect

ZOOMED = {"width": 180, "height": 370}  # 360x740 at 200%
SAFE = {"warning_signs": ["none"], "other_signs": ["none"], "sleep": "5_to_6h", "areas": ["eyelid"]}


def no_sideways_scroll(phone):
    return phone.page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_the_header_keeps_one_line_at_200_percent(phone):
    phone.page.set_viewport_size(ZOOMED)
    phone.open()
    brand = phone.page.locator(".brand span")
    line = phone.page.evaluate("parseFloat(getComputedStyle(document.querySelector('.brand span')).lineHeight)"
                               " || parseFloat(getComputedStyle(document.querySelector('.brand span')).fontSize) * 1.5")
    assert brand.bounding_box()["height"] <= line + 1
    assert no_sideways_scroll(phone)


def test_tables_stack_on_a_phone_and_nothing_hides_off_the_edge(phone, content):
    section = next(s for s in content["guide"]["sections"] if "table" in s)
    for size in ({"width": 320, "height": 640}, ZOOMED):
        phone.page.set_viewport_size(size)
        phone.open(f"#/guide/{section['id']}")
        cell = phone.page.locator("td").first
        expect(cell).to_be_visible()
        assert cell.evaluate("e => getComputedStyle(e, '::before').content").strip('"') == section["table"]["columns"][1]
        assert no_sideways_scroll(phone)


def test_headings_do_not_break_inside_words(phone):
    phone.page.set_viewport_size(ZOOMED)
    phone.open("#/guide")
    hyphens = phone.page.evaluate("[...document.querySelectorAll('h1, h2, h3')].map(e => getComputedStyle(e).hyphens)")
    assert set(hyphens) == {"manual"}


def test_the_offline_message_never_covers_the_home_screen(phone):
    phone.page.set_viewport_size(ZOOMED)
    phone.open()
    phone.wait_until_offline_ready()
    notice = phone.page.locator('[data-notice="offline-ready"]')
    expect(notice).to_be_attached()
    main_bottom = phone.page.evaluate("document.querySelector('main').getBoundingClientRect().bottom")
    assert notice.bounding_box()["y"] >= main_bottom - 1  # after the screen, not over it
    assert notice.evaluate("e => getComputedStyle(e).position") != "fixed"


def test_the_emergency_screen_puts_the_call_buttons_before_the_long_words_at_200_percent(phone, content):
    phone.page.set_viewport_size(ZOOMED)
    phone.open("#/check/warning_signs")
    phone.tick("warning_signs", "breathing")
    phone.button("Next").click()
    phone.button("Skip").click()  # the follow-up left unanswered keeps the emergency: the full emergency screen
    banner = phone.page.locator('.emergency [data-triage-level="emergency_ambulance"]')
    first_call = banner.locator('a[href^="tel:"]').first
    advice = banner.get_by_text(content["triage_levels"][0]["advice"])
    assert first_call.bounding_box()["y"] < advice.bounding_box()["y"]
    assert no_sideways_scroll(phone)


def test_back_and_skip_look_less_important_than_next(phone):
    phone.open("#/check/areas")
    styles = {name: phone.button(name).evaluate("e => getComputedStyle(e).backgroundColor") for name in ("Next", "Back", "Skip")}
    assert styles["Back"] == styles["Skip"] != styles["Next"]
    assert styles["Back"] in ("rgba(0, 0, 0, 0)", "transparent")


def test_home_names_the_level_and_the_day_of_the_last_check(phone, content):
    phone.open("#/check/warning_signs")
    phone.page.evaluate("a => localStorage.setItem('twitch.check', JSON.stringify({answers: a, at: null, finished: true,"
                        " finished_at: '2026-11-30T10:00:00Z'}))", SAFE)
    phone.open()
    last = phone.page.locator("[data-last-level]")
    expect(last).to_have_attribute("data-last-level", "self_care")
    expect(last).to_contain_text(content["triage_levels"][-1]["title"])
    expect(last).to_contain_text(re.compile("30"))
