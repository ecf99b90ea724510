"""Response schemas: they document what the API returns, from the same marshmallow code as the content.

Response objects are open (`unknown = EXCLUDE`, so no `additionalProperties: false`): within v1 fields may be
added, and clients ignore what they do not know. Fields marked required are always sent.
"""
import copy

from marshmallow import EXCLUDE, Schema, fields, validate

from . import content_schemas as c

SOURCES_EXAMPLE = ["nhs-twitching", "medlineplus-twitching"]
VERSION_EXAMPLE = "3f2a9c1e0b7d4e65"


def described(field_class, description, *args, **kwargs):
    return field_class(*args, metadata={"description": description, **kwargs.pop("metadata", {})}, **kwargs)


def always(field_class, description, *args, example=None, **kwargs):
    """A response field that is always present."""
    metadata = {"example": example} if example is not None else {}
    return described(field_class, description, *args, required=True, metadata=metadata, **kwargs)


class Response(Schema):
    class Meta:
        unknown = EXCLUDE  # open objects: fields may be added within v1
        register = False


def open_values(field, description):
    """The field with `description`; a closed set of values the content allows (`OneOf`) becomes a string with its
    known values listed, because v1 may add values and a generated client would refuse a value not in an enum."""
    known = [v for v in field.validators if isinstance(v, validate.OneOf)]
    if known:
        values = list(known[0].choices)
        field.validators = [v for v in field.validators if not isinstance(v, validate.OneOf)] + [c.ID]
        description = f"{description} Known values: {', '.join(values)}. v1 may add others: handle one you do not know."
        field.metadata = {**field.metadata, "x-extensible-enum": values}
    field.metadata = {**field.metadata, "description": description}
    return field


def documented(schema, name, docs, nested=None):
    """A copy of a content schema for the document: the same fields, each with a description and an example.

    `docs` maps each field to (description, example); `nested` maps content schemas to their documented copies.
    The document takes its examples from the real content (api/openapi_examples.py): the example here stands in
    only while no content item has the field.
    A field the content gains without a line here is left bare, and tests/test_openapi.py names it.
    """
    nested = nested or {}
    attrs = {"Meta": Response.Meta}
    for key, field in schema._declared_fields.items():
        if key not in docs:
            continue
        description, example = docs[key]
        field = open_values(copy.deepcopy(field), description)
        field.metadata = {**field.metadata, **({"example": example} if example is not None else {})}
        target = field.inner if isinstance(field, fields.List) else field
        if isinstance(target, fields.Nested) and target.nested in nested:
            target.nested = nested[target.nested]
        attrs[key] = field
    return type(name, (schema,), attrs)


SOURCES = ("Ids of the sources this rests on (see /sources).", SOURCES_EXAMPLE)

