"""Conditional GETs: If-None-Match read strictly (RFC 9110 entity tags), so a malformed one never gets a false 304.

Werkzeug takes an unquoted value such as `If-None-Match: 3f2a9c1e` as a tag and answers 304 to it. Here only `*`
or a list of quoted tags (`"3f2a9c1e"`, `W/"3f2a9c1e"`) counts; anything else is ignored, as if the header were
absent, and the client gets the whole response.
"""
import hashlib
import re

from flask import current_app, request

from .compression import ENCODINGS

# One list element: optional whitespace, an entity tag or nothing (RFC 9110 5.6.1 lets lists hold empty elements),
# optional whitespace, then a comma or the end. Scanned element by element: linear, whatever the header holds.
_ELEMENT = re.compile(r'[ \t]*(?:(?:W/)?"([\x21\x23-\x7e\x80-\xff]*)"[ \t]*)?(?:,|\Z)')


def requested_tags(field):
    """The opaque tags a list of entity tags names, or [] when it is malformed (`*` is no tag: see not_modified)."""
    tags, position = [], 0
    while position < len(field):
        element = _ELEMENT.match(field, position)
        if element is None:
            return []
        if element.group(1) is not None:
            tags.append(element.group(1))
        position = element.end()
    return tags


def not_modified(tag):
    """Whether the request's If-None-Match names `tag` (weak comparison, as RFC 9110 asks for GET) or is `*`.

    `tag:br` and `tag:gzip` (the compressed variants' tags, api/compression.py) name the same content.
    """
    field = ", ".join(request.headers.getlist("If-None-Match"))
    if field.strip(" \t") == "*":
        return True
    named = requested_tags(field)
    return tag in named or any(f"{tag}:{encoding}" in named for encoding in ENCODINGS)


def respond(body, mimetype, cache_control, tag=None):
    """`body` (bytes) with an ETag (`tag`, or a hash of the body) and Cache-Control, or 304 when the client has it."""
    tag = tag or hashlib.sha256(body).hexdigest()[:16]
    response = current_app.response_class(status=304) if not_modified(tag) else \
        current_app.response_class(body, mimetype=mimetype)
    response.set_etag(tag)
    response.headers["Cache-Control"] = cache_control
    return response
