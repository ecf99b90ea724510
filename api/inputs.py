"""What a request may hold before the API looks at it: one place for the limits on URLs and JSON bodies.

Every limit gives the client a 4xx problem that says what was wrong, never a 500:
- a URL (path and query) over MAX_URL_CHARS: 414;
- a body that is not UTF-8, holds JSON nested deeper than MAX_JSON_DEPTH, is not JSON, holds a lone
  surrogate (an escape such as "\\ud800", which is not a character and cannot be written back as UTF-8), or
  repeats a key in one object (JSON parsers keep the last or the first: `"warning_signs"` twice would drop a
  warning sign without a word): 400.
The body size limit (answers.MAX_BODY_BYTES, 413) is Flask's MAX_CONTENT_LENGTH.
"""
import re

from flask import request

from .errors import Problem

MAX_URL_CHARS = 2048  # far above any real address of the API or the app; no file name or id comes near it
MAX_JSON_DEPTH = 32  # an assessment needs 3 levels ({"answers": {"areas": [...]}})

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def register(app):
    @app.before_request
    def url_within_limit():
        environ = request.environ
        if len(environ.get("PATH_INFO", "")) + len(environ.get("QUERY_STRING", "")) > MAX_URL_CHARS:
            raise Problem(414, "URI Too Long", f"The address is longer than the {MAX_URL_CHARS} characters the "
                          "API accepts.", errors=[{"field": "(url)", "message": "too long"}])


def not_json(message):
    return Problem(400, "Body is not JSON", f"The body could not be read as JSON: {message}.",
                   errors=[{"field": "(body)", "message": f"not valid JSON: {message}"}])


def json_depth(value):
    """How deeply a parsed JSON value nests arrays and objects (a scalar is 0). Not recursive."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        inner = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if inner is not None:
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in inner)
    return deepest


def lone_surrogate(value):
    """The dotted path of the first string (key or value) holding a lone surrogate, or None. Not recursive."""
    stack = [(value, "")]
    while stack:
        item, path = stack.pop()
        if isinstance(item, dict):
            for key, inner in item.items():
                inner_path = f"{path}.{key}" if path else str(key)
                if _SURROGATE.search(key):
                    return path or "(body)"
                stack.append((inner, inner_path))
        elif isinstance(item, list):
            stack.extend((inner, f"{path}.{n}" if path else str(n)) for n, inner in enumerate(item))
        elif isinstance(item, str) and _SURROGATE.search(item):
            return path or "(body)"
    return None


class _Repeated(dict):
    """An object in which a key came twice; `repeated` is that key (the first one repeated)."""

    repeated = None


def _unique_keys(pairs):
    """json's object_pairs_hook: the object, marked when one of its keys came twice."""
    value = _Repeated(pairs)
    if len(value) < len(pairs):
        seen = set()
        value.repeated = next(key for key, _ in pairs if key in seen or seen.add(key))
    return value


def repeated_key(value):
    """The dotted path of the first repeated key in a parsed value, or None. Not recursive."""
    stack = [(value, "")]
    while stack:
        item, path = stack.pop()
        if isinstance(item, dict):
            if item.repeated is not None:
                return f"{path}.{item.repeated}" if path else item.repeated
            stack.extend((inner, f"{path}.{key}" if path else key) for key, inner in item.items())
        elif isinstance(item, list):
            stack.extend((inner, f"{path}.{n}" if path else str(n)) for n, inner in enumerate(item))
    return None


def parse_json(raw, loads):
    """The body `raw` (bytes) parsed with `loads`, or a 400 problem that says why it could not be."""
    try:
        text = raw.decode("utf-8-sig")  # JSON between systems is UTF-8 (RFC 8259); a byte-order mark is let by
    except UnicodeDecodeError as error:
        raise not_json(f"it is not UTF-8 (byte {error.start})") from None
    too_deep = not_json(f"it nests arrays or objects deeper than {MAX_JSON_DEPTH} levels")
    try:
        value = loads(text, object_pairs_hook=_unique_keys)
    except RecursionError:  # far deeper than the limit: the parser itself gave up
        raise too_deep from None
    except ValueError as error:  # the message names the line and column, never echoes the body
        raise not_json(str(error)) from None
    # Counting brackets is cheap; only a body with many of them is measured.
    if raw.count(b"[") + raw.count(b"{") > MAX_JSON_DEPTH and json_depth(value) > MAX_JSON_DEPTH:
        raise too_deep
    if _SURROGATE_ESCAPE.search(text):
        where = lone_surrogate(value)
        if where is not None:
            # The field's own name may be the bad text, so the problem names the path only up to it.
            safe = _SURROGATE.sub("\ufffd", where)
            raise Problem(400, "Body is not JSON", "The body holds an escape for half a character (a lone "
                          "surrogate such as \\ud800), which is not text.",
                          errors=[{"field": safe, "message": "holds a lone surrogate"}])
    where = repeated_key(value)
    if where is not None:
        key = where.rsplit(".", 1)[-1]
        raise Problem(400, "Repeated key", f"The key '{key}' comes twice in one object; send it once.",
                      errors=[{"field": where, "message": f"repeated key '{key}': send each key once"}])
    return value