_TEST_DOCS = {
    "question": ("The question whose answer is tested.", "areas"),
    "includes_any": ("Holds when the answer includes any of these option ids.", ["eyelid"]),
    "includes_other_than": ("Holds when the answer includes an option other than these.", ["none"]),
    "includes_none": ("Holds when the answer includes none of these option ids (an unanswered question counts).",
                      ["weakness", "stiffness"]),
    "count_at_least": ("Holds when a multi answer has at least this many options.", 2),
    "unanswered": ("Holds when the question has no answer, or an empty list.", True),
}
AnswerTest = documented(c.AnswerTestSchema, "AnswerTest", _TEST_DOCS)
Rule = documented(c.RuleSchema, "RuleEntry", {
    **_TEST_DOCS,
    "question": ("The question whose answer is tested (absent in an `all` entry).", "areas"),
    "all": ("Holds when every one of these tests holds.", [
        {"question": "medications", "includes_any": ["diuretics"]},
        {"question": "fluid_loss", "includes_any": ["vomiting_diarrhoea"]}]),
}, nested={c.AnswerTestSchema: AnswerTest})
_TESTS = {c.RuleSchema: Rule}
Option = documented(c.OptionSchema, "Option", {
    "id": ("The option id: what to send as the answer. Stable.", "under_5h"),
    "label": ("The option as the person reads it.", "Less than 5 hours"),
    "exclusive": ("True for 'none of these': the option must be picked alone.", True),
    "triggers": ("Trigger id to the weight (1 to 10) this option adds to it.", {"sleep": 6}),
    "conditions": ("Condition id to the weight (1 to 10) this option adds to it.", {"benign_fasciculation_syndrome": 2}),
    "reason": ("Why this option counts, shown with the result.", "You sleep less than 5 hours a night."),
    "reasons": ("A reason for one trigger or condition, used instead of `reason` under it.",
                {"fatigue": "You sleep less than 5 hours a night. Tired muscles get less time to recover."}),
})
Question = documented(c.QuestionSchema, "Question", {
    "id": ("The question id: the key in `answers`. Stable.", "sleep"),
    "kind": ("`single` takes one option id; `multi` takes a list of option ids.", "single"),
    "short": ("The question in a few words, for a list of answers.", "Sleep"),
    "text": ("The question as it is asked.", "How many hours do you usually sleep a night?"),
    "help": ("More about the question, where it helps.", "Think of a usual night in the last two weeks."),
    "must_answer": ("Present on questions that must not be skipped (the safety questions): what to say when no option is picked.",
                    "Please tick what you have had, or \"None of these\"."),
    "options": ("The options, in the order to show them.", [
        {"id": "under_5h", "label": "Less than 5 hours", "triggers": {"sleep": 6},
         "reason": "You sleep less than 5 hours a night."},
        {"id": "7_to_8h", "label": "7 to 8 hours"}]),
    "sources": SOURCES,
    "follows": ("Present on a follow-up: the question whose option it refines. Ask it right after that question.",
                "warning_signs"),
    "ask_when": ("Answer tests (as a red flag's `when`) of which one must hold for the app to ask this question; "
                 "absent means always. Names only earlier questions. The API accepts every question either way.",
                 [{"question": "warning_signs", "includes_any": ["weakness"]}]),
    "optional": ("True for a question that is not in the check itself, offered after the result to sharpen the tips.",
                 True),
}, nested={c.OptionSchema: Option, **_TESTS})
Trigger = documented(c.TriggerSchema, "Trigger", {
    "id": ("The trigger id. Stable.", "sleep"),
    "title": ("The trigger in plain words.", "Lack of sleep"),
    "summary": ("The trigger in one or two sentences.", "Tired nerves fire more easily."),
    "why": ("How it causes twitches.", "When you are tired, nerves are more easily set off."),
    "evidence": ("`weak` when the evidence for the trigger is weak: it weighs little and ranks after the others.", "weak"),
    "when": ("Answer tests of which one must hold for the trigger to count; absent means it always may.",
             [{"question": "areas", "includes_any": ["eyelid"]}]),
    "sources": SOURCES,
}, nested=_TESTS)
Condition = documented(c.ConditionSchema, "Condition", {
    "id": ("The condition id. Stable.", "benign_fasciculation_syndrome"),
    "title": ("The condition's name.", "Benign fasciculation syndrome (BFS)"),
    "calm": ("One calming, true sentence: show it first.", "BFS is harmless."),
    "summary": ("What it is, in plain words.", "Twitching that keeps coming back for weeks or months, with no weakness."),
    "mention": ("What to tell a doctor.", "Tell the doctor how long it has gone on, where, and that you have no weakness."),
    "reassurance": ("Facts that reassure, where they apply.", ["Harmless twitches are very common in healthy people."]),
    "when": ("Answer tests of which one must hold for the condition to be mentioned.",
             [{"question": "duration", "includes_any": ["2_weeks_to_3_months", "over_3_months"]}]),
    "unless": ("Answer tests of which none may hold for the condition to be mentioned.",
               [{"question": "warning_signs", "includes_any": ["weakness", "muscle_loss"]}]),
    "sources": SOURCES,
}, nested=_TESTS)
RedFlag = documented(c.RedFlagSchema, "RedFlag", {
    "id": ("The red flag id. Stable.", "weakness"),
    "level": ("The triage level id this warning sign needs.", "consultation_24"),
    "kind": ("`warning_sign`, a sign to act on, or `reason`, a reason to see a GP that is not a warning sign "
             "(a long or spread-out twitch, a medicine, an injury). Never style a reason as a warning sign.", "reason"),
    "title": ("The warning sign in plain words.", "Weakness in the muscle"),
    "advice": ("What to do about it.", "Twitching with weakness should be checked by a doctor soon."),
    "when": ("Answer tests: the red flag is raised when any of them holds.",
             [{"question": "warning_signs", "includes_any": ["weakness"]}]),
    "first_trigger": ("A trigger this red flag puts first among the ranked triggers.", "alcohol"),
    "reviewed": ("When it was last read against its sources (YYYY-MM-DD).", "2026-12-01"),
    "sources": SOURCES,
}, nested=_TESTS)
Call = documented(c.CallSchema, "Call", {
    "number": ("The number to call.", "999"),
    "where": ("Where this number works.", "UK"),
})
TriageLevel = documented(c.TriageLevelSchema, "TriageLevel", {
    "id": ("The triage level id. Stable.", "consultation"),
    "urgent": ("True for levels whose advice cannot wait: show it at once, before anything else.", False),
    "icon": ("The name of the picture the app shows beside the level's words (never instead of them).", "calendar"),
    "title": ("What to do, in a few words.", "See a GP"),
    "how_soon": ("How soon to act.", "Within a few days"),
    "calm": ("One calming, true sentence to show near the top (levels that are not urgent).",
             "Twitches are very common, and they are very rarely a sign of anything serious."),
    "advice": ("What to do and how.", "Book an appointment with your GP."),
    "calls": ("Emergency numbers to offer as tap-to-call buttons, each named in the advice. Only on the most urgent level.",
              None),
    "cautions": ("Ids of cautions shown with the advice when they hold (see /content `cautions`).", ["under_16_tics"]),
    "reviewed": ("When it was last read against its sources (YYYY-MM-DD).", "2026-12-01"),
    "sources": SOURCES,
}, nested={c.CallSchema: Call})
Tip = documented(c.TipSchema, "Tip", {
    "id": ("The tip id.", "caffeine_stop_after_midday"),
    "trigger": ("The trigger this tip is for.", "caffeine"),
    "title": ("The tip in a few words.", "Have no caffeine after midday"),
    "short": ("How, in one line.", "Keep coffee, tea and cola to the morning."),
    "do": ("What to do.", "Keep coffee, tea, cola and energy drinks to the morning."),
    "how_long": ("For how long to try it.", "Try it for two weeks."),
    "expect": ("What to expect.", "You may notice a change in a week or so."),
    "cautions": ("Ids of cautions shown with the tip when they hold.", ["pregnancy_caffeine"]),
    "hide_when": ("Answer tests: the tip is left out of a result when any holds.",
                  [{"question": "alcohol", "includes_any": ["stopped_heavy"]}]),
    "first_when": ("Answer tests: the tip comes first among its trigger's tips when any holds.",
                   [{"question": "alcohol", "includes_any": ["stopped_heavy"]}]),
    "sources": SOURCES,
}, nested=_TESTS)
Caution = documented(c.CautionSchema, "Caution", {
    "id": ("The caution id.", "pregnancy_caffeine"),
    "when": ("Answer tests: the caution applies when any holds.", [{"question": "about_you", "includes_any": ["pregnant"]}]),
    "text": ("The line to show with the tip or advice.", "In pregnancy, have no more than 200 mg of caffeine a day."),
    "reviewed": ("When it was last read against its sources (YYYY-MM-DD).", "2026-12-01"),
    "sources": SOURCES,
}, nested=_TESTS)
Table = documented(c.TableSchema, "Table", {
    "caption": ("What the table shows.", "Twitch, cramp or tremor?"),
    "columns": ("The column headings.", ["", "Twitch", "Cramp"]),
    "rows": ("The rows, each a list of cells in column order.", [["Feels like", "A flicker", "A tight, painful muscle"]]),
})
GuideSection = documented(c.GuideSectionSchema, "GuideSection", {
    "id": ("The section id.", "sleep"),
    "title": ("The section's heading.", "Sleep and twitching"),
    "summary": ("The section in one sentence.", "Poor sleep is one of the most common triggers."),
    "body": ("The paragraphs, in order.", ["Lack of sleep is one of the most common causes of twitching."]),
    "table": ("A table, where one helps.", None),
    "questions_to_ask": ("Questions to take to a doctor, where the section prepares a visit.", None),
    "sources": SOURCES,
}, nested={c.TableSchema: Table})
Faq = documented(c.FaqSchema, "Faq", {
    "id": ("The question's id.", "why_only_eyelid"),
    "question": ("The question people ask.", "Why does only my eyelid twitch?"),
    "answer": ("The answer's paragraphs, in order.", ["The eyelid is the most common place for a twitch."]),
    "results_when": ("Answer tests: a result links this question on its first screen when any holds.",
                     [{"question": "duration", "includes_any": ["over_3_months"]}]),
    "sources": SOURCES,
}, nested=_TESTS)
Source = documented(c.SourceSchema, "Source", {
    "id": ("The source id.", "nhs-twitching"),
    "title": ("The source's title.", "Twitching eyes and muscles"),
    "publisher": ("Who publishes it.", "NHS (UK National Health Service)"),
    "address": ("Where to read it.", "https://www.nhs.uk/conditions/twitching-eyes-and-muscles/"),
    "reviewed": ("When we last checked it (YYYY-MM-DD).", "2026-11-25"),
    "evidence": ("How much weight it can carry.", "Public health advice from a national health service."),
    "background": ("True for background reading only: no claim rests on it alone.", True),
})
Source._declared_fields["language"] = always(
    fields.String, "The language of the page the address points to: the bundle's own where the publisher has a "
                   "version in it, otherwise the content's source language.", example="en")
