#!/usr/bin/env python3
"""The translations' state: what each language lacks and what went stale since the English changed.

    python tools/i18n.py status [LANG...]     (make i18n-status: exits 1 if any text is missing or stale)
    python tools/i18n.py add LANG             adds every missing key to content/i18n/LANG/, English as a comment
    python tools/i18n.py stamp LANG KEY...    after re-reading a stale text against its English: record the new hash
    python tools/i18n.py check LANG FILE...   one file's problems, stale texts, readability and English words left
"""
import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from api import translations  # noqa: E402
from api.content import CONTENT_DIR, load  # noqa: E402


def translation_path(directory, lang, file_name):
    return directory / translations.file_name_in(lang, file_name)


def languages(folder):
    """The languages that translate the content (the source, English, aside)."""
    return [language["id"] for language in folder.languages[1:]]


def status(folder, langs):
    """Print each missing and stale text with its English; the number of them."""
    files = folder.files
    count = 0
    for lang in langs:
        for file_name, data in files.items():
            translation = folder.translation(lang, file_name)
            for label, found in (("missing", translations.missing(file_name, data, translation)),
                                 ("stale", translations.stale(file_name, data, translation))):
                for key, english in found:
                    count += 1
                    print(f"{lang} {label}: {file_name} {key}\n    English now: {translations._short(english)}")
        print(f"{lang}: {sum(len(t) for t in map(lambda f: translations.texts(f, files[f]), files))} texts")
    print(f"{count} to translate or re-read" if count else "every translation is there and up to date")
    return count


def _comment(value):
    import json

    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return "".join(f"  # {line}\n" for line in text.splitlines() or [""])


def add(folder, lang):
    """Append every missing key to the language's files, with an empty text and the English as a comment."""
    import yaml

    directory = folder.directory
    for file_name, data in folder.files.items():
        translation = folder.translation(lang, file_name)
        needed = [(key, english) for key, english in translations.missing(file_name, data, translation)
                  if key not in translation]  # a key there with no text yet is the translator's to fill
        if not needed:
            continue
        path = translation_path(directory, lang, file_name)
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = [] if path.is_file() else [f"# {lang} texts for content/{file_name}: `from` is the hash of the English "
                                            f"each was made from (make i18n-status).\n"]
        for key, english in needed:
            lines.append(f"{yaml.safe_dump(key).removesuffix(chr(10) + '...' + chr(10)).strip()}:\n")
            lines.append(_comment(english))
            lines.append(f'  from: "{translations.fingerprint(english)}"\n  text:\n')
        with path.open("a", encoding="utf-8") as out:
            out.writelines(lines)
        print(f"{path.relative_to(directory.parent)}: {len(needed)} keys added")


def stamp(folder, lang, keys):
    """Record the English's current hash, and show it as the comment, for these keys (after re-reading each
    translation against it)."""
    import re

    for file_name, data in folder.files.items():
        english = translations.texts(file_name, data)
        path = translation_path(folder.directory, lang, file_name)
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        for key in [k for k in keys if k in english]:
            pattern = re.compile(rf'^{re.escape(key)}:\n(?:  #.*\n)*  from: "?\w+"?$', re.M)
            value = english[key][1]
            fresh = f'{key}:\n{_comment(value)}  from: "{translations.fingerprint(value)}"'
            text, n = pattern.subn(lambda _match: fresh, text)  # the English comment as it is now, too
            if n:
                print(f"{file_name} {key}: stamped")
        path.write_text(text, encoding="utf-8")


def check(folder, lang, file_names):
    """What stops these files loading in `lang`, what is stale, their Spanish readability and English words left."""
    sys.path.insert(0, str(ROOT / "tests"))
    from readability import english_words, inflesz

    files = folder.files
    bad = 0
    for file_name in file_names:
        file_name = Path(file_name).name
        translation = folder.translation(lang, file_name)
        _data, problems = translations.translate(file_name, files[file_name], translation, lang)
        done = [entry["text"] for entry in translation.values() if isinstance(entry, dict) and entry.get("text")]
        flat = [t for text in done for t in (text.values() if isinstance(text, dict) else [text])
                if isinstance(t, str)]
        left = {w for t in flat for w in english_words(t)}
        for problem in problems:
            print(problem)
        for key, english in translations.stale(file_name, files[file_name], translation):
            print(f"stale: {key} (English now: {translations._short(english)})")
        score = f"{inflesz(flat):.1f}" if flat else "-"
        print(f"{file_name}: {len(done)} texts, {len(problems)} problems, INFLESZ {score}"
              f"{', English words: ' + ', '.join(sorted(left)) if left else ''}")
        bad += len(problems)
    return bad


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("status", "add", "stamp", "check"))
    parser.add_argument("lang", nargs="?")
    parser.add_argument("keys", nargs="*")
    parser.add_argument("--content-dir", type=Path, default=CONTENT_DIR)
    args = parser.parse_args(argv)
    folder = load(args.content_dir)
    if args.command == "status":
        return 1 if status(folder, [args.lang] if args.lang else languages(folder)) else 0
    if not args.lang:
        parser.error("name the language, like es")
    if args.command == "check":
        return 1 if check(folder, args.lang, args.keys) else 0
    if args.command == "add":
        add(folder, args.lang)
    else:
        stamp(folder, args.lang, args.keys)
    return 0


if __name__ == "__main__":
    sys.exit(main())
