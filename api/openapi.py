"""The OpenAPI 3 document, generated from the marshmallow schemas (imported only when asked for).

`make openapi` writes it to api/openapi.json, committed so API changes show in review.
"""
import json
from pathlib import Path

from .answers import MAX_BODY_BYTES, answers_schema_class
from .errors import INVALID_INPUT

API_VERSION = "1.0.0"
COMMITTED = Path(__file__).with_name("openapi.json")
DESCRIPTION = """\
The twitch trigger checker's content and assessment, for other apps.

* **Stable ids**: question, option, trigger, condition, red flag and triage level ids are never renamed or removed
  within v1. New ids and new fields may be added: ignore what you do not know.
* **Versioning**: everything is under `/api/v1`. Within v1 changes are additions only (new routes, fields, ids,
  optional parameters); anything else would be a new `/api/v2`, with v1 kept running alongside. The content itself
  (wording, tips, weights) changes freely: its `version` says when.
* **Caching**: every content GET carries `ETag` (the content version) and
  `Cache-Control: public, max-age=300, must-revalidate`; send `If-None-Match` to get a 304 when nothing changed.
  Health, assessments and problems are `Cache-Control: no-store`.
* **CORS**: any origin may read and POST assessments, without credentials (`Access-Control-Allow-Origin: *`;
  `ETag` is exposed to scripts; preflights may be cached for a day).
* **Errors**: `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail` and, for bad input,
  `errors` naming each bad field. Body not JSON: 400. Answers that do not fit the questionnaire: 422.
  Body over 16 KiB: 413. Unknown path or id: 404. Wrong method: 405.
* **Security headers**: every response, API included, carries `Content-Security-Policy`,
  `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`, `Permissions-Policy`,
  `X-Frame-Options: DENY` and, in production, `Strict-Transport-Security`.
* **Privacy**: the API stores nothing and logs no answers.
* **Reuse**: the content is shared under CC BY 4.0 (see `license` in the content bundle): credit the twitch
  trigger checker, link to the licence and say if you changed anything.
* **Never a diagnosis**: show the triage and the disclaimer with every result.
"""
TAGS = [
    {"name": "Content", "description": "The questionnaire, triggers, tips, conditions, guide, FAQ and sources. Cacheable."},
    {"name": "Assessment", "description": "Score answers against the content. Nothing is stored."},
    {"name": "Service", "description": "Is the API up, and which content does it serve?"},
]


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _problem(description, status, title, detail, errors=None, type_=INVALID_INPUT):
    example = {"type": type_, "title": title, "status": status, "detail": detail}
    if errors:
        example["errors"] = errors
    return {"description": description, "headers": {"Cache-Control": NO_STORE},
            "content": {"application/problem+json": {"schema": ref("Problem"), "example": example}}}


ETAG = {"schema": {"type": "string"}, "description": "The content version, quoted: the value for If-None-Match.",
        "example": '"3f2a9c1e0b7d4e65"'}
CACHE = {"schema": {"type": "string"}, "description": "How long clients and CDNs may keep the response.",
         "example": "public, max-age=300, must-revalidate"}
NO_STORE = {"schema": {"type": "string"}, "description": "Never cached.", "example": "no-store"}
CORS_ORIGIN = {"schema": {"type": "string"}, "description": "Sent when the request has an Origin header: any origin may read.",
               "example": "*"}
CONDITIONAL = {"304": {"description": "Not modified: the If-None-Match ETag is the current content version.",
                       "headers": {"ETag": ETAG, "Cache-Control": CACHE}}}
IF_NONE_MATCH = {"in": "header", "name": "If-None-Match", "required": False, "schema": {"type": "string"},
                 "description": "An ETag from an earlier response, to get 304 when the content has not changed.",
                 "example": '"3f2a9c1e0b7d4e65"'}


