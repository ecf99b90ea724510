"""Every screen opens with no console error and no uncaught exception, online and offline."""
ROUTES = ["#/", "#/check/warning_signs", "#/check/recent_injury", "#/emergency", "#/results", "#/guide",
          "#/guide/nutrients", "#/guide/faq", "#/guide/faq/is_it_als", "#/guide/sources", "#/about", "#/privacy",
          "#/no-such-screen"]


def visit_every_screen(phone):
    for route in ROUTES:
        phone.open(route)
        phone.page.reload()
        phone.wait_for_screen()


def test_no_console_errors_on_any_screen_online_or_offline(phone):
    phone.open()
    phone.wait_until_offline_ready()
    visit_every_screen(phone)
    phone.context.set_offline(True)
    visit_every_screen(phone)
    assert phone.errors == []


def motion(phones, app_url, preference):
    """The notice's animation and the page's scrolling behaviour under a reduced-motion preference."""
    phone = phones(app_url, reduced_motion=preference)
    phone.open()
    notice = phone.page.locator('[data-notice="offline-ready"]')
    notice.wait_for()
    return (notice.evaluate("e => getComputedStyle(e).animationName"),
            phone.page.evaluate("getComputedStyle(document.documentElement).scrollBehavior"))


def test_nothing_moves_by_itself_when_reduced_motion_is_asked_for(phones, app_url):
    assert motion(phones, app_url, "reduce") == ("none", "auto")
    assert motion(phones, app_url, "no-preference") == ("arrive", "smooth")  # the check above can fail
