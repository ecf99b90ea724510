"""Browser fixtures: Debian's Chromium driven by Playwright at phone size (360x740).

`phone` is a fresh browser context (its own storage and service worker) with one page, that fails the
test at teardown if the page logged any console error or threw. `phone.open("#/guide")` opens a screen.
"""
import re
import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from api import create_app, engine
from servers import ThreadedServer

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE_SIZE = {"width": 360, "height": 740}
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# On a shared machine under load the app can take longer than Playwright's 5 s default to draw a screen: each
# expectation waits up to 15 s. A wait, not a retry: it passes as soon as the page is right.
expect.set_options(timeout=15_000)


class SwappableApp:
    """A WSGI app whose inner app a test can replace while the server, and so the origin, stays the same.

    The service worker belongs to its origin, so a content or app update must come from the same port.
    """

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        return self.app(environ, start_response)


class Server(ThreadedServer):
    """A WSGI app on 127.0.0.1 (a secure context, so service workers run), in a thread; `url` ends in /."""

    def __init__(self, app):
        super().__init__(app)
        self.url = f"http://127.0.0.1:{self.port}/"
        self.start()


# Both parts of the content in the page's language are in the worker's content cache, and the shell is saved.
OFFLINE_SAVED = """async () => {
    const lang = document.documentElement.lang;
    const names = await caches.keys();
    const content = names.find((name) => name.startsWith("twitch-content-"));
    if (!content || !names.some((name) => name.startsWith("twitch-shell-"))) return false;
    const saved = (await (await caches.open(content)).keys()).map((request) => request.url);
    return ["check", "rest"].every((part) => saved.some((url) => url.endsWith(`/api/v1/content/${part}?lang=${lang}`)));
}"""


class Phone:
    """One page of the app in its own browser context, with the steps a person takes."""

    def __init__(self, context, base_url):
        self.context = context
        self.base_url = base_url
        self.page = context.new_page()
        self.errors = []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("requestfailed", lambda request: print("request failed:", request.url, request.failure))

    def open(self, route="#/"):
        """Go to a screen and wait until the app has drawn it (its heading has focus)."""
        self.page.goto(self.base_url + route)
        return self.wait_for_screen()

    def wait_for_screen(self):
        heading = self.page.locator("main h1:focus")
        expect(heading).to_be_visible()
        return heading

    def heading(self):
        return self.page.locator("main h1")

    def button(self, name):
        return self.page.get_by_role("button", name=name, exact=True)

    def option(self, question, option):
        return self.page.locator(f'input[name="{question}"][value="{option}"]')

    def tick(self, question, options):
        for option in [options] if isinstance(options, str) else options:
            self.option(question, option).check()

    def answer_all(self, content, answers):
        """Go through the questions the answers so far ask (spec-v3 section 2.6), from the first screen, ticking the
        given answers, to the results. Progress reads "Question n of about N" for the questions asked.

        The safety questions cannot be skipped: where `answers` leaves one out, it is answered "none"."""
        questions, words = content["questionnaire"]["questions"], content["ui"]  # in the content's language
        by_id = {question["id"]: question for question in questions}
        given, current = {}, engine.asked_questions(content, {})[0]
        while current:
            question = by_id[current]
            expect(self.page.locator(f'input[name="{current}"]').first).to_be_attached()
            answer = answers.get(current, ["none"] if "must_answer" in question else None)
            if answer is not None:
                self.tick(current, answer)
                given[current] = answer
            flow = engine.asked_questions(content, given)
            expect(self.page.locator(".progress-text")).to_have_text(
                words["question.progress"].format(n=flow.index(current) + 1, total=len(flow)))
            after = flow[flow.index(current) + 1] if flow.index(current) + 1 < len(flow) else None
            self.button(words["question.next"] if after else words["question.see_results"]).click()
            go_on = self.page.get_by_role("link", name=words["emergency.go_on"])
            arrived = self.page.locator(f'input[name="{after}"]') if after else self.heading().filter(
                has_text=words["results.title"])
            expect(arrived.first.or_(go_on)).to_be_visible()
            if go_on.is_visible():  # what cannot wait comes first, with its call buttons
                expect(self.page.locator("[data-triage-level] a[href^='tel:']").first).to_be_visible()
                go_on.click()
            current = after
        expect(self.heading()).to_have_text(words["results.title"])

    def wait_until(self, condition, timeout_s=15):
        """Wait until the async page function `condition` resolves truthy.

        Playwright's wait_for_function does not await a promise (an async function passes at once), so poll.
        """
        deadline = time.monotonic() + timeout_s
        while not self.page.evaluate(condition):
            assert time.monotonic() < deadline, f"still not true after {timeout_s} s: {condition}"
            self.page.wait_for_timeout(100)

    def wait_until_offline_ready(self):
        """Wait until the service worker controls the page and has saved the shell and both parts of the content
        in the page's language (the page asks it to, once it is active)."""
        self.page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        self.wait_until(OFFLINE_SAVED)

    def ranked(self, attribute):
        return self.page.locator(f"[{attribute}]").evaluate_all(f"els => els.map(e => e.getAttribute('{attribute}'))")

    def run_axe(self):
        """axe-core's violations on the screen in its final state."""
        # The home screen's offline line changes, and the offline-ready notice arrives fading in, once the worker
        # has checked its caches: some time after it is active. The line says "ready" in the same step that adds
        # the notice, so after that, and after the notice's fade, nothing on the screen changes by itself.
        self.page.evaluate("async () => { await navigator.serviceWorker.ready; }")
        if self.page.locator("#offline-status").count():
            expect(self.page.locator('#offline-status[data-state="ready"]')).to_be_attached()
        self.page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
        self.page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluate: not blocked by the app's strict CSP
        return self.page.evaluate("""async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary)}));
        }""")


