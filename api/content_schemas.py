"""Marshmallow schemas for the content files: each field's shape, checked on load."""
from dataclasses import dataclass

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from . import contract

ID = validate.Regexp(r"^[a-z0-9][a-z0-9_]*$", error="must be lower-case letters, digits and _")
SOURCE_ID = validate.Regexp(r"^[a-z0-9][a-z0-9-]*$", error="must be lower-case letters, digits and -")
def DATE(value):
    """A real calendar day written YYYY-MM-DD (2026-13-45 has the shape but is no date)."""
    import datetime
    try:
        if len(value) == 10 and datetime.date.fromisoformat(value):
            return
    except ValueError:
        pass
    raise ValidationError("must be a date like 2026-11-25")
# Weights are whole numbers so that the Python and JavaScript engines add them up exactly alike.
WEIGHT = fields.Integer(strict=True, validate=validate.Range(min=1, max=10))


def prose(translate=True, **kwargs):
    """A text a person reads. `translate`: every language has its own (True), a language may give its own
    (`"optional"`: a source's title and address, where a version in that language exists), or never (False)."""
    return fields.String(validate=validate.Length(min=1), metadata={"translate": translate}, **kwargs)


def id_field():
    return fields.String(required=True, validate=ID)


def source_ids():
    return fields.List(fields.String(validate=SOURCE_ID), required=True, validate=validate.Length(min=1))


class Strict(Schema):
    class Meta:
        unknown = RAISE


# The version of the grammar of rules below (AnswerTestSchema, RuleSchema), in every bundle: a client that evaluates
# rules itself must implement this version (else it POSTs /assessments). Raise it with any change to what a rule says.
RULES_GRAMMAR = 2
TEST_KINDS = ("includes_any", "includes_other_than", "includes_none", "count_at_least", "unanswered")


class AnswerTestSchema(Strict):
    """One test on one answer, used by red flags, trigger `when`, condition `unless`, cautions and tips."""

    question = id_field()
    includes_any = fields.List(fields.String(validate=ID), validate=validate.Length(min=1))
    includes_other_than = fields.List(fields.String(validate=ID), validate=validate.Length(min=1))
    includes_none = fields.List(fields.String(validate=ID), validate=validate.Length(min=1))
    count_at_least = fields.Integer(strict=True, validate=validate.Range(min=1))
    unanswered = fields.Boolean(validate=validate.Equal(True))

    @validates_schema
    def one_test(self, data, **kwargs):
        if len([k for k in TEST_KINDS if k in data]) != 1:
            raise ValidationError(f"needs exactly one of {', '.join(TEST_KINDS)}")


class RuleSchema(AnswerTestSchema):
    """One alternative of a rule: a single test, or `all` of several tests (each may match any of its options)."""

    question = fields.String(validate=ID)
    all = fields.List(fields.Nested(AnswerTestSchema), validate=validate.Length(min=2))

    @validates_schema
    def one_test(self, data, **kwargs):
        if "all" in data:
            if len(data) != 1:
                raise ValidationError("an `all` entry holds only its list of tests")
            return
        if "question" not in data:
            raise ValidationError("needs a question, or `all` with a list of tests", "question")
        super().one_test(data, **kwargs)


def answer_tests(**kwargs):
    """A rule: it holds when any of its entries holds."""
    return fields.List(fields.Nested(RuleSchema), validate=validate.Length(min=1), **kwargs)


class OptionSchema(Strict):
    id = id_field()
    label = prose(required=True)
    exclusive = fields.Boolean()
    triggers = fields.Dict(keys=fields.String(validate=ID), values=WEIGHT, validate=validate.Length(min=1))
    conditions = fields.Dict(keys=fields.String(validate=ID), values=WEIGHT, validate=validate.Length(min=1))
    reason = prose()
    # A sentence per trigger or condition where the option's own reason would read oddly under it.
    reasons = fields.Dict(keys=fields.String(validate=ID), values=prose(), validate=validate.Length(min=1))

    @validates_schema
    def reason_with_weights(self, data, **kwargs):
        weighted = "triggers" in data or "conditions" in data
        if weighted and "reason" not in data:
            raise ValidationError("an option with weights needs a reason the person can read", "reason")
        if "reason" in data and not weighted:
            raise ValidationError("a reason without weights is never shown", "reason")
        targets = {*data.get("triggers", {}), *data.get("conditions", {})}
        for target in data.get("reasons", {}):
            if target not in targets:
                raise ValidationError(f"a reason for '{target}', which this option does not weight", "reasons")
        if data.get("exclusive") and weighted:
            raise ValidationError("an exclusive option means 'none of these' and carries no weights", "exclusive")


