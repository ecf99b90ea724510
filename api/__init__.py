"""The twitch trigger checker's Flask app: content API, assessments, docs, and the app's files."""
from pathlib import Path

from flask import Flask

from . import errors, inputs, policy, routes, site, state
from .answers import MAX_BODY_BYTES, answers_schema_class
from .content import CONTENT_DIR, load_bundles

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
    state.install(app, state.build(bundles, app.json.dumps, answers_schema_class(content)()))

    for blueprint in (routes.bp, site.bp):
        app.register_blueprint(blueprint)
    inputs.register(app)
    errors.register(app)
    policy.register(app)  # every header a response gets, in one visible order
    return app
