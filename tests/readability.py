"""Flesch-Kincaid grade of plain English prose, with a simple syllable count (no dictionary to download)."""
import re

WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
SENTENCE_END = re.compile(r"[.!?:;]+(?=\s|$)")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word):
    """Vowel groups, less a silent final e, at least one: close to a dictionary count for common words."""
    word = word.lower().split("'")[0]
    count = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if word.endswith(("ed", "es")) and len(word) > 3 and word[-3] not in "aeiouydt" and count > 1:
        count -= 1
    return max(count, 1)


def grade(texts):
    """The Flesch-Kincaid grade level over a list of texts, each ending a sentence."""
    words = sentences = syllable_count = 0
    for text in texts:
        found = WORD.findall(text)
        if not found:
            continue
        words += len(found)
        syllable_count += sum(syllables(w) for w in found)
        sentences += max(len(SENTENCE_END.findall(text.strip() + ".")), 1)
    return 0.39 * words / sentences + 11.8 * syllable_count / words - 15.59
