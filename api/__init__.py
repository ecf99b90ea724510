"""The twitch trigger checker's Flask app: content API, assessments, docs, and the app's files."""
import os
from pathlib import Path

from flask import Flask

from . import compression, cors, engine, errors, headers, inputs, language, routes, site
from .answers import MAX_BODY_BYTES, answers_schema_class
from .content import CONTENT_DIR, load_bundles
from .state import AppState, install

FRONTEND_DIR = Path(__file__).resolve().parent.parent / "frontend"


def create_app(test_config=None):
    """Build the app: defaults, then the environment, then the test mapping."""
    app = Flask(__name__, static_folder=None)
    app.config.update(
        CONTENT_DIR=str(CONTENT_DIR),
        FRONTEND_DIR=str(FRONTEND_DIR),
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        HSTS=False,
        COMPRESSION=True,  # TWITCH_COMPRESSION=false turns it off (benchmarks compare both)
    )
    app.config.from_prefixed_env("TWITCH")
    if test_config:
        app.config.update(test_config)
    app.json.sort_keys = False  # keep content order: it carries meaning (ranking ties, question order)
    app.json.ensure_ascii = False

    bundles = load_bundles(app.config["CONTENT_DIR"])  # a broken file stops the app here
    content = next(iter(bundles.values()))  # ids and rules are the same in every language
    install(app, AppState(bundles=bundles, request_schema=answers_schema_class(content)(),
                          engine_indexes={lang: engine.build_index(bundle) for lang, bundle in bundles.items()}))

    compression.register(app)  # first: its after_request runs last, on the finished response
    cors.register(app)
    for blueprint in (routes.bp, site.bp):
        app.register_blueprint(blueprint)
    errors.register(app)
    inputs.register(app)
    headers.register(app)
    language.register(app)
    return app
