"""The OpenAPI 3 document, generated from the marshmallow schemas and the content (imported only when asked for).

`make openapi` writes it to api/openapi.json, committed so API changes show in review. Its examples are real
content and real assessments (api/openapi_examples.py), and it documents every status the API can send.
"""
import json
from pathlib import Path

from .answers import MAX_BODY_WORDS, answers_schema_class
from .content_schemas import ID
from .errors import PROBLEM_TYPE, TOO_LARGE, Problem
from .inputs import MAX_URL_CHARS, parse_json
from .language import unknown_language
from .openapi_examples import NAMED_ANSWERS, add_examples, apply_samples, fixture, result_samples

API_VERSION = "1.4.0"
# Where the API is served in production: the document's `servers` names it (TWITCH_PUBLIC_URL sets it; the
# committed document carries this default).
PUBLIC_URL = "https://twitch.example.org"
COMMITTED = Path(__file__).with_name("openapi.json")
# The API Gateway stage's throttling, for all clients together (docs/deploy.md sets it; a test keeps them equal).
RATE_LIMIT, BURST_LIMIT = 50, 100
DESCRIPTION = f"""\
The twitch trigger checker's content and assessment, for other apps.

* **Stable ids**: question, option, trigger, condition, red flag and triage level ids are never renamed or removed
  within v1. New ids and new fields may be added: ignore what you do not know. Values that v1 may extend (ids in
  paths, the `lang` and `trigger` parameters, `Question.kind`, `Trigger.evidence`) are strings with their known
  values listed (`x-extensible-enum`), never closed enums: one the content lacks gets 404 or 422 naming it.
* **Versioning**: everything is under `/api/v1`. Within v1 changes are additions only (new routes, fields, ids,
  optional parameters); anything else would be a new `/api/v2`, with v1 kept running alongside. The content itself
  (wording, tips, weights) changes freely: its `version` says when. The changelog is on the docs page.
* **Languages**: content and assessments come in each language of the content (`languages` in the bundle: `en`,
  `es`). `?lang=es` chooses one; without it `Accept-Language` does, and English is the default. Responses carry
  `Content-Language` and `Vary: Accept-Language` (their 304s too), and each language has its own `version` and
  ETag; a language given `q=0` is never chosen. Ids, scores,
  levels and rules are the same in every language: only texts differ. An unknown `lang` is a 422 naming `lang`.
* **Two parts for a quick start**: `/api/v1/content/check` (what a check needs) and `/api/v1/content/rest` (guide,
  FAQ, sources, diary) hold together what `/api/v1/content` holds, with the same version.
* **Caching**: every content GET carries `ETag` (the content version) and
  `Cache-Control: public, max-age=300, must-revalidate`, and so do this document and the docs page; send
  `If-None-Match` with the ETag, quoted as it came, to get a 304 when nothing changed.
  Health, assessments and problems are `Cache-Control: no-store`.
* **CORS**: any origin may read and POST assessments, without credentials (`Access-Control-Allow-Origin: *`, on
  errors and 304s too; `ETag` and `X-Request-Id` are exposed to scripts). Preflights allow GET with
  `If-None-Match` on content routes and POST with `Content-Type` on assessments, each with the tracing headers
  `traceparent`, `tracestate` and `X-Request-Id`, and may be cached for a day. Every response carries
  `X-Request-Id`: yours when you send a plain token (letters, digits, `._:-`, up to 128), otherwise a new one.
* **Errors**: `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail` and, for bad input,
  `errors` naming each bad field. Body not JSON, or a key repeated in one object: 400. Unknown path or id: 404. Wrong method: 405.
  Body over {MAX_BODY_WORDS}: 413. Address over {MAX_URL_CHARS} characters: 414. Body not sent as `application/json`: 415.
  Answers that do not fit the questionnaire: 422. Over the rate limit: 429. A fault on our side: 500. Should the
  function itself fail or time out, API Gateway answers 502 or 504 with its own `{{"message": ...}}`: retry later.
* **Rate limits**: {RATE_LIMIT} requests a second for all clients together, in bursts of up to {BURST_LIMIT}. Over
  it, API Gateway answers 429 (a problem too): wait a second or more and retry, backing off. Cache content with
  its ETag: a 304 costs little, and the app's own users score on their device.
* **Security headers**: every response, API included, carries `Content-Security-Policy`,
  `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`, `Permissions-Policy`,
  `X-Frame-Options: DENY` and, in production, `Strict-Transport-Security`.
* **Privacy**: the API stores nothing and logs no answers.
* **Reuse**: the content is shared under CC BY 4.0 (see `license` in the content bundle): credit the twitch
  trigger checker, link to the licence and say if you changed anything.
* **Never a diagnosis**: show the triage and the disclaimer with every result.

## Recommended flow
1. Ask the two safety questions first (`warning_signs`, `other_signs`) and `POST /api/v1/assessments` with just
   those answers. When `triage` is urgent (a level whose `urgent` is true: `emergency_ambulance`, `emergency`),
   show its advice at once, with its `calls` as tap-to-call buttons, before anything else.
2. Then ask the rest and assess again with every answer: the level never drops because a question was added, and
   an unanswered safety question is never read as "none" (`safety_unanswered`: at least `consultation`).
3. Show the result in the order it comes: triage, red flags, triggers, related conditions, the disclaimer.

Dynamic UIs send plain JSON: the answers object is question id to option id (or a list of them), nothing else.

## Trigger order
`triggers` come ranked: the trigger a raised red flag names (`first_trigger`) first, then well-sourced triggers
before those with weak evidence (`evidence: weak`), each group by score, highest first, ties in content order.
**Show them in the order given: do not re-sort by score**, which would undo the safety ordering.

## Rules grammar
Rule fields (`when`, `unless`, `hide_when`, `first_when`) are lists of answer tests; the rule holds when any
entry holds. An entry is one test on one `question` (`includes_any`, `includes_none`, `includes_other_than`,
`count_at_least`, `unanswered`) or `all` of such tests. The bundle's `rules_grammar` (an integer) names the
version of this grammar: evaluate rules yourself only if you implement that version, otherwise send the answers
to `POST /api/v1/assessments`.
"""
TAGS = [
    {"name": "Content", "description": "The questionnaire, triggers, tips, conditions, guide, FAQ and sources. Cacheable."},
    {"name": "Assessment", "description": "Score answers against the content. Nothing is stored."},
    {"name": "Service", "description": "Is the API up, and which content does it serve?"},
]
# What API Gateway sends over the rate limit, once docs/deploy.md's gateway response is in place
# (infra/api.yaml's THROTTLED gateway response holds the same; tests/test_infra.py keeps them equal).
THROTTLED = {"type": "about:blank", "title": "Too Many Requests", "status": 429,
             "detail": f"Over the rate limit ({RATE_LIMIT} requests a second for all clients). Wait a second or more "
                       "and retry, backing off."}


