"""Load the content files, check them and their cross-references, and build the content bundle.

Checking costs more than the rest of a cold start, so the bundles that passed every check are kept in a cache
folder outside the source tree (`build/content-cache/`, or `$TWITCH_CONTENT_CACHE`) under a hash of the content
files, of the code that checks them and of the libraries it uses: the next process with the very same files,
checks and libraries reads that JSON instead. Any change to any of them checks again.
"""
import hashlib
import json
import os
import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from . import contract, translations
from .content_schemas import FILES, KINDS, RULES_GRAMMAR

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
CACHE_DIR = ROOT / "build" / "content-cache"  # where checked bundles are kept, unless $TWITCH_CONTENT_CACHE says
KEPT_BUNDLES = 8  # the cache keeps the newest few (a test's changed copies beside the real content)
FILE_NAMES = tuple(FILES)  # every content file, in the order they are read
# Everything that decides whether content passes and what its bundle holds: a change to any of it checks again.
CHECKING_CODE = [Path(__file__).with_name(name) for name in
                 ("content.py", "content_schemas.py", "contract.py", "translations.py")]
CHECKING_LIBRARIES = ("marshmallow", "PyYAML")
MIN_TIPS_PER_TRIGGER = 3  # the product promises at least three things to try for each trigger
MAX_WEAK_WEIGHT = 2  # a link the content itself calls weak must not outrank well-sourced ones


class ContentError(Exception):
    """A content file is broken; the message names the file, the item, the field and what is wrong."""


def _yaml_loader():
    """Safe YAML without date guessing, so that `reviewed: 2026-11-25` stays the text it reads as."""
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return yaml, Loader


def _flatten(messages, path=()):
    """Turn marshmallow's nested error dict into (path, message) pairs."""
    if isinstance(messages, dict):
        for key, value in messages.items():
            yield from _flatten(value, path + (key,))
    elif isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        for message in messages:
            yield path, message
    else:
        for n, value in enumerate(messages):
            yield from _flatten(value, path + (n,))


def _describe(file_name, raw, path):
    """'questions.yml: questions[3] (id 'sleep'), field options.0.label' from an error path."""
    item, rest = "the file", list(path)
    if len(rest) >= 2 and isinstance(rest[1], int):
        key, index = rest[0], rest[1]
        rest = rest[2:]
        try:
            item_id = raw[key][index].get("id")
        except (KeyError, IndexError, AttributeError, TypeError):
            item_id = None
        item = f"{key}[{index}]" + (f" (id '{item_id}')" if item_id is not None else "")
    field = ".".join(str(p) for p in rest if p != "_schema") or "(the item itself)"
    return f"{file_name}: {item}, field {field}"


def _read(directory, file_name, text):
    yaml, loader = _yaml_loader()
    try:
        raw = yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        raise ContentError(f"{file_name}: not valid YAML: {error}") from None
    return _load(file_name, raw if raw is not None else {}, file_name)


def _load(file_name, raw, shown_as):
    """The file's data checked by its schema, or ContentError naming each field."""
    from marshmallow import ValidationError

    try:
        return FILES[file_name][1].load(raw)
    except ValidationError as error:
        problems = [f"{_describe(shown_as, raw, p)}: {m}" for p, m in _flatten(error.messages)]
        raise ContentError("\n".join(problems)) from None


def _part(file_name, data):
    key = FILES[file_name][0]
    return data[key] if key else data


def _read_translation(lang, file_name, text):
    """A language's texts for one file: {key: {from, text}}; an absent file is an empty one."""
    yaml, loader = _yaml_loader()
    where = translations.file_name_in(lang, file_name)
    if text is None:
        return {}
    try:
        raw = yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        raise ContentError(f"{where}: not valid YAML: {error}") from None
    raw = raw or {}
    if not isinstance(raw, dict) or not all(isinstance(v, dict) and set(v) <= {"from", "text"}
                                            and isinstance(v.get("from"), str) for v in raw.values()):
        raise ContentError(f'{where}: must map each key to {{from: "<hash of the English>", text: <the text>}}, '
                           "the hash quoted")
    return raw


