"""The document's examples, taken from the real content and from real assessments, so they are valid by construction.

A schema's example is its richest real instance (the one with the most fields, first among equals); each of its
properties takes that instance's value, or the first instance's that has it. The field examples written in
api/schemas.py only stand in where no instance exists.
"""
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
            if body and "example" not in body:
                body["example"] = example_of(body["schema"], schemas)
    return document
