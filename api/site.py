"""The app's files at /, the OpenAPI document and the offline docs page."""
from flask import Blueprint, current_app, render_template, send_from_directory

from . import openapi

bp = Blueprint("site", __name__, template_folder="templates", static_folder="static",
               static_url_path="/api/docs/static")

MIME_TYPES = {".webmanifest": "application/manifest+json", ".js": "text/javascript",
              ".mjs": "text/javascript", ".svg": "image/svg+xml"}


@bp.get("/api/v1/openapi.json")
def openapi_document():
    return openapi.document(current_app)


@bp.get("/api/docs")
def docs():
    return render_template("docs.html", spec=openapi.document(current_app),
                           content=current_app.extensions["twitch"]["content"])


@bp.get("/", defaults={"filename": "index.html"})
@bp.get("/<path:filename>")
def app_file(filename):
    suffix = "." + filename.rsplit(".", 1)[-1] if "." in filename else ""
    response = send_from_directory(current_app.config["FRONTEND_DIR"], filename,
                                   mimetype=MIME_TYPES.get(suffix), max_age=0)
    # The service worker keeps its own copies; the browser should always revalidate (cheap, ETag).
    response.headers["Cache-Control"] = "no-cache"
    return response
