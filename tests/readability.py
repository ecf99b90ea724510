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


def counts(texts, word, syllables_of):
    """(words, sentences, syllables) over a list of texts, each ending a sentence: what every score is made of."""
    words = sentences = syllable_count = 0
    for text in texts:
        found = word.findall(text)
        if not found:
            continue
        words += len(found)
        syllable_count += sum(syllables_of(w) for w in found)
        sentences += max(len(SENTENCE_END.findall(text.strip() + ".")), 1)
    return words, sentences, syllable_count


def grade(texts):
    """The Flesch-Kincaid grade level over a list of texts, each ending a sentence."""
    words, sentences, syllable_count = counts(texts, WORD, syllables)
    return 0.39 * words / sentences + 11.8 * syllable_count / words - 15.59


# Spanish: syllables from vowel nuclei. Two strong vowels (a, e, o) are two syllables; a weak one (i, u, y at the
# end) beside another vowel joins it, unless it carries an accent (día, país). "u" in que, qui, gue, gui is silent.
WORD_ES = re.compile(r"[a-záéíóúüñ]+", re.IGNORECASE)
STRONG, WEAK_ACCENTED = set("aeoáéó"), set("íú")
VOWEL_RUN_ES = re.compile(r"[aeiouáéíóúü]+")


def syllables_es(word):
    """Syllables of a Spanish word: each run of vowels is one, plus one at each hiatus inside it."""
    word = re.sub(r"(?<=[qg])u(?=[eéií])", "", word.lower())
    word = re.sub(r"(?<=[aeiouáéíóú])y$", "i", word)  # hoy, muy: a final y is a vowel
    count = 0
    for run in VOWEL_RUN_ES.findall(word):
        count += 1
        for left, right in zip(run, run[1:]):
            if (left in STRONG and right in STRONG) or left in WEAK_ACCENTED or right in WEAK_ACCENTED:
                count += 1
    return max(count, 1)


def inflesz(texts):
    """Szigriszt-Pazos perspicuity (INFLESZ scale: 55-65 normal, 65-80 fairly easy, over 80 very easy)."""
    words, sentences, syllable_count = counts(texts, WORD_ES, syllables_es)
    return 206.835 - 62.3 * syllable_count / words - words / sentences


# Common English words that are not also Spanish words: one of them in a Spanish text is an English word left in.
ENGLISH_ONLY = frozenset("""
the and you your with for this that from have has are is it its what when will of to in or if be do does don't
at by an as all any more less day days night nights sleep twitch twitching twitches muscle muscles eye eyes check
help tips tip try go get see call now today week weeks should may might could would these those they them their
we our us how why which who about after before again one two three yes back next skip start results diary save
cancel delete open close show hide weakness pain caffeine water food drink drinks doctor's hours minutes
there here than then too very much many some each other only just also still your you're can't won't isn't
""".split())


NAMES = re.compile(r"\{[a-z_]+\}|CC BY")  # placeholders the app fills in, and names


def english_words(text):
    """The English words left in a Spanish text, placeholders and names aside."""
    text = NAMES.sub(" ", text)
    return sorted({w for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text) if w.lower() in ENGLISH_ONLY})