def translated_files(texts, loaded, lang):
    """Every content file in `lang`: the English with each text replaced by the language's, checked again."""
    problems, files = [], {}
    for file_name, data in loaded.items():
        translation = _read_translation(lang, file_name, texts.get(translations.file_name_in(lang, file_name)))
        translated, found = translations.translate(file_name, data, translation, lang)
        problems += found
        files[file_name] = translated
    if problems:
        raise ContentError("\n".join(problems))
    return {name: _load(name, data, translations.file_name_in(lang, name)) for name, data in files.items()}


class _Checker:
    """Cross-reference checks across files; collects every problem before failing."""

    def __init__(self, parts):
        self.parts = parts
        self.problems = []

    def fail(self, file_name, kind, index, item_id, field, message):
        self.problems.append(f"{file_name}: {kind}[{index}] (id '{item_id}'), field {field}: {message}")

    def unique_ids(self, kind):
        seen = set()
        for n, item in enumerate(self.parts[kind.name]):
            if item["id"] in seen:
                self.fail(kind.file, kind.name, n, item["id"], "id", "this id is used twice")
            seen.add(item["id"])

    def stable_ids(self, kind):
        present = {item["id"] for item in self.parts[kind.name]}
        for missing in [i for i in kind.stable if i not in present]:
            self.problems.append(f"{kind.file}: {kind.name}: the stable id '{missing}' of the public contract is missing")

    def sources(self, kind):
        known = {s["id"]: s for s in self.parts["sources"]}
        for n, item in enumerate(self.parts[kind.name]):
            for source in item["sources"]:
                if source not in known:
                    self.fail(kind.file, kind.name, n, item["id"], "sources", f"unknown source '{source}'")
            if all(known.get(source, {}).get("background") for source in item["sources"]):
                self.fail(kind.file, kind.name, n, item["id"], "sources",
                          "cites only background reading: name a source that says it")

    def references(self, kind, field, target_kind):
        """Each id the field names (one id or a list) is an item of the target kind."""
        known = {item["id"] for item in self.parts[target_kind]}
        for n, item in enumerate(self.parts[kind.name]):
            named = item.get(field, [])
            for target in [named] if isinstance(named, str) else named:
                if target not in known:
                    self.fail(kind.file, kind.name, n, item["id"], field,
                              f"unknown {target_kind[:-1].replace('_', ' ')} '{target}'")

    def answer_tests(self, kind, field):
        """Every test of a rule names a known question and its options; `all` entries are checked test by test."""
        questions = {q["id"]: q for q in self.parts["questions"]}
        for n, item in enumerate(self.parts[kind.name]):
            for t, entry in enumerate(item.get(field, ())):
                tests = [(f"{field}.{t}.all.{k}", test) for k, test in enumerate(entry["all"])] if "all" in entry \
                    else [(f"{field}.{t}", entry)]
                for where, test in tests:
                    self.answer_test(kind.file, kind.name, n, item["id"], where, test, questions)

    def answer_test(self, file_name, kind, n, item_id, where, test, questions):
        question = questions.get(test["question"])
        if question is None:
            self.fail(file_name, kind, n, item_id, where, f"unknown question '{test['question']}'")
            return
        options = {o["id"] for o in question["options"]}
        named = test.get("includes_any", []) + test.get("includes_other_than", []) + test.get("includes_none", [])
        for option in named:
            if option not in options:
                self.fail(file_name, kind, n, item_id, where, f"question '{question['id']}' has no option '{option}'")
        if "count_at_least" in test and question["kind"] != "multi":
            self.fail(file_name, kind, n, item_id, where,
                      f"count_at_least needs a multi question, '{question['id']}' is single")

    def run(self):
        """The generic checks of every kind (from the table of kinds), then the product's rules."""
        for kind in KINDS:
            self.unique_ids(kind)
            if kind.name != "sources":
                self.sources(kind)
            self.stable_ids(kind)
            for field in kind.rules:
                self.answer_tests(kind, field)
            for field, target_kind in kind.references:
                self.references(kind, field, target_kind)
        for rule in (self.questions_keep_contract, self.weights_name_known_items, self.follow_ups,
                     self.weak_links_weigh_little, self.at_least_three_tips_per_trigger,
                     self.diary_habits_fit_the_questionnaire, self.words_agree_on_placeholders,
                     self.calls_match_the_advice, self.regions, self.doctor_questions,
                     self.safety_questions_cannot_be_skipped, self.safety_questions_come_first):
            rule()
        if self.problems:
            raise ContentError("\n".join(self.problems))

    def at_least_three_tips_per_trigger(self):
        for n, trigger in enumerate(self.parts["triggers"]):
            count = sum(tip["trigger"] == trigger["id"] for tip in self.parts["tips"])
            if count < MIN_TIPS_PER_TRIGGER:
                self.fail("triggers.yml", "triggers", n, trigger["id"], "tips",
                          f"has {count} tips in tips.yml, needs at least {MIN_TIPS_PER_TRIGGER}")

    def safety_questions_cannot_be_skipped(self):
        for n, question in enumerate(self.parts["questions"]):
            if question["id"] in contract.SAFETY_QUESTIONS and "must_answer" not in question:
                self.fail("questions.yml", "questions", n, question["id"], "must_answer",
                          "a safety question cannot be skipped: say why an answer is needed")

    def safety_questions_come_first(self):
        asked_first = [q for q in self.parts["questions"] if "follows" not in q]  # follow-ups come after their parent
        first = tuple(q["id"] for q in asked_first[:len(contract.SAFETY_QUESTIONS)])
        if self.parts["questions"] and first != contract.SAFETY_QUESTIONS:
            self.problems.append(f"questions.yml: the first questions must be {', '.join(contract.SAFETY_QUESTIONS)}"
                                 f" in this order: warning signs are asked first")

    def follow_ups(self):
        """Spec-v3 section 2.1: `ask_when` and `follows` name only earlier questions; a follow-up's options carry no
        weights; and every rule that tests a follow-up does so inside an `all` with a test on its parent question,
        so a follow-up answered without its parent option changes nothing."""
        questions = self.parts["questions"]
        place = {q["id"]: n for n, q in enumerate(questions)}
        parent = {q["id"]: q["follows"] for q in questions if "follows" in q}
        for n, question in enumerate(questions):
            if "follows" in question and place.get(question["follows"], n) >= n:
                self.fail("questions.yml", "questions", n, question["id"], "follows",
                          f"'{question['follows']}' must be an earlier question")
            for t, entry in enumerate(question.get("ask_when", ())):
                for test in entry.get("all", [entry]):
                    if place.get(test["question"], -1) >= n:
                        self.fail("questions.yml", "questions", n, question["id"], f"ask_when.{t}",
                                  f"'{test['question']}' is not an earlier question")
            if question["id"] in parent:
                for option in question["options"]:
                    if any(field in option for field in ("triggers", "conditions", "reason", "reasons")):
                        self.fail("questions.yml", "questions", n, question["id"], "options",
                                  f"option '{option['id']}' of a follow-up carries no weights or reasons")
        for file_name, kind, field in [(kind.file, kind.name, field) for kind in KINDS for field in kind.rules]:
            for n, item in enumerate(self.parts[kind]):
                for t, entry in enumerate(item.get(field, ())):
                    tests = entry.get("all", [entry])
                    named = {test["question"] for test in tests}
                    for follow_up in sorted(named & parent.keys()):
                        if not any(test["question"] == parent[follow_up] and "includes_any" in test for test in tests):
                            self.fail(file_name, kind, n, item["id"], f"{field}.{t}",
                                      f"tests the follow-up '{follow_up}' without its parent question "
                                      f"'{parent[follow_up]}' in the same `all`")

    def regions(self):
        """Spec-v3 section 3.3: every number names known sources; a region's health line is never one of its
        emergency numbers; 111 is a health line only in GB (in New Zealand it is the emergency number)."""
        regions = self.parts["regions"]
        known = {s["id"] for s in self.parts["sources"]}
        seen = set()
        for n, country in enumerate(regions["countries"]):
            if country["id"] in seen:
                self.fail("regions.yml", "countries", n, country["id"], "id", "this id is used twice")
            seen.add(country["id"])
            emergency = {number["number"] for number in country["emergency"]}
            line = country.get("health_line")
            for field, number in [*(("emergency", e) for e in country["emergency"]), *([("health_line", line)] if line else [])]:
                for source in number["sources"]:
                    if source not in known:
                        self.fail("regions.yml", "countries", n, country["id"], field, f"unknown source '{source}'")
            if line and line["number"] in emergency:
                self.fail("regions.yml", "countries", n, country["id"], "health_line",
                          f"'{line['number']}' is also an emergency number here")
            if line and line["number"] == "111" and country["id"] != "GB":
                self.fail("regions.yml", "countries", n, country["id"], "health_line",
                          "111 is a health line only in GB (in New Zealand it is the emergency number)")
        for number in regions["fallback"]["emergency"]:
            for source in number["sources"]:
                if source not in known:
                    self.problems.append(f"regions.yml: fallback, number {number['number']}: unknown source '{source}'")

    def questions_keep_contract(self):
        for n, question in enumerate(self.parts["questions"]):
            if question["id"] not in contract.QUESTIONS:
                continue
            kind, options = contract.QUESTIONS[question["id"]]
            if question["kind"] != kind:
                self.fail("questions.yml", "questions", n, question["id"], "kind", f"the public contract says '{kind}'")
            present = {o["id"] for o in question["options"]}
            for missing in [o for o in options if o not in present]:
                self.fail("questions.yml", "questions", n, question["id"], "options",
                          f"the stable option '{missing}' of the public contract is missing")

    def diary_habits_fit_the_questionnaire(self):
        """A habit asks a question of the questionnaire, with its options, and links to a known trigger."""
        questions = {q["id"]: q for q in self.parts["questions"]}
        triggers = {t["id"] for t in self.parts["triggers"]}
        known = {s["id"] for s in self.parts["sources"]}
        for n, habit in enumerate(self.parts["diary"]["habits"]):
            question = questions.get(habit["question"])
            if question is None:
                self.fail("diary.yml", "habits", n, habit["id"], "question", f"unknown question '{habit['question']}'")
                continue
            options = [o["id"] for o in question["options"]]
            for field in ("options", "counts_with"):
                for option in habit[field]:
                    if option not in options:
                        self.fail("diary.yml", "habits", n, habit["id"], field,
                                  f"question '{question['id']}' has no option '{option}'")
            for option in set(habit["counts_with"]) | set(habit.get("option_labels", {})):
                if option not in habit["options"]:
                    self.fail("diary.yml", "habits", n, habit["id"], "counts_with",
                              f"'{option}' is not one of the habit's options")
            if habit["trigger"] not in triggers:
                self.fail("diary.yml", "habits", n, habit["id"], "trigger", f"unknown trigger '{habit['trigger']}'")
            for source in habit["sources"]:
                if source not in known:
                    self.fail("diary.yml", "habits", n, habit["id"], "sources", f"unknown source '{source}'")
        for key in set(self.parts["diary"]["words"]) & set(self.parts["ui"]):
            self.problems.append(f"diary.yml: words, key {key}: also in ui.yml; a key lives in one file")

    def words_agree_on_placeholders(self):
        """Every plural form of a word names the same `{placeholders}`, so the app can fill in each one
        (`{count}` aside: "one" may say "a" or "another" instead of the number)."""
        for key, value in {**self.parts["ui"], **self.parts["diary"]["words"]}.items():
            if isinstance(value, dict):
                names = {form: set(translations.PLACEHOLDER.findall(text)) - {"count"} for form, text in value.items()}
                if len({frozenset(n) for n in names.values()}) > 1:
                    self.problems.append(f"ui.yml: ui, key {key}: the plural forms name different placeholders: "
                                         + "; ".join(f"{form} {sorted(n)}" for form, n in names.items()))

    def calls_match_the_advice(self):
        for n, level in enumerate(self.parts["triage_levels"]):
            for k, call in enumerate(level.get("calls", ())):
                if call["number"] not in level["advice"]:
                    self.fail("triage_levels.yml", "triage_levels", n, level["id"], f"calls.{k}.number",
                              f"'{call['number']}' is not named in the advice: the button and the words must agree")
            if level["id"] == contract.CALLS_LEVEL and not level.get("calls"):
                self.fail("triage_levels.yml", "triage_levels", n, level["id"], "calls",
                          "needs the numbers to call: the emergency screen shows them as buttons")

    def doctor_questions(self):
        section = next((s for s in self.parts["sections"] if s["id"] == contract.DOCTOR_SECTION), None)
        if section is None or not section.get("questions_to_ask"):
            self.problems.append(f"guide.yml: sections: '{contract.DOCTOR_SECTION}' with questions_to_ask is missing:"
                                 " the diary's summary for a doctor prints them")

    def weak_links_weigh_little(self):
        """A trigger marked `evidence: weak`, or a reason that calls its link weak, weighs at most MAX_WEAK_WEIGHT."""
        weak = {t["id"] for t in self.parts["triggers"] if t.get("evidence") == "weak"}
        for n, question in enumerate(self.parts["questions"]):
            for k, option in enumerate(question["options"]):
                for target, weight in option.get("triggers", {}).items():
                    reason = option.get("reasons", {}).get(target, option.get("reason", ""))
                    if (target in weak or "weak" in reason.lower()) and weight > MAX_WEAK_WEIGHT:
                        self.fail("questions.yml", "questions", n, question["id"], f"options.{k}.triggers.{target}",
                                  f"the evidence for this link is weak, so it weighs at most {MAX_WEAK_WEIGHT}, not {weight}")

    def weights_name_known_items(self):
        for kind, field in (("triggers", "triggers"), ("conditions", "conditions")):
            known = [item["id"] for item in self.parts[kind]]
            reached = set()
            for n, question in enumerate(self.parts["questions"]):
                for k, option in enumerate(question["options"]):
                    for target in option.get(field, {}):
                        if target not in known:
                            self.fail("questions.yml", "questions", n, question["id"], f"options.{k}.{field}",
                                      f"unknown {kind[:-1]} '{target}'")
                        reached.add(target)
            for n, item_id in enumerate(known):
                if item_id not in reached:
                    self.fail(f"{kind}.yml", kind, n, item_id, "id", "no answer can reach it: no option weights it")


