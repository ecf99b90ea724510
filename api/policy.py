"""The response policy: every header the app adds to a response, in one place and in one visible order.

`register` installs one after_request function that runs these steps on every response, problems included:
1. language: `Content-Language` and `Vary: Accept-Language` where the request's language chose the body, and the
   request id;
2. caching: preflights are not stored by shared caches; redirects are relative and cacheable;
3. CORS (flask-cors), on the API only;
4. security headers, on everything;
5. compression (flask-compress, api/compression.py), last, on the finished body.
"""
import json
import re
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from flask import Response as FlaskResponse, g, request
from flask_cors import cross_origin

from .compression import Compression

# Written by tools/index_html.py beside the page: the hashes of index.html's inline <script> and <style>.
CSP_HASHES = Path(__file__).resolve().parent.parent / "frontend" / "csp-hashes.json"


def content_security_policy(hashes):
    """No inline script or style but the page's own, each allowed by its hash: every other one is a file of ours."""
    return "; ".join((
        "default-src 'self'",
        " ".join(["script-src 'self'", *hashes.get("script", [])]),
        " ".join(["style-src 'self'", *hashes.get("style", [])]),
        "img-src 'self' data:",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ))


def security_headers(hashes):
    return {
        "Content-Security-Policy": content_security_policy(hashes),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def read_csp_hashes(path=CSP_HASHES):
    """{"script": [...], "style": [...]}; without the file (an API-only package) no inline block is allowed."""
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


# Browsers remember HSTS for the whole host, so it is only sent where the config says HTTPS is certain.
HSTS = "max-age=31536000; includeSubDomains"

# CORS: any origin may read and POST, without credentials, and a preflight allows only what a route takes.
# Content routes take GET (and HEAD) with If-None-Match; assessments take POST with Content-Type. Both take the
# tracing headers a client may send (W3C Trace Context, a request id), and scripts may read the request id.
# Browsers keep a preflight for a day.
PREFLIGHT_MAX_AGE = 86400
TRACING = ["traceparent", "tracestate", "x-request-id"]
CORS_COMMON = {"origins": "*", "send_wildcard": True, "supports_credentials": False, "max_age": PREFLIGHT_MAX_AGE,
               "expose_headers": ["ETag", "X-Request-Id"], "automatic_options": False}
CORS_ASSESSMENTS = {"methods": ["POST"], "allow_headers": ["Content-Type", *TRACING]}
CORS_CONTENT = {"methods": ["GET", "HEAD"], "allow_headers": ["If-None-Match", *TRACING]}
# The client's own request id is echoed when it is a plain token; otherwise (or without one) the app makes one.
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# A redirect's target is fixed by the route table, which changes only with a deploy.
REDIRECT_CACHE = "public, max-age=300"


def with_cors(options):
    """flask-cors's public decorator, applied to the identity: a function that adds CORS headers to a response."""
    return cross_origin(**CORS_COMMON, **options)(lambda response: response)


def say_language(response):
    """A body the request's language chose says which (200 and its 304), and caches keep one per language. A view
    whose body is mostly in another language (the docs page's English prose) says so itself."""
    if "lang" in g:
        response.vary.add("Accept-Language")
        if response.status_code in (200, 304):
            response.headers.setdefault("Content-Language", g.lang)


def name_the_request(response):
    """X-Request-Id, so a client and the operator can talk about one request (nothing is logged with it)."""
    asked = request.headers.get("X-Request-Id", "")
    response.headers["X-Request-Id"] = asked if REQUEST_ID.fullmatch(asked) else uuid.uuid4().hex


def set_caching(response):
    if request.method == "OPTIONS" and "Cache-Control" not in response.headers:
        # A preflight's answer echoes the headers the request asked for: shared caches must not keep it.
        response.headers["Cache-Control"] = "no-store"
    if response.status_code in (301, 302, 303, 307, 308) and "Location" in response.headers:
        # werkzeug builds a redirect (double slashes merged, say) from the Host header: keep the path only.
        location = urlsplit(response.headers["Location"])
        response.headers["Location"] = urlunsplit(("", "", location.path, location.query, location.fragment))
        response.headers.setdefault("Cache-Control", REDIRECT_CACHE)


class Response(FlaskResponse):
    """werkzeug drops Content-Language from a 304 (an entity header in RFC 2616); RFC 9110 15.4.5 lets a 304 keep
    metadata that guides cache updates, and a cache holding one 200 per language needs it to match them up."""

    def get_wsgi_headers(self, environ):
        headers = super().get_wsgi_headers(environ)
        if self.status_code == 304 and "Content-Language" in self.headers:
            headers["Content-Language"] = self.headers["Content-Language"]
        return headers


def register(app):
    """Install the policy: the only after_request function in the app."""
    app.response_class = Response
    wanted = security_headers(read_csp_hashes())
    if app.config.get("HSTS"):
        wanted["Strict-Transport-Security"] = HSTS
    wanted = [(name.lower(), name, value) for name, value in wanted.items()]
    cors_assessments, cors_content = with_cors(CORS_ASSESSMENTS), with_cors(CORS_CONTENT)
    compression = Compression(app) if app.config.get("COMPRESSION", True) else None
    if compression:
        app.extensions["compression"] = compression

    def secure(response):
        # A header the view set itself wins; one pass over the response's headers.
        present = {name.lower() for name in response.headers.keys()}
        response.headers.extend([(name, value) for key, name, value in wanted if key not in present])

    @app.after_request
    def apply_policy(response):
        say_language(response)
        name_the_request(response)
        set_caching(response)
        path = request.path
        if path == "/api/v1/assessments":
            response = cors_assessments(response)
        elif path.startswith("/api/"):
            response = cors_content(response)
        secure(response)
        if compression:
            response = compression.apply(response)
        return response