class QuestionSchema(Strict):
    id = id_field()
    kind = fields.String(required=True, validate=validate.OneOf(["single", "multi"]))
    short = prose(required=True)  # the question in a few words, in the list of answers on the results
    text = prose(required=True)
    help = prose()
    must_answer = prose()  # the question cannot be skipped; this says so when Next is pressed without an answer
    options = fields.List(fields.Nested(OptionSchema), required=True, validate=validate.Length(min=2))
    sources = source_ids()
    # The adaptive check (spec-v3 section 2.1): a follow-up refines an option of the question it `follows`;
    # `ask_when` (a rule, as red flags' `when`) says when the app asks it; `optional` questions are only offered
    # after the result. None of these changes what the API accepts or how answers are scored.
    follows = fields.String(validate=ID)
    ask_when = answer_tests()
    optional = fields.Boolean(validate=validate.Equal(True))

    @validates_schema
    def options_fit_kind(self, data, **kwargs):
        ids = [o["id"] for o in data["options"]]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValidationError(f"option ids must be unique, repeated: {', '.join(repeated)}", "options")
        for option in data["options"]:
            if data["kind"] == "single" and option.get("exclusive"):
                raise ValidationError(f"option '{option['id']}': only a multi question has exclusive options", "options")
            if data["kind"] == "multi" and option["id"] == "none" and not option.get("exclusive"):
                raise ValidationError("option 'none' of a multi question must be exclusive: true", "options")


class TriggerSchema(Strict):
    id = id_field()
    title = prose(required=True)
    summary = prose(required=True)
    why = prose(required=True)
    # `weak`: the content itself calls the evidence weak, so no answer may weigh more than MAX_WEAK_WEIGHT.
    evidence = fields.String(validate=validate.OneOf(["weak"]))
    when = answer_tests()
    sources = source_ids()


class ConditionSchema(Strict):
    id = id_field()
    title = prose(required=True)
    calm = prose(required=True)  # one calming, true sentence: the card opens with it
    summary = prose(required=True)
    mention = prose(required=True)
    reassurance = fields.List(prose(), validate=validate.Length(min=1))
    when = answer_tests()
    unless = answer_tests()
    sources = source_ids()


RED_FLAG_KINDS = ("warning_sign", "reason")


class RedFlagSchema(Strict):
    id = id_field()
    level = fields.String(required=True, validate=ID)
    # A warning sign to act on, or a reason to see a GP that is not one (the app never styles a reason as a warning).
    kind = fields.String(required=True, validate=validate.OneOf(RED_FLAG_KINDS))
    title = prose(required=True)
    advice = prose(required=True)
    when = answer_tests(required=True)
    first_trigger = fields.String(validate=ID)  # a trigger this flag puts first among the triggers
    reviewed = fields.String(validate=DATE)  # when a clinician last read it against its sources
    sources = source_ids()


class CallSchema(Strict):
    number = fields.String(required=True, validate=validate.Regexp(r"^[0-9]{2,6}$", error="must be a short number, digits only"))
    where = prose(required=True)


class TriageLevelSchema(Strict):
    id = id_field()
    urgent = fields.Boolean(required=True)  # its advice is shown at once, before the rest of the check
    icon = fields.String(required=True, validate=ID)  # the picture beside the level's words
    title = prose(required=True)
    how_soon = prose(required=True)
    calm = prose()  # one calming, true sentence the care card opens with (levels that are not urgent)
    advice = prose(required=True)
    # Translated whole: a language lists the numbers its readers call, in its order (each named in the advice).
    calls = fields.List(fields.Nested(CallSchema), validate=validate.Length(min=1), metadata={"translate": "whole"})
    cautions = fields.List(fields.String(validate=ID), validate=validate.Length(min=1))
    reviewed = fields.String(validate=DATE)  # when a clinician last read it against its sources
    sources = source_ids()


