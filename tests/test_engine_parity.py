"""Property: random valid answer sets get exactly the same assessment, texts and all, from the Python and
JavaScript engines; and so do the shared vectors' answers in every language."""
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from api import engine
from api.content import load_bundles

ROOT = Path(__file__).resolve().parent.parent
NODE = shutil.which("node")
RUNNER = ROOT / "frontend" / "tests" / "run-engine.mjs"
VECTORS = ROOT / "tests" / "vectors" / "assessments.json"
ANSWER_SETS = 400  # enough to hit every option many times over; one node process scores them all
SEED = 20261125  # fixed, so a failure names an answer set that can be replayed


def random_answer(question, rng):
    """A valid answer to one question, or None for a question left out."""
    if rng.random() < 0.2:
        return None
    ids = [option["id"] for option in question["options"]]
    if question["kind"] == "single":
        return rng.choice(ids)
    exclusive = [option["id"] for option in question["options"] if option.get("exclusive")]
    others = [i for i in ids if i not in exclusive]
    if exclusive and rng.random() < 0.2:
        return [rng.choice(exclusive)]
    chosen = rng.sample(others, rng.randint(0, min(len(others), 4)))
    return chosen  # any order, and sometimes empty: both are valid


def random_answer_sets(content, count, seed):
    rng = random.Random(seed)
    sets = []
    for _ in range(count):
        answers = {}
        for question in content["questionnaire"]["questions"]:
            answer = random_answer(question, rng)
            if answer is not None:
                answers[question["id"]] = answer
        sets.append(answers)
    return sets


def javascript_assessments(content, answer_sets):
    run = subprocess.run([NODE, str(RUNNER)], input=json.dumps({"content": content, "answer_sets": answer_sets}),
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def answer_sets(content):
    return random_answer_sets(content, ANSWER_SETS, SEED)


@pytest.fixture(scope="module")
def python_assessments(content, answer_sets):
    """The Python engine's assessment of each answer set, computed once for the tests below."""
    return [json.loads(json.dumps(engine.assess(content, answers))) for answers in answer_sets]


def test_node_is_installed():
    assert NODE, "node is needed to run the JavaScript engine"


def test_random_answers_give_the_same_assessment_in_both_engines(content, answer_sets, python_assessments):
    results = javascript_assessments(content, answer_sets)
    assert len(results) == len(answer_sets)
    for answers, result, expected in zip(answer_sets, results, python_assessments):
        assert result == expected, f"engines differ for answers {json.dumps(answers)}"


def test_the_vectors_answers_give_the_same_assessment_in_both_engines_in_every_language():
    answer_sets = [case["answers"] for case in json.loads(VECTORS.read_text(encoding="utf-8"))["cases"]]
    for lang, bundle in load_bundles().items():
        results = javascript_assessments(bundle, answer_sets)
        for answers, result in zip(answer_sets, results, strict=True):
            expected = json.loads(json.dumps(engine.assess(bundle, answers)))
            assert result == expected, f"engines differ in {lang} for answers {json.dumps(answers)}"


def test_random_answers_cover_every_trigger_and_condition(content, python_assessments):
    """The property is only as good as its inputs: they must reach every trigger and condition."""
    reached = set()
    for result in python_assessments:
        reached |= {t["id"] for t in result["triggers"]} | {c["id"] for c in result["related_conditions"]}
        reached |= {f["id"] for f in result["red_flags"]}
    every = {t["id"] for t in content["triggers"]} | {c["id"] for c in content["conditions"]}
    every |= {f["id"] for f in content["red_flags"]}
    assert every <= reached, f"never reached: {sorted(every - reached)}"
