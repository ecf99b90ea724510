"""After one visit the app works with no network: reload, deep links, a full check and the guide."""
import re

from playwright.sync_api import expect

from api import engine


def test_ready_to_work_offline_is_told_once(phone):
    phone.open()
    notice = phone.page.locator('[data-notice="offline-ready"]')
    status = phone.page.locator("#offline-status")
    expect(notice).to_contain_text("Ready to work offline")
    expect(status).to_have_attribute("data-state", "ready")
    expect(status).to_have_text("")  # said once: while the notice says it, home's line does not say it again
    phone.wait_until_offline_ready()
    phone.page.reload()
    phone.wait_for_screen()
    expect(phone.page.get_by_role("button", name=re.compile("^Start"))).to_be_visible()
    expect(notice).to_have_count(0)
    expect(status).to_have_text(re.compile("^Ready to work offline"))


def test_after_one_visit_everything_works_offline(phone, content):
    phone.open()
    phone.wait_until_offline_ready()
    phone.context.set_offline(True)

    phone.page.reload()
    phone.wait_for_screen()
    expect(phone.page.locator("#offline-status")).to_have_text(re.compile("^You are offline"))

    phone.page.get_by_role("button", name=re.compile("^Start")).click()
    answers = {"warning_signs": ["none"], "other_signs": ["none"], "sleep": "under_5h", "caffeine": "3_to_4",
               "stress": "very_high"}
    phone.answer_all(content, answers)
    expected = engine.assess(content, answers)
    assert phone.ranked("data-trigger") == [t["id"] for t in expected["triggers"]]

    phone.page.get_by_role("link", name="Read the guide").click()
    expect(phone.heading()).to_have_text("Guide")
    for section in content["guide"]["sections"]:
        expect(phone.page.get_by_role("link", name=section["title"], exact=True)).to_be_visible()


def test_deep_links_survive_a_reload_offline(phone, content):
    phone.open("#/guide/sleep")
    phone.wait_until_offline_ready()
    phone.context.set_offline(True)
    phone.page.reload()
    sleep = next(s for s in content["guide"]["sections"] if s["id"] == "sleep")
    expect(phone.wait_for_screen()).to_have_text(sleep["title"])

    nutrients = next(s for s in content["guide"]["sections"] if s["id"] == "nutrients")
    phone.open("#/guide/nutrients")
    expect(phone.heading()).to_have_text(nutrients["title"])
    expect(phone.page.get_by_role("table", name=nutrients["table"]["caption"])).to_be_visible()

    phone.page.goto(phone.base_url + "some/page/that/does/not/exist")  # any address in scope gets the shell
    expect(phone.page.get_by_role("button", name=re.compile("^Start"))).to_be_visible()


def test_a_first_visit_that_cannot_get_the_content_says_so_and_can_try_again(phone):
    phone.page.route("**/api/v1/content/check*", lambda route: route.abort())  # the network drops on the first visit
    phone.open()
    expect(phone.heading()).to_have_text("The app could not load its content")
    expect(phone.page.get_by_text("Check your connection and try again.")).to_be_visible()
    phone.page.unroute("**/api/v1/content/check*")
    phone.button("Try again").click()
    expect(phone.wait_for_screen()).to_have_text("Why do my muscles twitch?")
    assert all("ERR_FAILED" in error for error in phone.errors)  # the dropped request, said on the screen
    phone.errors.clear()
