"""Write the words of content/ui.yml into frontend/index.html, where the page shows them before the app has loaded.

An element with `data-word="key"` gets that word as its text; `data-word-content="key"` (or
`data-word-aria-label`) sets that attribute, written after it. The page also carries, for each language, a
`<template class="boot-words" lang="...">` with every one of its words, for the time before the content loads.
It also carries css/app.css inline, for a first paint with no stylesheet to wait for, and its first script runs the
app's own functions that choose the language and put the words in (copied from js/language.js and js/words.js).
Run `make index-html` after changing those words, css/app.css or those functions; a test fails until then.
"""
import base64
import hashlib
import html
import json
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
    return (styled(languages(with_words(before, source), bundles)) + "".join(blocks)
            + with_boot_functions(with_words(after, source)))


STYLE = re.compile(r"(<style>\n).*?(</style>)", re.S)
APP_CSS = ROOT / "frontend" / "css" / "app.css"


def styled(page):
    """css/app.css inline in the page: no stylesheet request stands between the first byte and the first paint
    (its hash goes into the CSP, api/headers.py). css/app.css stays the file to edit."""
    return STYLE.sub(lambda m: m.group(1) + APP_CSS.read_text(encoding="utf-8") + m.group(2), page, count=1)


JS = ROOT / "frontend" / "js"
# The functions index.html's first script runs before the modules load, by the module that holds each.
BOOT_FUNCTIONS = {"language.js": ["startingLanguage"], "words.js": ["wordsOfPage", "putWords"]}
COPIES = re.compile(r"(// Copied from js/[^\n]*\n).*?(// End of the copies\.)", re.S)


def boot_functions():
    """The source of each function the first script runs, as its module has it, without `export`."""
    sources = []
    for module, names in BOOT_FUNCTIONS.items():
        text = (JS / module).read_text(encoding="utf-8")
        for name in names:
            found = re.search(rf"^export (function {name}\(.*?^\}}\n)", text, re.M | re.S)
            if not found:
                raise SystemExit(f"frontend/js/{module} has no `export function {name}(` ending in a `}}` line")
            sources.append(found.group(1))
    return "".join(sources)


def with_boot_functions(page):
    """The first script with the app's own functions in it: the language choice and the words are written once."""
    return COPIES.sub(lambda m: m.group(1) + boot_functions() + m.group(2), page, count=1)


SELECT = re.compile(r'(<select id="home-language">).*?(</select>)', re.S)


def languages(page, bundles):
    """The home screen's Language control lists every language, each named in itself, the first chosen."""
    options = "".join(f'<option value="{lang}" lang="{lang}"{" selected" if n == 0 else ""}>'
                      f'{html.escape(bundle["languages"][n]["name"])}</option>'
                      for n, (lang, bundle) in enumerate(bundles.items()))
    return SELECT.sub(lambda m: m.group(1) + options + m.group(2), page)


def keys_in(page):
    """The word keys the page uses."""
    return {m.group(3) for m in TEXT.finditer(page)} | {m.group(3) for m in ATTRIBUTE.finditer(page)}


CSP_HASHES = ROOT / "frontend" / "csp-hashes.json"


def csp_hashes(page):
    """The CSP sources for the page's inline `<script>` and `<style>` blocks, for the API's Content-Security-Policy
    (api/policy.py reads them from frontend/csp-hashes.json): any other inline block is blocked."""
    return {tag: [f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode()}'"
                  for body in re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.S)] for tag in ("script", "style")}


def csp_hashes_text(page):
    return json.dumps(csp_hashes(page), indent=2) + "\n"


def main():
    page = INDEX.read_text(encoding="utf-8")
    updated = render(page, load_bundles())
    if updated != page:
        INDEX.write_text(updated, encoding="utf-8")
        print("frontend/index.html: words updated (run make sw-version)")
    else:
        print("frontend/index.html: words up to date")
    hashes = csp_hashes_text(updated)
    if not CSP_HASHES.is_file() or CSP_HASHES.read_text(encoding="utf-8") != hashes:
        CSP_HASHES.write_text(hashes, encoding="utf-8")
        print("frontend/csp-hashes.json: updated")


if __name__ == "__main__":
    main()
