"""A phone set to Spanish gets the whole app in Spanish, online and offline, and can switch language."""
import re

import pytest
from playwright.sync_api import expect

from api.content import load_content

ES = load_content(lang="es")
EN = load_content()
WORDS = ES["ui"]


@pytest.fixture()
def spanish_phone(phones, app_url):
    return phones(app_url, locale="es-MX")


def test_a_spanish_phone_gets_the_home_screen_in_spanish(spanish_phone):
    phone = spanish_phone
    expect(phone.open()).to_have_text(WORDS["home.heading"])
    assert phone.page.evaluate("document.documentElement.lang") == "es"
    expect(phone.page.locator("header")).to_contain_text(WORDS["app.name"])
    expect(phone.page.locator("footer")).to_contain_text(WORDS["app.nav_guide"])
    expect(phone.page.get_by_label(WORDS["language.label"]).first).to_have_value("es")
    expect(phone.page.get_by_role("button", name=WORDS["home.start"])).to_be_visible()
    assert phone.page.title() == WORDS["app.name"]


def test_the_check_and_its_results_in_spanish_score_as_in_english(spanish_phone):
    phone = spanish_phone
    phone.open()
    phone.page.get_by_role("button", name=WORDS["home.start"]).click()
    phone.answer_all(ES, {"sleep": "under_5h", "caffeine": "5_plus", "areas": ["eyelid"]})
    level = next(lv for lv in ES["triage_levels"] if lv["id"] == "self_care")
    expect(phone.page.locator("[data-triage-level]").first).to_contain_text(level["title"])
    ranked = phone.ranked("data-trigger")
    assert ranked[:2] == ["sleep", "caffeine"] or ranked[:2] == ["caffeine", "sleep"]
    caffeine = next(t for t in ES["triggers"] if t["id"] == "caffeine")
    expect(phone.page.get_by_text(caffeine["title"]).first).to_be_visible()


def test_the_guide_and_the_diary_in_spanish(spanish_phone):
    phone = spanish_phone
    expect(phone.open("#/guide")).to_have_text(WORDS["guide.title"])
    section = ES["guide"]["sections"][0]
    phone.page.get_by_role("link", name=section["title"]).first.click()
    expect(phone.heading()).to_have_text(section["title"])
    expect(phone.open("#/diary")).to_have_text(WORDS["diary.list.title"])
    expect(phone.page.locator("main")).not_to_contain_text(EN["ui"]["diary.list.title"])


def test_spanish_works_offline_after_one_visit(spanish_phone):
    phone = spanish_phone
    phone.open()
    phone.wait_until_offline_ready()
    expect(phone.page.locator("#offline-status")).to_have_attribute("data-state", "ready")
    phone.context.set_offline(True)
    phone.page.reload()
    expect(phone.wait_for_screen()).to_have_text(WORDS["home.heading"])
    expect(phone.open("#/guide")).to_have_text(WORDS["guide.title"])
    phone.context.set_offline(False)


def test_the_language_control_switches_and_is_remembered_and_works_offline_once_saved(spanish_phone):
    phone = spanish_phone
    phone.open()
    phone.wait_until_offline_ready()
    phone.page.get_by_label(WORDS["language.label"]).first.select_option("en")
    expect(phone.wait_for_screen()).to_have_text(EN["ui"]["home.heading"])
    assert phone.page.evaluate("document.documentElement.lang") == "en"
    phone.page.reload()
    expect(phone.wait_for_screen()).to_have_text(EN["ui"]["home.heading"])  # remembered on the device
    expect(phone.page.locator("#offline-status")).to_have_attribute("data-state", "ready")  # English saved too

    phone.context.set_offline(True)  # both languages are saved now: switching works without a network
    phone.page.get_by_label(EN["ui"]["language.label"]).first.select_option("es")
    expect(phone.wait_for_screen()).to_have_text(WORDS["home.heading"])
    phone.page.get_by_label(WORDS["language.label"]).first.select_option("en")
    expect(phone.wait_for_screen()).to_have_text(EN["ui"]["home.heading"])
    phone.context.set_offline(False)


def test_a_language_not_saved_yet_says_so_offline_and_keeps_the_one_in_use(spanish_phone):
    phone = spanish_phone
    phone.open()
    phone.wait_until_offline_ready()
    expect(phone.page.locator("#offline-status")).to_have_attribute("data-state", "ready")
    phone.context.set_offline(True)
    phone.page.get_by_label(WORDS["language.label"]).first.select_option("en")
    expect(phone.page.get_by_text(WORDS["language.not_saved"])).to_be_visible()
    expect(phone.heading()).to_have_text(WORDS["home.heading"])
    assert phone.page.evaluate("document.documentElement.lang") == "es"
    phone.context.set_offline(False)
    phone.errors[:] = [e for e in phone.errors if "ERR_INTERNET_DISCONNECTED" not in e and "ERR_FAILED" not in e]


def test_sources_without_a_spanish_page_say_the_page_is_in_english(spanish_phone):
    phone = spanish_phone
    phone.open("#/guide/sources")
    english_page = next(s for s in ES["sources"] if s["language"] == "en")
    spanish_page = next(s for s in ES["sources"] if s["language"] == "es")
    item = phone.page.locator(f"#source-{english_page['id']}")
    expect(item).to_contain_text(WORDS["guide.source_in_english"])
    expect(phone.page.locator(f"#source-{spanish_page['id']}")).not_to_contain_text(WORDS["guide.source_in_english"])
    expect(phone.page.locator(f"#source-{spanish_page['id']} a")).to_have_attribute("href", re.compile("/spanish/"))


@pytest.mark.parametrize("route", ["#/", "#/check/warning_signs", "#/guide"])
def test_axe_finds_no_violation_in_spanish(spanish_phone, route):
    phone = spanish_phone
    phone.open(route)
    assert phone.run_axe() == []


def test_the_page_itself_is_in_spanish_before_any_module_runs(phones, app_url):
    """First paint: the HTML's home screen, title and links in the phone's language, and the links work."""
    phone = phones(app_url, locale="es-ES")
    phone.page.route("**/js/app.js", lambda route: route.abort())  # the modules never arrive
    phone.page.goto(app_url, wait_until="domcontentloaded")
    assert phone.page.evaluate("document.documentElement.lang") == "es"
    expect(phone.page.locator("main h1")).to_have_text(WORDS["home.heading"])
    expect(phone.page.get_by_role("link", name=WORDS["home.start"])).to_have_attribute("href", "#/check/warning_signs")
    assert phone.page.title() == WORDS["app.name"]
    phone.page.get_by_role("link", name=WORDS["home.read_guide"]).click()
    assert phone.page.url.endswith("#/guide")
    phone.errors.clear()  # the blocked app.js, on purpose


def test_a_chosen_language_wins_over_the_browsers_from_the_first_paint(spanish_phone):
    phone = spanish_phone
    phone.open()
    phone.page.get_by_label(WORDS["language.label"]).first.select_option("en")
    expect(phone.wait_for_screen()).to_have_text(EN["ui"]["home.heading"])
    phone.page.route("**/js/app.js", lambda route: route.abort())
    phone.page.reload(wait_until="domcontentloaded")
    expect(phone.page.locator("main h1")).to_have_text(EN["ui"]["home.heading"])
    assert phone.page.evaluate("document.documentElement.lang") == "en"
    phone.errors.clear()