License = documented(c.LicenseSchema, "License", {
    "name": ("The licence's name.", "CC BY 4.0"),
    "url": ("The licence's text.", "https://creativecommons.org/licenses/by/4.0/"),
    "attribution": ("How to credit the content when you reuse it.",
                    "Content from the twitch trigger checker, used under CC BY 4.0."),
})


class FieldErrorSchema(Response):
    field = always(fields.String, "The bad field, as a dotted path (answers.sleep, answers.areas.1, trigger, id), "
                   "a header (Content-Type), or (body) or (url) for the whole of one.", example="answers.sleep")
    message = always(fields.String, "What is wrong with it.",
                     example="unknown option 'lots' for 'sleep'; choose from: under_5h, 5_to_6h, 7_to_8h, over_8h")


class ProblemSchema(Response):
    type = always(fields.String, "A URI for the kind of problem; about:blank for plain HTTP errors.",
                  example="/api/docs#problem-invalid-input")
    title = always(fields.String, "A short summary of the kind of problem.", example="Invalid answers")
    status = always(fields.Integer, "The HTTP status code.", example=422)
    detail = always(fields.String, "What went wrong this time.",
                    example="Some answers do not fit the questionnaire; see errors.")
    errors = described(fields.List, "Each bad field and why. Present for invalid input.", fields.Nested(FieldErrorSchema))


