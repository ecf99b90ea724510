"""Numbers by where the phone is (spec-v3 section 3.2), at 360x740: a remembered "Where are you?" choice, else the
device's time zone, else the language's region, else the fallback. 111 is a health line only in GB."""
import pytest
from playwright.sync_api import expect

AMBULANCE = {"warning_signs": ["sudden_one_side"], "other_signs": ["none"]}
WITHIN_24 = {"warning_signs": ["weakness"], "weakness_how": "cant_do", "other_signs": ["none"]}


def open_results(phone, answers):
    phone.open()
    phone.page.evaluate("a => localStorage.setItem('twitch.check', JSON.stringify({answers: a, at: null, finished: true}))",
                        answers)
    phone.open("#/results")
    card = phone.page.locator("main [data-triage-level]")
    expect(card).to_be_visible()
    return card


def calls(card):
    return card.locator('a[href^="tel:"]').evaluate_all(
        "links => links.map(a => [a.getAttribute('href').slice(4), a.dataset.callKind])")


@pytest.mark.parametrize("timezone, locale, region, ambulance, within_24", [
    # Auckland on an en-US phone: the time zone wins; 111 is the emergency number there, never a health line.
    ("Pacific/Auckland", "en-US", "NZ", [["111", "emergency"], ["112", "emergency"]],
     [["0800611116", "health_line"], ["111", "emergency"], ["112", "emergency"]]),
    ("America/New_York", "en-US", "US", [["911", "emergency"]], [["911", "emergency"]]),
    ("Europe/London", "en-GB", "GB", [["999", "emergency"], ["112", "emergency"]],
     [["111", "health_line"], ["999", "emergency"], ["112", "emergency"]]),
    ("Australia/Perth", "en-GB", "AU", [["000", "emergency"], ["112", "emergency"]], [["000", "emergency"], ["112", "emergency"]]),
    ("Europe/Madrid", "es-ES", "ES", [["112", "emergency"]], [["112", "emergency"]]),
    ("America/Mexico_City", "es-MX", "MX", [["911", "emergency"]], [["911", "emergency"]]),
])
def test_the_time_zone_picks_the_numbers(phones, app_url, timezone, locale, region, ambulance, within_24):
    phone = phones(app_url, timezone_id=timezone, locale=locale)
    card = open_results(phone, AMBULANCE)
    expect(card).to_have_attribute("data-triage-level", "emergency_ambulance")
    expect(card).to_have_attribute("data-region", region)
    assert calls(card) == ambulance
    card = open_results(phone, WITHIN_24)
    expect(card).to_have_attribute("data-triage-level", "consultation_24")
    assert calls(card) == within_24
    if region != "GB":
        assert ["111", "health_line"] not in calls(card)


def test_the_language_region_when_the_time_zone_is_unknown(phones, app_url):
    phone = phones(app_url, timezone_id="Asia/Tokyo", locale="en-NZ")  # a zone the content has no numbers for
    card = open_results(phone, WITHIN_24)
    expect(card).to_have_attribute("data-region", "NZ")
    assert calls(card)[1:] == [["111", "emergency"], ["112", "emergency"]]


def test_unknown_gets_the_fallback_words_and_numbers_and_no_health_line(phones, app_url, content):
    phone = phones(app_url, timezone_id="Asia/Tokyo", locale="en")
    card = open_results(phone, WITHIN_24)
    expect(card).to_have_attribute("data-region", "")
    expect(card.locator(".local-number")).to_have_text(content["ui"]["region.local_emergency"])
    expect(card).to_contain_text(content["ui"]["region.health_advice"])
    assert [n for n, _ in calls(card)][:2] == ["112", "911"]
    assert {kind for _, kind in calls(card)} == {"emergency"}
    expect(card.get_by_label(content["ui"]["region.where"])).to_be_visible()  # the chooser inside the card


def test_spanish_readers_get_their_regions_numbers_never_a_uk_line(phones, app_url):
    phone = phones(app_url, timezone_id="Europe/Madrid", locale="es-ES")
    phone.open()
    card = open_results(phone, WITHIN_24)
    expect(card).to_contain_text("Números de España")
    assert "111" not in [n for n, _ in calls(card)]


def test_a_remembered_choice_wins_and_the_card_says_whose_numbers(phones, app_url, content):
    phone = phones(app_url, timezone_id="America/New_York", locale="en-US")
    card = open_results(phone, WITHIN_24)
    expect(card.locator(".region-line")).to_have_text("Numbers for United States · Change")
    card.get_by_role("button", name="Change").click()
    chooser = card.get_by_label("Where are you?")
    expect(chooser).to_be_focused()
    chooser.select_option("NZ")
    card = phone.page.locator("main [data-triage-level]")
    expect(card).to_have_attribute("data-region", "NZ")
    assert calls(card)[0] == ["0800611116", "health_line"]
    expect(phone.page.locator("#footer-region")).to_have_value("NZ")
    card = open_results(phone, AMBULANCE)  # remembered on the device
    assert calls(card) == [["111", "emergency"], ["112", "emergency"]]
    phone.page.locator("#footer-region").select_option("GB")  # the footer's control redraws the screen
    expect(phone.page.locator("main [data-triage-level]")).to_have_attribute("data-region", "GB")


def test_the_region_controls_pass_axe(phones, app_url):
    phone = phones(app_url, timezone_id="Asia/Tokyo", locale="en")
    open_results(phone, WITHIN_24)
    assert phone.run_axe() == []
