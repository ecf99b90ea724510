"""The first paint is the page's own HTML: usable, styled and in place, and the app takes over without moving it."""
from playwright.sync_api import expect

FIRST_HEADING = """document.addEventListener("readystatechange", () => {
    if (document.readyState === "interactive") window.firstHeading = document.querySelector("main h1");
});
window.shifts = [];
new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value)))
    .observe({ type: "layout-shift", buffered: true });"""


def test_the_app_takes_over_the_first_paint_without_moving_or_redrawing_it(phone, content):
    phone.page.add_init_script(FIRST_HEADING)
    phone.open()
    expect(phone.page.locator("#home-language")).to_be_visible()
    phone.page.wait_for_timeout(500)
    assert phone.page.evaluate("window.firstHeading === document.querySelector('main h1')")  # kept, not redrawn
    assert phone.page.evaluate("window.shifts.reduce((a, b) => a + b, 0)") == 0


def test_the_html_alone_is_styled_and_its_controls_work(phone, content):
    phone.page.route("**/js/app.js", lambda route: route.abort())  # the modules never arrive
    phone.page.goto(phone.base_url, wait_until="domcontentloaded")
    start = phone.page.get_by_role("link", name=content["ui"]["home.start"])
    expect(start).to_be_visible()
    assert start.bounding_box()["height"] >= 44  # the stylesheet is there: a button-sized link
    assert phone.page.evaluate("[...document.styleSheets].length") >= 1
    expect(phone.page.get_by_label(content["ui"]["language.label"])).to_have_value("en")
    phone.errors.clear()  # the blocked app.js, on purpose


# The home screen as a person reads it: each heading, paragraph, button, label and list in order, with its words and
# look (a link drawn as a button reads as a button). The offline line's words change with the worker, not the page.
HOME_OUTLINE = """() => [...document.querySelectorAll("main .home :is(h1, p, a, button, label, select)")].map((e) => [
    e.tagName === "BUTTON" || e.classList.contains("button") ? "button" : e.tagName.toLowerCase(),
    [...e.classList].filter((name) => name !== "button").join(" "),
    e.id === "offline-status" ? "" : e.textContent.trim()])"""


def test_the_pages_home_screen_is_the_one_the_app_draws(phone, content):
    # index.html's home screen is written for the time before the app loads; js/ui/screens/home.js draws it after:
    # the two must stay one screen, or the first paint shows words or buttons the app then takes away.
    phone.page.route("**/js/app.js", lambda route: route.abort())
    phone.page.goto(phone.base_url, wait_until="domcontentloaded")
    page_home = phone.page.evaluate(HOME_OUTLINE)
    phone.errors.clear()  # the blocked app.js, on purpose
    phone.page.unroute("**/js/app.js")
    phone.page.reload()
    phone.wait_for_screen()
    expect(phone.page.locator("#footer-language")).to_be_attached()  # the app has drawn its screen
    assert phone.page.evaluate(HOME_OUTLINE) == page_home
    assert [row[2] for row in page_home[:2]] == [content["ui"]["home.heading"], content["ui"]["home.lead"]]
