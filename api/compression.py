"""Brotli and gzip for every text response, done by the app itself (flask-compress, through its public API),
locally and on Lambda. api/policy.py calls `Compression.apply` last, on the finished response.

One place compresses, so nothing is compressed twice: API Gateway's own compression is off (zappa_settings.json,
docs/deploy.md), and it would skip bodies that already carry Content-Encoding anyway.

- The encoding is chosen here, by RFC 9110 12.5.3: `q=0` means "not this one" (`br;q=0` gets no brotli), `*`
  stands for any encoding not named, identity is always acceptable unless refused. flask-compress's own choice
  would pick an encoding a client refused with q=0, so it is given one compressor per encoding, and only the
  chosen one is called.
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


def compress(body, encoding, level):
    return brotli.compress(body, quality=level) if encoding == "br" else gzip.compress(body, level, mtime=0)


def chosen_encoding(accept_encoding):
    """The encoding to send for this Accept-Encoding value, or None for the body as it is (RFC 9110 12.5.3)."""
    qualities, rest = {}, None
    for element in accept_encoding.lower().split(","):
        name, _, params = element.partition(";")
        name = name.strip()
        if not name:
            continue
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    quality = 0.0  # a q we cannot read is no consent
        if name == "*":
            rest = quality
        else:
            qualities[name] = max(quality, qualities.get(name, 0.0))
    offered = {encoding: qualities.get(encoding, rest or 0.0) for encoding in ENCODINGS}
    identity = qualities.get("identity", 1.0 if rest is None or "identity" in qualities else rest)
    best = max(ENCODINGS, key=lambda encoding: offered[encoding])  # ties: the first, brotli
    return best if offered[best] > 0 and offered[best] >= identity else None


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
    """The key `apply` left for this response, or "" (flask-compress prefixes the encoding)."""
    return g.pop("compressed_body_key", "")


class Compression:
    """One flask-compress compressor per encoding, sharing one store of kept bodies; none is registered as a hook."""

    def __init__(self, app):
        self.cache = CompressedBodies()
        self.compressors = {}
        app.config.update(
            COMPRESS_MIMETYPES=MIMETYPES, COMPRESS_MIN_SIZE=MIN_SIZE, COMPRESS_BR_LEVEL=BROTLI_QUALITY,
            COMPRESS_LEVEL=GZIP_LEVEL, COMPRESS_STREAMS=False, COMPRESS_EVALUATE_CONDITIONAL_REQUEST=False,
            COMPRESS_CACHE_BACKEND=lambda: self.cache, COMPRESS_CACHE_KEY=cache_key, COMPRESS_REGISTER=False)
        for encoding in ENCODINGS:
            app.config["COMPRESS_ALGORITHM"] = [encoding]  # read once, by this compressor's init_app
            self.compressors[encoding] = Compress(app)
        app.config["COMPRESS_ALGORITHM"] = list(ENCODINGS)

    def apply(self, response):
        chosen = chosen_encoding(request.headers.get("Accept-Encoding", ""))
        response.vary.add("Accept-Encoding")
        status = response.status_code
        if status == 304:
            name_the_clients_tag(response, chosen)
        elif chosen is None or response.is_streamed or response.mimetype not in MIMETYPES:
            pass
        elif status >= 400:
            compress_problem(response, chosen)
        elif 200 <= status < 300:
            if status == 200 and request.method in ("GET", "HEAD") and "ETag" in response.headers \
                    and "no-store" not in response.headers.get("Cache-Control", ""):
                self.keep_compressed(response, chosen)
            response = self.compressors[chosen].after_request(response)
        return response

    def keep_compressed(self, response, chosen):
        """Compress a kept body once, at KEPT_QUALITY, into the entry flask-compress will look for next."""
        body = response.get_data()
        # The body itself picks the entry: equal bytes, equal compressed bytes. bytes cache their hash, and
        # content routes send the same bytes object every time, so this costs nothing there.
        g.compressed_body_key = key = f"{response.headers['ETag']}|{len(body)}|{hash(body)}"
        if len(body) >= MIN_SIZE and self.cache.get(f"{chosen};{key}") is None:
            self.cache.set(f"{chosen};{key}", compress(body, chosen, KEPT_QUALITY[chosen]))


def compress_problem(response, chosen):
    """flask-compress leaves every status but 2xx alone; a problem (422 with its errors, say) is text too."""
    if "Content-Encoding" not in response.headers and (response.content_length or 0) >= MIN_SIZE:
        response.set_data(compress(response.get_data(), chosen, BROTLI_QUALITY if chosen == "br" else GZIP_LEVEL))
        response.headers["Content-Encoding"] = chosen


def name_the_clients_tag(response, chosen):
    """A 304 carries the ETag the 200 would have: the encoded variant's, when that is the one the client named."""
    tag, weak = response.get_etag()
    if tag and not weak and chosen and f'"{tag}:{chosen}"' in ", ".join(request.headers.getlist("If-None-Match")):
        response.set_etag(f"{tag}:{chosen}")
