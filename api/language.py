"""Which language a request gets: `?lang=`, else the best of `Accept-Language`, else the content's own (English)."""
from flask import g, request

from .errors import Problem
from .state import state


def requested_language():
    """The language for this request; an unknown `?lang=` is a 422 naming `lang`, never a silent fallback."""
    lang = g.get("lang")  # found once per request
    if lang is None:
        known = list(state().bundles)
        environ = request.environ  # no query string, no Accept-Language (most requests): nothing to parse
        asked = request.args.get("lang") if environ.get("QUERY_STRING") else None
        if asked is None:
            lang = g.lang = best_of_accept_language(known) if environ.get("HTTP_ACCEPT_LANGUAGE") else known[0]
        elif asked in known:
            lang = g.lang = asked
        else:
            raise unknown_language(asked, known)
    return lang


def best_of_accept_language(known):
    """The first language the client names, by its own order of preference, that the content has: `es-MX` is
    `es`. (werkzeug's best_match would prefer an exact `es` at q=0.9 over `en-GB` at q=1.) None named: the first."""
    for value, _quality in request.accept_languages:  # werkzeug sorts them by quality
        primary = value.lower().split("-")[0]
        if primary in known:
            return primary
    return known[0]


def unknown_language(asked, known):
    return Problem(422, "Invalid query", f"'{asked}' is not a language of this content.",
                   errors=[{"field": "lang", "message": f"unknown language '{asked}'; choose from: {', '.join(known)}"}])


def register(app):
    @app.after_request
    def say_language(response):
        """Responses in a language say which, and that Accept-Language chose it (for caches)."""
        if "lang" in g and response.mimetype == "application/json":
            response.headers["Content-Language"] = g.lang
            response.vary.add("Accept-Language")
        return response
