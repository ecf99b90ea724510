"""Texts in other languages: each English text has a key, and a language's file gives each key its text.

English is the source. `content/i18n/<lang>/<file>.yml` holds, for each text of `content/<file>.yml`, its key
(`sleep.options.lt5.label`), the text in that language and `from`: a short hash of the English it was made from.
When the English changes, the hash no longer matches and the translation is stale (`make i18n-status`).
Ids, weights and rules are never in a translation: they cannot differ between languages.
"""
import copy
import hashlib
import json
import re

from marshmallow import fields

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")  # `{count}` in a word: a value the app fills in
TRANSLATIONS_DIR = "i18n"


def file_name_in(lang, file_name):
    """Where a language's texts for a content file are, relative to the content folder: i18n/es/questions.yml."""
    return f"{TRANSLATIONS_DIR}/{lang}/{file_name}"


def fingerprint(value):
    """A short hash of an English text (or plural forms, or a list of calls): what a translation was made from."""
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:8]


def _rule(field):
    return field.metadata.get("translate")


def _item_key(item, n):
    return str(item["id"]) if isinstance(item, dict) and "id" in item else str(n)


def _walk(schema, data, path):
    """(key path, text, rule) for every translatable text under `data`, read by its schema."""
    for name, field in schema.fields.items():
        if name in data:
            yield from _walk_field(field, data[name], path + (name,))


def _walk_field(field, value, path):
    rule = _rule(field)
    if rule:
        yield path, value, rule
    elif isinstance(field, fields.Nested):
        yield from _walk(field.schema, value, path)
    elif isinstance(field, fields.List):
        for n, item in enumerate(value):
            yield from _walk_field(field.inner, item, path + (_item_key(item, n),))
    elif isinstance(field, fields.Dict) and field.value_field is not None:
        for key, item in value.items():
            yield from _walk_field(field.value_field, item, path + (key,))


def texts(file_name, data):
    """{key: (path, English value, rule)} for every translatable text of one loaded content file."""
    from .content_schemas import FILES

    key, schema = FILES[file_name]
    walked = _walk(schema, data, ())
    found = {}
    for path, value, rule in walked:
        if key:
            path = path[1:]  # a file holding one list or table: questions.sleep.text is sleep.text
        found[".".join(path)] = (path, value, rule)
    return found


def _place(data, file_name, path, value):
    """Put `value` at `path` in the loaded file `data` (lists are found by item id, or by position)."""
    from .content_schemas import FILES

    key, _schema = FILES[file_name]
    node = data[key] if key else data
    *parents, last = path
    for step in parents:
        node = _child(node, step)
    if isinstance(node, list):
        node[_index(node, last)] = value
    else:
        node[last] = value


def _index(items, step):
    for n, item in enumerate(items):
        if _item_key(item, n) == step:
            return n
    raise KeyError(step)


def _child(node, step):
    return node[_index(node, step)] if isinstance(node, list) else node[step]


def placeholders(value):
    """The `{names}` a text (or its plural forms, `{count}` aside) asks the app to fill in."""
    if isinstance(value, dict):
        return set().union(*(PLACEHOLDER.findall(v) for v in value.values())) - {"count"}
    if isinstance(value, str):
        return set(PLACEHOLDER.findall(value))
    return set()


def translate(file_name, data, translation, lang):
    """The loaded file in `lang`, and the problems that stop it loading (missing, unknown, broken texts).

    `translation` is the language's file: {key: {from, text}}. Stale texts (English changed since) still load:
    they are listed by `stale`, and a test fails on them.
    """
    english = texts(file_name, data)
    translated = copy.deepcopy(data)
    problems = []
    where = file_name_in(lang, file_name)
    for key, (path, value, rule) in english.items():
        entry = translation.get(key)
        if entry is None:
            if rule is True or rule == "whole":
                problems.append(f"{where}: {key}: not translated (English: {_short(value)})")
            continue
        text = entry.get("text") if isinstance(entry, dict) else None
        if not _same_shape(value, text):
            problems.append(f"{where}: {key}: needs a text{' (or plural forms)' if isinstance(value, dict) else ''}"
                            f" like the English: {_short(value)}")
            continue
        if placeholders(text) != placeholders(value):
            problems.append(f"{where}: {key}: names {sorted(placeholders(text))}, the English names "
                            f"{sorted(placeholders(value))}: the app fills in the same values in every language")
            continue
        _place(translated, file_name, path, text)
    for key in sorted(set(translation) - set(english)):
        problems.append(f"{where}: {key}: no English text has this key (removed or renamed?)")
    return translated, problems


def _same_shape(english, text):
    if isinstance(english, str):
        return isinstance(text, str) and text.strip() != ""
    if isinstance(english, dict):  # plural forms: each language has its own categories, `other` always
        return isinstance(text, dict) and "other" in text and all(isinstance(v, str) and v.strip() for v in text.values())
    if isinstance(english, list):  # calls ({number, where}), search words: items of the English's kind, checked again by the schema
        kind = type(english[0]) if english else dict
        return isinstance(text, list) and len(text) > 0 and all(isinstance(item, kind) for item in text)
    return False


def _short(value):
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def stale(file_name, data, translation):
    """Keys whose English changed since they were translated: (key, English now)."""
    english = texts(file_name, data)
    return [(key, english[key][1]) for key, entry in translation.items()
            if key in english and isinstance(entry, dict) and entry.get("from") != fingerprint(english[key][1])]


def missing(file_name, data, translation):
    """Keys every language must have and this one lacks: (key, English)."""
    return [(key, value) for key, (_path, value, rule) in texts(file_name, data).items()
            if (rule is True or rule == "whole") and not (translation.get(key) or {}).get("text")]
