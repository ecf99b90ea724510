"""The public API's document: described and exemplified throughout, generated from the content, naming every
field the API sends, and readable offline at /api/docs (that the committed copy is current: tests/test_generated.py)."""
import copy
import re

from pathlib import Path

import pytest

from api.openapi import build

ROOT = Path(__file__).resolve().parent.parent

HTTP_METHODS = {"get", "post", "put", "patch", "delete", "options", "head"}


@pytest.fixture()
def spec(client):
    return client.get("/api/v1/openapi.json").json


def operations(spec):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield path, method, operation


def response_of(spec, response):
    """A response, its $ref to components.responses followed."""
    if "$ref" in response:
        return spec["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    return response


def resolve(spec, node):
    while "$ref" in node:
        node = spec["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    if "allOf" in node:
        return resolve(spec, node["allOf"][0])
    return node


def test_every_route_is_described(spec):
    ids = set()
    for path, method, operation in operations(spec):
        where = f"{method.upper()} {path}"
        assert operation.get("operationId") and operation["operationId"] not in ids, where
        ids.add(operation["operationId"])
        assert operation.get("summary") and operation.get("description") and operation.get("tags"), where
        for parameter in operation.get("parameters", []):
            assert parameter.get("description") and "example" in parameter, f"{where}: parameter {parameter['name']}"
        for status, response in operation["responses"].items():
            response = response_of(spec, response)
            assert response.get("description"), f"{where} {status}"
            for media in response.get("content", {}).values():
                assert "example" in media or "examples" in media, f"{where} {status}: no example"
        if "requestBody" in operation:
            body = operation["requestBody"]["content"]["application/json"]
            assert "example" in body or "examples" in body, where


def test_every_field_is_described_with_an_example(spec):
    bare = [f"{name}.{field}: {'description' if not prop.get('description') else 'example'}"
            for name, schema in spec["components"]["schemas"].items()
            for field, prop in schema.get("properties", {}).items()
            if not prop.get("description") or "example" not in prop]
    assert not bare, ("fields without a description or an example; describe them in api/schemas.py "
                      f"(or the question text in content/questions.yml): {bare}")


def test_the_documented_examples_work(client, spec):
    """A developer who copies an example from the document gets a 200."""
    for path, method, operation in operations(spec):
        url = path
        query = {}
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path":
                url = url.replace("{" + parameter["name"] + "}", parameter["example"])
            elif parameter["in"] == "query":
                query[parameter["name"]] = parameter["example"]
        if method == "get":
            responses = [client.get(url, query_string=query)]
        else:
            examples = operation["requestBody"]["content"]["application/json"]["examples"].values()
            responses = [client.post(url, json=example["value"]) for example in examples]
        for response in responses:
            assert response.status_code == 200, f"{method.upper()} {url}: {response.status_code} {response.get_data(as_text=True)[:300]}"
    answers = spec["components"]["schemas"]["Answers"]["properties"]
    all_examples = {question: prop["example"] for question, prop in answers.items()}
    assert client.post("/api/v1/assessments", json={"answers": all_examples}).status_code == 200


def test_answers_are_described_exactly_as_the_api_judges_them(spec, content):
    request = spec["components"]["schemas"]["AssessmentRequest"]
    assert request["required"] == ["answers"] and request["additionalProperties"] is False
    answers = spec["components"]["schemas"]["Answers"]
    assert answers["additionalProperties"] is False and "required" not in answers  # every question is optional
    questions = content["questionnaire"]["questions"]
    assert list(answers["properties"]) == [q["id"] for q in questions]
    for question in questions:
        prop, ids = answers["properties"][question["id"]], [o["id"] for o in question["options"]]
        assert prop["description"] == question["text"]
        if question["kind"] == "single":
            assert prop["type"] == "string" and prop["enum"] == ids
            continue
        exclusive = [o["id"] for o in question["options"] if o.get("exclusive")]
        if exclusive:  # 'none' only alone: a list of the other options, or the exclusive one by itself
            others = [i for i in ids if i not in exclusive]
            assert set(prop) == {"description", "example", "oneOf"}
            picked, *alone = prop["oneOf"]
            assert picked == {"title": "picked", "type": "array", "items": {"type": "string", "enum": others},
                              "uniqueItems": True, "maxItems": len(others)}
            assert alone == [{"title": only, "type": "array", "items": {"type": "string", "enum": [only]},
                              "uniqueItems": True, "minItems": 1, "maxItems": 1} for only in exclusive]
        else:
            assert prop["type"] == "array" and prop["items"] == {"type": "string", "enum": ids}
            assert prop["uniqueItems"] is True and prop["maxItems"] == len(ids) and "oneOf" not in prop


def test_the_document_follows_the_content(content):
    """A new option or question in the content is in the document at once: it cannot drift."""
    changed = copy.deepcopy(content)
    questions = changed["questionnaire"]["questions"]
    sleep = next(q for q in questions if q["id"] == "sleep")
    sleep["options"].append({"id": "over_10h", "label": "More than 10 hours"})
    questions.append({"id": "new_question", "kind": "multi", "text": "A new question?", "sources": ["nhs-twitching"],
                      "options": [{"id": "a", "label": "A"}, {"id": "none", "label": "None", "exclusive": True}]})
    answers = build(changed)["components"]["schemas"]["Answers"]["properties"]
    assert answers["sleep"]["enum"][-1] == "over_10h"
    assert [branch["items"]["enum"] for branch in answers["new_question"]["oneOf"]] == [["a"], ["none"]]


def test_item_ids_are_open_strings_that_list_the_contents(spec, content):
    """An id added within v1 must not break a client generated before it: ids are strings, the known ones listed."""
    for path, kind in (("/api/v1/triggers/{id}", "triggers"), ("/api/v1/tips/{id}", "tips"),
                       ("/api/v1/conditions/{id}", "conditions")):
        [parameter] = [p for p in spec["paths"][path]["get"]["parameters"] if p["in"] == "path"]
        ids = [item["id"] for item in content[kind]]
        assert "enum" not in parameter["schema"] and parameter["schema"]["type"] == "string"
        assert parameter["schema"]["x-extensible-enum"] == ids
        assert all(re.fullmatch(parameter["schema"]["pattern"], i) for i in ids)
        assert all(i in parameter["description"] for i in ids)


def reachable(spec, node, seen=None):
    """Every schema node under `node`, following $refs once each."""
    seen = set() if seen is None else seen
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[1]
            if name not in seen:
                seen.add(name)
                yield from reachable(spec, spec["components"]["schemas"][name], seen)
            return
        yield node
        for value in node.values():
            yield from reachable(spec, value, seen)
    elif isinstance(node, list):
        for value in node:
            yield from reachable(spec, value, seen)


def test_values_v1_may_add_to_are_never_enums_in_responses(spec):
    """A generated client refuses a value its enum lacks; v1 may add kinds and ids, so responses hold none."""
    closed = []
    for path, method, operation in operations(spec):
        for status, response in operation["responses"].items():
            for media in response_of(spec, response).get("content", {}).values():
                for node in reachable(spec, media["schema"]):
                    if "enum" in node and node.get("type") == "string":
                        closed.append(f"{method.upper()} {path} {status}: {node['enum']}")
    assert not closed
    kind = spec["components"]["schemas"]["Question"]["properties"]["kind"]
    assert kind["x-extensible-enum"] == ["single", "multi"] and "single, multi" in kind["description"]


def undocumented(spec, value, node, where):
    """Fields in a response that the document does not name."""
    node = resolve(spec, node)
    if isinstance(value, dict) and "properties" in node:
        for key, item in value.items():
            if key not in node["properties"]:
                yield f"{where}.{key}"
            else:
                yield from undocumented(spec, item, node["properties"][key], f"{where}.{key}")
    elif isinstance(value, list) and "items" in node:
        for n, item in enumerate(value[:3]):
            yield from undocumented(spec, item, node["items"], f"{where}[{n}]")


def documented_schema(spec, path, method="get", status="200"):
    response = spec["paths"][path][method]["responses"][status]
    return next(iter(response["content"].values()))["schema"]


@pytest.mark.parametrize("url, path", [
    ("/api/v1/content", "/api/v1/content"), ("/api/v1/questionnaire", "/api/v1/questionnaire"),
    ("/api/v1/triggers", "/api/v1/triggers"), ("/api/v1/triggers/eye_strain", "/api/v1/triggers/{id}"),
    ("/api/v1/tips?trigger=sleep", "/api/v1/tips"), ("/api/v1/conditions", "/api/v1/conditions"),
    ("/api/v1/conditions/als", "/api/v1/conditions/{id}"), ("/api/v1/guide", "/api/v1/guide"),
    ("/api/v1/faq", "/api/v1/faq"), ("/api/v1/sources", "/api/v1/sources"), ("/api/v1/health", "/api/v1/health"),
])
def test_the_document_names_every_field_sent(client, spec, url, path):
    """Response objects are open for additions, so this checks the other way: nothing sent goes undocumented."""
    response = client.get(url)
    assert response.status_code == 200
    assert not list(undocumented(spec, response.json, documented_schema(spec, path), "$"))


def test_assessments_and_problems_name_every_field_sent(client, spec):
    full = client.post("/api/v1/assessments", json={"answers": {
        "warning_signs": ["weakness"], "areas": ["eyelid", "calf_foot"], "duration": "over_3_months",
        "sleep": "under_5h", "caffeine": "5_plus", "medications": ["diuretics"]}})
    assert full.status_code == 200 and full.json["triggers"] and full.json["related_conditions"]
    assert not list(undocumented(spec, full.json, documented_schema(spec, "/api/v1/assessments", "post"), "$"))
    bad = client.post("/api/v1/assessments", json={"answers": {"sleep": "lots"}})
    assert bad.status_code == 422
    assert not list(undocumented(spec, bad.json, documented_schema(spec, "/api/v1/assessments", "post", "422"), "$"))


def test_the_docs_page_works_offline_and_states_the_terms(client, spec, content):
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for path in spec["paths"]:
        assert path in html
    assert content["license"]["name"] == "CC BY 4.0" and "CC BY 4.0" in html
    for promise in ("never renamed", "additions only", "Access-Control-Allow-Origin", "If-None-Match", "no-store"):
        assert promise in html, promise
    # Everything the page loads is its own: no address outside this origin but the licence link.
    for attribute, address in re.findall(r'\b(src|href)="([^"]+)"', html):
        if address == content["license"]["url"] or address.startswith("#"):
            continue
        assert address.startswith("/"), f"{attribute}={address} points outside the app"
        if attribute == "src" or address.endswith(".css"):
            with client.get(address) as asset:
                assert asset.status_code == 200, address


LONG_ID = "x" * 3000  # the address goes over the 2048 characters the API takes
# What a client can send to each operation, and the status the API answers: each must be documented there.
SENT = [
    ("get", "/api/v1/content", "/api/v1/content", {}, 200),
    ("get", "/api/v1/content", "/api/v1/content", {"headers": {"If-None-Match": "*"}}, 304),
    ("delete", "/api/v1/content", "/api/v1/content", {}, 405),
    ("get", "/api/v1/triggers/sleep", "/api/v1/triggers/{id}", {}, 200),
    ("get", "/api/v1/triggers/added_later", "/api/v1/triggers/{id}", {}, 404),
    ("get", f"/api/v1/triggers/{LONG_ID}", "/api/v1/triggers/{id}", {}, 414),
    ("get", "/api/v1/tips?trigger=boredom", "/api/v1/tips", {}, 422),
    ("get", "/api/v1/tips/nope", "/api/v1/tips/{id}", {}, 404),
    ("get", "/api/v1/conditions/nope", "/api/v1/conditions/{id}", {}, 404),
    ("post", "/api/v1/health", "/api/v1/health", {}, 405),
    ("post", "/api/v1/assessments", "/api/v1/assessments", {"json": {"answers": {}}}, 200),
    ("post", "/api/v1/assessments", "/api/v1/assessments", {"data": "{nope", "content_type": "application/json"}, 400),
    ("post", "/api/v1/assessments", "/api/v1/assessments",
     {"data": "x" * 17000, "content_type": "application/json"}, 413),
    ("post", "/api/v1/assessments", "/api/v1/assessments", {"data": '{"answers": {}}', "content_type": "text/plain"}, 415),
    ("post", "/api/v1/assessments", "/api/v1/assessments", {"json": {"answers": {"sleep": "lots"}}}, 422),
    ("get", "/api/v1/assessments", "/api/v1/assessments", {}, 405),
]


@pytest.mark.parametrize("method, url, path, kwargs, status", SENT, ids=[f"{m} {u[:40]} {s}" for m, u, _, _, s in SENT])
def test_every_status_the_api_sends_is_documented(client, spec, method, url, path, kwargs, status):
    """A generated client knows a status only if the document names it: otherwise it raises UnexpectedStatus."""
    with getattr(client, method)(url, **kwargs) as response:
        assert response.status_code == status
        documented = {code for operation in spec["paths"][path].values() for code in operation["responses"]}
        assert str(status) in documented
        if status >= 400:
            assert response.headers["Content-Type"] == "application/problem+json"


def test_every_operation_documents_what_any_request_may_meet(spec):
    """A wrong method, a long address, API Gateway's throttling and a fault of ours can meet any operation."""
    for path, method, operation in operations(spec):
        for status in ("405", "414", "429", "500"):
            response = response_of(spec, operation["responses"][status])
            assert "application/problem+json" in response["content"], f"{method} {path} {status}"
    throttled = spec["components"]["responses"]["TooManyRequests"]["content"]["application/problem+json"]["example"]
    assert throttled["status"] == 429 and "50 requests a second" in throttled["detail"]


def test_cors_and_caching_headers_are_declared_on_every_response(spec):
    """A script on another origin reads errors and 304s too; the document says it may, and how each is cached."""
    for path, method, operation in operations(spec):
        for status, response in operation["responses"].items():
            headers = response_of(spec, response)["headers"]
            where = f"{method.upper()} {path} {status}"
            assert "Access-Control-Allow-Origin" in headers and "Cache-Control" in headers, where
            if status == "304":
                assert "ETag" in headers, where
            if status == "405":
                assert "Allow" in headers, where


def test_the_examples_are_the_apis_real_answers(client, spec, content):
    """Examples come from a fixed fixture (a word of content leaves the document alone), and still tell the truth:
    each named assessment's answers get its level, red flags and first triggers; problems are what the API sends."""
    operation = spec["paths"]["/api/v1/assessments"]["post"]
    requests = operation["requestBody"]["content"]["application/json"]["examples"]
    media = operation["responses"]["200"]["content"]["application/json"]
    results = media["examples"]
    assert {"emergency_ambulance", "consultation_24", "safety_unanswered"} <= set(requests) == set(results)
    for name, example in requests.items():
        answered = client.post("/api/v1/assessments", json=example["value"]).json
        shown = results[name]["value"]
        assert answered["triage"]["level"] == shown["triage"]["level"], name
        assert [f["id"] for f in answered["red_flags"]] == [f["id"] for f in shown["red_flags"]], name
        ranked = [t["id"] for t in answered["triggers"]]
        assert [t["id"] for t in shown["triggers"]] == ranked[:len(shown["triggers"])], name
        assert not list(undocumented(spec, shown, media["schema"], name))
    for name in ("emergency_ambulance", "consultation_24"):
        assert results[name]["value"]["triage"]["level"] == name
    assert results["safety_unanswered"]["value"]["red_flags"][0]["id"] == "safety_unanswered"
    for status, response in (
            ("400", client.post("/api/v1/assessments", data="{not json", content_type="application/json")),
            ("413", client.post("/api/v1/assessments", data="x" * 17000, content_type="application/json")),
            ("415", client.post("/api/v1/assessments", data="{}", content_type="text/plain")),
            ("422", client.post("/api/v1/assessments", json={"answers": {"sleep": "lots"}})),
            ("405", client.get("/api/v1/assessments")), ("414", client.get(f"/api/v1/triggers/{LONG_ID}"))):
        documented = response_of(spec, operation["responses"][status])["content"]["application/problem+json"]
        assert response.json == documented["example"], status
    schemas = spec["components"]["schemas"]
    for name, kind in (("Trigger", "triggers"), ("Tip", "tips"), ("Condition", "conditions"), ("Faq", "faq"),
                       ("RedFlag", "red_flags"), ("Source", "sources"), ("Caution", "cautions")):
        assert schemas[name]["example"]["id"] in [item["id"] for item in content[kind]], name


def test_a_word_of_content_leaves_the_document_alone(content):
    changed = copy.deepcopy(content)
    changed["tips"][0]["title"] += " today"
    changed["triggers"][0]["summary"] += " Often."
    assert build(changed) == build(content)


def test_the_document_names_production_terms_contact_and_how_to_use_the_result(spec):
    from api import create_app

    assert [server["url"] for server in spec["servers"]] == ["/", "https://twitch.example.org"]
    assert spec["info"]["termsOfService"].endswith("/api/docs#terms") and spec["info"]["contact"]["url"]
    description = spec["info"]["description"]
    for words in ("## Recommended flow", "## Trigger order", "do not re-sort by score", "## Rules grammar",
                  "rules_grammar", "Dynamic UIs send plain JSON"):
        assert words in description, words
    configured = create_app({"TESTING": True, "PUBLIC_URL": "https://api.twitch.test"}).test_client()
    assert configured.get("/api/v1/openapi.json").json["servers"][1]["url"] == "https://api.twitch.test"


def test_lang_and_trigger_are_open_strings_listing_the_known_values(spec, content):
    for path, name, known in (("/api/v1/content", "lang", ["en", "es"]),
                              ("/api/v1/tips", "trigger", [t["id"] for t in content["triggers"]])):
        [parameter] = [p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == name]
        assert "enum" not in parameter["schema"] and parameter["schema"]["x-extensible-enum"] == known


def test_the_docs_page_renders_the_description_with_a_table_of_contents(client):
    html = client.get("/api/docs").get_data(as_text=True)
    contents = html[html.index('id="contents"'):html.index('id="about"')]
    for anchor in ("about-recommended-flow", "about-trigger-order", "about-rules-grammar", "terms", "changelog"):
        assert f'href="#{anchor}"' in contents and f'id="{anchor}"' in html, anchor
    assert "<strong>Show them in the order given: do not re-sort by score</strong>" in html
    assert "**" not in html[html.index('id="about"'):html.index('id="licence"')]


def test_the_docs_page_shows_how_to_use_it_from_an_app(client):
    html = client.get("/api/docs").get_data(as_text=True)
    section = html[html.index('id="use"'):html.index('id="routes"')]
    for shown in ("curl", "openapi-python-client generate", "twitch_client", "fetch(", "openapi-typescript",
                  "50 requests a second", "bursts of up to 100", "429", 'href="#changelog"'):
        assert shown in section, shown
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    first_heading = next(line for line in changelog.splitlines() if line.startswith("## "))
    assert 'id="changelog"' in html and first_heading in html


def test_every_api_route_is_documented_and_every_documented_path_is_a_route(app):
    """A route added without its documentation, or documentation left for a route gone, fails here."""
    import re
    from api.openapi import document
    with app.app_context():
        documented = {re.sub(r"\{\w+\}", "{}", path): methods for path, methods in document(app)["paths"].items()}
    routes = {}
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/") and rule.rule != "/api/v1/openapi.json":  # the document itself
            path = re.sub(r"<(?:\w+:)?\w+>", "{}", rule.rule)
            routes.setdefault(path, set()).update(m.lower() for m in rule.methods - {"HEAD", "OPTIONS"})
    assert set(routes) == set(documented)
    for path, methods in routes.items():
        assert methods <= set(documented[path]), path
