"""Helpers shared by test modules (no test module imports another): the content's prose, and content rewritten."""
import yaml

# Keys whose values are ids, rules, numbers or addresses: nothing a person reads as prose.
NOT_PROSE = {"id", "sources", "address", "reviewed", "version", "level", "trigger", "kind", "url", "question",
             "includes_any", "includes_other_than", "count_at_least", "score_scale", "when", "unless",
             "triggers", "conditions", "exclusive", "number"}


def prose(value):
    """Every piece of text a person reads in the content."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from prose(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_PROSE:
                yield from prose(item)


def rewrite(folder, file_name, change):
    """Apply `change` to the data of a content file in `folder` (a copy of content/) and write it back."""
    path = folder / file_name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def question(data, question_id):
    return next(q for q in data["questions"] if q["id"] == question_id)


def option(data, question_id, option_id):
    return next(o for o in question(data, question_id)["options"] if o["id"] == option_id)