def build_bundle(parts, lang, languages):
    """The content bundle the API serves and the app caches, in one language, with its version."""
    meta = parts["meta"]
    bundle = {
        "lang": lang,
        "languages": languages,
        "title": meta["title"],
        "disclaimer": meta["disclaimer"],
        "license": meta["license"],
        "score_scale": meta["score_scale"],
        "rules_grammar": RULES_GRAMMAR,
        "trust": {key: meta[key] for key in ("reviewed", "next_review", "report_problem", "checked_cases")},
        "search": {"synonyms": meta["search_synonyms"], "ignore": meta["search_ignore"]},
        "questionnaire": {"questions": parts["questions"]},
        "triggers": parts["triggers"],
        "red_flags": parts["red_flags"],
        "triage_levels": parts["triage_levels"],
        "tips": parts["tips"],
        "cautions": parts["cautions"],
        "conditions": parts["conditions"],
        "guide": {"sections": parts["sections"]},
        "faq": parts["faq"],
        "sources": parts["sources"],
        "diary": {"habits": parts["diary"]["habits"], "experiments": parts["diary"]["experiments"]},
        "ui": {**parts["ui"], **parts["diary"]["words"]},  # the diary's words beside the app's, one table
        "regions": parts["regions"],  # numbers by where the person is (spec-v3 section 3)
    }
    canonical = json.dumps(bundle, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return {"version": hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16], **bundle}


