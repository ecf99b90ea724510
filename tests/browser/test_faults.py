"""Faults a phone meets on real networks, from a fault-injecting server on loopback: a captive portal, broken or
failing content, a network cut during the first visit, a content update that meets a bad network, a cache the
browser deleted, an address cut short.

Whatever happens, what is saved for offline use stays good, and the home screen's offline line tells the truth
(`data-state` on #offline-status: ready, offline, getting-ready or not-ready, checked against the worker's caches).
"""
import json
import re
import time

import pytest
from playwright.sync_api import expect

from api import create_app
from conftest import ROOT


def shell():
    """The worker's SHELL list, as served now."""
    worker = (ROOT / "frontend" / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"const SHELL = (\[[^\]]*\]);", worker)[1].replace(",\n]", "]"))


SLOW_S = 7  # the worker waits 6 s for the network before it answers with the saved copy
PORTAL = b"<!doctype html><title>Hotel wifi</title><h1>Log in to use the internet</h1>"


class Faults:
    """The app behind a network that can fail: `portal` answers every address with a login page (HTML, 200);
    `at[path]` gives that one address a fault: "500", "broken json", "no version", "cut" (the connection drops
    part way through the body), "lost" (the same, for JSON) or "slow" (the answer comes after SLOW_S seconds, past
    the worker's 6 s limit)."""

    def __init__(self, app):
        self.app, self.portal, self.at = app, False, {}

    def __call__(self, environ, start_response):
        fault = "portal" if self.portal else self.at.get(environ["PATH_INFO"])
        if fault is None:
            return self.app(environ, start_response)
        if fault == "slow":
            time.sleep(SLOW_S)
            return self.app(environ, start_response)
        if fault in ("cut", "lost"):
            kind = "application/json" if fault == "lost" else "text/javascript"
            start_response("200 OK", [("Content-Type", kind), ("Content-Length", "100000")])
            return self._cut_short()
        status, kind, body = {
            "portal": ("200 OK", "text/html", PORTAL),
            "500": ("500 Internal Server Error", "application/problem+json", b'{"status": 500}'),
            "broken json": ("200 OK", "application/json", b'{"version": "abc", "questionnaire": {"questi'),
            "no version": ("200 OK", "application/json", b'{"hello": "world"}'),
        }[fault]
        start_response(status, [("Content-Type", kind), ("Content-Length", str(len(body))), ("Cache-Control", "no-store")])
        return [body]

    @staticmethod
    def _cut_short():
        yield b"// the first bytes of the file, and then"
        raise ConnectionAbortedError("the network went (a fault injected on purpose)")


@pytest.fixture()
def faults(swappable_server):
    swappable_server.swappable.app = Faults(swappable_server.swappable.app)
    return swappable_server.swappable.app


@pytest.fixture()
def faulty_phone(phones, swappable_server, faults):
    return phones(swappable_server.url)


def status(phone):
    return phone.page.locator("#offline-status")


def open_ready(phone, content):
    phone.open()
    phone.wait_until_offline_ready()


def expect_home(phone, content):
    expect(phone.wait_for_screen()).to_have_text(content["ui"]["home.heading"])


def saved_content_version(phone):
    return phone.page.evaluate("""async () => {
        const saved = await caches.match("api/v1/content/check?lang=en");
        return saved ? (await saved.json()).version : null;
    }""")


SHELL_FILES_SAVED = """async () => {
    const name = (await caches.keys()).find((n) => n.startsWith("twitch-shell-"));
    return name ? (await (await caches.open(name)).keys()).length : 0;
}"""


def shell_files_saved(phone):
    return phone.page.evaluate(SHELL_FILES_SAVED)


def home_again(phone):
    """Leave the home screen and come back, as a person does: it checks again whether the app works offline."""
    phone.page.evaluate("location.hash = '#/no-such-screen'")
    phone.wait_for_screen()
    phone.page.evaluate("location.hash = '#/'")
    phone.wait_for_screen()


def test_a_captive_portal_does_not_replace_what_is_saved(faulty_phone, faults, content):
    phone = faulty_phone
    open_ready(phone, content)
    faults.portal = True  # hotel wifi before logging in: every address answers with the login page
    phone.page.reload()
    expect_home(phone, content)
    assert saved_content_version(phone) == content["version"]
    phone.page.get_by_role("link", name=re.compile("guide")).first.click()
    expect(phone.heading()).to_have_text(content["ui"]["guide.title"])

    phone.context.set_offline(True)  # then no network at all: what was saved still works
    phone.open()
    expect_home(phone, content)
    expect(status(phone)).to_have_attribute("data-state", "offline")


