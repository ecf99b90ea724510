"""Results, guide and diary that a frightened person trusts (spec-v3 section 5), at 360x740 in English and Spanish:
the calm sentence and the ALS question on the first screen, reasons to see a GP told apart from warning signs, Try
first with its how, Track it, the printout, guide search, dates in the phone's locale, and trust on About."""
import datetime
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from api import engine
from api.content import load_content

LOCALES = {"en": "en-GB", "es": "es-ES"}
CONTENT = {lang: load_content(lang=lang) for lang in LOCALES}
SAFE = {"warning_signs": ["none"], "other_signs": ["none"]}
AFRAID_OF_ALS = {**SAFE, "areas": ["calf_foot"], "duration": "over_3_months"}  # calf for 4 months, no weakness
STUDENT = {**SAFE, "areas": ["eyelid"], "duration": "1_to_2_weeks", "sleep": "5_to_6h", "caffeine": "3_to_4",
           "stress": "high", "screen_time": "over_8h"}  # eyelid for 10 days
ONE_SIDED = {**SAFE, "warning_signs": ["sudden_one_side"], "areas": ["arm_hand"]}
WITHIN_24H = {**SAFE, "other_signs": ["swollen_calf"], "areas": ["calf_foot"]}
SCREEN = 740
AMBULANCE_RED = "rgb(161, 35, 27)"


def open_results(phone, answers, finished_at=None):
    phone.page.goto(phone.base_url + "#/")
    expect(phone.page.locator("main h1")).to_be_visible()  # the page's own first screen: storage can be set
    check = {"answers": answers, "at": None, "finished": True, "finished_at": finished_at}
    phone.page.evaluate("c => localStorage.setItem('twitch.check', JSON.stringify(c))", check)
    phone.open("#/results")
    expect(phone.page.locator("main [data-triage-level]")).to_be_visible()


def bottom(locator):
    box = locator.bounding_box()
    return box["y"] + box["height"]


@pytest.fixture(params=list(LOCALES))
def lang(request):
    return request.param


@pytest.fixture()
def person(phones, app_url, lang):
    return phones(app_url, locale=LOCALES[lang])


def test_the_first_screen_answers_the_fear_of_als(person, lang):
    content = CONTENT[lang]
    open_results(person, AFRAID_OF_ALS)
    card = person.page.locator("[data-triage-level]")
    expect(card).to_have_attribute("data-triage-level", "consultation")
    calm = card.locator("[data-calm]")
    expect(calm).to_have_text(next(level["calm"] for level in content["triage_levels"] if level["id"] == "consultation"))
    assert bottom(calm) <= SCREEN
    link = person.page.locator('a[data-faq="is_it_als"]')
    expect(link).to_have_count(1)
    expect(link).to_have_attribute("href", "#/guide/faq/is_it_als")
    expect(link).to_have_text(next(f["question"] for f in content["faq"] if f["id"] == "is_it_als"))
    assert bottom(link) <= SCREEN
    link.click()
    expect(person.heading()).to_have_text(next(f["question"] for f in content["faq"] if f["id"] == "is_it_als"))


def test_a_long_twitch_is_a_reason_to_see_a_gp_never_a_warning_sign(person, lang):
    content = CONTENT[lang]
    open_results(person, AFRAID_OF_ALS)
    reason = person.page.locator('[data-flag="long_duration"]')
    expect(reason).to_have_attribute("data-flag-kind", "reason")
    expect(person.page.locator('.flags [data-flag="long_duration"]')).to_have_count(0)  # not in the warning signs' list
    expect(person.page.locator('[data-flag-kind="warning_sign"]')).to_have_count(0)
    heading = reason.locator("xpath=ancestor::section[1]//h2")
    expect(heading).to_have_text(content["ui"]["results.reasons_heading"])
    assert content["ui"]["results.why_heading"] != content["ui"]["results.reasons_heading"]
    stripe = reason.evaluate("e => getComputedStyle(e).borderLeftColor")
    urgent = person.page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--urgent').trim()")
    assert stripe != AMBULANCE_RED and urgent not in stripe


def test_warning_signs_keep_their_kind_and_look(person):
    open_results(person, {**SAFE, "warning_signs": ["numbness_tingling"], "areas": ["calf_foot"], "duration": "over_3_months"})
    sign = person.page.locator('[data-flag="numbness_tingling"]')
    expect(sign).to_have_attribute("data-flag-kind", "warning_sign")
    expect(person.page.locator('.flags [data-flag="numbness_tingling"]')).to_have_count(1)
    expect(person.page.locator('.reasons [data-flag="long_duration"]')).to_have_count(1)


