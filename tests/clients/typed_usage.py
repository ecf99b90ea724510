"""The generated Python client, used as a consumer would: `mypy --strict` must pass on this file, and run against the
app (`python typed_usage.py BASE`) it makes a real round trip through every route.

Each line in `wrong_answers` is marked `# type: ignore[code]`; mypy --strict reports an ignore that is not needed,
so passing means each of those lines is a type error. tests/test_clients.py generates the client and runs both.
"""
import sys
from typing import TypeVar

from twitch_client import Client
from twitch_client.api.assessment import create_assessment
from twitch_client.api.content import (get_condition, get_content, get_guide, get_questionnaire, get_tip, get_trigger,
                                       list_conditions, list_faq, list_sources, list_tips, list_triggers)
from twitch_client.api.service import get_health
from twitch_client.models import (Answers, AnswersAreasItem, AnswersMedicationsPickedItem, AnswersOtherSignsNoneItem,
                                  AnswersSleep, AnswersWarningSignsNoneItem, AnswersWarningSignsPickedItem, Assessment,
                                  AssessmentRequest, Condition, ConditionList, ContentBundle, FaqList, Guide, Health,
                                  Problem, Question, Questionnaire, SourceList, Tip, TipList, Trigger,
                                  TriggerList)

T = TypeVar("T")


def expect(kind: type[T], value: object) -> T:
    assert isinstance(value, kind), f"expected {kind.__name__}, got {value!r}"[:500]
    return value


def wrong_answers() -> None:
    """Never called: answers of the wrong type, which the client's types must refuse."""
    Answers(warning_signs=12345)  # type: ignore[arg-type]
    Answers(warning_signs=["weakness"])  # type: ignore[arg-type]
    Answers(warning_signs=[AnswersWarningSignsNoneItem.NONE, AnswersWarningSignsPickedItem.WEAKNESS])  # type: ignore[arg-type]
    Answers(medications=[AnswersWarningSignsPickedItem.WEAKNESS])  # type: ignore[arg-type]
    Answers(sleep=[AnswersSleep.UNDER_5H])  # type: ignore[arg-type]
    Answers(sleep="lots")  # type: ignore[arg-type]
    Answers(mood="low")  # type: ignore[call-arg]


def round_trip(base: str) -> None:
    client = Client(base_url=base, raise_on_unexpected_status=True)  # a status the document misses would raise
    health = expect(Health, get_health.sync(client=client))
    assert health.status == "ok"

    first = get_content.sync_detailed(client=client)
    bundle = expect(ContentBundle, first.parsed)
    again = get_content.sync_detailed(client=client, if_none_match=first.headers["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert bundle.version == health.content_version

    questions = expect(Questionnaire, get_questionnaire.sync(client=client)).questions
    assert {question.kind for question in questions} <= {"single", "multi"}
    # A kind that v1 may add later is a plain string to this client, not an error.
    later = Question.from_dict({**questions[0].to_dict(), "kind": "ranked"})
    assert later.kind == "ranked"

    triggers = expect(TriggerList, list_triggers.sync(client=client)).triggers
    assert expect(Trigger, get_trigger.sync(client=client, id=triggers[0].id)).id == triggers[0].id
    # Ids are strings: an id added after this client was made can be asked for; an unknown one is a 404 problem.
    missing = expect(Problem, get_trigger.sync(client=client, id="added_later"))
    assert missing.status == 404 and missing.errors and missing.errors[0].field == "id"
    too_long = expect(Problem, get_trigger.sync(client=client, id="x" * 3000))
    assert too_long.status == 414

    tips = expect(TipList, list_tips.sync(client=client, trigger="caffeine")).tips
    assert tips and {tip.trigger for tip in tips} == {"caffeine"}
    assert expect(Tip, get_tip.sync(client=client, id=tips[0].id)).id == tips[0].id
    conditions = expect(ConditionList, list_conditions.sync(client=client)).conditions
    assert expect(Condition, get_condition.sync(client=client, id=conditions[0].id)).id == conditions[0].id
    assert expect(Guide, get_guide.sync(client=client)).sections
    assert expect(FaqList, list_faq.sync(client=client)).faq
    assert expect(SourceList, list_sources.sync(client=client)).sources

    answers = Answers(warning_signs=[AnswersWarningSignsNoneItem.NONE], other_signs=[AnswersOtherSignsNoneItem.NONE],
                      areas=[AnswersAreasItem.EYELID], sleep=AnswersSleep.UNDER_5H)
    calm = expect(Assessment, create_assessment.sync(client=client, body=AssessmentRequest(answers=answers)))
    assert calm.triage.level == "self_care" and calm.triggers and calm.disclaimer
    flagged = Answers(warning_signs=[AnswersWarningSignsPickedItem.WEAKNESS],
                      other_signs=[AnswersOtherSignsNoneItem.NONE],
                      medications=[AnswersMedicationsPickedItem.DIURETICS])
    urgent = expect(Assessment, create_assessment.sync(client=client, body=AssessmentRequest(answers=flagged)))
    assert urgent.triage.level != "self_care" and "weakness" in [flag.id for flag in urgent.red_flags]


if __name__ == "__main__":
    round_trip(sys.argv[1])
    print("round trip ok")
