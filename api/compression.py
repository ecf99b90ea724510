"""Brotli and gzip for every text response, done by the app itself (flask-compress), locally and on Lambda.

One place compresses, so nothing is compressed twice: API Gateway's own compression is off (zappa_settings.json,
docs/deploy.md), and it would skip bodies that already carry Content-Encoding anyway.

- Each encoding has its own strong ETag (`"tag:br"`, `"tag:gzip"`, flask-compress's suffix); `conditional` reads
  them back, so If-None-Match with the tag a client got gives a 304 whatever the encoding, and the 304 carries
  the tag the client named. flask-compress's own conditional check (werkzeug's lax one) stays off.
- `Vary: Accept-Encoding` is added to every response, to whatever Vary it already has.
- Problems (4xx, 5xx) are compressed here: flask-compress leaves every status but 2xx alone.
- Bodies under MIN_SIZE are sent as they are: compressing them saves less than the header costs.
- Compressed bodies are kept for cacheable responses only (a GET or HEAD answered 200 with an ETag, not
  no-store), keyed by encoding, ETag, length and hash of the body: never by a query string, never for an answer
  (POST /assessments is no-store); at most MAX_ENTRIES of them and MAX_BYTES in all. Kept ones are compressed
  hardest, once; the others at a level cheap enough for every request.
"""
import gzip

import brotli
from flask import g, request
from flask_compress import Compress
from flask_compress.flask_compress import _choose_algorithm, _compress_data

ENCODINGS = ("br", "gzip")  # in the order preferred when a client accepts both equally
MIMETYPES = ["text/html", "text/css", "text/javascript", "application/javascript", "application/json",
             "application/problem+json", "application/manifest+json", "image/svg+xml", "text/plain"]
MIN_SIZE = 500  # bytes
# benchmarks/compression.py. Per request (assessments, problems): brotli 4 makes an 11 kB result 3.8 kB in about
# 0.3 ms (5: 6% smaller for 50% more time). A kept body is compressed once per process, so it gets the smallest:
# brotli 11 takes the 165 kB bundle to 32 kB (4: 39 kB) in about 0.25 s, once.
BROTLI_QUALITY, GZIP_LEVEL = 4, 6
KEPT_QUALITY = {"br": 11, "gzip": 9}
MAX_ENTRIES = 512
MAX_BYTES = 32 * 1024 * 1024


class CompressedBodies:
    """flask-compress's cache backend: compressed bodies of cacheable responses, bounded in count and bytes."""

    def __init__(self):
        self.data, self.size = {}, 0

    def get(self, key):
        return self.data.get(key)

    def set(self, key, value):
        if key.endswith(";") or key in self.data:  # not cacheable (see cache_key), or already kept
            return
        while self.data and (len(self.data) >= MAX_ENTRIES or self.size + len(value) > MAX_BYTES):
            self.size -= len(self.data.pop(next(iter(self.data))))  # the oldest goes first
        if len(value) <= MAX_BYTES:
            self.data[key] = value
            self.size += len(value)


def cache_key(_request):
    """The key `mark_cacheable` left for this response, or "" (flask-compress prefixes the encoding)."""
    return g.pop("compressed_body_key", "")


def register(app):
    """Register first in create_app, so that compression runs after every other after_request function."""
    if not app.config.get("COMPRESSION", True):
        return
    app.config.update(
        COMPRESS_ALGORITHM=list(ENCODINGS), COMPRESS_MIMETYPES=MIMETYPES, COMPRESS_MIN_SIZE=MIN_SIZE,
        COMPRESS_BR_LEVEL=BROTLI_QUALITY, COMPRESS_LEVEL=GZIP_LEVEL, COMPRESS_STREAMS=False,
        COMPRESS_EVALUATE_CONDITIONAL_REQUEST=False,
        COMPRESS_CACHE_BACKEND=CompressedBodies, COMPRESS_CACHE_KEY=cache_key,
    )
    app.extensions["compression"] = Compress(app)

    # Registered after flask-compress's, so it runs just before it.
    @app.after_request
    def mark_cacheable(response):
        if response.status_code == 304:
            name_the_clients_tag(response)
        elif response.status_code >= 400:
            compress_problem(app, response)
        elif response.status_code == 200 and request.method in ("GET", "HEAD") and "ETag" in response.headers \
                and "no-store" not in response.headers.get("Cache-Control", "") and not response.is_streamed:
            body = response.get_data()
            # The body itself picks the entry: equal bytes, equal compressed bytes. bytes cache their hash, and
            # content routes send the same bytes object every time, so this costs nothing there.
            g.compressed_body_key = key = f"{response.headers['ETag']}|{len(body)}|{hash(body)}"
            keep_compressed(app, response, body, key)
        return response


def keep_compressed(app, response, body, key):
    """Compress a kept body once, at KEPT_QUALITY, into the entry flask-compress will look for next."""
    chosen = _choose_algorithm(ENCODINGS, request.headers.get("Accept-Encoding", ""))
    cache = app.extensions["compression"].cache
    if chosen and cache is not None and response.mimetype in MIMETYPES and len(body) >= MIN_SIZE \
            and cache.get(f"{chosen};{key}") is None:
        level = KEPT_QUALITY[chosen]
        cache.set(f"{chosen};{key}", brotli.compress(body, quality=level) if chosen == "br"
                  else gzip.compress(body, level, mtime=0))


def compress_problem(app, response):
    """flask-compress leaves every status but 2xx alone; a problem (422 with its errors, say) is text too."""
    chosen = _choose_algorithm(ENCODINGS, request.headers.get("Accept-Encoding", ""))
    if chosen and response.mimetype in MIMETYPES and not response.is_streamed \
            and "Content-Encoding" not in response.headers and (response.content_length or 0) >= MIN_SIZE:
        response.set_data(_compress_data(app, response.get_data(), chosen))
        response.headers["Content-Encoding"] = chosen


def name_the_clients_tag(response):
    """A 304 carries the ETag the 200 would have: the encoded variant's, when that is the one the client named."""
    tag, weak = response.get_etag()
    if not tag or weak:
        return
    chosen = _choose_algorithm(ENCODINGS, request.headers.get("Accept-Encoding", ""))
    if chosen and f'"{tag}:{chosen}"' in ", ".join(request.headers.getlist("If-None-Match")):
        response.set_etag(f"{tag}:{chosen}")