def test_the_worried_student_gets_calm_words_and_no_als_link(person, lang):
    open_results(person, STUDENT)
    expect(person.page.locator("[data-triage-level] [data-calm]")).to_be_visible()
    expect(person.page.locator('a[data-faq="is_it_als"]')).to_have_count(0)


def test_sudden_one_sided_weakness_gets_no_calm_words(person):
    open_results(person, {**ONE_SIDED, "duration": "over_3_months"})
    expect(person.page.locator('[data-triage-level="emergency_ambulance"]')).to_be_visible()
    expect(person.page.locator("[data-calm]")).to_have_count(0)
    expect(person.page.locator('a[data-faq="is_it_als"]')).to_have_count(0)
    expect(person.page.locator("a[data-track]")).to_have_count(0)


def test_try_first_says_how_and_back_returns_to_the_results(person, lang):
    content = CONTENT[lang]
    open_results(person, STUDENT)
    shorts = {tip["id"]: tip["short"] for tip in content["tips"]}
    items = person.page.locator("[data-try-tonight] > li")
    assert items.count() >= 1
    for n in range(items.count()):
        item = items.nth(n)
        tip_id = item.get_attribute("data-tip")
        expect(item.locator(".how")).to_have_text(shorts[tip_id])
    items.first.locator("a").click()
    expect(person.page.locator(f"#tip-{items.first.get_attribute('data-tip')}")).to_be_in_viewport()
    person.page.go_back()
    assert person.page.url.endswith("#/results")
    expect(person.page.locator("main [data-triage-level]")).to_be_visible()
    expect(person.page.locator("main input[type=radio], main input[type=checkbox]")).to_have_count(0)  # no question


def test_track_it_opens_the_diary_log_with_the_checks_area(person):
    open_results(person, AFRAID_OF_ALS)
    person.page.locator("a[data-track]").click()
    expect(person.page.locator('input[name="area"][value="calf_foot"]')).to_be_checked()


def test_the_reminder_is_a_calendar_file_14_days_after_the_check(person):
    open_results(person, AFRAID_OF_ALS, finished_at="2026-12-06T10:00:00.000Z")
    link = person.page.locator('a[download$=".ics"]')
    expect(link).to_have_attribute("download", "check-again-2026-12-20.ics")
    with person.page.expect_download() as download:
        link.click()
    ics = Path(download.value.path()).read_text(encoding="utf-8").replace("\r\n ", "")
    assert "DTSTART;VALUE=DATE:20261220" in ics
    assert f"URL:{person.base_url}" in ics


def test_the_printout_holds_what_copy_holds_in_at_most_3_pages(person, lang):
    content = CONTENT[lang]
    answers = {**AFRAID_OF_ALS, "sleep": "under_5h", "caffeine": "5_plus", "stress": "very_high", "medications": ["none"]}
    open_results(person, answers)
    person.page.emulate_media(media="print")
    person.page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    title = person.page.locator(".print-title")
    expect(title).to_be_visible()
    expect(title).to_contain_text(content["title"])
    expect(title).to_contain_text(str(datetime.date.today().year))
    result = engine.assess(content, answers)
    assert result["related_conditions"], "a case with things to mention to a doctor"
    expect(person.page.get_by_role("heading", name=content["ui"]["results.conditions_heading"])).to_be_visible()
    expect(person.page.locator("[data-your-answers] dl")).to_be_visible()
    after = person.page.locator("[data-try-tonight] a").first.evaluate("e => getComputedStyle(e, '::after').marginLeft")
    assert after == "0px", "five minutes: with no space before the colon"
    pdf = person.page.pdf(format="A4")
    assert 1 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 3


def test_your_answers_stack_and_no_label_breaks_inside_a_word(person, lang):
    open_results(person, {**AFRAID_OF_ALS, "medications": ["steroids"], "health_conditions": ["none"], "about_you": ["none"]})
    person.page.locator("[data-your-answers] summary").click()
    broken = person.page.evaluate("""() => [...document.querySelectorAll('[data-your-answers] dt, [data-your-answers] dd')]
        .flatMap(cell => {
          const text = cell.firstChild && cell.firstChild.nodeType === 3 ? cell.firstChild : null;
          if (!text) return [];
          const words = [];
          for (const match of text.textContent.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index); range.setEnd(text, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            if (lines.size > 1) words.push(match[0]);
          }
          return words;
        })""")
    assert broken == []


def test_the_24_hour_card_call_button_is_not_ambulance_red(person):
    open_results(person, WITHIN_24H)
    card = person.page.locator('[data-triage-level="consultation_24"]')
    expect(card.locator('a[href^="tel:"]').first).to_be_visible()
    # A health line takes the card's amber; only an emergency number (where the region has no health line) is red.
    for call in card.locator('a[data-call-kind="health_line"]').all():
        assert call.evaluate("e => getComputedStyle(e).backgroundColor") != AMBULANCE_RED