@pytest.mark.parametrize("fault", ["500", "broken json", "no version"])
def test_bad_content_answers_fall_back_to_the_saved_copy_and_never_replace_it(faulty_phone, faults, content, fault):
    phone = faulty_phone
    open_ready(phone, content)
    faults.at["/api/v1/content/check"] = fault
    phone.page.reload()
    expect_home(phone, content)
    assert saved_content_version(phone) == content["version"]

    phone.context.set_offline(True)
    phone.page.reload()
    expect_home(phone, content)


def test_a_first_visit_cut_short_says_so_and_the_next_launch_finishes_it(faulty_phone, faults, content):
    phone = faulty_phone
    faults.at["/js/ui/screens/results.js"] = "cut"  # a file the first screen does not load, so only the worker sees it
    phone.open()
    expect(status(phone)).to_have_attribute("data-state", "not-ready")  # not "getting ready" forever
    assert phone.page.evaluate("async () => (await navigator.serviceWorker.getRegistration())?.active ?? null") is None
    assert shell_files_saved(phone) == 0  # all or nothing: no cache half filled

    del faults.at["/js/ui/screens/results.js"]  # the next launch, with a good connection
    phone.page.reload()
    phone.wait_for_screen()
    phone.wait_until_offline_ready()
    expect(status(phone)).to_have_attribute("data-state", "ready")
    assert shell_files_saved(phone) == len(shell())
    phone.context.set_offline(True)
    phone.page.reload()
    expect_home(phone, content)
    phone.page.get_by_role("link", name=re.compile("guide")).first.click()
    expect(phone.heading()).to_have_text(content["ui"]["guide.title"])


def test_a_deleted_shell_cache_is_filled_again_and_home_tells_the_truth(phone, content):
    open_ready(phone, content)
    phone.context.set_offline(True)
    phone.page.evaluate("""async () => {
        for (const name of await caches.keys()) if (name.startsWith("twitch-shell-")) await caches.delete(name);
    }""")  # as a browser short of space may do
    home_again(phone)
    expect(status(phone)).to_have_attribute("data-state", "not-ready")  # offline, and not saved: not "ready"

    phone.context.set_offline(False)  # the connection returns: the worker fetches the shell again
    expect(status(phone)).to_have_attribute("data-state", "ready")
    assert shell_files_saved(phone) == len(shell())
    phone.context.set_offline(True)
    phone.page.reload()
    expect_home(phone, content)
    # While the shell was gone and the phone offline, the page could not load its icon: said, then fixed.
    assert all("ERR_FAILED" in error for error in phone.errors)
    phone.errors.clear()


def test_a_deleted_shell_cache_is_filled_again_when_a_file_is_missed_online(phone, content):
    open_ready(phone, content)
    phone.page.evaluate("""async () => {
        for (const name of await caches.keys()) if (name.startsWith("twitch-shell-")) await caches.delete(name);
    }""")
    phone.page.reload()  # the page and its files come from the network, and the worker keeps them again
    expect_home(phone, content)
    phone.wait_until(f"async () => (await ({SHELL_FILES_SAVED})()) === {len(shell())}")
    expect(status(phone)).to_have_attribute("data-state", "ready")
    phone.context.set_offline(True)
    phone.page.reload()
    expect_home(phone, content)


@pytest.mark.parametrize("address", ["#/guide/%", "#/guide/%E2%80", "#/%"])
def test_an_address_cut_short_shows_a_screen(phone, content, address):
    phone.open("#/")
    phone.page.goto(phone.base_url + address)
    heading = phone.wait_for_screen()
    expected = content["ui"]["guide.not_found_heading" if "guide" in address else "app.not_found_heading"]
    expect(heading).to_have_text(expected)
    phone.page.get_by_role("link").first.click()  # a way on from there
    expect(phone.wait_for_screen()).not_to_have_text(expected)


def test_a_first_visit_cut_short_finishes_when_the_connection_returns(faulty_phone, faults, content):
    phone = faulty_phone
    faults.at["/js/ui/screens/results.js"] = "cut"
    phone.open()
    expect(status(phone)).to_have_attribute("data-state", "not-ready")
    del faults.at["/js/ui/screens/results.js"]
    phone.context.set_offline(True)  # the page stays open; the network drops and comes back
    phone.context.set_offline(False)
    expect(status(phone)).to_have_attribute("data-state", "ready", timeout=20_000)
    assert shell_files_saved(phone) == len(shell())