def ref(name, kind="schemas"):
    return {"$ref": f"#/components/{kind}/{name}"}


def header(description, example):
    return {"schema": {"type": "string"}, "description": description, "example": example}


ETAG = header("The content version, quoted: the value for If-None-Match.", '"3f2a9c1e0b7d4e65"')
CACHE = header("How long clients and CDNs may keep the response.", "public, max-age=300, must-revalidate")
NO_STORE = header("Never cached.", "no-store")
CORS_ORIGIN = header("Sent when the request has an Origin header: any origin may read.", "*")
ALLOW = header("The methods this path takes.", "GET, HEAD, OPTIONS")
IF_NONE_MATCH = {"in": "header", "name": "If-None-Match", "required": False, "schema": {"type": "string"},
                 "description": "The ETag from an earlier response, quoted as it came (`*` for any), to get 304 when "
                                "the content has not changed. A value that is not a list of quoted tags is ignored.",
                 "example": '"3f2a9c1e0b7d4e65"'}


def problem_example(problem):
    body = {"type": problem.type, "title": problem.title, "status": problem.status, "detail": problem.detail}
    return {**body, "errors": problem.errors} if problem.errors is not None else body


def problem(description, example, headers=None):
    """A problem+json response; `example` is a Problem the API raises, or the body as a dict."""
    example = problem_example(example) if isinstance(example, Problem) else example
    return {"description": description,
            "headers": {"Cache-Control": NO_STORE, "Access-Control-Allow-Origin": CORS_ORIGIN, **(headers or {})},
            "content": {PROBLEM_TYPE: {"schema": ref("Problem"), "example": example}}}