class TipSchema(Strict):
    id = id_field()
    trigger = fields.String(required=True, validate=ID)
    title = prose(required=True)
    short = prose(required=True)  # how, in one line: what Try first shows under the title
    do = prose(required=True)
    how_long = prose(required=True)
    expect = prose(required=True)
    cautions = fields.List(fields.String(validate=ID), validate=validate.Length(min=1))
    hide_when = answer_tests()  # the tip does not fit these people: it is left out
    first_when = answer_tests()  # the tip comes first among its trigger's tips for these people
    sources = source_ids()


class CautionSchema(Strict):
    """A line shown with a tip or a level's advice when it holds for the person's answers."""

    id = id_field()
    when = answer_tests(required=True)
    text = prose(required=True)
    reviewed = fields.String(validate=DATE)  # when a clinician last read it against its sources
    sources = source_ids()


class TableSchema(Strict):
    caption = prose(required=True)
    columns = fields.List(prose(), required=True, validate=validate.Length(min=2))
    rows = fields.List(fields.List(prose()), required=True, validate=validate.Length(min=1))

    @validates_schema
    def rows_fit_columns(self, data, **kwargs):
        for n, row in enumerate(data["rows"]):
            if len(row) != len(data["columns"]):
                raise ValidationError(f"row {n} has {len(row)} cells for {len(data['columns'])} columns", "rows")


class GuideSectionSchema(Strict):
    id = id_field()
    title = prose(required=True)
    summary = prose(required=True)
    body = fields.List(prose(), required=True, validate=validate.Length(min=1))
    table = fields.Nested(TableSchema)
    questions_to_ask = fields.List(prose(), validate=validate.Length(min=1))
    sources = source_ids()


class FaqSchema(Strict):
    id = id_field()
    question = prose(required=True)
    answer = fields.List(prose(), required=True, validate=validate.Length(min=1))
    results_when = answer_tests()  # the results link this question on their first screen when any holds
    sources = source_ids()


class SourceSchema(Strict):
    id = fields.String(required=True, validate=SOURCE_ID)
    title = prose(required=True, translate="optional")
    publisher = prose(required=True, translate=False)  # a name
    address = prose(required=True, translate="optional")
    reviewed = fields.String(required=True, validate=DATE)
    evidence = prose(required=True)
    background = fields.Boolean()  # background reading only: no claim a person acts on rests on it alone


class LicenseSchema(Strict):
    name = prose(required=True, translate=False)
    url = fields.Url(required=True)
    attribution = prose(required=True)


class LanguageSchema(Strict):
    id = fields.String(required=True, validate=validate.Regexp(r"^[a-z]{2}$", error="must be a two-letter code, like es"))
    name = prose(required=True, translate=False)  # in its own language, as the Language control lists it


class MetaSchema(Strict):
    title = prose(required=True)
    # The first is the language the content is written in; each other one has its texts in content/i18n/<id>/.
    languages = fields.List(fields.Nested(LanguageSchema), required=True, validate=validate.Length(min=1))
    score_scale = fields.Integer(required=True, strict=True, validate=validate.Range(min=1))
    disclaimer = prose(required=True)
    license = fields.Nested(LicenseSchema, required=True)
    reviewed = fields.String(required=True, validate=DATE)  # when the content was last read against its sources
    next_review = fields.String(required=True, validate=DATE)  # when that is next due
    report_problem = fields.String(required=True, validate=validate.Regexp(r"^(mailto:\S+@\S+|https://\S+)$",
                                                                            error="must be a mailto: or https:// address"))
    checked_cases = fields.Integer(required=True, strict=True, validate=validate.Range(min=1))  # About says "{count} or more"
    # Guide search: groups of words that mean the same to a reader, and words too common to search by. Each language
    # lists its own, whole.
    search_synonyms = fields.List(fields.List(fields.String(validate=validate.Length(min=1)), validate=validate.Length(min=2)),
                                  required=True, metadata={"translate": "whole"})
    search_ignore = fields.List(fields.String(validate=validate.Length(min=1)), required=True, metadata={"translate": "whole"})