class TriageSchema(Response):
    level = always(fields.String, "The triage level id: emergency_ambulance, emergency, consultation_24, consultation "
                   "or self_care (most urgent first).", example="self_care")
    urgent = always(fields.Boolean, "The level's `urgent`: show its advice at once, before anything else.",
                    example=False)
    title = always(fields.String, "What to do, in a few words.", example="Look after yourself at home")
    advice = always(fields.String, "What to do and how.", example="Most twitches stop on their own. Try the tips below.")
    how_soon = always(fields.String, "How soon to act.", example="No rush")
    cautions = always(fields.List, "Lines that fit this person, to show with the advice (may be empty).",
                      fields.Nested(lambda: CautionResultSchema()))
    calls = always(fields.List, "The numbers to call, as buttons, in order, for the region asked for (`?region=`): "
                   "at emergency levels emergency numbers only; at consultation_24 the health line (if the region has "
                   "one), then the emergency numbers; none at other levels. Without a known region, the fallback "
                   "numbers: show \"Call your local emergency number\" first.", fields.Nested(lambda: TriageCallSchema()))


class TriageCallSchema(Response):
    number = always(fields.String, "The number to dial, digits only.", example="111")
    name = always(fields.String, "What the number reaches, in the reader's language.", example="Emergency services")
    kind = always(fields.String, "`emergency` or `health_line` (urgent, not an emergency); v1 may add kinds: "
                  "show an unknown one as a plain button.", example="emergency")
    region = always(fields.String, "The region whose number this is; null for a fallback number.",
                    allow_none=True, example="NZ")


