"""Write the words of content/ui.yml into frontend/index.html, where the page shows them before the app has loaded.

An element with `data-word="key"` gets that word as its text; `data-word-content="key"` (or
`data-word-aria-label`) sets that attribute, written after it. Run `make index-html` after changing those words; a test fails until then.
"""
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.content import load_content  # noqa: E402

INDEX = ROOT / "frontend" / "index.html"
TEXT = re.compile(r'(<(\w+)\b[^>]*\sdata-word="([a-z0-9_.]+)"[^>]*>)(.*?)(</\2>)', re.S)
ATTRIBUTE = re.compile(r'(<\w+\b[^>]*\sdata-word-(content|aria-label)="([a-z0-9_.]+)"[^>]*\s\2=")([^"]*)(")')


def with_words(page, ui):
    """The page with every marked element's words taken from `ui`."""
    page = TEXT.sub(lambda m: m.group(1) + html.escape(ui[m.group(3)], quote=False) + m.group(5), page)
    return ATTRIBUTE.sub(lambda m: m.group(1) + html.escape(ui[m.group(3)]) + m.group(5), page)


def keys_in(page):
    """The word keys the page uses."""
    return {m.group(3) for m in TEXT.finditer(page)} | {m.group(3) for m in ATTRIBUTE.finditer(page)}


def main():
    page = INDEX.read_text(encoding="utf-8")
    updated = with_words(page, load_content()["ui"])
    if updated != page:
        INDEX.write_text(updated, encoding="utf-8")
        print("frontend/index.html: words updated (run make sw-version)")
    else:
        print("frontend/index.html: words up to date")


if __name__ == "__main__":
    main()
