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