def test_glyphs_drawn_by_css_are_not_read_out(person):
    open_results(person, STUDENT)
    for selector, pseudo in (("summary", "::before"), ("[data-try-tonight] a", "::after")):
        content = person.page.locator(selector).first.evaluate(f"e => getComputedStyle(e, '{pseudo}').content")
        assert content.endswith('/ ""'), (selector, content)


@pytest.mark.parametrize("query, first", [("ALS", "is_it_als"), ("als", "is_it_als"), ("motor neurone disease", "is_it_als"),
                                          ("magnesium foods", "magnesium"), ("foods high in magnesium", "magnesium")])
def test_guide_search_puts_the_best_question_first(phone, query, first):
    phone.open("#/guide")
    phone.page.get_by_label("Filter the guide").fill(query)
    results = phone.page.locator("[data-search-results] > li > a")
    expect(results.first).to_have_attribute("data-faq", first)
    if query.lower() == "als":
        texts = results.all_inner_texts()
        assert not any(re.search(r"\balso\b|\bminerals\b", text, re.I) and not re.search(r"\bals\b", text, re.I)
                       for text in texts[:1])


def test_guide_search_in_spanish_ignores_accents_and_knows_ela(phones, app_url):
    phone = phones(app_url, locale="es-ES")
    phone.open("#/guide")
    search = phone.page.get_by_label(CONTENT["es"]["ui"]["guide.filter"])
    search.fill("cafeina")
    expect(phone.page.locator("[data-search-results] > li").first).to_have_attribute("data-guide-entry", "coffee")
    search.fill("ELA")
    expect(phone.page.locator("[data-search-results] > li > a").first).to_have_attribute("data-faq", "is_it_als")


@pytest.mark.parametrize("locale, reviewed", [("en-GB", "1 December 2026"), ("en-US", "December 1, 2026"),
                                               ("es-ES", "1 de diciembre de 2026"), ("es-MX", "1 de diciembre de 2026")])
def test_about_shows_the_reviews_in_the_phones_own_date_format(phones, app_url, locale, reviewed):
    content = CONTENT[locale[:2]]
    phone = phones(app_url, locale=locale)
    phone.open("#/about")
    trust = phone.page.locator("[data-trust]")
    expect(trust.locator("[data-reviewed]")).to_contain_text(reviewed)
    expect(trust.locator("[data-checked-cases]")).to_contain_text(str(content["trust"]["checked_cases"]))
    report = trust.get_by_role("link", name=content["ui"]["about.report_link"])
    expect(report).to_have_attribute("href", content["trust"]["report_problem"])


def test_the_manifest_has_shortcuts_to_log_a_twitch_and_the_check_in(phone):
    manifest = json.loads(phone.page.request.get(phone.base_url + "manifest.webmanifest").text())
    shortcuts = {shortcut["name"]: shortcut["url"] for shortcut in manifest["shortcuts"]}
    assert shortcuts == {"Log a twitch": "./#/diary/log", "Today's check-in": "./#/diary/checkin"}


def test_the_diary_summary_carries_the_last_checks_level_and_duration(phones, app_url):
    content = CONTENT["en"]
    phone = phones(app_url, locale="en-GB")
    open_results(phone, AFRAID_OF_ALS, finished_at="2026-12-06T10:00:00.000Z")
    phone.open("#/diary/summary")
    last = phone.page.locator("[data-last-check]")
    expect(last).to_have_attribute("data-last-check", "consultation")
    expect(last).to_contain_text(next(level["title"] for level in content["triage_levels"] if level["id"] == "consultation"))
    expect(last).to_contain_text("6 December 2026")
    expect(phone.page.locator("[data-last-duration]")).to_have_attribute("data-last-duration", "over_3_months")
    expect(phone.page.locator("[data-summary-file]")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("route, answers", [("#/results", AFRAID_OF_ALS), ("#/results", STUDENT), ("#/about", None),
                                            ("#/results", WITHIN_24H)])
def test_axe_finds_nothing_on_the_changed_screens(phones, app_url, lang, scheme, route, answers):
    phone = phones(app_url, locale=LOCALES[lang], color_scheme=scheme)
    if answers:
        open_results(phone, answers)
    else:
        phone.open(route)
    violations = phone.run_axe()
    assert violations == [], json.dumps(violations, indent=1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_guide_search_results(phones, app_url, scheme):
    phone = phones(app_url, color_scheme=scheme)
    phone.open("#/guide")
    phone.page.get_by_label("Filter the guide").fill("ALS")
    expect(phone.page.locator("[data-search-results] > li").first).to_be_visible()
    violations = phone.run_axe()
    assert violations == [], json.dumps(violations, indent=1)
