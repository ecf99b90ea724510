"""The JSON API under /api/v1: content GETs (cacheable by content version) and assessments."""
from flask import Blueprint, current_app, jsonify, request
from marshmallow import ValidationError

from . import conditional, engine, inputs
from .content import bundle_part
from .errors import Problem, field_errors
from .language import requested_language
from .state import state

bp = Blueprint("api", __name__, url_prefix="/api/v1")

# Clients may cache content for a while but must revalidate with the ETag, which is cheap (304).
CONTENT_CACHE = "public, max-age=300, must-revalidate"


def current_content():
    return state().content


def cacheable(payload, variant=None):
    """A JSON response tagged with the content version, answering If-None-Match with 304.

    Content only changes with a new process, so each route's body is serialized once, and a
    matching If-None-Match is answered before any serializing at all.
    """
    version = current_content()["version"]
    if conditional.not_modified(version):
        response = current_app.response_class(status=304)
    else:
        # Keyed by route and validated values only (ids that matched an item, a `variant` the route checked),
        # never by raw query strings, so the cache holds at most one body per item and stays bounded.
        key = (request.endpoint, tuple(sorted((request.view_args or {}).items())), variant, requested_language())
        bodies = state().responses
        if key not in bodies:
            bodies[key] = current_app.json.dumps(payload).encode("utf-8") + b"\n"
        response = current_app.response_class(bodies[key], mimetype="application/json")
    response.set_etag(version)
    response.headers["Cache-Control"] = CONTENT_CACHE
    return response


def listing(key, items, variant=None):
    return cacheable({"content_version": current_content()["version"], key: items}, variant)


def find(kind, item_id):
    """The item of this kind with this id, or a 404 problem that names the id."""
    for item in current_content()[kind]:
        if item["id"] == item_id:
            return item
    raise Problem(404, "Not Found", f"There is no {kind[:-1].replace('_', ' ')} with id '{item_id}'.",
                  errors=[{"field": "id", "message": f"unknown id '{item_id}'"}], type_="about:blank")


@bp.get("/content")
def content_bundle():
    return cacheable(current_content())


@bp.get("/content/check")
def content_check():
    """What the check needs, for a first visit that should be quick; /content/rest brings the rest."""
    return cacheable(state().once(("part", "check", requested_language()), lambda: bundle_part(current_content(), "check")))


@bp.get("/content/rest")
def content_rest():
    return cacheable(state().once(("part", "rest", requested_language()), lambda: bundle_part(current_content(), "rest")))


@bp.get("/questionnaire")
def questionnaire():
    return listing("questions", current_content()["questionnaire"]["questions"])


@bp.get("/triggers")
def triggers():
    return listing("triggers", current_content()["triggers"])


@bp.get("/triggers/<trigger_id>")
def trigger(trigger_id):
    return cacheable(find("triggers", trigger_id))


@bp.get("/tips")
def tips():
    items = current_content()["tips"]
    wanted = request.args.get("trigger")
    if wanted is not None:
        known = [t["id"] for t in current_content()["triggers"]]
        if wanted not in known:
            raise Problem(422, "Invalid query", f"'{wanted}' is not a trigger id.",
                          errors=[{"field": "trigger", "message": f"unknown trigger '{wanted}'; choose from: {', '.join(known)}"}])
        items = [tip for tip in items if tip["trigger"] == wanted]
    return listing("tips", items, variant=wanted)


@bp.get("/tips/<tip_id>")
def tip(tip_id):
    return cacheable(find("tips", tip_id))


@bp.get("/conditions")
def conditions():
    return listing("conditions", current_content()["conditions"])


@bp.get("/conditions/<condition_id>")
def condition(condition_id):
    return cacheable(find("conditions", condition_id))


@bp.get("/guide")
def guide():
    return listing("sections", current_content()["guide"]["sections"])


@bp.get("/faq")
def faq():
    return listing("faq", current_content()["faq"])


@bp.get("/sources")
def sources():
    return listing("sources", current_content()["sources"])


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
    content = app_state.content  # once: each look-up finds the request's language again
    response = jsonify(engine.assess(content, valid["answers"], app_state.engine_indexes[content["lang"]]))
    response.headers["Cache-Control"] = "no-store"
    return response
