"""The JSON API under /api/v1: content GETs (cacheable by content version) and assessments."""
import re

from flask import current_app, jsonify, request
from flask_smorest import Blueprint
from marshmallow import ValidationError

from . import conditional, engine, inputs, language
from .errors import Problem, field_errors
from . import openapi
from .openapi import content_get
from .state import state

# Views name their response schemas (api/schemas.py, registered by api/openapi.py): documenting is not serving, so
# a process that never builds the document never imports them.
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
@content_get(bp, "getContent", "ContentBundle")
def content_bundle():
    """The whole content bundle

    Everything: questionnaire, triggers, red flags, triage levels, tips, conditions, guide, FAQ, sources and
    licence, with its version. Apps cache this one document for offline use.
    """
    return cacheable("content")


@bp.get("/content/check")
@content_get(bp, "getContentCheck", "ContentCheck")
def content_check():
    """The content a check needs

    The bundle's first part: everything the questionnaire and its results need (no guide, FAQ, sources or diary).
    With /api/v1/content/rest it holds every field of /api/v1/content, with the same version: for an app's quick
    first visit.
    """
    return cacheable("content_check")


@bp.get("/content/rest")
@content_get(bp, "getContentRest", "ContentRest")
def content_rest():
    """The rest of the content

    The bundle's second part: the guide, the FAQ, the sources and the diary's rules and words, with the same
    version as /api/v1/content/check.
    """
    return cacheable("content_rest")


@bp.get("/questionnaire")
@content_get(bp, "getQuestionnaire", "Questionnaire")
def questionnaire():
    """The questionnaire

    The questions and their options, warning signs first.
    """
    return cacheable("questionnaire")


@bp.get("/triggers")
@content_get(bp, "listTriggers", "TriggerList")
def triggers():
    """All triggers

    Every everyday trigger.
    """
    return cacheable("triggers")


@bp.get("/triggers/<id>")
@content_get(bp, "getTrigger", "Trigger", item="trigger")
def trigger(id):  # noqa: A002 (the path's parameter is `id`, as the document has always named it)
    """One trigger

    The trigger.
    """
    return item("trigger", "trigger", id)


@bp.get("/tips")
@content_get(bp, "listTips", "TipList", query={"in": "query", "name": "trigger", "required": False})
def tips():
    """Tips

    Tips, all or for one trigger.
    """
    wanted = request.args.get("trigger")
    if wanted is not None and ("tips", wanted) not in language.current().bodies:
        known = [t["id"] for t in current_content()["triggers"]]
        raise Problem(422, "Invalid query", f"'{wanted}' is not a trigger id.",
                      errors=[{"field": "trigger", "message": f"unknown trigger '{wanted}'; choose from: {', '.join(known)}"}])
    return cacheable("tips", wanted)


@bp.get("/tips/<id>")
@content_get(bp, "getTip", "Tip", item="tip")
def tip(id):  # noqa: A002
    """One tip

    The tip.
    """
    return item("tip", "tip", id)


@bp.get("/conditions")
@content_get(bp, "listConditions", "ConditionList")
def conditions():
    """Related conditions

    Conditions to mention to a doctor. Information only, never a diagnosis.
    """
    return cacheable("conditions")


@bp.get("/conditions/<id>")
@content_get(bp, "getCondition", "Condition", item="condition")
def condition(id):  # noqa: A002
    """One condition

    The condition.
    """
    return item("condition", "condition", id)


@bp.get("/guide")
@content_get(bp, "getGuide", "Guide")
def guide():
    """The guide

    The guide's sections, in reading order.
    """
    return cacheable("guide")


@bp.get("/faq")
@content_get(bp, "listFaq", "FaqList")
def faq():
    """Questions people ask

    The FAQ, with answers.
    """
    return cacheable("faq")


@bp.get("/sources")
@content_get(bp, "listSources", "SourceList")
def sources():
    """Sources

    Every source the content rests on.
    """
    return cacheable("sources")


@bp.get("/health")
@bp.response(200, openapi.ref("Health"), description="The app is up.", headers=openapi.UNCACHED)
@bp.doc(operationId="getHealth", tags=["Service"], parameters=[openapi.LANG],
        responses={"422": {"x-language-problem": "lang"}, **openapi.ALWAYS})
def health():
    """Health check

    Whether the API is up, and the version of the content it serves (in the language asked for, like the content
    routes). Never cached.
    """
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


REGION_CODE = re.compile(r"[A-Za-z]{2}")  # ISO 3166-1 alpha-2, any case
REGION = {"in": "query", "name": "region", "required": False,
          "description": "Where the person is: an ISO 3166-1 alpha-2 code, any case (`NZ`, `gb`). It picks the numbers "
                         "in `triage.calls`. A code the content does not list gets `region: null` and the fallback "
                         "numbers; a malformed one (`NZL`, `1`) gets 422 naming `region`. Without it, the fallback "
                         "numbers: the region is never guessed from `Accept-Language` (language is not location).",
          "schema": {"type": "string", "pattern": "^[A-Za-z]{2}$"}, "example": "NZ"}


def requested_region():
    """The `?region=` code in upper case, or None when there is none; a malformed one is a 422 naming `region`."""
    asked = request.args.get("region") if request.environ.get("QUERY_STRING") else None
    if asked is None:
        return None
    if not REGION_CODE.fullmatch(asked):
        raise Problem(422, "Invalid query", f"'{asked[:20]}' is not a two-letter region code.",
                      errors=[{"field": "region", "message": "must be an ISO 3166-1 alpha-2 code, such as NZ or GB"}])
    return asked.upper()


@bp.post("/assessments")
@bp.response(200, openapi.ref("Assessment"), description="The assessment, its texts in the language asked for.",
             headers={**openapi.UNCACHED, **openapi.IN_LANGUAGE})
@bp.doc(operationId="createAssessment", tags=["Assessment"], parameters=[openapi.LANG, REGION],
        requestBody=openapi.ANSWERS_BODY, responses=openapi.assessment_problems(not_sent_as_json()))
def assessments():
    """Assess answers

    Scores the answers against the content: the triage level (the most urgent red flag, or self_care), the red
    flags raised, the triggers that fit (ranked, with reasons and tips) and related conditions to mention to a
    doctor. Every question is optional, but without both safety questions (`warning_signs`, `other_signs`) the
    level is at least `consultation`. A `multi` answer is a list of distinct option ids, and `none` must be alone.
    Send the body as `application/json`. Nothing is stored or logged. Bodies over 16 KiB get 413.
    `?region=` (where the person is) picks the numbers in `triage.calls`; the result's `region` says which region's.
    """
    region = requested_region()  # before the body: a bad query is named even when the body is fine
    body = read_json_body()
    app_state = state()
    try:
        valid = app_state.request_schema.load(body)
    except ValidationError as error:
        raise invalid_answers(error) from None
    in_language = language.current()
    response = jsonify(engine.assess(in_language.content, valid["answers"], in_language.index, region))
    response.headers["Cache-Control"] = "no-store"
    return response
