"""The OpenAPI 3 document, generated from the marshmallow schemas (imported only when asked for)."""
from . import schemas as s
from .answers import MAX_BODY_BYTES, answers_schema_class

API_VERSION = "1.0.0"
DESCRIPTION = """\
The twitch trigger checker's content and assessment, for other apps.

* **Stable ids**: question, option, trigger, condition, red flag and triage level ids are never renamed or removed
  within v1. New ids and new fields may be added: ignore what you do not know.
* **Caching**: every content GET carries `ETag` (the content version) and `Cache-Control`; send `If-None-Match` to get
  a 304 when nothing changed.
* **CORS**: any origin may read and POST assessments, without credentials.
* **Errors**: `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail` and, for bad input,
  `errors` naming each bad field. Body not JSON: 400. Answers that do not fit the questionnaire: 422.
  Body over 16 KiB: 413. Unknown path or id: 404. Wrong method: 405.
* **Privacy**: the API stores nothing and logs no answers.
* **Never a diagnosis**: show the triage and the disclaimer with every result.
"""

def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


PROBLEM = {"description": "A problem (RFC 9457).", "content": {"application/problem+json": {"schema": ref("Problem")}}}
NOT_FOUND = {**PROBLEM, "description": "No item with that id (the problem names it)."}
CONDITIONAL = {"304": {"description": "Not modified: the If-None-Match ETag is the current content version."}}
IF_NONE_MATCH = {"in": "header", "name": "If-None-Match", "required": False, "schema": {"type": "string"},
                 "description": "An ETag from an earlier response, to get 304 when the content has not changed."}


def _ok(schema, description):
    return {"description": description, "content": {"application/json": {"schema": ref(schema)}},
            "headers": {"ETag": {"schema": {"type": "string"}, "description": "The content version."}}}


def _get(summary, schema, description, tag="Content", item=None, query=None):
    """A cacheable GET operation; `item` is (name, example id) for routes that take an id."""
    parameters = [IF_NONE_MATCH]
    responses = {"200": _ok(schema, description), **CONDITIONAL}
    if item:
        name, example = item
        parameters.append({"in": "path", "name": "id", "required": True, "schema": {"type": "string"},
                           "description": f"The {name} id.", "example": example})
        responses["404"] = NOT_FOUND
    if query:
        parameters.append(query)
        responses["422"] = PROBLEM
    return {"get": {"summary": summary, "tags": [tag], "parameters": parameters, "responses": responses}}


def _paths(content):
    trigger_ids = [t["id"] for t in content["triggers"]]
    return {
        "/api/v1/content": _get("The whole content bundle", "ContentBundle",
                                "Everything: questionnaire, triggers, red flags, triage levels, tips, conditions, guide, FAQ, sources, licence."),
        "/api/v1/questionnaire": _get("The questionnaire", "Questionnaire", "The questions and options, warning signs first."),
        "/api/v1/triggers": _get("All triggers", "TriggerList", "Every everyday trigger."),
        "/api/v1/triggers/{id}": _get("One trigger", "Trigger", "The trigger.", item=("trigger", trigger_ids[0])),
        "/api/v1/tips": _get("Tips", "TipList", "Tips, optionally for one trigger.", query={
            "in": "query", "name": "trigger", "required": False, "description": "Only the tips for this trigger.",
            "schema": {"type": "string", "enum": trigger_ids}}),
        "/api/v1/tips/{id}": _get("One tip", "Tip", "The tip.", item=("tip", content["tips"][0]["id"])),
        "/api/v1/conditions": _get("Related conditions", "ConditionList", "Conditions to mention to a doctor."),
        "/api/v1/conditions/{id}": _get("One condition", "Condition", "The condition.", item=("condition", content["conditions"][0]["id"])),
        "/api/v1/guide": _get("The guide", "Guide", "The guide's sections."),
        "/api/v1/faq": _get("Questions people ask", "FaqList", "The FAQ."),
        "/api/v1/sources": _get("Sources", "SourceList", "Every source the content rests on."),
        "/api/v1/health": {"get": {"summary": "Health check", "tags": ["Service"], "responses": {
            "200": {"description": "The app is up.", "content": {"application/json": {"schema": ref("Health")}}}}}},
        "/api/v1/assessments": {"post": {
            "summary": "Assess answers",
            "description": ("Scores the answers against the content: the triage level (the most urgent red flag, or "
                            "self_care), the red flags raised, the triggers that fit (ranked, with reasons and tips) "
                            "and related conditions to mention to a doctor. Nothing is stored or logged. "
                            f"Bodies over {MAX_BODY_BYTES // 1024} KiB get 413."),
            "tags": ["Assessment"],
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": ref("AssessmentRequest"),
                "example": {"answers": {"warning_signs": ["none"], "areas": ["eyelid"], "sleep": "under_5h",
                                        "caffeine": "5_plus", "screen_time": "over_8h"}}}}},
            "responses": {
                "200": {"description": "The assessment.", "content": {"application/json": {"schema": ref("Assessment")}}},
                "400": {**PROBLEM, "description": "The body is not JSON."},
                "413": {**PROBLEM, "description": "The body is over 16 KiB."},
                "422": {**PROBLEM, "description": "The answers do not fit the questionnaire; errors names each field."},
            }}},
    }


def build(content):
    """The OpenAPI document for this content (answers are an enum per question)."""
    from apispec import APISpec
    from apispec.ext.marshmallow import MarshmallowPlugin

    from . import content_schemas as c

    spec = APISpec(title="Twitch trigger checker API", version=API_VERSION, openapi_version="3.0.3",
                   plugins=[MarshmallowPlugin()], info={
                       "description": DESCRIPTION,
                       "license": {"name": f"Code and API; content under {content['license']['name']}",
                                   "url": content["license"]["url"]}},
                   servers=[{"url": "/"}])
    # Items first: apispec names nested schemas on first sight, so explicit names must come before their users.
    for name, schema in (("Trigger", c.TriggerSchema), ("Tip", c.TipSchema), ("Condition", c.ConditionSchema),
                         ("Problem", s.ProblemSchema), ("Assessment", s.AssessmentSchema),
                         ("AssessmentRequest", answers_schema_class(content)), ("Health", s.HealthSchema),
                         ("ContentBundle", s.ContentBundleSchema), ("Questionnaire", s.QuestionnaireSchema),
                         ("TriggerList", s.TriggerListSchema), ("TipList", s.TipListSchema),
                         ("ConditionList", s.ConditionListSchema), ("Guide", s.GuideSchema),
                         ("FaqList", s.FaqListSchema), ("SourceList", s.SourceListSchema)):
        spec.components.schema(name, schema=schema)
    for path, operations in _paths(content).items():
        spec.path(path=path, operations=operations)
    return spec.to_dict()


def document(app):
    """The document for the app's content, built once per process."""
    state = app.extensions["twitch"]
    if "openapi" not in state:
        state["openapi"] = build(state["content"])
    return state["openapi"]
