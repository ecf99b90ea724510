"""At an emergency the results screen suggests no self-care first (spec-v3 section 1): it shows the emergency, why,
and the trigger the warning sign names; tips wait under "After you have been seen". At 360x740, in both languages."""
import pytest
from playwright.sync_api import expect

from api import engine
from api.content import load_content

SAFE = {"warning_signs": ["none"], "other_signs": ["none"]}
# Suspected serotonin syndrome in a very stressed person: before, "Try first: Breathe slowly" came next.
REACTION = {**SAFE, "other_signs": ["medicine_reaction"], "medications": ["other_new"], "stress": "very_high",
            "sleep": "under_5h", "areas": ["arm_hand", "calf_foot"]}
# Lithium with two days of being sick: before, magnesium foods and sipping fluids.
LITHIUM = {**SAFE, "medications": ["lithium"], "fluid_loss": ["vomiting_diarrhoea"], "stress": "high",
           "areas": ["calf_foot"], "fluids": "under_4"}
# A teenager on energy drinks with a tight chest: no trigger is named, so every trigger stays folded.
CHEST = {**SAFE, "other_signs": ["chest_pain"], "about_you": ["under_16"], "caffeine": "3_to_4", "sleep": "under_5h"}


def open_results(phone, answers):
    phone.open()
    phone.page.evaluate("a => localStorage.setItem('twitch.check', JSON.stringify({answers: a, at: null, finished: true}))",
                        answers)
    phone.open("#/results")
    expect(phone.page.locator("main [data-triage-level]")).to_be_visible()


@pytest.mark.parametrize("answers, level, named", [(REACTION, "emergency", "medication"),
                                                   (LITHIUM, "emergency", "medication"),
                                                   (CHEST, "emergency_ambulance", None)],
                         ids=["medicine reaction", "lithium and sickness", "chest pain"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_emergency_shows_no_try_first_and_keeps_tips_for_after(phones, app_url, lang, answers, level, named):
    content = load_content(lang=lang)
    result = engine.assess(content, answers)
    assert result["triage"]["level"] == level and result["triggers"]  # the case has triggers with tips to hold back
    phone = phones(app_url, locale="es-MX" if lang == "es" else "en-GB")
    open_results(phone, answers)
    page = phone.page
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("main [data-triage-level]")).to_have_attribute("data-triage-level", level)
    expect(page.locator("[data-try-tonight]")).to_have_count(0)
    expect(page.get_by_text(content["ui"]["results.try_first"], exact=True)).to_have_count(0)
    # The why: the warning sign's own advice is on the page.
    expect(page.locator("main")).to_contain_text(result["red_flags"][0]["title"])
    cards = page.locator(".trigger[data-trigger]")
    visible = [card.get_attribute("data-trigger") for card in cards.all() if card.is_visible()]
    assert visible == ([named] if named else [])
    after = content["ui"]["results.after_seen"]
    summaries = page.locator(".trigger details > summary")
    expect(summaries.first).to_contain_text(after["other"].split("(")[0].strip())
    texts = summaries.evaluate_all("els => els.map((e) => e.textContent)")  # folded ones too
    assert texts and all(after["other"].split("(")[0].strip() in text for text in texts)


def test_a_result_that_is_not_an_emergency_still_starts_with_what_to_try(phone, content):
    answers = {**SAFE, "stress": "very_high", "sleep": "under_5h", "areas": ["eyelid"]}
    open_results(phone, answers)
    expect(phone.page.locator("[data-try-tonight]")).to_be_visible()
    expect(phone.page.locator(".trigger details > summary").first).to_contain_text(
        content["ui"]["results.what_to_try"]["other"].split("(")[0].strip())