@pytest.fixture(scope="session")
def playwright():
    driver = sync_playwright().start()
    yield driver
    driver.stop()


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture()
def installed_phone(playwright, app_url, tmp_path):
    """A phone with a real profile: Chromium never offers to install from an incognito context."""
    context = playwright.chromium.launch_persistent_context(
        tmp_path / "profile", executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport=PHONE_SIZE,
        service_workers="allow")
    phone = Phone(context, app_url)
    yield phone
    context.close()
    assert phone.errors == [], f"console errors: {phone.errors}"


@pytest.fixture(scope="session")
def app_url(live_server):
    return live_server.url + "/"


@pytest.fixture()
def publish_new_app_version(swappable_server, tmp_path):
    """`publish_new_app_version(label)`: serve a copy of the app whose worker has a new VERSION; returns it."""
    return lambda label: _publish(swappable_server, tmp_path, label)


def _publish(server, folder, label):
    frontend = folder / "frontend"
    shutil.copytree(server.swappable.app.config["FRONTEND_DIR"], frontend,
                    ignore=shutil.ignore_patterns("screenshots", "tests"))
    worker = frontend / "sw.js"
    text = worker.read_text(encoding="utf-8")
    version = re.search(r'const VERSION = "([^"]+)"', text).group(1)
    new_version = f"{label}-{version}"
    worker.write_text(text.replace(f'const VERSION = "{version}"', f'const VERSION = "{new_version}"'), encoding="utf-8")
    server.swappable.app = create_app({"FRONTEND_DIR": str(frontend)})
    return new_version


@pytest.fixture()
def swappable_server():
    """A server whose app the test can swap (`server.swappable.app = create_app(...)`) on the same origin."""
    swappable = SwappableApp(create_app())
    server = Server(swappable)
    server.swappable = swappable
    yield server
    server.close()


@pytest.fixture()
def phones(browser):
    """Make phones for any server and options; each fails the test if its page logged a console error."""
    made = []

    def make(base_url, **options):
        context = browser.new_context(viewport=PHONE_SIZE, service_workers="allow", **options)
        made.append(Phone(context, base_url))
        return made[-1]

    yield make
    for phone in made:
        phone.context.close()
    for phone in made:
        assert phone.errors == [], f"console errors: {phone.errors}"


@pytest.fixture()
def phone(phones, app_url):
    return phones(app_url)


@pytest.fixture()
def dark_phone(phones, app_url):
    return phones(app_url, color_scheme="dark")
