"""The app's files at /, the OpenAPI document and the offline docs page."""
import mimetypes
import os
import re
from pathlib import Path

from markupsafe import Markup, escape

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


INLINE = re.compile(r"`([^`]+)`|\*\*([^*]+)\*\*")
BLOCK_START = re.compile(r"(\* |\d+\. |## )")


def inline(text):
    """`code` and **strong** in escaped text: all the Markdown the description uses inside a line."""
    out, position = [], 0
    for match in INLINE.finditer(text):
        out.append(escape(text[position:match.start()]))
        code, strong = match.groups()
        out.append(Markup("<code>%s</code>") % code if code is not None else Markup("<strong>%s</strong>") % strong)
        position = match.end()
    out.append(escape(text[position:]))
    return Markup("").join(out)


def description_html(markdown):
    """The document's description as HTML, and its `## ` headings as (id, title) for the table of contents.

    The description uses a small part of Markdown (headings, paragraphs, `*` and `1.` lists, `code`, **strong**);
    this renders exactly that, escaping everything else."""
    blocks, headings = [], []
    for chunk in re.split(r"\n\s*\n", markdown.strip()):
        lines = chunk.splitlines()
        if lines[0].startswith("## "):
            title = lines[0][3:].strip()
            anchor = "about-" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
            headings.append((anchor, title))
            blocks.append(Markup('<h3 id="%s">%s</h3>') % (anchor, title))
            lines = lines[1:]
            if not lines:
                continue
        items, kind = [], None
        for line in lines:
            start = BLOCK_START.match(line)
            if start and start.group(1) != "## ":
                kind = "ol" if start.group(1)[0].isdigit() else "ul"
                items.append(line[start.end():].strip())
            elif items:
                items[-1] += " " + line.strip()
            else:
                items.append(line.strip())
        if kind:
            body = Markup("").join(Markup("<li>%s</li>") % inline(item) for item in items)
            blocks.append(Markup(f"<{kind}>") + body + Markup(f"</{kind}>"))
        else:
            blocks.append(Markup("<p>%s</p>") % inline(" ".join(items)))
    return Markup("\n").join(blocks), headings


def docs_page(lang):
    examples = {path.name: path.read_text(encoding="utf-8").strip()
                for path in sorted(EXAMPLES.iterdir()) if path.is_file()}
    description, headings = description_html(the_document()["info"]["description"])
    return render_template("docs.html", spec=the_document(), examples=examples, description=description,
                           headings=headings,
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