class CautionResultSchema(Response):
    id = always(fields.String, "The caution id.", example="pregnancy_caffeine")
    text = always(fields.String, "The line to show.", example="In pregnancy, have no more than 200 mg of caffeine a day.")


class RaisedRedFlagSchema(Response):
    id = always(fields.String, "The red flag id.", example="long_duration")
    level = always(fields.String, "The triage level this warning sign needs.", example="consultation")
    title = always(fields.String, "The warning sign in plain words.", example="Twitching for more than two weeks")
    advice = always(fields.String, "What to do about it.", example="A twitch that lasts more than two weeks is worth a visit to a GP.")
    kind = always(fields.String, "`warning_sign`, a sign to act on, or `reason`, a reason to see a GP that is not a "
                  "warning sign. Never style or head a reason as a warning sign. v1 may add kinds: treat one you do "
                  "not know as a warning sign.", example="reason")


class ReasonSchema(Response):
    question = always(fields.String, "The question id.", example="sleep")
    option = always(fields.String, "The option id picked.", example="under_5h")
    text = always(fields.String, "Why this answer counts, for the person to read.", example="You sleep less than 5 hours a night.")


class TipResultSchema(Response):
    id = always(fields.String, "The tip id.", example="sleep_fixed_wake_time")
    title = always(fields.String, "The tip in a few words.", example="Get up at the same time each day")
    text = always(fields.String, "What to do.", example="Set one wake-up time and keep to it, weekends too.")
    how_long = always(fields.String, "For how long to try it.", example="Try it for two weeks.")
    expect = always(fields.String, "What to expect.", example="Sleep often gets better within a week or two.")
    cautions = always(fields.List, "Lines that fit this person, to show with the tip (may be empty).",
                      fields.Nested(CautionResultSchema))


class RankedTriggerSchema(Response):
    id = always(fields.String, "The trigger id.", example="sleep")
    title = always(fields.String, "The trigger in plain words.", example="Lack of sleep")
    score = always(fields.Float, "How well the answers fit this trigger, in (0, 1].",
                   validate=validate.Range(min=0, max=1, min_inclusive=False), example=0.6)
    rank = always(fields.Integer, "1, 2, 3... in the order returned: the trigger a raised flag names first, then "
                  "well-sourced before weak evidence, each by score, ties in content order. Do not re-sort by score.",
                  example=1)
    evidence = always(fields.String, "`weak` where the content calls the evidence weak, otherwise `good`.",
                      example="good")
    reasons = always(fields.List, "Every answer that added to the score.", fields.Nested(ReasonSchema))
    tips = always(fields.List, "Things to try for this trigger.", fields.Nested(TipResultSchema))


class RelatedConditionSchema(Response):
    id = always(fields.String, "The condition id.", example="benign_fasciculation_syndrome")
    title = always(fields.String, "The condition's name.", example="Benign fasciculation syndrome (BFS)")
    calm = always(fields.String, "One calming, true sentence: show it first.", example="BFS is harmless.")
    reason = always(fields.String, "Which answers make it worth mentioning.", example="Your twitching has gone on for months.")
    mention = always(fields.String, "What to tell a doctor.", example="Tell the doctor how long it has gone on.")
    reassurance = always(fields.List, "Facts that reassure, where they apply (may be empty).", fields.String(),
                         example=["Harmless twitches are very common in healthy people."])


