"""Write the overview article's fingerprint: a hash of each of its runs of 8 words, normalised, never its text.

Facts from the article may be used; its sentences may not. tests/test_content.py checks that no run of 8 words in
the project's text (content, frontend, api, README.md) has a hash in the fingerprint, so the suite runs on any clone
without the article beside it. Run this once with the article's path, when the article changes:

    python tools/article_fingerprint.py path/to/article.txt
"""
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FINGERPRINT = ROOT / "tests" / "article_fingerprint.txt"
RUN_WORDS = 8  # a shorter run is a common phrase ("if you have trouble breathing"), not a copied sentence
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def words(text):
    """The words of `text`, lower case, curly apostrophes made straight: the same words however typed."""
    return [word.replace("’", "'") for word in WORD.findall(text.lower())]


def run_hash(run):
    """The hash of a run of words: 16 hex digits of its SHA-256, enough that no two runs share one by chance."""
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:16]


def runs(word_list, n=RUN_WORDS):
    """Each run of `n` consecutive words, with the index of its first word."""
    return ((i, word_list[i:i + n]) for i in range(len(word_list) - n + 1))


def fingerprint(text):
    """The sorted hashes of every run of RUN_WORDS words in `text`."""
    return sorted({run_hash(run) for _, run in runs(words(text))})


def main(article):
    hashes = fingerprint(Path(article).read_text(encoding="utf-8"))
    FINGERPRINT.write_text(f"# The overview article's runs of {RUN_WORDS} words, hashed (tools/article_fingerprint.py):"
                           f" {len(hashes)} hashes, no text.\n" + "\n".join(hashes) + "\n", encoding="utf-8")
    print(f"{FINGERPRINT.relative_to(ROOT)}: {len(hashes)} hashes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
