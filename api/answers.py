"""The request schema for answers, built from the questionnaire so that it can never drift from it."""
from marshmallow import RAISE, Schema, ValidationError, fields, validate

MAX_BODY_BYTES = 16 * 1024  # far above any real set of answers; stops oversized bodies early
MAX_BODY_WORDS = f"{MAX_BODY_BYTES // 1024} KiB"  # the limit as the errors and the docs say it


def _unique(values):
    repeated = sorted({v for v in values if values.count(v) > 1})
    if repeated:
        raise ValidationError(f"the same option twice: {', '.join(repeated)}")


def _alone(exclusive):
    def check(values):
        if len(values) > 1 and any(v in exclusive for v in values):
            raise ValidationError(f"'{exclusive[0]}' cannot be picked with other options")
    return check


def _option_check(question):
    ids = [o["id"] for o in question["options"]]
    return validate.OneOf(ids, error=f"unknown option '{{input}}' for '{question['id']}'; choose from: {', '.join(ids)}")


def option_list(title, ids, max_items, min_items=0):
    """A JSON Schema list of distinct option ids; `title` names the type a client generator makes of it."""
    shape = {"title": title, "type": "array", "items": {"type": "string", "enum": ids}, "uniqueItems": True,
             "maxItems": max_items}
    return {**shape, "minItems": min_items} if min_items else shape


def answer_field(question):
    """One question as a marshmallow field: a string for `single`, a list for `multi`."""
    ids = [o["id"] for o in question["options"]]
    described = {"description": question["text"]}
    if question["kind"] == "single":
        return fields.String(
            validate=_option_check(question),
            error_messages={"invalid": "this question takes one option id (a string), not a list or other value",
                            "null": "leave the question out instead of sending null"},
            metadata={**described, "example": ids[0]},
        )
    exclusive = [o["id"] for o in question["options"] if o.get("exclusive")]
    shape = {**described, "uniqueItems": True, "maxItems": len(ids), "example": ids[:1]}
    checks = [_unique]
    if exclusive:
        checks.append(_alone(exclusive))
        # 'none' only alone, as typed branches (a generated client gets a list of option ids, not Any): a list of
        # the other options, or the exclusive option by itself. The document keeps only the branches.
        others = [i for i in ids if i not in exclusive]
        shape["oneOf"] = [option_list("picked", others, len(others)),
                          *(option_list(only, [only], 1, min_items=1) for only in exclusive)]
    return fields.List(
        fields.String(validate=_option_check(question),
                      error_messages={"invalid": "each option id must be a string"}),
        validate=checks,
        error_messages={"invalid": "this question takes a list of option ids, like [\"" + ids[0] + "\"]",
                        "null": "leave the question out instead of sending null"},
        metadata=shape,
    )


class _Strict(Schema):
    class Meta:
        unknown = RAISE
        register = False  # built per content: keep these out of marshmallow's global class registry


def answers_schema_class(content):
    """The Answers schema for this content: one optional property per question, nothing else."""
    questions = content["questionnaire"]["questions"]
    attrs = {q["id"]: answer_field(q) for q in questions}
    answers = type("Answers", (_Strict,), {
        **attrs,
        "error_messages": {"unknown": "unknown question: it is not in the questionnaire",
                           "type": "answers must be an object of question id to option id(s)"},
    })
    return type("AssessmentRequest", (_Strict,), {
        "answers": fields.Nested(answers, required=True, metadata={
            "description": "Question id to option id (single) or list of option ids (multi). Every question is optional."}),
        "error_messages": {"type": "the body must be a JSON object like {\"answers\": {...}}"},
    })

