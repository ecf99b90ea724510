"""The JSON API under /api/v1: content GETs (cacheable by content version) and assessments."""
from flask import Blueprint, current_app, jsonify, request
from marshmallow import ValidationError

from . import conditional, engine, inputs, language
from .errors import Problem, field_errors
from .state import state

bp = Blueprint("api", __name__, url_prefix="/api/v1")

# Clients may cache content for a while but must revalidate with the ETag, which is cheap (304).
CONTENT_CACHE = "public, max-age=300, must-revalidate"


def current_content():
    return language.current().content


def cacheable(route, key=None):
    """The body serialized at load for this route and item (api/state.py), tagged with the content version,
    or 304 when If-None-Match names that version."""
    in_language = language.current()
    version = in_language.content["version"]
    if conditional.not_modified(version):
        response = current_app.response_class(status=304)
    else:
        response = current_app.response_class(in_language.bodies[(route, key)], mimetype="application/json")
    response.set_etag(version)
    response.headers["Cache-Control"] = CONTENT_CACHE
    return response


def item(route, kind, item_id):
    """The item of this kind with this id, or a 404 problem that names the id."""
    if (route, item_id) not in language.current().bodies:
        raise Problem(404, "Not Found", f"There is no {kind} with id '{item_id}'.",
                      errors=[{"field": "id", "message": f"unknown id '{item_id}'"}], type_="about:blank")
    return cacheable(route, item_id)


@bp.get("/content")
def content_bundle():
    return cacheable("content")


@bp.get("/content/check")
def content_check():
    """What the check needs, for a first visit that should be quick; /content/rest brings the rest."""
    return cacheable("content_check")


@bp.get("/content/rest")
def content_rest():
    return cacheable("content_rest")


@bp.get("/questionnaire")
def questionnaire():
    return cacheable("questionnaire")


@bp.get("/triggers")
def triggers():
    return cacheable("triggers")


@bp.get("/triggers/<trigger_id>")
def trigger(trigger_id):
    return item("trigger", "trigger", trigger_id)


@bp.get("/tips")
def tips():
    wanted = request.args.get("trigger")
    if wanted is not None and ("tips", wanted) not in language.current().bodies:
        known = [t["id"] for t in current_content()["triggers"]]
        raise Problem(422, "Invalid query", f"'{wanted}' is not a trigger id.",
                      errors=[{"field": "trigger", "message": f"unknown trigger '{wanted}'; choose from: {', '.join(known)}"}])
    return cacheable("tips", wanted)


@bp.get("/tips/<tip_id>")
def tip(tip_id):
    return item("tip", "tip", tip_id)


@bp.get("/conditions")
def conditions():
    return cacheable("conditions")


@bp.get("/conditions/<condition_id>")
def condition(condition_id):
    return item("condition", "condition", condition_id)


@bp.get("/guide")
def guide():
    return cacheable("guide")


@bp.get("/faq")
def faq():
    return cacheable("faq")


@bp.get("/sources")
def sources():
    return cacheable("sources")


@bp.get("/health")
def health():
    response = jsonify({"status": "ok", "content_version": current_content()["version"]})
    response.headers["Cache-Control"] = "no-store"
    return response


def not_sent_as_json():
    """415: bodies are read only when sent as JSON. A text/plain POST is also one that any web page could send
    cross-origin without a preflight."""
    return Problem(415, "Unsupported Media Type", "Send the body as JSON, with Content-Type: application/json.",
                   errors=[{"field": "Content-Type", "message": "must be application/json"}])


def invalid_answers(error):
    """422 for answers the request schema refuses, naming each field."""
    return Problem(422, "Invalid answers", "Some answers do not fit the questionnaire; see errors.",
                   errors=field_errors(error.messages))


def read_json_body():
    """The request body parsed as JSON, or a problem: 415 when it is not sent as JSON, 400 when it is not JSON."""
    if not request.is_json:  # application/json, or application/*+json
        raise not_sent_as_json()
    raw = request.get_data(cache=False)  # over MAX_CONTENT_LENGTH this raises 413
    return inputs.parse_json(raw, current_app.json.loads)  # not UTF-8, too deep, not JSON, lone surrogates: 400


@bp.post("/assessments")
def assessments():
    body = read_json_body()
    app_state = state()
    try:
        valid = app_state.request_schema.load(body)
    except ValidationError as error:
        raise invalid_answers(error) from None
    in_language = language.current()
    response = jsonify(engine.assess(in_language.content, valid["answers"], in_language.index))
    response.headers["Cache-Control"] = "no-store"
    return response