# The bundle in two parts for a quick first visit: what the check needs, then the reading and the diary's words.
REST = tuple(dict.fromkeys((*(kind.bundle_key or kind.name for kind in KINDS if kind.part == "rest"), "diary")))
DIARY_WORDS = "diary."  # the diary's words come with the diary, in the second part
BOTH = ("version", "lang")  # each part says which bundle it belongs to


def bundle_part(bundle, part):
    """The `check` or `rest` part of a bundle: together they hold every key of it, and `ui` split by key."""
    in_rest = part == "rest"
    kept = {key: value for key, value in bundle.items() if key in BOTH or (key in REST) == in_rest and key != "ui"}
    kept["ui"] = {key: word for key, word in bundle["ui"].items() if key.startswith(DIARY_WORDS) == in_rest}
    return kept


def _texts(directory):
    texts = {}
    for file_name in FILE_NAMES:
        try:
            texts[file_name] = (directory / file_name).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ContentError(f"{file_name}: the file is missing from {directory}") from None
    for path in sorted((directory / translations.TRANSLATIONS_DIR).glob("*/*.yml")):
        texts[path.relative_to(directory).as_posix()] = path.read_text(encoding="utf-8")
    return texts


def _fingerprint(texts):
    digest = hashlib.sha256(platform.python_version().encode())
    for library in CHECKING_LIBRARIES:
        digest.update(f"\0{library}=={metadata.version(library)}".encode())
    for code in CHECKING_CODE:
        digest.update(b"\0" + code.read_bytes())
    for file_name, text in texts.items():
        digest.update(file_name.encode() + b"\0" + text.encode("utf-8") + b"\0")
    return digest.hexdigest()[:32]


