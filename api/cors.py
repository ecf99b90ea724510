"""CORS for the API through flask-cors: any origin may read and POST, and a preflight allows only what a route takes.

Content routes take GET (and HEAD) with If-None-Match, the one header a script sends them that needs a preflight;
assessments take POST with Content-Type. Browsers keep a preflight for a day (Access-Control-Max-Age); shared
caches must not keep one (`no-store`), because its answer echoes the headers the request asked for.
"""
from flask import request
from flask_cors import CORS

PREFLIGHT_MAX_AGE = 86400
# Literal paths come before patterns in flask-cors's matching, so assessments get their own answer.
RESOURCES = {
    "/api/v1/assessments": {"methods": ["POST"], "allow_headers": ["Content-Type"]},
    r"/api/*": {"methods": ["GET", "HEAD"], "allow_headers": ["If-None-Match"]},
}


def register(app):
    CORS(app, resources=RESOURCES, origins="*", send_wildcard=True, supports_credentials=False,
         expose_headers=["ETag"], max_age=PREFLIGHT_MAX_AGE)

    @app.after_request
    def options_not_stored(response):
        if request.method == "OPTIONS" and "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = "no-store"
        return response
