"""The app's files at /, the OpenAPI document and the offline docs page."""
import mimetypes
import os
from pathlib import Path

from flask import Blueprint, current_app, render_template
from werkzeug.exceptions import NotFound
from werkzeug.routing import PathConverter
from werkzeug.security import safe_join

from . import conditional, language, openapi
from .answers import MAX_BODY_WORDS
from .state import state

bp = Blueprint("site", __name__, template_folder="templates", static_folder="static",
               static_url_path="/api/docs/static")

MIME_TYPES = {".webmanifest": "application/manifest+json", ".js": "text/javascript",
              ".mjs": "text/javascript", ".svg": "image/svg+xml", ".json": "application/json"}


class AppPathConverter(PathConverter):
    """Any path outside /api/, so that API paths keep their own 404 and 405 answers."""

    regex = r"(?!api/)[^/].*?"


@bp.record_once
def add_converter(state):
    state.app.url_map.converters["app_path"] = AppPathConverter


# The document and the docs page change only with a new deploy: cacheable like content, revalidated by ETag.
DOCS_CACHE = "public, max-age=300, must-revalidate"
EXAMPLES = Path(__file__).with_name("examples")  # the docs page's client examples, run by tests/test_clients.py
DOCS_LANGUAGE = "en"  # the page's own prose
CHANGELOG = Path(__file__).resolve().parent.parent / "CHANGELOG.md"


def the_document():
    """The OpenAPI document, built on first request: a cold start that serves no document skips it."""
    app_state = state()
    if app_state.openapi is None:
        app_state.openapi = openapi.document(current_app)
        app_state.openapi_json = (current_app.json.dumps(app_state.openapi) + "\n").encode()
    return app_state.openapi


@bp.get("/api/v1/openapi.json")
def openapi_document():
    the_document()
    return conditional.respond(state().openapi_json, "application/json", DOCS_CACHE)


def docs_page(lang):
    examples = {path.name: path.read_text(encoding="utf-8").strip()
                for path in sorted(EXAMPLES.iterdir()) if path.is_file()}
    return render_template("docs.html", spec=the_document(), examples=examples,
                           changelog=CHANGELOG.read_text(encoding="utf-8").strip(),
                           limits={"rate": openapi.RATE_LIMIT, "burst": openapi.BURST_LIMIT}, max_body=MAX_BODY_WORDS,
                           content=state().languages[lang].content).encode()


@bp.get("/api/docs")
def docs():
    """The docs page in the request's language (its content's words), rendered once per language."""
    lang, pages = language.requested_language(), state().docs_pages
    if lang not in pages:
        pages[lang] = docs_page(lang)
    response = conditional.respond(pages[lang], "text/html", DOCS_CACHE)
    response.headers["Content-Language"] = DOCS_LANGUAGE  # the content's words in it carry their own lang
    return response


@bp.get("/", defaults={"filename": "index.html"})
@bp.get("/<app_path:filename>")
def app_file(filename):
    path = safe_join(current_app.config["FRONTEND_DIR"], filename)
    # os.path.isfile answers False for any name the system cannot look up (too long, a bad byte...), where
    # Path.is_file raises: whatever the address, a missing file is a 404.
    if path is None or not os.path.isfile(path):
        raise NotFound(f"There is no file '{filename}'.")
    suffix = Path(path).suffix
    mimetype = MIME_TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"
    # Small files: read whole, nothing left open. The service worker keeps its own copies; the browser should
    # always revalidate (cheap, ETag). conditional reads If-None-Match strictly and knows the compressed variants'
    # tags; no ranges (a range of a compressed body would be wrong).
    return conditional.respond(Path(path).read_bytes(), mimetype, "no-cache")