def raised(call, *args):
    """The Problem that `call(*args)` raises: examples of bad input are what the API really answers."""
    try:
        call(*args)
    except Problem as error:
        return error
    raise AssertionError(f"{call.__name__} raised no problem")


def shared_responses():
    """Problems any operation may give, in components.responses."""
    return {
        "MethodNotAllowed": problem("The path does not take this method; `Allow` lists the ones it does.", {
            "type": "about:blank", "title": "Method Not Allowed", "status": 405,
            "detail": "The method is not allowed for the requested URL."}, headers={"Allow": ALLOW}),
        "UriTooLong": problem(f"The address (path and query) is over {MAX_URL_CHARS} characters.", Problem(
            414, "URI Too Long", f"The address is longer than the {MAX_URL_CHARS} characters the API accepts.",
            errors=[{"field": "(url)", "message": "too long"}])),
        "TooManyRequests": problem(f"Over the rate limit ({RATE_LIMIT} a second, bursts of {BURST_LIMIT}, for all "
                                   "clients): sent by API Gateway. Wait and retry, backing off.", THROTTLED),
        "InternalServerError": problem("A fault on our side; nothing the request did. Retry later.", {
            "type": "about:blank", "title": "Internal Server Error", "status": 500,
            "detail": "Something went wrong on our side."}),
    }


ALWAYS = {"405": ref("MethodNotAllowed", "responses"), "414": ref("UriTooLong", "responses"),
          "429": ref("TooManyRequests", "responses"), "500": ref("InternalServerError", "responses")}


def open_string(known):
    """A string whose known values are listed, not an enum: v1 may add values, and an old client must cope."""
    return {"type": "string", "pattern": ID.regex.pattern, "x-extensible-enum": known}


def language_parameter(languages):
    return {"in": "query", "name": "lang", "required": False,
            "description": "The language of the texts: one of the content's languages. Without it, `Accept-Language` "
                           f"chooses ({languages[0]} when it names none of them, or refuses each with q=0). Known "
                           f"languages: {', '.join(languages)}; more may be added within v1, and one the content "
                           "lacks gets 422. Ids, scores and rules are the same in every language.",
            "schema": open_string(languages), "example": languages[-1]}


def language_problem(languages, only_lang=False):
    return problem("`lang` names no language of the content; `errors` names it." if only_lang else
                   "The query names no known trigger, or no language of the content; `errors` names the field.",
                   unknown_language("xx", languages))


CONTENT_LANGUAGE = header("The language of the texts in the response.", "es")
VARY = header("Caches must keep one copy per language (and encoding).", "Accept-Language, Accept-Encoding")
IN_LANGUAGE = {"Content-Language": CONTENT_LANGUAGE, "Vary": VARY}
UNCACHED = {"Cache-Control": NO_STORE, "Access-Control-Allow-Origin": CORS_ORIGIN}
ANSWERS_BODY = {"required": True, "description": "The answers: question id to option id(s). Each named example has "
                                                 "the result of the same name.",
                "content": {"application/json": {"schema": ref("AssessmentRequest"), "examples": {
                    name: {"summary": summary, "value": {"answers": answers}}
                    for name, (summary, answers) in NAMED_ANSWERS.items()}}}}


def assessment_problems(not_sent_as_json):
    """What POST /assessments may answer besides its 200 (the 422's example is filled in from the content)."""
    return {
        "400": problem("The body is not JSON (not UTF-8, nested too deep, or not JSON at all), or repeats a key "
                       "in one object (`errors` names it).", raised(parse_json, b"{not json", json.loads)),
        "413": problem(f"The body is over {MAX_BODY_WORDS}.", {
            "type": "about:blank", "title": "Request Entity Too Large", "status": 413, "detail": TOO_LARGE}),
        "415": problem("The body is not sent as JSON: `Content-Type` must be `application/json`.", not_sent_as_json),
        "422": {"x-answers-problem": True},
        **ALWAYS}