def saved_content_versions(phone):
    """The version of each saved part of the content (check, rest) in English, as the worker serves them."""
    return phone.page.evaluate("""async () => Promise.all(["check", "rest"].map(async (part) => {
        const saved = await caches.match(`api/v1/content/${part}?lang=en`);
        return saved ? (await saved.json()).version : null;
    }))""")


def publish_new_content(faults, content_copy):
    """The server gets new content (a guide section renamed): a new content version."""
    guide = content_copy / "guide.yml"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("title: ", "title: Newer ", 1), encoding="utf-8")
    faults.app = create_app({"CONTENT_DIR": str(content_copy)})


def diary_saved(phone):
    phone.wait_until("""async () => {
        const name = (await caches.keys()).find((n) => n.startsWith("twitch-diary-"));
        return Boolean(name) && (await (await caches.open(name)).keys()).length > 0;
    }""")


def expect_guide_and_diary_open_offline(phone, content):
    phone.context.set_offline(True)
    phone.page.reload()
    expect_home(phone, content)
    expect(status(phone)).to_have_attribute("data-state", "offline")  # "Everything here still works", and it does
    phone.page.get_by_role("link", name=re.compile("guide")).first.click()
    expect(phone.heading()).to_have_text(content["ui"]["guide.title"])
    phone.open("#/diary")
    expect(phone.heading()).to_have_text(content["ui"]["diary.list.title"])


@pytest.mark.parametrize("fault", ["lost", "slow"])
@pytest.mark.parametrize("part", ["check", "rest"])
def test_a_content_update_that_meets_a_bad_network_keeps_the_guide_and_diary_offline(
        faulty_phone, faults, content_copy, content, part, fault):
    phone = faulty_phone
    open_ready(phone, content)
    phone.page.get_by_role("link", name=content["ui"]["home.open_diary"]).click()  # its files are saved too
    expect(phone.heading()).to_have_text(content["ui"]["diary.list.title"])
    diary_saved(phone)
    phone.open()

    publish_new_content(faults, content_copy)
    faults.at[f"/api/v1/content/{part}"] = fault  # one request of the update is lost, or comes too late
    phone.page.evaluate("""async () => (await import("./js/api.js")).refreshContent("en")""")  # as the app does

    check, rest = saved_content_versions(phone)
    assert check == rest, "the two parts kept for offline use must be of one version"
    expect_guide_and_diary_open_offline(phone, content)

    del faults.at[f"/api/v1/content/{part}"]  # a good network again: the update completes, both parts at once
    phone.context.set_offline(False)
    phone.page.evaluate("""async () => (await import("./js/api.js")).refreshContent("en")""")
    new = faults.app.test_client().get("/api/v1/content/check?lang=en").get_json()["version"]
    assert new != content["version"]
    phone.wait_until(f"""async () => {{
        const parts = ["check", "rest"].map((part) => caches.match(`api/v1/content/${{part}}?lang=en`));
        return (await Promise.all(parts)).every(Boolean)
            && (await Promise.all((await Promise.all(parts)).map((r) => r.json()))).every((b) => b.version === "{new}");
    }}""")


def test_parts_of_two_versions_saved_by_an_older_worker_are_not_called_ready_and_are_mended(faulty_phone, faults,
                                                                                            content):
    phone = faulty_phone
    open_ready(phone, content)
    # What an older worker could leave behind: the first part of a newer version beside the old second part.
    phone.page.evaluate("""async () => {
        const name = (await caches.keys()).find((n) => n.startsWith("twitch-content-"));
        const cache = await caches.open(name);
        const url = "api/v1/content/check?lang=en";
        const bundle = await (await cache.match(url)).json();
        await cache.put(url, new Response(JSON.stringify({ ...bundle, version: "a-newer-one" }),
            { headers: { "Content-Type": "application/json" } }));
    }""")
    phone.context.set_offline(True)
    home_again(phone)
    # Not "Everything here still works" (once the worker has tried, and retried, to mend it offline).
    expect(status(phone)).to_have_attribute("data-state", "not-ready", timeout=20_000)

    phone.context.set_offline(False)  # the connection returns: the worker saves a pair of one version again
    expect(status(phone)).to_have_attribute("data-state", "ready", timeout=20_000)
    assert saved_content_versions(phone) == [content["version"]] * 2
    phone.context.set_offline(True)
    phone.page.reload()
    expect_home(phone, content)
    phone.page.get_by_role("link", name=re.compile("guide")).first.click()
    expect(phone.heading()).to_have_text(content["ui"]["guide.title"])