@dataclass
class ContentFolder:
    """A content folder read, each English file checked by its schema (`load`): what the tools and tests read."""

    directory: Path
    texts: dict  # every file's text, by its path in the folder: "tips.yml", "i18n/es/tips.yml"
    files: dict  # the English files checked by their schemas, by file name

    @property
    def languages(self):
        """Every language of the content, the source (English) first: [{id, name}]."""
        return self.files["meta.yml"]["languages"]

    def translation(self, lang, file_name):
        """A language's texts for one file: {key: {from, text}} (an absent file is an empty one)."""
        return _read_translation(lang, file_name, self.texts.get(translations.file_name_in(lang, file_name)))

    def files_in(self, lang):
        """Every file in `lang`: the English with each text replaced by the language's, checked again."""
        if lang == self.languages[0]["id"]:
            return self.files
        return translated_files(self.texts, self.files, lang)


def load(directory=CONTENT_DIR):
    """Read a content folder and check each file by its schema (not yet the references between files: `check`)."""
    directory = Path(directory)
    return _folder(directory, _texts(directory))


def _folder(directory, texts):
    return ContentFolder(directory, texts, {name: _read(directory, name, texts[name]) for name in FILE_NAMES})


def check(folder):
    """Check every file, the references between them and every language; {lang: bundle}, or ContentError."""

    source = folder.languages[0]["id"]  # the language the content is written in; the others translate it
    bundles = {}
    for language in folder.languages:
        lang = language["id"]
        files = folder.files_in(lang)
        parts = {FILES[name][0] or name.removesuffix(".yml"): _part(name, data) for name, data in files.items()}
        parts.update({kind.name: parts[kind.within][kind.name] for kind in KINDS if kind.within})
        parts["sources"] = with_page_languages(parts["sources"], folder.files["sources.yml"]["sources"], lang, source)
        _Checker(parts).run()
        bundles[lang] = build_bundle(parts, lang, folder.languages)
    return bundles