CACHEABLE = " Cacheable: send If-None-Match with the ETag to get 304."
# What a view declares for its parameters; `filled` completes each with what the content knows (its languages, ids).
LANG = {"in": "query", "name": "lang", "required": False}
TRIGGER_FILTER = {"in": "query", "name": "trigger", "required": False}
ITEM_ID = {"in": "path", "name": "id", "required": True}


def declared(view):
    """A view's summary (its docstring's first line) and description (the rest)."""
    summary, _, description = (view.__doc__ or "").strip().partition("\n")
    return summary.strip().rstrip("."), " ".join(description.split())


def content_get(bp, operation_id, schema, *, item=None, query=None, tag="Content"):
    """Declare a cacheable content GET in any language: what goes in, its 200 (`schema`, a component's name) and
    304, and every problem it may give. `item` names the kind of item a path id picks (its 404)."""
    def decorate(view):
        summary, description = declared(view)
        responses = {
            "304": {"description": "Not modified: the If-None-Match ETag is the current content version.",
                    "headers": {"ETag": ETAG, "Cache-Control": CACHE, "Access-Control-Allow-Origin": CORS_ORIGIN,
                                **IN_LANGUAGE}},
            "422": {"x-language-problem": True}, **ALWAYS}
        if item:
            responses["404"] = problem(f"No {item} with that id (the problem names it).", Problem(
                404, "Not Found", f"There is no {item} with id 'nope'.",
                errors=[{"field": "id", "message": "unknown id 'nope'"}], type_="about:blank"))
        parameters = [IF_NONE_MATCH, LANG, *([{**ITEM_ID, "x-item": item}] if item else []), *([query] if query else [])]
        view = bp.response(200, ref(schema), description=description, headers={
            "ETag": ETAG, "Cache-Control": CACHE, "Access-Control-Allow-Origin": CORS_ORIGIN, **IN_LANGUAGE})(view)
        return bp.doc(operationId=operation_id, summary=summary, description=description + CACHEABLE, tags=[tag],
                      parameters=parameters, responses=responses)(view)
    return decorate


def filled(document, content):
    """The document with what the content knows: its languages, the ids a path may name, the triggers a filter may."""
    languages = [language["id"] for language in content["languages"]]
    trigger_ids = [t["id"] for t in content["triggers"]]
    kinds = {"trigger": "triggers", "tip": "tips", "condition": "conditions"}
    for path, item in document["paths"].items():
        item.pop("parameters", None)  # the path's own (from the URL rule): each operation declares its parameters
        for operation in item.values():
            parameters = []
            for parameter in operation.get("parameters", []):
                if parameter.get("name") == "lang" and parameter["in"] == "query":
                    parameter = language_parameter(languages)
                elif parameter.get("name") == "trigger" and parameter["in"] == "query":
                    parameter = {**TRIGGER_FILTER, "description": (
                        f"Only the tips for this trigger. Known trigger ids: {', '.join(trigger_ids)}; more may be "
                        "added within v1, and an unknown one gets 422 naming `trigger`."),
                        "schema": open_string(trigger_ids), "example": trigger_ids[0]}
                elif "x-item" in parameter:
                    name = parameter["x-item"]
                    ids = [i["id"] for i in content[kinds[name]]]
                    # A string, not an enum: ids may be added within v1, and an old client must still ask for them.
                    parameter = {**ITEM_ID, "schema": open_string(ids), "example": ids[0],
                                 "description": f"The {name} id. Known ids: {', '.join(ids)}. More may be added "
                                                "within v1; an unknown id gets 404."}
                parameters.append(parameter)
            if parameters:
                operation["parameters"] = parameters
            responses = operation["responses"]
            operation["description"] = " ".join(operation["description"].split())  # a docstring's lines, joined
            if responses.get("422", {}).get("x-language-problem"):
                responses["422"] = language_problem(languages, responses["422"]["x-language-problem"] == "lang")
            elif responses.get("422", {}).get("x-answers-problem"):
                responses["422"] = problem("The answers do not fit the questionnaire, or `lang` names no language of "
                                           "the content; `errors` names each field.",
                                           raised(_load, answers_schema_class(content)(), {"answers": {"sleep": "lots"}}))
                responses["200"]["content"]["application/json"]["examples"] = {
                    name: {"summary": example["summary"], "value": example["result"]}
                    for name, example in fixture()["assessments"].items()}
    return document


