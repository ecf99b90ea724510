"""The document's examples, from a small fixed fixture (api/openapi_fixture.json), never from the live content:
a word changed in the content leaves the committed document as it is.

The fixture holds a few real content items of each documented kind and a few real assessments, each named
(`emergency_ambulance`, `consultation_24`, `safety_unanswered`...), with the answers that gave them: taken once
from the content by `python -m api.openapi_examples` and kept by hand after that. tests/test_openapi.py checks
that every example still fits the document and that each named assessment's answers still get its level.

A schema's example is its richest instance in the fixture (the one with the most fields, first among equals);
each of its properties takes that instance's value, or the first instance's that has it. The field examples
written in api/schemas.py only stand in where no instance exists.
"""
import json
from pathlib import Path

FIXTURE = Path(__file__).with_name("openapi_fixture.json")
# The named assessments of the document, with the answers that give each (the first is the default example).
NAMED_ANSWERS = {
    "self_care": ("Everyday triggers, no warning sign", {
        "warning_signs": ["none"], "other_signs": ["none"], "areas": ["eyelid"], "sleep": "under_5h",
        "caffeine": "5_plus", "screen_time": "over_8h"}),
    "emergency_ambulance": ("A warning sign that needs an ambulance now", {
        "warning_signs": ["breathing"], "other_signs": ["none"], "areas": ["eyelid"]}),
    "consultation_24": ("Weakness: see a doctor within 24 hours", {
        "warning_signs": ["weakness"], "other_signs": ["none"], "areas": ["calf_foot"]}),
    "safety_unanswered": ("The safety questions skipped: never self care", {"areas": ["eyelid"], "sleep": "under_5h"}),
    "cautions_and_conditions": ("Cautions and a related condition", {
        "warning_signs": ["weakness"], "other_signs": ["none"], "areas": ["calf_foot", "thigh"],
        "duration": "over_3_months", "about_you": ["pregnant"], "caffeine": "5_plus", "medications": ["diuretics"]}),
}
MAX_TRIGGERS, MAX_TIPS = 2, 2  # a fixture result keeps the first few: an example, not a whole answer


def fixture():
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def covering(items):
    """The fewest items, richest first, that between them have every field any of them has."""
    kept, seen = [], set()
    for item in sorted(items, key=len, reverse=True):
        if not isinstance(item, dict) or set(item) - seen or not kept:
            kept.append(item)
            seen |= set(item) if isinstance(item, dict) else set()
    return kept[:3]


def trimmed(result):
    return {**result, "triggers": [{**trigger, "tips": trigger["tips"][:MAX_TIPS]}
                                   for trigger in result["triggers"][:MAX_TRIGGERS]]}


def write_fixture():
    """Take the fixture from the content once (kept by hand after that: see above)."""
    from . import engine
    from .content import load_content

    content = load_content()
    samples = {name: covering(items) for name, items in content_samples(content).items()}
    assessments = {name: {"summary": summary, "answers": answers, "result": trimmed(engine.assess(content, answers))}
                   for name, (summary, answers) in NAMED_ANSWERS.items()}
    FIXTURE.write_text(json.dumps({"content": samples, "assessments": assessments}, indent=1, ensure_ascii=False)
                       + "\n", encoding="utf-8")


RULE_KEYS = ("when", "unless", "hide_when", "first_when")


def content_samples(content):
    """Real content items for each documented content schema, by component name."""
    questions = content["questionnaire"]["questions"]
    sections = content["guide"]["sections"]
    ruled = [*content["triggers"], *content["conditions"], *content["red_flags"], *content["tips"], *content["cautions"]]
    rules = [entry for item in ruled for key in RULE_KEYS for entry in item.get(key, [])]
    return {
        "Question": questions,
        "Option": [option for question in questions for option in question["options"]],
        "Trigger": content["triggers"], "Condition": content["conditions"], "RedFlag": content["red_flags"],
        "TriageLevel": content["triage_levels"],
        "Call": [call for level in content["triage_levels"] for call in level.get("calls", [])],
        "Tip": content["tips"], "Caution": content["cautions"],
        "Table": [section["table"] for section in sections if "table" in section],
        "GuideSection": sections, "Faq": content["faq"], "Source": content["sources"], "License": [content["license"]],
        "RuleEntry": rules,
        "AnswerTest": [test for entry in rules for test in entry.get("all", [entry] if "question" in entry else [])],
    }


def result_samples(results):
    """The parts of real assessments, by component name."""
    triggers = [trigger for result in results for trigger in result["triggers"]]
    tips = [tip for trigger in triggers for tip in trigger["tips"]]
    return {
        "Assessment": results, "Triage": [result["triage"] for result in results],
        "RaisedRedFlag": [flag for result in results for flag in result["red_flags"]],
        "RankedTrigger": triggers, "Reason": [reason for trigger in triggers for reason in trigger["reasons"]],
        "TipResult": tips,
        "CautionResult": [*(c for result in results for c in result["triage"]["cautions"]),
                          *(c for tip in tips for c in tip["cautions"])],
        "RelatedCondition": [condition for result in results for condition in result["related_conditions"]],
    }


def apply_samples(schemas, samples):
    """Set each sampled schema's example, and its properties' examples, from its real instances."""
    for name, items in samples.items():
        if not items:
            continue  # nothing real to show: the written examples stay
        schema = schemas[name]
        richest = max(items, key=len)
        schema["example"] = richest
        for key, prop in schema.get("properties", {}).items():
            source = richest if key in richest else next((item for item in items if key in item), None)
            if source is not None:
                prop["example"] = source[key]


def _resolve(node, schemas):
    while isinstance(node, dict) and "$ref" in node:
        node = schemas[node["$ref"].rsplit("/", 1)[1]]
    return node


def example_of(node, schemas):
    """An example for a schema node, from the examples its parts carry (None when there is none to give)."""
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
        return [item] if item is not None else None  # never [], which may be fewer items than allowed
    if "properties" in node:
        found = {key: example_of(prop, schemas) for key, prop in node["properties"].items()}
        return {key: value for key, value in found.items() if value is not None}
    return None


def add_examples(document):
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
            if body and "example" not in body and "examples" not in body:
                body["example"] = example_of(body["schema"], schemas)
    return document


if __name__ == "__main__":
    write_fixture()