def _get(operation_id, summary, schema, description, tag="Content", item=None, query=None):
    """A cacheable GET operation; `item` is (name, ids) for routes that take an id."""
    parameters = [IF_NONE_MATCH]
    responses = {"200": {"description": description, "headers": {"ETag": ETAG, "Cache-Control": CACHE,
                                                                  "Access-Control-Allow-Origin": CORS_ORIGIN},
                         "content": {"application/json": {"schema": ref(schema)}}}, **CONDITIONAL}
    if item:
        name, ids = item
        # An enum of the content's ids, so the document says exactly which ids exist; any other gets 404.
        parameters.append({"in": "path", "name": "id", "required": True, "schema": {"type": "string", "enum": ids},
                           "description": f"The {name} id.", "example": ids[0]})
        responses["404"] = _problem(f"No {name} with that id (the problem names it).", 404, "Not Found",
                                    f"There is no {name} with id 'nope'.",
                                    [{"field": "id", "message": "unknown id 'nope'"}], type_="about:blank")
    if query:
        parameters.append(query)
        responses["422"] = _problem("The query names no known trigger.", 422, "Invalid query",
                                    "'nope' is not a trigger id.", [{"field": "trigger", "message": "unknown trigger 'nope'"}])
    return {"get": {"operationId": operation_id, "summary": summary, "tags": [tag],
                    "description": f"{description} Cacheable: send If-None-Match with the ETag to get 304.",
                    "parameters": parameters, "responses": responses}}


def _paths(content):
    trigger_ids = [t["id"] for t in content["triggers"]]
    return {
        "/api/v1/content": _get("getContent", "The whole content bundle", "ContentBundle",
                                "Everything: questionnaire, triggers, red flags, triage levels, tips, conditions, guide, "
                                "FAQ, sources and licence, with its version. Apps cache this one document for offline use."),
        "/api/v1/questionnaire": _get("getQuestionnaire", "The questionnaire", "Questionnaire",
                                      "The questions and their options, warning signs first."),
        "/api/v1/triggers": _get("listTriggers", "All triggers", "TriggerList", "Every everyday trigger."),
        "/api/v1/triggers/{id}": _get("getTrigger", "One trigger", "Trigger", "The trigger.", item=("trigger", trigger_ids)),
        "/api/v1/tips": _get("listTips", "Tips", "TipList", "Tips, all or for one trigger.", query={
            "in": "query", "name": "trigger", "required": False, "description": "Only the tips for this trigger.",
            "schema": {"type": "string", "enum": trigger_ids}, "example": trigger_ids[0]}),
        "/api/v1/tips/{id}": _get("getTip", "One tip", "Tip", "The tip.", item=("tip", [t["id"] for t in content["tips"]])),
        "/api/v1/conditions": _get("listConditions", "Related conditions", "ConditionList",
                                   "Conditions to mention to a doctor. Information only, never a diagnosis."),
        "/api/v1/conditions/{id}": _get("getCondition", "One condition", "Condition", "The condition.",
                                        item=("condition", [c["id"] for c in content["conditions"]])),
        "/api/v1/guide": _get("getGuide", "The guide", "Guide", "The guide's sections, in reading order."),
        "/api/v1/faq": _get("listFaq", "Questions people ask", "FaqList", "The FAQ, with answers."),
        "/api/v1/sources": _get("listSources", "Sources", "SourceList", "Every source the content rests on."),
        "/api/v1/health": {"get": {
            "operationId": "getHealth", "summary": "Health check", "tags": ["Service"],
            "description": "Whether the API is up, and the version of the content it serves. Never cached.",
            "responses": {"200": {"description": "The app is up.", "headers": {"Cache-Control": NO_STORE},
                                  "content": {"application/json": {"schema": ref("Health")}}}}}},
        "/api/v1/assessments": {"post": {
            "operationId": "createAssessment", "summary": "Assess answers",
            "description": ("Scores the answers against the content: the triage level (the most urgent red flag, or "
                            "self_care), the red flags raised, the triggers that fit (ranked, with reasons and tips) "
                            "and related conditions to mention to a doctor. Every question is optional; a `multi` "
                            "answer is a list of distinct option ids, and `none` must be alone. Nothing is stored or "
                            f"logged. Bodies over {MAX_BODY_BYTES // 1024} KiB get 413."),
            "tags": ["Assessment"],
            "requestBody": {"required": True, "description": "The answers: question id to option id(s).",
                            "content": {"application/json": {
                                "schema": ref("AssessmentRequest"),
                                "example": {"answers": {"warning_signs": ["none"], "areas": ["eyelid"], "sleep": "under_5h",
                                                        "caffeine": "5_plus", "screen_time": "over_8h"}}}}},
            "responses": {
                "200": {"description": "The assessment.", "headers": {"Cache-Control": NO_STORE,
                                                                     "Access-Control-Allow-Origin": CORS_ORIGIN},
                        "content": {"application/json": {"schema": ref("Assessment")}}},
                "400": _problem("The body is not JSON.", 400, "Body is not JSON",
                                "The body could not be read as JSON: Expecting value: line 1 column 1 (char 0).",
                                [{"field": "(body)", "message": "not valid JSON"}]),
                "413": _problem("The body is over 16 KiB.", 413, "Request Entity Too Large",
                                "The body is larger than the 16 KiB the API accepts.", type_="about:blank"),
                "422": _problem("The answers do not fit the questionnaire; `errors` names each field.", 422,
                                "Invalid answers", "Some answers do not fit the questionnaire; see errors.",
                                [{"field": "answers.sleep", "message": "unknown option 'lots' for 'sleep'; choose from: "
                                  "under_5h, 5_to_6h, 7_to_8h, over_8h"}]),
            }}},
    }


