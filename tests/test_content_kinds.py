"""The table of content kinds (api/content_schemas.py KINDS) is what the generic checks are made of: for every kind,
a repeated id, an unknown reference and a rule naming an unknown question each stop the load, naming file and field."""
import pytest
import yaml

from api.content import ContentError, load_content
from api.content_schemas import KINDS


def change(folder, kind, edit):
    path = folder / kind.file
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data[kind.name])
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_a_repeated_id_stops_the_load(content_copy, kind):
    change(content_copy, kind, lambda items: items.append(dict(items[0])))
    with pytest.raises(ContentError, match=rf"{kind.file}: {kind.name}\[\d+\] \(id '[^']+'\), field id: this id is used twice"):
        load_content(content_copy)


REFERENCES = [(kind, field, target) for kind in KINDS for field, target in kind.references]


@pytest.mark.parametrize("kind, field, target", REFERENCES, ids=[f"{k.name}.{f}" for k, f, _ in REFERENCES])
def test_an_unknown_reference_stops_the_load(content_copy, kind, field, target):
    def name_nothing(items):
        item = next(item for item in items if field in item) if any(field in item for item in items) else items[0]
        item[field] = "no_such_id" if field in ("level", "trigger", "first_trigger", "id") else ["no_such_id"]
    change(content_copy, kind, name_nothing)
    with pytest.raises(ContentError, match=rf"{kind.file}: .*field {field}: unknown {target[:-1].replace('_', ' ')} 'no_such_id'"):
        load_content(content_copy)


RULES = [(kind, field) for kind in KINDS for field in kind.rules]


@pytest.mark.parametrize("kind, field", RULES, ids=[f"{k.name}.{f}" for k, f in RULES])
def test_a_rule_naming_an_unknown_question_stops_the_load(content_copy, kind, field):
    def ask_nothing(items):
        next(item for item in items if field in item)[field] = [{"question": "no_such_question", "unanswered": True}]
    change(content_copy, kind, ask_nothing)
    with pytest.raises(ContentError, match=rf"{kind.file}: .*field {field}\.0: unknown question 'no_such_question'"):
        load_content(content_copy)