class AssessmentSchema(Response):
    content_version = always(fields.String, "The version of the content that scored the answers.", example=VERSION_EXAMPLE)
    region = always(fields.String, "The region whose numbers `triage.calls` gives (`?region=`, upper case), or null "
                    "when none was asked for or the content does not list it.", allow_none=True, example="NZ")
    triage = always(fields.Nested, "How urgently to get help: the most urgent raised red flag's level, or self_care.", TriageSchema)
    red_flags = always(fields.List, "The warning signs raised, most urgent first.", fields.Nested(RaisedRedFlagSchema))
    triggers = always(fields.List, "Triggers that fit the answers, highest score first; ties in content order.",
                      fields.Nested(RankedTriggerSchema))
    related_conditions = always(fields.List, "Conditions to mention to a doctor. Information only, never a diagnosis.",
                                fields.Nested(RelatedConditionSchema))
    disclaimer = always(fields.String, "Show this with every result.",
                        example="This check gives general information, not a diagnosis.")


class HealthSchema(Response):
    status = always(fields.String, "Always ok when the app answers.", example="ok")
    content_version = always(fields.String, "The version of the content being served.", example=VERSION_EXAMPLE)


def _versioned(name, key, item_schema, description):
    return Response.from_dict({
        "content_version": always(fields.String, "The version of the content (also the ETag).", example=VERSION_EXAMPLE),
        key: always(fields.List, description, fields.Nested(item_schema)),
    }, name=name)


QuestionnaireSchema = _versioned("Questionnaire", "questions", Question, "The questions in the order to ask them; warning signs first.")
TriggerListSchema = _versioned("TriggerList", "triggers", Trigger, "Every trigger, in content order.")
TipListSchema = _versioned("TipList", "tips", Tip, "Tips, in content order.")
ConditionListSchema = _versioned("ConditionList", "conditions", Condition, "Related conditions, information only.")
GuideSchema = _versioned("Guide", "sections", GuideSection, "The guide's sections in reading order.")
FaqListSchema = _versioned("FaqList", "faq", Faq, "Questions people ask, with answers.")
SourceListSchema = _versioned("SourceList", "sources", Source, "Every source the content rests on.")


Habit = documented(c.HabitSchema, "Habit", {
    "id": ("The habit id.", "short_sleep"),
    "question": ("The questionnaire's question whose options a day's check-in offers.", "sleep"),
    "options": ("The options a day's check-in offers, in order.", ["under_5h", "5_to_6h", "7_to_8h", "over_8h"]),
    "counts_with": ("The options that make a day count as a day with the habit.", ["under_5h", "5_to_6h"]),
    "trigger": ("The trigger whose tips a pattern links to.", "sleep"),
    "prompt": ("The check-in's question about one day.", "Sleep last night"),
    "option_labels": ("A day's words for options, where they differ from the questionnaire's.", {"some": "1 or 2 drinks"}),
    "name": ("The habit in a summary.", "Nights under 6 hours' sleep"),
    "on_days": ("The habit in a pattern's sentence.", "after nights under 6 hours' sleep"),
    "in_summary": ("The habit's row in the summary for a doctor (30 days of answers).", "Sleep the night before"),
    "in_day_line": ("The habit in a day's line of the diary, the day's answer in place of `{answer}`; a habit "
                    "without it is not in that line.", "sleep {answer}"),
    "sources": SOURCES,
})
ExperimentKind = documented(c.ExperimentKindSchema, "ExperimentKind", {
    "id": ("The kind id: the id of the tip a personal experiment tests (see /tips).", "caffeine_stop_after_midday"),
    "change": ("What to do on change days.", "No coffee, tea, cola or energy drinks after 12:00."),
    "usual": ("What to do on usual days.", "Have caffeine as you usually do."),
    "score_question": ("The check-in's 0 to 10 question, where it differs from the usual one.",
                       "How much did you notice eyelid twitching today?"),
    "period_days": ("Days in each of the plan's 10 periods.", 3),
    "settling_days": ("Days at the start of each period that are not counted.", 1),
    "offer_when": ("Answer tests: the kind is offered only when one holds (besides the tip's own rules).",
                   [{"question": "caffeine", "includes_any": ["1_to_2", "3_to_4", "5_plus"]}]),
    "not_when": ("Answer tests: the kind is not offered when any holds.",
                 [{"question": "about_you", "includes_any": ["pregnant", "under_16"]}]),
    "sources": SOURCES,
}, nested=_TESTS)
WORD = {"oneOf": [
    {"type": "string", "minLength": 1},
    {"type": "object", "description": "Plural forms by Intl.PluralRules category; `other` is always there.",
     "required": ["other"], "additionalProperties": False,
     "properties": {form: {"type": "string", "minLength": 1} for form in c.PLURAL_FORMS}}]}


