"""The static copy (`make static`): the app and every content GET as files, served here by a plain static server
(no rewrites, no Flask), as S3 would serve them; the app must work from it, online and then offline."""
import functools
import json
import re
import subprocess
import sys
import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from api.engine import asked_questions
from api.static_site import MARKER, NOT_FOUND, api_pages, export, object_key

ROOT = Path(__file__).resolve().parent.parent
FRONTEND = ROOT / "frontend"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def static_copy(tmp_path_factory):
    out = tmp_path_factory.mktemp("static") / "site"
    subprocess.run([sys.executable, "-m", "api.static_site", str(out)], cwd=ROOT, check=True, timeout=300,
                   capture_output=True, text=True)
    return out


@pytest.fixture(scope="session")
def static_url(static_copy):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(static_copy)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def test_every_content_get_is_in_the_copy_byte_for_byte(app, static_url):
    client = app.test_client()
    pages = list(api_pages(app))
    assert len(pages) > 20
    for path, query in pages:
        with client.get(path, query_string=query) as live:
            status, body = fetch(f"{static_url}/{object_key(path, query)}")
            assert status == 200 and body == live.get_data(), f"{path} {query}"


@pytest.mark.parametrize("path", ["/api/v1/content/check", "/api/v1/content/rest", "/api/v1/health", "/api/v1/questionnaire",
                                  "/api/v1/triggers/sleep", "/api/v1/openapi.json"])
def test_the_urls_the_app_and_clients_use_keep_their_path(client, static_url, path):
    status, body = fetch(static_url + path)
    assert status == 200 and json.loads(body) == client.get(path).json


def test_the_app_files_are_all_there(static_copy):
    for source in FRONTEND.rglob("*"):
        relative = source.relative_to(FRONTEND)
        if source.is_file() and "tests" not in relative.parts:
            assert (static_copy / relative).read_bytes() == source.read_bytes(), relative
    assert not (static_copy / "tests").exists()


def test_the_docs_page_and_its_stylesheet(static_url):
    status, page = fetch(static_url + "/api/docs/")
    assert status == 200 and b"/api/v1/assessments" in page
    for href in re.findall(rb'href="(/api/docs/static/[^"]+)"', page):
        assert fetch(static_url + href.decode())[0] == 200


def test_missing_files_get_the_apis_own_problem(static_copy):
    problem = json.loads((static_copy / NOT_FOUND).read_text(encoding="utf-8"))
    assert problem["status"] == 404 and problem["title"] == "Not Found"


def test_a_new_export_replaces_the_old_one_but_no_other_folder(tmp_path, app):
    out = tmp_path / "site"
    export(out, app)
    (out / "stale-file").write_text("from an older export")
    export(out, app)
    assert (out / MARKER).exists() and not (out / "stale-file").exists()
    other = tmp_path / "not-a-copy"
    other.mkdir()
    (other / "precious.txt").write_text("keep me")
    with pytest.raises(SystemExit):
        export(other, app)
    assert (other / "precious.txt").read_text() == "keep me"


BROWSER_CHECK = """
import json, re, sys
from playwright.sync_api import expect, sync_playwright

url, chromium, args, questions = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
answers = {"warning_signs": "none", "other_signs": "none", "sleep": "under_5h"}
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=chromium, args=args)
    context = browser.new_context(viewport={"width": 360, "height": 740}, service_workers="allow")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(url + "/")
    start = page.get_by_role("button", name=re.compile(r"^Start")).or_(page.get_by_role("link", name=re.compile(r"^Start")))
    start.first.click()
    for n, question in enumerate(questions, start=1):
        if question in answers:
            page.locator(f'input[name="{question}"][value="{answers[question]}"]').check()
        page.get_by_role("button", name="See results" if n == len(questions) else "Next", exact=True).click()
    expect(page.locator("[data-triage-level]").first).to_have_attribute("data-triage-level", "self_care")
    expect(page.locator('[data-trigger="sleep"]')).to_be_visible()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    context.set_offline(True)
    page.reload()
    expect(start.first).to_be_visible()
    browser.close()
    assert errors == [], errors
print("the app worked from the static copy")
"""


def test_the_app_works_from_the_static_copy_online_then_offline(static_url, content):
    """A whole check in Chromium against the plain static server, then the app again with no network.

    Its own process: the browser tests keep a Playwright session (and its event loop) open in this one.
    """
    # The questions these answers ask, in order (the app asks only those: follow-ups and optional ones are not).
    questions = asked_questions(content, {"warning_signs": ["none"], "other_signs": ["none"], "sleep": "under_5h"})
    run = subprocess.run([sys.executable, "-c", BROWSER_CHECK, static_url, CHROMIUM, json.dumps(CHROMIUM_ARGS),
                          json.dumps(questions)], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-6000:]
