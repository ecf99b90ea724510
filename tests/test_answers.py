"""The answers check: the quick path never accepts what the marshmallow schema refuses."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError

from api.answers import answers_schema_class, quick_check
from api.content import load_content

CONTENT = load_content()
QUESTIONS = CONTENT["questionnaire"]["questions"]
ALL_OPTIONS = sorted({o["id"] for q in QUESTIONS for o in q["options"]}) + ["nope", ""]
SCHEMA = answers_schema_class(CONTENT)()
QUICK = quick_check(CONTENT)

any_value = st.one_of(
    st.sampled_from(ALL_OPTIONS),
    st.lists(st.sampled_from(ALL_OPTIONS), max_size=4),
    st.lists(st.one_of(st.integers(), st.none(), st.sampled_from(ALL_OPTIONS)), max_size=3),
    st.integers(), st.none(), st.booleans(), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
answers = st.dictionaries(st.sampled_from([q["id"] for q in QUESTIONS] + ["mood", "Sleep"]), any_value, max_size=6)
bodies = st.one_of(
    st.builds(lambda a: {"answers": a}, answers),
    st.builds(lambda a: {"answers": a, "extra": 1}, answers),
    answers, st.lists(st.integers(), max_size=2), st.none(), st.text(max_size=5),
)


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


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow], derandomize=True, deadline=None)
@given(bodies)
def test_the_quick_check_never_accepts_what_the_schema_refuses(body):
    if QUICK(body) is not None:
        assert SCHEMA.load(body) == body


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.data())
def test_valid_answers_take_the_quick_path_and_the_schema_agrees(data):
    body = {"answers": valid_answers(data.draw)}
    assert QUICK(body) == body
    assert SCHEMA.load(body) == body


@pytest.mark.parametrize("body", [
    {"answers": {"areas": ["none"]}}, {"answers": {"warning_signs": ["none", "weakness"]}},
    {"answers": {"areas": ["eyelid", "eyelid"]}}, {"answers": {"sleep": ["under_5h"]}},
    {"answers": {"sleep": None}}, {"answers": {"mood": "low"}}, {"answers": {}, "x": 1}, [], "text",
])
def test_the_quick_check_leaves_bad_bodies_to_the_schema(body):
    assert QUICK(body) is None
    with pytest.raises(ValidationError):
        SCHEMA.load(body)