WORD_KEY = validate.Regexp(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$", error="must be dotted lower_snake_case, like home.start")
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")  # the categories of Intl.PluralRules


class Words(fields.Field):
    """A word the app shows: a text, or its plural forms by Intl.PluralRules category (`other` required)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, dict) and "other" in value and set(value) <= set(PLURAL_FORMS) \
                and all(isinstance(v, str) and v.strip() for v in value.values()):
            return value
        raise ValidationError(f"must be a text, or plural forms ({', '.join(PLURAL_FORMS)}) with at least 'other'")


def words_field(**kwargs):
    return fields.Dict(keys=fields.String(validate=WORD_KEY), values=Words(metadata={"translate": True}),
                       validate=validate.Length(min=1), **kwargs)


class UiSchema(Strict):
    """Every word of the app's screens, by stable key; `{name}` marks a value the app fills in."""

    ui = words_field(required=True)


class HabitSchema(Strict):
    """One habit the diary's check-in asks about and its patterns compare: rules as data, words beside them."""

    id = id_field()
    question = id_field()  # the questionnaire's question whose options the check-in offers
    options = fields.List(fields.String(validate=ID), required=True, validate=validate.Length(min=2))  # a day's options
    counts_with = fields.List(fields.String(validate=ID), required=True, validate=validate.Length(min=1))
    trigger = id_field()  # whose tips an insight links to
    prompt = prose(required=True)  # the check-in's question about one day
    option_labels = fields.Dict(keys=fields.String(validate=ID), values=prose())  # a day's words, where they differ
    name = prose(required=True)  # the habit in a summary: "Nights under 6 hours' sleep"
    on_days = prose(required=True)  # in an insight: "on days after nights under 6 hours' sleep"
    in_summary = prose(required=True)  # its row in the summary for a doctor, 30 days of answers: "Sleep the night before"
    # In a day's line of the diary, the day's answer filled in: "sleep {answer}". A habit without one is not in it.
    in_day_line = fields.String(validate=[validate.Length(min=1), validate.Regexp(
        r".*\{answer\}", error="must name {{answer}}, where the day's answer goes")], metadata={"translate": True})
    sources = source_ids()


class ExperimentKindSchema(Strict):
    """A change a personal experiment can test: its id is the id of the tip it tests (personal-experiment.md)."""

    id = id_field()
    change = prose(required=True)  # what to do on change days
    usual = prose(required=True)  # what to do on usual days
    score_question = prose()  # the check-in's 0 to 10 question, where it differs from the usual one
    period_days = fields.Integer(strict=True, required=True, validate=validate.Range(min=2, max=7))
    settling_days = fields.Integer(strict=True, required=True, validate=validate.Range(min=0, max=6))
    offer_when = fields.List(fields.Nested(RuleSchema), validate=validate.Length(min=1))
    not_when = fields.List(fields.Nested(RuleSchema), validate=validate.Length(min=1))
    sources = source_ids()

    @validates_schema
    def settles_within_a_period(self, data, **kwargs):
        if data.get("settling_days", 0) >= data.get("period_days", 7):
            raise ValidationError("must be fewer than period_days", "settling_days")


class DiarySchema(Strict):
    """The diary's habits, the kinds of personal experiment and the words of its screens."""

    habits = fields.List(fields.Nested(HabitSchema), required=True, validate=validate.Length(min=1))
    experiments = fields.List(fields.Nested(ExperimentKindSchema), required=True, validate=validate.Length(min=1))
    words = words_field(required=True)


def file_schema(key, item_schema, minimum=1):
    """A schema for a file holding one list under `key`, e.g. `triggers: [...]`."""
    return Schema.from_dict(
        {key: fields.List(fields.Nested(item_schema), required=True, validate=validate.Length(min=minimum))},
        name=f"{key.title()}File",
    )(unknown=RAISE)


class RegionNumberSchema(Strict):
    """A number to call where the person is (spec-v3 section 3)."""
    number = fields.String(required=True, validate=validate.Regexp(r"^[0-9]{3,12}$", error="digits only"))
    name = prose(required=True)
    sources = source_ids()
    reviewed = fields.String(required=True, validate=DATE)
    unconfirmed = fields.Boolean(validate=validate.Equal(True))  # not confirmed from an official page: never a button


class CountrySchema(Strict):
    id = fields.String(required=True, validate=validate.Regexp(r"^[A-Z]{2}$", error="must be an ISO 3166-1 "
                                                                                      "alpha-2 code, like NZ"))
    name = prose(required=True)
    emergency = fields.List(fields.Nested(RegionNumberSchema), required=True, validate=validate.Length(min=1))
    health_line = fields.Nested(RegionNumberSchema)


class RegionFallbackSchema(Strict):
    emergency = fields.List(fields.Nested(RegionNumberSchema), required=True, validate=validate.Length(min=1))


class RegionsSchema(Strict):
    countries = fields.List(fields.Nested(CountrySchema), required=True, validate=validate.Length(min=1))
    fallback = fields.Nested(RegionFallbackSchema, required=True)


@dataclass(frozen=True)
class Kind:
    """One kind of content item, and all that the generic checks (unique ids, references, sources, rules) and the
    bundle need to know of it."""

    name: str  # its key in its file and in the checked parts: `tips: [...]`
    file: str  # content/<file>
    item: type  # the schema of one item
    rules: tuple = ()  # the fields that hold a rule on the answers (checked against the questionnaire)
    references: tuple = ()  # (field, kind): the field names one id, or a list of ids, of that kind
    part: str = "check"  # the bundle part it travels in: `check` (what a check needs) or `rest`
    bundle_key: str = ""  # its key in the bundle, when not its name (`questionnaire`, `guide`)
    stable: tuple = ()  # the ids the public contract promises (api/contract.py)
    within: str = ""  # the file's top-level key that holds the list, when the file holds more than one (diary.yml)


KINDS = (
    Kind("sources", "sources.yml", SourceSchema, part="rest"),
    Kind("triage_levels", "triage_levels.yml", TriageLevelSchema, references=(("cautions", "cautions"),),
         stable=contract.TRIAGE_LEVELS),
    Kind("red_flags", "red_flags.yml", RedFlagSchema, rules=("when",),
         references=(("level", "triage_levels"), ("first_trigger", "triggers")), stable=contract.RED_FLAGS),
    Kind("questions", "questions.yml", QuestionSchema, rules=("ask_when",), bundle_key="questionnaire",
         stable=tuple(contract.QUESTIONS)),
    Kind("triggers", "triggers.yml", TriggerSchema, rules=("when",), stable=contract.TRIGGERS),
    Kind("conditions", "conditions.yml", ConditionSchema, rules=("when", "unless"), stable=contract.CONDITIONS),
    Kind("tips", "tips.yml", TipSchema, rules=("hide_when", "first_when"),
         references=(("trigger", "triggers"), ("cautions", "cautions"))),
    Kind("cautions", "cautions.yml", CautionSchema, rules=("when",)),
    Kind("sections", "guide.yml", GuideSectionSchema, part="rest", bundle_key="guide"),
    Kind("faq", "faq.yml", FaqSchema, rules=("results_when",), part="rest"),
    # A kind's id is the id of the tip it tests; its file is checked whole by DiarySchema below.
    Kind("experiments", "diary.yml", ExperimentKindSchema, rules=("offer_when", "not_when"),
         references=(("id", "tips"),), part="rest", bundle_key="diary", within="diary", stable=contract.EXPERIMENT_KINDS),
)

# file name -> (top-level key or None for a plain mapping, schema): every kind's file, and the files of one mapping
# (the product's name and terms, the app's words, the diary, the regions).
FILES = {
    "meta.yml": (None, MetaSchema()),
    **{kind.file: (kind.name, file_schema(kind.name, kind.item)) for kind in KINDS if not kind.within},
    "ui.yml": ("ui", UiSchema()),
    "diary.yml": (None, DiarySchema()),
    "regions.yml": (None, RegionsSchema()),
}
