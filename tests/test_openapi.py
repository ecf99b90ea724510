"""The public API's document: committed and current, described and exemplified throughout, generated from the
content, naming every field the API sends, and readable offline at /api/docs."""
import copy
import json
import re

import pytest

from api.openapi import COMMITTED, build

HTTP_METHODS = {"get", "post", "put", "patch", "delete", "options", "head"}


@pytest.fixture()
def spec(client):
    return client.get("/api/v1/openapi.json").json


def operations(spec):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield path, method, operation


def resolve(spec, node):
    while "$ref" in node:
        node = spec["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    if "allOf" in node:
        return resolve(spec, node["allOf"][0])
    return node


def differences(a, b, path="$"):
    """Where two JSON documents differ, as JSON paths (the first few)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                yield f"{path}.{key} ({'only served' if key in a else 'only committed'})"
            else:
                yield from differences(a[key], b[key], f"{path}.{key}")
    elif a != b:
        yield path


def test_the_committed_document_is_the_served_one(spec):
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    changed = list(differences(spec, committed))[:10]
    assert not changed, ("api/openapi.json is out of date with the API (content or schemas changed). "
                         f"Run `make openapi` and commit api/openapi.json. First differences: {changed}")


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
            assert response.get("description"), f"{where} {status}"
            for media in response.get("content", {}).values():
                assert "example" in media, f"{where} {status}: no example"
        if "requestBody" in operation:
            assert "example" in operation["requestBody"]["content"]["application/json"], where


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
            response = client.get(url, query_string=query)
        else:
            response = client.post(url, json=operation["requestBody"]["content"]["application/json"]["example"])
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
        assert prop["type"] == "array" and prop["items"]["enum"] == ids
        assert prop["uniqueItems"] is True and prop["maxItems"] == len(ids)
        exclusive = [o["id"] for o in question["options"] if o.get("exclusive")]
        if exclusive:  # 'none' only alone: either every item is another option, or there is one item
            others = [i for i in ids if i not in exclusive]
            assert prop["anyOf"] == [{"items": {"enum": others}}, {"maxItems": 1}]
        else:
            assert "anyOf" not in prop


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
    assert answers["new_question"]["items"]["enum"] == ["a", "none"]
    assert answers["new_question"]["anyOf"][0] == {"items": {"enum": ["a"]}}


def test_item_ids_are_the_contents(spec, content):
    for path, kind in (("/api/v1/triggers/{id}", "triggers"), ("/api/v1/tips/{id}", "tips"),
                       ("/api/v1/conditions/{id}", "conditions")):
        [parameter] = [p for p in spec["paths"][path]["get"]["parameters"] if p["in"] == "path"]
        assert parameter["schema"]["enum"] == [item["id"] for item in content[kind]]


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
