"""Response schemas: they document what the API returns, from the same marshmallow code as the content."""
from marshmallow import Schema, fields, validate

from . import content_schemas as c


def described(field_class, description, *args, **kwargs):
    return field_class(*args, metadata={"description": description, **kwargs.pop("metadata", {})}, **kwargs)


class FieldErrorSchema(Schema):
    field = described(fields.String, "The bad field, as a dotted path: answers.sleep, answers.areas.1, trigger, id.",
                      metadata={"example": "answers.sleep"})
    message = described(fields.String, "What is wrong with it.",
                        metadata={"example": "unknown option 'lots' for 'sleep'; choose from: under_5h, 5_to_6h, 7_to_8h, over_8h"})


class ProblemSchema(Schema):
    type = described(fields.String, "A URI for the kind of problem; about:blank for plain HTTP errors.",
                     metadata={"example": "/api/docs#problem-invalid-input"})
    title = described(fields.String, "A short summary of the kind of problem.", metadata={"example": "Invalid answers"})
    status = described(fields.Integer, "The HTTP status code.", metadata={"example": 422})
    detail = described(fields.String, "What went wrong this time.")
    errors = described(fields.List, "Each bad field and why. Present for invalid input.", fields.Nested(FieldErrorSchema))


class TriageSchema(Schema):
    level = described(fields.String, "The triage level id, most urgent first: emergency_ambulance, emergency, consultation_24, consultation, self_care.",
                      metadata={"example": "self_care"})
    title = described(fields.String, "What to do, in a few words.")
    advice = described(fields.String, "What to do and how.")
    how_soon = described(fields.String, "How soon to act.")


class RaisedRedFlagSchema(Schema):
    id = described(fields.String, "The red flag id.", metadata={"example": "long_duration"})
    level = described(fields.String, "The triage level this warning sign needs.")
    title = described(fields.String, "The warning sign in plain words.")
    advice = described(fields.String, "What to do about it.")


class ReasonSchema(Schema):
    question = described(fields.String, "The question id.", metadata={"example": "sleep"})
    option = described(fields.String, "The option id picked.", metadata={"example": "under_5h"})
    text = described(fields.String, "Why this answer counts, for the person to read.")


class TipResultSchema(Schema):
    id = described(fields.String, "The tip id.")
    title = described(fields.String, "The tip in a few words.")
    text = described(fields.String, "What to do.")
    how_long = described(fields.String, "For how long to try it.")
    expect = described(fields.String, "What to expect.")


class RankedTriggerSchema(Schema):
    id = described(fields.String, "The trigger id.", metadata={"example": "sleep"})
    title = described(fields.String, "The trigger in plain words.")
    score = described(fields.Float, "How well the answers fit this trigger, in (0, 1].",
                      validate=validate.Range(min=0, max=1, min_inclusive=False), metadata={"example": 0.6})
    reasons = described(fields.List, "Every answer that added to the score.", fields.Nested(ReasonSchema))
    tips = described(fields.List, "Things to try for this trigger.", fields.Nested(TipResultSchema))


class RelatedConditionSchema(Schema):
    id = described(fields.String, "The condition id.", metadata={"example": "benign_fasciculation_syndrome"})
    title = described(fields.String, "The condition's name.")
    reason = described(fields.String, "Which answers make it worth mentioning.")
    mention = described(fields.String, "What to tell a doctor.")
    reassurance = described(fields.List, "Facts that reassure, where they apply.", fields.String())


class AssessmentSchema(Schema):
    content_version = described(fields.String, "The version of the content that scored the answers.")
    triage = described(fields.Nested, "How urgently to get help: the most urgent raised red flag's level, or self_care.", TriageSchema)
    red_flags = described(fields.List, "The warning signs raised, most urgent first.", fields.Nested(RaisedRedFlagSchema))
    triggers = described(fields.List, "Triggers that fit the answers, highest score first; ties in content order.",
                         fields.Nested(RankedTriggerSchema))
    related_conditions = described(fields.List, "Conditions to mention to a doctor. Information only, never a diagnosis.",
                                   fields.Nested(RelatedConditionSchema))
    disclaimer = described(fields.String, "Show this with every result.")


class HealthSchema(Schema):
    status = described(fields.String, "Always ok when the app answers.", metadata={"example": "ok"})
    content_version = described(fields.String, "The version of the content being served.")


def _versioned(name, key, item_schema, description):
    return Schema.from_dict({
        "content_version": described(fields.String, "The version of the content (also the ETag)."),
        key: described(fields.List, description, fields.Nested(item_schema)),
    }, name=name)


QuestionnaireSchema = _versioned("Questionnaire", "questions", c.QuestionSchema, "The questions in the order to ask them; warning signs first.")
TriggerListSchema = _versioned("TriggerList", "triggers", c.TriggerSchema, "Every trigger, in content order.")
TipListSchema = _versioned("TipList", "tips", c.TipSchema, "Tips, in content order.")
ConditionListSchema = _versioned("ConditionList", "conditions", c.ConditionSchema, "Related conditions, information only.")
GuideSchema = _versioned("Guide", "sections", c.GuideSectionSchema, "The guide's sections in reading order.")
FaqListSchema = _versioned("FaqList", "faq", c.FaqSchema, "Questions people ask, with answers.")
SourceListSchema = _versioned("SourceList", "sources", c.SourceSchema, "Every source the content rests on.")


class ContentBundleSchema(Schema):
    version = described(fields.String, "A hash of the content; the ETag of every content response.")
    title = described(fields.String, "The product's name.")
    disclaimer = described(fields.String, "Show this with every result.")
    license = described(fields.Nested, "The terms on which the content may be reused.", c.LicenseSchema)
    score_scale = described(fields.Integer, "Weights are added up, capped at this number, then divided by it to give a score.")
    questionnaire = described(fields.Nested, "The questions.", Schema.from_dict(
        {"questions": fields.List(fields.Nested(c.QuestionSchema))}, name="QuestionnaireBody"))
    triggers = described(fields.List, "Every trigger.", fields.Nested(c.TriggerSchema))
    red_flags = described(fields.List, "The warning-sign rules.", fields.Nested(c.RedFlagSchema))
    triage_levels = described(fields.List, "The triage levels, most urgent first.", fields.Nested(c.TriageLevelSchema))
    tips = described(fields.List, "Every tip.", fields.Nested(c.TipSchema))
    conditions = described(fields.List, "Related conditions.", fields.Nested(c.ConditionSchema))
    guide = described(fields.Nested, "The guide.", Schema.from_dict(
        {"sections": fields.List(fields.Nested(c.GuideSectionSchema))}, name="GuideBody"))
    faq = described(fields.List, "Questions and answers.", fields.Nested(c.FaqSchema))
    sources = described(fields.List, "Sources.", fields.Nested(c.SourceSchema))
