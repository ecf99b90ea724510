"""What the app keeps for its whole life: the checked content and what is built from it, each made once.

Content and code only change with a new process, so everything here is built from them at most once; the
response cache is keyed only by validated values, so it holds at most one body per route and item.
"""
from dataclasses import dataclass, field
from typing import Any

from flask import current_app, g, has_request_context


@dataclass
class AppState:
    bundles: dict  # the content in each language, {lang: bundle}, the content's own language first
    request_schema: Any  # the marshmallow schema that judges answers
    engine_indexes: dict  # {lang: the engine's look-ups for that language's bundle}, built with it
    responses: dict = field(default_factory=dict)  # serialized content bodies by (endpoint, validated values)
    _built: dict = field(default_factory=dict)

    @property
    def content(self):
        """The content in the language of the request (the content's own outside one)."""
        if not has_request_context():
            return next(iter(self.bundles.values()))
        lang = g.get("lang")  # once found, kept for the request (language.requested_language)
        if lang is None:
            from .language import requested_language  # here: language imports this module

            lang = requested_language()
        return self.bundles[lang]

    def once(self, key, make):
        """What `make()` gives, made the first time it is asked for and kept."""
        if key not in self._built:
            self._built[key] = make()
        return self._built[key]


def install(app, state):
    app.extensions["twitch"] = state


def state() -> AppState:
    """The state of the app handling this request."""
    return current_app.extensions["twitch"]