def with_page_languages(sources, english, lang, source_lang):
    """Each source with the language of the page it points to: a translation may point to a version in its own."""
    return [{**source, "language": lang if source["address"] != original["address"] else source_lang}
            for source, original in zip(sources, english)]


def cache_dir():
    """Where checked bundles are kept: $TWITCH_CONTENT_CACHE (a relative one from the project's root: the Lambda
    package names its own `content-cache/` so), else build/content-cache/ (never the content folder)."""
    return ROOT / os.environ.get("TWITCH_CONTENT_CACHE", CACHE_DIR)


def _remember(path, bundles):
    """Keep checked bundles for the next process, the newest few only; skipped where the disk is read-only."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
        partial.write_text(json.dumps(bundles, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)  # whole or not at all, for a process reading it at the same time
        kept = sorted(path.parent.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[KEPT_BUNDLES:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def load_bundles(directory=CONTENT_DIR):
    """Every language's bundle, {lang: bundle}, the first the source: from every content file read and checked
    (or the bundles these exact files, checks and libraries passed with)."""
    directory = Path(directory)
    texts = _texts(directory)
    kept = cache_dir() / f"{_fingerprint(texts)}.json"
    try:
        return json.loads(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    bundles = check(_folder(directory, texts))
    _remember(kept, bundles)
    return bundles


def load_content(directory=CONTENT_DIR, lang=None):
    """The bundle in `lang` (the content's own language, English, by default)."""
    bundles = load_bundles(directory)
    return bundles[lang] if lang else next(iter(bundles.values()))
