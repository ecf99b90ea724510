"""The JSON API under /api/v1: content GETs (cacheable by content version) and assessments."""
from flask import Blueprint, current_app, jsonify, request
from marshmallow import ValidationError

from . import engine
from .errors import Problem, field_errors

bp = Blueprint("api", __name__, url_prefix="/api/v1")

# Clients may cache content for a while but must revalidate with the ETag, which is cheap (304).
CONTENT_CACHE = "public, max-age=300, must-revalidate"


def current_content():
    return current_app.extensions["twitch"]["content"]


def cacheable(payload):
    """A JSON response tagged with the content version, answering If-None-Match with 304.

    Content only changes with a new process, so each route's body is serialized once, and a
    matching If-None-Match is answered before any serializing at all.
    """
    version = current_content()["version"]
    if request.if_none_match.contains_weak(version):
        response = current_app.response_class(status=304)
    else:
        # Keyed by route and validated ids only, never by raw query strings, so the cache stays bounded.
        key = (request.endpoint, tuple(sorted((request.view_args or {}).items())), request.args.get("trigger"))
        bodies = current_app.extensions["twitch"]["responses"]
        if key not in bodies:
            bodies[key] = current_app.json.dumps(payload).encode("utf-8") + b"\n"
        response = current_app.response_class(bodies[key], mimetype="application/json")
    response.set_etag(version)
    response.headers["Cache-Control"] = CONTENT_CACHE
    return response


def listing(key, items):
    return cacheable({"content_version": current_content()["version"], key: items})


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
    return listing("tips", items)


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


def read_json_body():
    """The request body parsed as JSON whatever the Content-Type, or a 400 problem."""
    raw = request.get_data(cache=False)  # over MAX_CONTENT_LENGTH this raises 413
    try:
        return current_app.json.loads(raw)
    except ValueError as error:
        raise Problem(400, "Body is not JSON", f"The body could not be read as JSON: {error}.",
                      errors=[{"field": "(body)", "message": "not valid JSON"}]) from None


@bp.post("/assessments")
def assessments():
    body = read_json_body()
    state = current_app.extensions["twitch"]
    try:
        # The quick check only ever says yes to what the schema accepts; anything else gets the schema's messages.
        valid = state["quick_check"](body) or state["request_schema"].load(body)
    except ValidationError as error:
        raise Problem(422, "Invalid answers", "Some answers do not fit the questionnaire; see errors.",
                      errors=field_errors(error.messages)) from None
    result = engine.assess(current_content(), valid["answers"])
    response = current_app.response_class(assessment_json(result), mimetype="application/json")
    response.headers["Cache-Control"] = "no-store"
    return response


def assessment_json(result):
    """The result as JSON text. Tips are most of it and, for most people, the same for every request, so each
    trigger's shared tips list is serialized once per content and put in place of a marker (no answer text is
    ever in a result, so nothing a client sends can forge the marker). Tips fitted to a person are serialized as
    they are."""
    state = current_app.extensions["twitch"]
    shared = engine.trigger_tips(current_content())
    if "tips_json" not in state:
        state["tips_json"] = {trigger_id: current_app.json.dumps(tips) for trigger_id, tips in shared.items()}
    reused = [t["id"] for t in result["triggers"] if t["tips"] is shared.get(t["id"])]
    marked = {**result, "triggers": [{**t, "tips": f"\0tips:{t['id']}"} if t["id"] in reused else t
                                     for t in result["triggers"]]}
    text = current_app.json.dumps(marked)
    for trigger_id in reused:
        text = text.replace(f'"\\u0000tips:{trigger_id}"', state["tips_json"][trigger_id], 1)
    return text + "\n"
