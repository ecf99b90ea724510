"""Assess answers with the client generated from the API's document (twitch_client, made as shown above)."""
import os

from twitch_client import Client
from twitch_client.api.assessment import create_assessment
from twitch_client.models import (Answers, AnswersAreasItem, AnswersOtherSignsNoneItem, AnswersSleep,
                                  AnswersWarningSignsNoneItem, Assessment, AssessmentRequest, Problem)

client = Client(base_url=os.environ.get("BASE", "http://127.0.0.1:8000"))
# Answer both safety questions (warning_signs, other_signs): without them the level is at least "consultation".
answers = Answers(
    warning_signs=[AnswersWarningSignsNoneItem.NONE],
    other_signs=[AnswersOtherSignsNoneItem.NONE],
    areas=[AnswersAreasItem.EYELID],
    sleep=AnswersSleep.UNDER_5H,
)
result = create_assessment.sync(client=client, body=AssessmentRequest(answers=answers))
if isinstance(result, Problem):  # application/problem+json: `errors` names each bad field
    raise SystemExit(f"{result.status} {result.title}: {result.detail}")
if not isinstance(result, Assessment):
    raise SystemExit("no answer from the API")
print(result.triage.level, "-", result.triage.title)
for trigger in result.triggers[:3]:
    print(f"{trigger.score:.1f} {trigger.title}")
print(result.disclaimer)
