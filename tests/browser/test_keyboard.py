"""A whole check and the guide with the keyboard only, with a visible focus at every stop."""
from playwright.sync_api import expect

from api.engine import asked_questions

from api import engine

MAX_TABS = 40  # more stops than any screen has: a control not reached by then is not reachable


def tab_to(phone, name):
    """Press Tab until the focused control's accessible text is `name`; each stop must show its focus."""
    page = phone.page
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const e = document.activeElement;
            if (e === document.body) return {text: "", outline: true};  // between the page and the browser's own UI
            const label = e.labels && e.labels[0] ? e.labels[0].textContent : e.textContent;
            // The ring is the element's own outline, or its ::before's where that box covers a larger tap area.
            const ringed = (style) => style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
            return {text: (e.getAttribute("aria-label") || label || "").trim(),
                    outline: ringed(getComputedStyle(e)) || ringed(getComputedStyle(e, "::before"))};
        }""")
        assert focused["outline"], f"no visible focus on {focused['text']!r}"
        if focused["text"] == name:
            return
    raise AssertionError(f"{name!r} cannot be reached with Tab")


def press_enter_to_open(phone, heading):
    """Enter on the focused control, then wait until the new screen has put focus on its heading."""
    phone.page.keyboard.press("Enter")
    expect(phone.page.locator("main h1:focus")).to_have_text(heading)


def test_a_whole_check_with_the_keyboard_only(phone, content):
    text = {question["id"]: question["text"] for question in content["questionnaire"]["questions"]}
    answers = {"warning_signs": ["none"], "other_signs": ["none"], "areas": ["eyelid", "thigh"],
               "duration": "1_to_2_weeks"}
    asked = asked_questions(content, answers)  # the questions these answers ask, in order (no follow-ups here)
    assert asked[:5] == ["warning_signs", "other_signs", "about_you", "areas", "duration"]
    phone.open()
    tab_to(phone, "Start the check")
    press_enter_to_open(phone, text["warning_signs"])

    for n in (1, 2):  # the two safety questions, then about_you: "None of these", then Next
        tab_to(phone, "None of these")
        phone.page.keyboard.press("Space")
        tab_to(phone, "Next")
        press_enter_to_open(phone, text[asked[n]])
    tab_to(phone, "None of these")
    phone.page.keyboard.press("Space")
    tab_to(phone, "Next")
    press_enter_to_open(phone, text["areas"])

    tab_to(phone, "Eyelid")
    phone.page.keyboard.press("Space")
    tab_to(phone, "Thigh")
    phone.page.keyboard.press("Space")
    tab_to(phone, "Next")
    press_enter_to_open(phone, text["duration"])

    tab_to(phone, "Less than a week")  # a radio group: Tab enters it, arrows move the choice
    phone.page.keyboard.press("ArrowDown")
    expect(phone.option("duration", "1_to_2_weeks")).to_be_checked()
    tab_to(phone, "Next")
    press_enter_to_open(phone, text[asked[5]])

    tab_to(phone, "Back")  # back one, and forward again: the answer is still there
    press_enter_to_open(phone, text["duration"])
    expect(phone.option("duration", "1_to_2_weeks")).to_be_checked()
    tab_to(phone, "Next")
    press_enter_to_open(phone, text[asked[5]])

    for n in range(6, len(asked)):
        tab_to(phone, "Skip")
        press_enter_to_open(phone, text[asked[n]])
    tab_to(phone, "See results")
    press_enter_to_open(phone, "Your results")

    answers = {"warning_signs": ["none"], "other_signs": ["none"], "areas": ["eyelid", "thigh"], "duration": "1_to_2_weeks"}
    expected = engine.assess(content, answers)
    expect(phone.page.locator("[data-triage-level]")).to_have_attribute("data-triage-level", expected["triage"]["level"])
    assert phone.ranked("data-trigger") == [t["id"] for t in expected["triggers"]]

    tab_to(phone, "Start a new check")  # asking first: Escape keeps the answers
    phone.page.keyboard.press("Enter")
    expect(phone.page.get_by_role("dialog")).to_be_visible()
    expect(phone.page.get_by_role("button", name="No, keep my answers")).to_be_focused()
    phone.page.keyboard.press("Escape")
    expect(phone.page.get_by_role("dialog")).to_have_count(0)
    expect(phone.page.locator("[data-triage-level]")).to_be_visible()  # still on the results


def test_the_guide_with_the_keyboard_only(phone, content):
    phone.open()
    tab_to(phone, "Read the guide")
    press_enter_to_open(phone, "Guide")
    tab_to(phone, "Filter the guide")
    expect(phone.page.get_by_label("Filter the guide")).to_be_focused()
    phone.page.keyboard.type("magnesium")
    nutrients = next(s for s in content["guide"]["sections"] if s["id"] == "nutrients")
    tab_to(phone, nutrients["title"])
    press_enter_to_open(phone, nutrients["title"])
    tab_to(phone, nutrients["table"]["caption"])  # the wide table scrolls with the arrow keys
    expect(phone.page.get_by_role("region", name=nutrients["table"]["caption"])).to_be_focused()
    tab_to(phone, "All of the guide")  # wraps round to the top of the page
    press_enter_to_open(phone, "Guide")
