"""What a personal experiment's words must never say (the contract's section 9), in every language: no cause,
cure or proof, no "significant" or p-value in the main text, nothing about other people, no "does not work"
after an unclear result. Read over the screen words (`diary.experiment.*`) and the kinds' own texts."""
import re

import pytest

from api.content import load_content
from helpers import prose

NEVER = {
    "en": r"\b(significant\w*|proven|proves?|proof|p-values?|cur(e|es|ed)|fix(es|ed)?|treat\w*|works for|no effect|"
          r"does not work|doesn't work|most people|everyone)\b",
    "es": r"(significativ\w*|demostra\w*|demuestra\w*|\bprueban?\b|\bcura(n|do)?\b|\btratamiento|\btratar\b|valor p|la mayoría|"
          r"no funciona|no sirve|todo el mundo)",
}
# "Cause" only where the words say what the result does NOT show (the limits), or, in Spanish, as the product's
# own word for everyday triggers («causas cotidianas»).
CAUSE = {"en": r"\bcaus\w*", "es": r"\bcaus\w*"}
CAUSE_ALLOWED = {"en": [r"does not show what causes"], "es": [r"no muestra qué causa", r"causas cotidianas"]}


# The folded details, for a clinician, give the number with its sentence (the contract allows it there only).
DETAILS = {"diary.experiment.p_value", "diary.experiment.orders_secondary"}


def experiment_texts(content):
    words = [(key, text) for key, value in content["ui"].items() if key.startswith("diary.experiment.")
             and key not in DETAILS for text in prose(value)]
    kinds = [(kind["id"], text) for kind in content["diary"]["experiments"] for text in prose(kind)]
    return words + kinds


@pytest.fixture(scope="module", params=["en", "es"])
def language(request):
    return request.param, load_content(lang=None if request.param == "en" else request.param)


def test_the_experiment_words_exist_in_every_language(language):
    lang, content = language
    keys = {key for key, _ in experiment_texts(content)}
    for key in ("diary.experiment.result_fell", "diary.experiment.limits", "diary.experiment.chance_in_n"):
        assert key in keys, (lang, key)


def test_no_experiment_word_claims_cause_cure_proof_or_significance(language):
    lang, content = language
    said = [(key, text) for key, text in experiment_texts(content) if re.search(NEVER[lang], text, re.IGNORECASE)]
    assert said == []


def test_cause_is_named_only_to_say_the_result_does_not_show_it(language):
    lang, content = language
    said = []
    for key, text in experiment_texts(content):
        left = text
        for allowed in CAUSE_ALLOWED[lang]:
            left = re.sub(allowed, "", left, flags=re.IGNORECASE)
        if re.search(CAUSE[lang], left, re.IGNORECASE):
            said.append((key, text))
    assert said == []


@pytest.mark.parametrize("lang, sentence", [
    ("en", "This proves the change works for you."), ("en", "A statistically significant drop."),
    ("en", "The change cured your twitching."), ("en", "Caffeine causes your twitching."),
    ("es", "El cambio es significativo."), ("es", "Esto demuestra que funciona."), ("es", "El café causa sus contracciones."),
])
def test_the_checks_above_catch_a_claim(lang, sentence):
    left = sentence
    for allowed in CAUSE_ALLOWED[lang]:
        left = re.sub(allowed, "", left, flags=re.IGNORECASE)
    assert re.search(NEVER[lang], sentence, re.IGNORECASE) or re.search(CAUSE[lang], left, re.IGNORECASE)
