"""Every word a person reads is content: the code names keys of content/ui.yml, and holds no prose of its own."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from api.content import ContentError, load_content
from helpers import rewrite

ROOT = Path(__file__).resolve().parents[1]
JS = sorted((ROOT / "frontend" / "js").rglob("*.js"))
INDEX = ROOT / "frontend" / "index.html"
USED = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")
CALL = re.compile(r"\bt\(")
# A string literal ("...", '...' or `...`) holding two words or more: prose, if a person could read it.
LITERAL = re.compile(r"""(["'`])((?:\\.|(?!\1).)*)\1""")
TWO_WORDS = re.compile(r"[A-Za-z]{2,}[,.]? [A-Za-z]{2,}")
# Lines a person never reads: developer errors and logs, comments, and CSS selectors.
NOT_READ = re.compile(r"console\.(warn|error|log)|new \w*Error\(|^\s*(//|\*|/\*)|querySelector")
CLASS_NAMES = re.compile(r"""class: [^,}]*""")  # "button secondary" names styles, not words (a value holds no comma)


def keys_used():
    sys.path.insert(0, str(ROOT / "tools"))
    from index_html import keys_in
    used = set(keys_in(INDEX.read_text(encoding="utf-8")))
    for path in JS:
        used |= set(USED.findall(path.read_text(encoding="utf-8")))
    return used


def test_every_key_the_code_uses_exists_and_every_word_is_used(content):
    used, present = keys_used(), set(content["ui"])
    assert sorted(used - present) == [], "keys the code uses but content/ui.yml lacks"
    assert sorted(present - used) == [], "words in content/ui.yml that no code uses"


def test_keys_are_named_in_full_so_the_check_above_sees_them():
    dynamic = [f"{path.name}: {line.strip()}" for path in JS for line in path.read_text(encoding="utf-8").splitlines()
               if len(CALL.findall(line)) > len(USED.findall(line)) and "function t(" not in line]
    assert dynamic == []


def test_the_code_holds_no_prose():
    prose = []
    for path in JS:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if NOT_READ.search(line):
                continue
            for _quote, text in LITERAL.findall(CLASS_NAMES.sub("", line)):
                if TWO_WORDS.search(re.sub(r"\$\{[^}]*\}", "", text)):
                    prose.append(f"{path.relative_to(ROOT)}:{number}: {text}")
    assert prose == []


def test_the_page_shows_the_contents_words_before_the_app_loads(content):
    """That they are the content's current words is tests/test_generated.py's to say."""
    page = INDEX.read_text(encoding="utf-8")
    assert f">{content['ui']['home.heading']}<" in page


def test_plural_forms_must_name_the_same_placeholders(content_copy):
    rewrite(content_copy, "ui.yml", lambda d: d["ui"].update({"home.answered": {"one": "{count} answered",
                                                                              "other": "{total} answered"}}))
    with pytest.raises(ContentError, match="ui.yml.*home.answered.*different placeholders"):
        load_content(content_copy)


@pytest.mark.parametrize("key, value, words", [
    ("Home", "Home", "dotted lower_snake_case"),
    ("home.start", "", "must be a text"),
    ("home.start", {"one": "Start"}, "at least 'other'"),
    ("home.start", {"other": "Start", "lots": "Start"}, "plural forms"),
])
def test_a_bad_word_names_the_key(content_copy, key, value, words):
    rewrite(content_copy, "ui.yml", lambda d: d["ui"].update({key: value}))
    with pytest.raises(ContentError, match=re.escape(words)):
        load_content(content_copy)


def test_the_words_module_fills_in_values_and_plurals():
    script = """
import { t, useWords } from "./frontend/js/words.js";
useWords({"a.b": "Question {n} of {total}", "a.c": {one: "{count} tip", other: "{count} tips"}}, "en");
console.log(JSON.stringify([t("a.b", {n: 2, total: 20}), t("a.c", {count: 1}), t("a.c", {count: 3})]));
try { t("a.missing"); } catch (error) { console.log("missing"); }
"""
    result = subprocess.run(["node", "--input-type=module", "-e", script], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.splitlines() == ['["Question 2 of 20","1 tip","3 tips"]', "missing"], result.stderr


def test_every_icon_content_names_is_drawn(content):
    icons = (ROOT / "frontend" / "js" / "ui" / "parts" / "icons.js").read_text(encoding="utf-8")
    drawn = set(re.findall(r"^  (\w+): \[", icons, re.M))
    assert {level["icon"] for level in content["triage_levels"]} <= drawn