def _load(schema, body):
    from marshmallow import ValidationError

    from .routes import invalid_answers

    try:
        schema.load(body)
    except ValidationError as error:
        raise invalid_answers(error) from None


def _answers_as_branches(answers):
    """Multi answers with a `none` option are described by their typed branches alone (see answers.py)."""
    for prop in answers["properties"].values():
        if "oneOf" in prop:
            for key in ("type", "items", "uniqueItems", "maxItems"):
                prop.pop(key, None)


def build(content, public_url=PUBLIC_URL):
    """The OpenAPI document: the operations as the views declare them (flask-smorest), the content's known values
    filled in, and examples from the fixture. Built on a bare app: documenting runs no view."""
    from flask import Flask
    from flask_smorest import Api

    from . import routes
    from . import schemas as s

    app = Flask(__name__)
    app.config.update(API_TITLE="Twitch trigger checker API", API_VERSION=API_VERSION, OPENAPI_VERSION="3.0.3")
    api = Api(app, spec_kwargs={
        "info": {"description": DESCRIPTION,
                 "termsOfService": f"{public_url}/api/docs#terms",
                 "contact": {"name": "The twitch trigger checker: the docs page, with the changelog",
                             "url": f"{public_url}/api/docs"},
                 "license": {"name": f"Code and API; content under {content['license']['name']}",
                             "url": content["license"]["url"]}},
        "servers": [{"url": "/", "description": "The server this document came from"},
                    {"url": public_url, "description": "Production"}],
        "security": []})  # public: no credentials of any kind
    api.DEFAULT_ERROR_RESPONSE_NAME = None  # every problem is declared where it can happen
    spec = api.spec
    # Items first: apispec names nested schemas on first sight, so explicit names must come before their users.
    for name, schema in (("AnswerTest", s.AnswerTest), ("Option", s.Option), ("Question", s.Question),
                         ("Trigger", s.Trigger), ("Tip", s.Tip), ("Condition", s.Condition), ("RedFlag", s.RedFlag),
                         ("TriageLevel", s.TriageLevel), ("Table", s.Table), ("GuideSection", s.GuideSection),
                         ("Faq", s.Faq), ("Source", s.Source), ("License", s.License),
                         ("Problem", s.ProblemSchema), ("Assessment", s.AssessmentSchema),
                         ("AssessmentRequest", answers_schema_class(content)), ("Health", s.HealthSchema),
                         ("ContentBundle", s.ContentBundleSchema), ("ContentCheck", s.ContentCheckSchema),
                         ("ContentRest", s.ContentRestSchema), ("Questionnaire", s.QuestionnaireSchema),
                         ("TriggerList", s.TriggerListSchema), ("TipList", s.TipListSchema),
                         ("ConditionList", s.ConditionListSchema), ("Guide", s.GuideSchema),
                         ("FaqList", s.FaqListSchema), ("SourceList", s.SourceListSchema)):
        spec.components.schema(name, schema=schema)
    for name, response in shared_responses().items():
        spec.components.response(name, response)
    api.register_blueprint(routes.bp)
    document = spec.to_dict()
    document["tags"] = TAGS
    for unused in ("Error", "PaginationMetadata"):  # flask-smorest's own, for features this API does not use
        document["components"]["schemas"].pop(unused)
    schemas = document["components"]["schemas"]
    _answers_as_branches(schemas["Answers"])
    examples = fixture()
    apply_samples(schemas, examples["content"])
    apply_samples(schemas, result_samples([example["result"] for example in examples["assessments"].values()]))
    return add_examples(filled(document, content))


def document(app):
    """The document for the app's content, naming its production address (TWITCH_PUBLIC_URL)."""
    return build(app.extensions["twitch"].source, app.config.get("PUBLIC_URL", PUBLIC_URL))


def dumps(doc):
    """The committed file's text: stable, readable, diff-friendly."""
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def write_committed():
    """Regenerate api/openapi.json from the current content and schemas (`make openapi`)."""
    from .content import load_content

    COMMITTED.write_text(dumps(build(load_content())), encoding="utf-8")
    print(f"wrote {COMMITTED.relative_to(COMMITTED.parent.parent)}")