RegionNumber = documented(c.RegionNumberSchema, "RegionNumber", {
    "number": ("The number to dial, digits only.", "111"),
    "name": ("What the number reaches, in the reader's language.", "Emergency services"),
    "sources": SOURCES,
    "reviewed": ("When the number was last checked against its sources.", "2026-12-06"),
    "unconfirmed": ("True when no official page confirms the number: show it as words, never as a call button.", True),
})
Country = documented(c.CountrySchema, "Region", {
    "id": ("The ISO 3166-1 alpha-2 code.", "NZ"),
    "name": ("The region's name, in the reader's language.", "New Zealand"),
    "emergency": ("The emergency numbers, the first one first.", [
        {"number": "111", "name": "Emergency services", "sources": ["stjohn-nz-seizures"], "reviewed": "2026-12-06"}]),
    "health_line": ("The urgent, non-emergency health line, where there is a national one. 111 is one only in GB.",
                    {"number": "0800611116", "name": "Healthline (0800 611 116)", "sources": ["health-nz-healthline"],
                     "reviewed": "2026-12-06"}),
}, nested={c.RegionNumberSchema: RegionNumber})
RegionFallback = documented(c.RegionFallbackSchema, "RegionFallback", {
    "emergency": ("For a region the content does not list: after the words \"Call your local emergency number\", "
                  "112 and 911 (most mobile phones connect them anywhere), then 999, 000 and 111 (New Zealand: emergency).",
                  [{"number": "112", "name": "Most mobile phones, in most countries", "sources": ["eena-112"],
                    "reviewed": "2026-12-06"}]),
}, nested={c.RegionNumberSchema: RegionNumber})
Regions = documented(c.RegionsSchema, "Regions", {
    "countries": ("Each region the content knows, with its numbers.", None),
    "fallback": ("The numbers for an unknown region.", None),
}, nested={c.CountrySchema: Country, c.RegionFallbackSchema: RegionFallback})


LANGUAGE = Response.from_dict({
    "id": always(fields.String, "The language code, for `?lang=`.", example="es"),
    "name": always(fields.String, "The language's name in that language, for a language menu.", example="Español"),
}, name="Language")


