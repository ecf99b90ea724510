"""Security headers on every response: the app and the API run under a strict policy."""

import base64
import hashlib
import re
from pathlib import Path

INDEX = Path(__file__).resolve().parent.parent / "frontend" / "index.html"


def inline_hashes(tag):
    """The CSP sources for the page's inline `<script>` or `<style>` blocks: index.html has one of each (the first
    paint in the person's language, and the app's stylesheet with no request to wait for). Any other is blocked."""
    page = INDEX.read_text(encoding="utf-8") if INDEX.is_file() else ""
    return [f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode()}'"
            for body in re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.S)]


# No inline script or style but the page's own, each allowed by its hash: every other one is a file of our own.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    " ".join(["script-src 'self'", *inline_hashes("script")]),
    " ".join(["style-src 'self'", *inline_hashes("style")]),
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Browsers remember HSTS for the whole host, so it is only sent where the config says HTTPS is certain.
HSTS = "max-age=31536000; includeSubDomains"


def register(app):
    always = [(name.lower(), name, value) for name, value in SECURITY_HEADERS.items()]
    with_hsts = [*always, ("strict-transport-security", "Strict-Transport-Security", HSTS)]

    @app.after_request
    def secure(response):
        # A header the view set itself wins. One pass over the response's headers rather than a setdefault per
        # header (each of which scans them all): this runs on every response.
        present = {name.lower() for name in response.headers.keys()}
        wanted = with_hsts if app.config.get("HSTS") else always
        response.headers.extend([(name, value) for key, name, value in wanted if key not in present])
        return response
