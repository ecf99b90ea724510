"""Write the words of content/ui.yml into frontend/index.html, where the page shows them before the app has loaded.

An element with `data-word="key"` gets that word as its text; `data-word-content="key"` (or
`data-word-aria-label`) sets that attribute, written after it. The page also carries, for each language, a
`<template class="boot-words" lang="...">` with every one of its words, for the time before the content loads.
Run `make index-html` after changing those words; a test fails until then.
"""
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.content import load_bundles  # noqa: E402

INDEX = ROOT / "frontend" / "index.html"
TEXT = re.compile(r'(<(\w+)\b[^>]*\sdata-word="([a-z0-9_.]+)"[^>]*>)(.*?)(</\2>)', re.S)
ATTRIBUTE = re.compile(r'(<\w+\b[^>]*\sdata-word-(content|aria-label)="([a-z0-9_.]+)"[^>]*\s\2=")([^"]*)(")')


def with_words(page, ui):
    """The page with every marked element's words taken from `ui`."""
    page = TEXT.sub(lambda m: m.group(1) + html.escape(ui[m.group(3)], quote=False) + m.group(5), page)
    return ATTRIBUTE.sub(lambda m: m.group(1) + html.escape(ui[m.group(3)]) + m.group(5), page)


TEMPLATES = re.compile(r'(?:<template class="boot-words" lang="[a-z]+">.*?</template>\n)+', re.S)


def render(page, bundles):
    """The page in the content's own language, with one template of its words per language."""
    templates = TEMPLATES.search(page)
    before, after = page[:templates.start()], page[templates.end():]
    source = next(iter(bundles.values()))["ui"]
    keys = sorted(keys_in(page))
    blocks = []
    for lang, bundle in bundles.items():
        words = "".join(f'  <p data-word="{key}">{html.escape(bundle["ui"][key], quote=False)}</p>\n' for key in keys)
        blocks.append(f'<template class="boot-words" lang="{lang}">\n{words}</template>\n')
    return with_words(before, source) + "".join(blocks) + with_words(after, source)


def keys_in(page):
    """The word keys the page uses."""
    return {m.group(3) for m in TEXT.finditer(page)} | {m.group(3) for m in ATTRIBUTE.finditer(page)}


def main():
    page = INDEX.read_text(encoding="utf-8")
    updated = render(page, load_bundles())
    if updated != page:
        INDEX.write_text(updated, encoding="utf-8")
        print("frontend/index.html: words updated (run make sw-version)")
    else:
        print("frontend/index.html: words up to date")


if __name__ == "__main__":
    main()
