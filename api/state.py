"""What the app keeps for its whole life, built once at load: data only, no behaviour (no Flask but `state()`).

Content and code change only with a new process, so each language's bundle, its two parts and the serialized
body of every content route are made here once, from the checked content; the views only look them up.
"""
from dataclasses import dataclass, field
from typing import Any, Optional

from flask import current_app

from . import engine
from .content import bundle_part

PARTS = ("check", "rest")
# The content routes' bodies: (route, item id or filter) -> what it serves. `None` is the route without an id.
LISTS = {"questionnaire": ("questions", lambda c: c["questionnaire"]["questions"]),
         "triggers": ("triggers", lambda c: c["triggers"]), "conditions": ("conditions", lambda c: c["conditions"]),
         "guide": ("sections", lambda c: c["guide"]["sections"]), "faq": ("faq", lambda c: c["faq"]),
         "sources": ("sources", lambda c: c["sources"]), "tips": ("tips", lambda c: c["tips"])}
ITEMS = {"trigger": "triggers", "tip": "tips", "condition": "conditions"}


@dataclass(frozen=True)
class Language:
    """The content in one language and every body served from it."""

    content: dict  # the bundle
    parts: dict  # {"check": ..., "rest": ...}: the bundle in two parts (api/content.py bundle_part)
    bodies: dict  # (route, key) -> the serialized JSON body, bytes
    index: dict  # the engine's look-ups for this bundle (engine.build_index), built with it


@dataclass
class AppState:
    languages: dict  # {lang: Language}, the content's own language first
    request_schema: Any  # the marshmallow schema that judges answers
    # The documents, made on first request (api/site.py): most processes (Lambda's) never serve them.
    openapi: Optional[dict] = None  # the OpenAPI document
    openapi_json: bytes = b""  # ... as served
    docs_pages: dict = field(default_factory=dict)  # {lang: the docs page, bytes}

    @property
    def source(self):
        """The content in its own language (English): ids, rules and the document's examples."""
        return next(iter(self.languages.values())).content


def serialized(dumps, value):
    return dumps(value).encode("utf-8") + b"\n"


def language_state(content, dumps):
    """A language's content with its parts and every content route's body, serialized once."""
    version = content["version"]
    parts = {part: bundle_part(content, part) for part in PARTS}
    values = {("content", None): content, **{(f"content_{part}", None): parts[part] for part in PARTS}}
    for route, (key, items) in LISTS.items():
        values[(route, None)] = {"content_version": version, key: items(content)}
    for trigger in content["triggers"]:
        values[("tips", trigger["id"])] = {"content_version": version,
                                           "tips": [tip for tip in content["tips"] if tip["trigger"] == trigger["id"]]}
    for route, kind in ITEMS.items():
        for item in content[kind]:
            values[(route, item["id"])] = item
    return Language(content, parts, {key: serialized(dumps, value) for key, value in values.items()},
                    engine.build_index(content))


def build(bundles, dumps, request_schema):
    return AppState({lang: language_state(content, dumps) for lang, content in bundles.items()},
                    request_schema)


def install(app, state):
    app.extensions["twitch"] = state


def state() -> AppState:
    """The state of the app handling this request."""
    return current_app.extensions["twitch"]
