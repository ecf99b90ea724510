"""The answers check: the request schema, built from the questionnaire, takes every valid set of answers as it
is and refuses the rest."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError

from api.answers import answers_schema_class
from api.content import load_content

CONTENT = load_content()
QUESTIONS = CONTENT["questionnaire"]["questions"]
ALL_OPTIONS = sorted({o["id"] for q in QUESTIONS for o in q["options"]}) + ["nope", ""]
SCHEMA = answers_schema_class(CONTENT)()


def valid_answers(draw_from):
    """Answers built only from each question's own options, following every rule."""
    chosen = {}
    for question in QUESTIONS:
        ids = [o["id"] for o in question["options"]]
        pick = draw_from(st.one_of(st.none(), st.sampled_from(ids)))
        if pick is None:
            continue
        if question["kind"] == "single":
            chosen[question["id"]] = pick
        else:
            exclusive = [o["id"] for o in question["options"] if o.get("exclusive")]
            chosen[question["id"]] = [pick] if pick in exclusive else draw_from(
                st.lists(st.sampled_from([i for i in ids if i not in exclusive]), min_size=1, unique=True))
    return chosen


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.data())
def test_valid_answers_are_taken_as_they_are(data):
    body = {"answers": valid_answers(data.draw)}
    assert SCHEMA.load(body) == body


@pytest.mark.parametrize("body", [
    {"answers": {"areas": ["none"]}}, {"answers": {"warning_signs": ["none", "weakness"]}},
    {"answers": {"areas": ["eyelid", "eyelid"]}}, {"answers": {"sleep": ["under_5h"]}},
    {"answers": {"sleep": None}}, {"answers": {"mood": "low"}}, {"answers": {}, "x": 1}, [], "text",
])
def test_bad_bodies_are_refused(body):
    with pytest.raises(ValidationError):
        SCHEMA.load(body)