def _resolve(node, schemas):
    while isinstance(node, dict) and "$ref" in node:
        node = schemas[node["$ref"].rsplit("/", 1)[1]]
    return node


def example_of(node, schemas):
    """An example for a schema node, from the examples its fields carry (None when there is none to give)."""
    node = _resolve(node, schemas)
    if not isinstance(node, dict):
        return None
    if "example" in node:
        return node["example"]
    if "allOf" in node:
        return example_of(node["allOf"][0], schemas)
    if "enum" in node:
        return node["enum"][0]
    if node.get("type") == "array":
        item = example_of(node.get("items", {}), schemas)
        return [item] if item is not None else []
    if "properties" in node:
        found = {key: example_of(prop, schemas) for key, prop in node["properties"].items()}
        return {key: value for key, value in found.items() if value is not None}
    return None


def _add_examples(document):
    """Give every property without an example one composed from its parts, and every JSON 200 an example."""
    schemas = document["components"]["schemas"]
    for schema in schemas.values():
        for prop in schema.get("properties", {}).values():
            if "example" not in prop:
                example = example_of(prop, schemas)
                if example is not None:
                    prop["example"] = example
    for operations in document["paths"].values():
        for operation in operations.values():
            body = operation["responses"].get("200", {}).get("content", {}).get("application/json")
            if body and "example" not in body:
                body["example"] = example_of(body["schema"], schemas)
    return document


def build(content):
    """The OpenAPI document for this content (answers are an enum per question)."""
    from apispec import APISpec
    from apispec.ext.marshmallow import MarshmallowPlugin

    from . import schemas as s  # response schemas only document: a cold start that serves no document skips them

    spec = APISpec(title="Twitch trigger checker API", version=API_VERSION, openapi_version="3.0.3",
                   plugins=[MarshmallowPlugin()], info={
                       "description": DESCRIPTION,
                       "license": {"name": f"Code and API; content under {content['license']['name']}",
                                   "url": content["license"]["url"]}},
                   servers=[{"url": "/"}])
    for tag in TAGS:
        spec.tag(tag)
    # Items first: apispec names nested schemas on first sight, so explicit names must come before their users.
    for name, schema in (("AnswerTest", s.AnswerTest), ("Option", s.Option), ("Question", s.Question),
                         ("Trigger", s.Trigger), ("Tip", s.Tip), ("Condition", s.Condition), ("RedFlag", s.RedFlag),
                         ("TriageLevel", s.TriageLevel), ("Table", s.Table), ("GuideSection", s.GuideSection),
                         ("Faq", s.Faq), ("Source", s.Source), ("License", s.License),
                         ("Problem", s.ProblemSchema), ("Assessment", s.AssessmentSchema),
                         ("AssessmentRequest", answers_schema_class(content)), ("Health", s.HealthSchema),
                         ("ContentBundle", s.ContentBundleSchema), ("Questionnaire", s.QuestionnaireSchema),
                         ("TriggerList", s.TriggerListSchema), ("TipList", s.TipListSchema),
                         ("ConditionList", s.ConditionListSchema), ("Guide", s.GuideSchema),
                         ("FaqList", s.FaqListSchema), ("SourceList", s.SourceListSchema)):
        spec.components.schema(name, schema=schema)
    for path, operations in _paths(content).items():
        spec.path(path=path, operations=operations)
    return _add_examples(spec.to_dict())


def document(app):
    """The document for the app's content, built once per process."""
    state = app.extensions["twitch"]
    if "openapi" not in state:
        state["openapi"] = build(state["content"])
    return state["openapi"]


def dumps(doc):
    """The committed file's text: stable, readable, diff-friendly."""
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def write_committed():
    """Regenerate api/openapi.json from the current content and schemas (`make openapi`)."""
    from .content import load_content

    COMMITTED.write_text(dumps(build(load_content())), encoding="utf-8")
    print(f"wrote {COMMITTED.relative_to(COMMITTED.parent.parent)}")
