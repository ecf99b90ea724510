"""Which language a request gets: `?lang=`, else the best of `Accept-Language`, else the content's own (English)."""
from flask import g, request

from .errors import Problem
from .state import state


def requested_language():
    """The language for this request; an unknown `?lang=` is a 422 naming `lang`, never a silent fallback."""
    lang = g.get("lang")  # found once per request
    if lang is None:
        known = list(state().languages)
        environ = request.environ  # no query string, no Accept-Language (most requests): nothing to parse
        asked = request.args.get("lang") if environ.get("QUERY_STRING") else None
        if asked is None:
            lang = best_of_accept_language(known) if environ.get("HTTP_ACCEPT_LANGUAGE") else known[0]
        elif asked in known:
            lang = asked
        else:
            raise unknown_language(asked, known)
        g.lang = lang
    return lang


def current():
    """The request's language: its content, parts and bodies (api/state.py)."""
    return state().languages[requested_language()]


def best_of_accept_language(known):
    """The first language the client names, by its own order of preference, that the content has: `es-MX` is
    `es`. (werkzeug's best_match would prefer an exact `es` at q=0.9 over `en-GB` at q=1.) `q=0` means "not this
    one" (RFC 9110 12.4.2), so a language refused that way is never chosen. None named: the first not refused."""
    refused = set()
    for value, quality in request.accept_languages:  # werkzeug sorts them by quality, q=0 last
        primary = value.lower().split("-")[0]
        if quality <= 0:
            refused.add(primary if value != "*" else "*")
        elif primary in known and primary not in refused:
            return primary
    return next((lang for lang in known if lang not in refused), known[0])


def unknown_language(asked, known):
    return Problem(422, "Invalid query", f"'{asked}' is not a language of this content.",
                   errors=[{"field": "lang", "message": f"unknown language '{asked}'; choose from: {', '.join(known)}"}])