class ContentBundleSchema(Response):
    version = always(fields.String, "A hash of the content in this language; the ETag of every content response "
                                    "in it.", example=VERSION_EXAMPLE)
    lang = always(fields.String, "The language of every text in this response (also `Content-Language`).",
                  example="en")
    languages = always(fields.List, "Every language the content is in, its source language first.",
                       fields.Nested(LANGUAGE))
    title = always(fields.String, "The product's name.", example="The twitch trigger checker")
    disclaimer = always(fields.String, "Show this with every result.",
                        example="This check gives general information, not a diagnosis.")
    license = always(fields.Nested, "The terms on which the content may be reused (CC BY 4.0: credit us).", License)
    score_scale = always(fields.Integer, "Weights are added up, capped at this number, then divided by it to give a score.",
                         example=10)
    rules_grammar = always(fields.Integer, "The version of the rule grammar (`when`, `unless`...): evaluate rules "
                           "yourself only if you implement this version, otherwise POST /assessments.", example=2)
    trust = always(fields.Nested, "What a reader needs to trust the content.", Response.from_dict({
        "reviewed": always(fields.String, "When the content was last read against its sources (YYYY-MM-DD).",
                           example="2026-12-01"),
        "next_review": always(fields.String, "When that is next due (YYYY-MM-DD).", example="2027-12-01"),
        "report_problem": always(fields.String, "Where to report a mistake (mailto: or https:).",
                                 example="mailto:content@twitch.example.org"),
        "checked_cases": always(fields.Integer, "Each change is tested against at least this many hand-written cases.",
                                example=81)}, name="Trust"))
    search = always(fields.Nested, "Guide search: words that mean the same, and words too common to search by.",
                    Response.from_dict({
                        "synonyms": always(fields.List, "Groups of words and phrases that mean the same to a reader.",
                                           fields.List(fields.String()), example=[["als", "mnd", "motor neurone disease"]]),
                        "ignore": always(fields.List, "Words left out of a query.", fields.String(), example=["the", "in"]),
                    }, name="Search"))
    questionnaire = always(fields.Nested, "The questions.", Response.from_dict(
        {"questions": always(fields.List, "The questions in the order to ask them.", fields.Nested(Question))},
        name="QuestionnaireBody"))
    triggers = always(fields.List, "Every trigger.", fields.Nested(Trigger))
    red_flags = always(fields.List, "The warning-sign rules.", fields.Nested(RedFlag))
    triage_levels = always(fields.List, "The triage levels, most urgent first.", fields.Nested(TriageLevel))
    tips = always(fields.List, "Every tip.", fields.Nested(Tip))
    cautions = always(fields.List, "Lines that tips and advice show for some people.", fields.Nested(Caution))
    conditions = always(fields.List, "Related conditions.", fields.Nested(Condition))
    guide = always(fields.Nested, "The guide.", Response.from_dict(
        {"sections": always(fields.List, "The guide's sections in reading order.", fields.Nested(GuideSection))},
        name="GuideBody"))
    faq = always(fields.List, "Questions and answers.", fields.Nested(Faq))
    sources = always(fields.List, "Sources.", fields.Nested(Source))
    diary = always(fields.Nested, "The diary's rules: the habits a daily check-in asks about, and the kinds of "
                   "personal experiment.", Response.from_dict(
        {"habits": always(fields.List, "The habits, in check-in order.", fields.Nested(Habit)),
         "experiments": always(fields.List, "The changes a personal experiment can test.",
                               fields.Nested(ExperimentKind))}, name="DiaryBody"))
    ui = always(fields.Dict, "Every other word the app shows, by stable key (`{name}` marks a value to fill in).",
                keys=fields.String(), values=fields.Raw(metadata=WORD), example={"home.start": "Start the check"})
    regions = always(fields.Nested, "Numbers to call by where the person is, never by language (spec-v3 section 3).",
                     Regions)

def _part(name, keys, description):
    """A part of the bundle: the same fields as ContentBundle, fewer of them."""
    declared = ContentBundleSchema._declared_fields
    chosen = {key: copy.deepcopy(declared[key]) for key in keys}
    chosen["ui"].metadata = {**chosen["ui"].metadata, "description": description}
    return Response.from_dict(chosen, name=name)


# The two parts together hold every field of the bundle (api/content.py bundle_part); `ui` is split by key.
ContentCheckSchema = _part("ContentCheck", [k for k in ContentBundleSchema._declared_fields
                                            if k not in ("guide", "faq", "sources", "diary")],
                           "The words of the app's screens, the diary's (`diary.*`) aside.")
ContentRestSchema = _part("ContentRest", ["version", "lang", "guide", "faq", "sources", "diary", "ui"],
                          "The diary's words (`diary.*`).")
