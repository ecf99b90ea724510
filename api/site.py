"""The app's files at /, the OpenAPI document and the offline docs page."""
import mimetypes
from pathlib import Path

from flask import Blueprint, Response, current_app, render_template, request
from werkzeug.exceptions import NotFound
from werkzeug.routing import PathConverter
from werkzeug.security import safe_join

from . import openapi

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


@bp.get("/api/v1/openapi.json")
def openapi_document():
    return openapi.document(current_app)


@bp.get("/api/docs")
def docs():
    return render_template("docs.html", spec=openapi.document(current_app),
                           content=current_app.extensions["twitch"]["content"])


@bp.get("/", defaults={"filename": "index.html"})
@bp.get("/<app_path:filename>")
def app_file(filename):
    path = safe_join(current_app.config["FRONTEND_DIR"], filename)
    if path is None or not Path(path).is_file():
        raise NotFound(f"There is no file '{filename}'.")
    suffix = Path(path).suffix
    mimetype = MIME_TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = Response(Path(path).read_bytes(), mimetype=mimetype)  # small files: read whole, nothing left open
    response.add_etag()
    # The service worker keeps its own copies; the browser should always revalidate (cheap, ETag).
    response.headers["Cache-Control"] = "no-cache"
    return response.make_conditional(request)
