"""Every language holds the same content with only its texts changed, complete, up to date and readable; the API
serves each one when asked, with the same results."""
import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from api import engine, translations
from api.content import CONTENT_DIR, FILE_NAMES, ContentError, load, load_bundles
from readability import english_words, inflesz

ROOT = Path(__file__).resolve().parent.parent
VECTORS = json.loads((ROOT / "tests" / "vectors" / "assessments.json").read_text(encoding="utf-8"))
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402


@pytest.fixture(scope="module")
def bundles():
    return load_bundles()


def test_the_content_is_in_english_and_spanish(bundles):
    assert list(bundles) == ["en", "es"]
    assert [language["name"] for language in bundles["es"]["languages"]] == ["English", "Español"]
    assert bundles["es"]["lang"] == "es" and bundles["es"]["version"] != bundles["en"]["version"]


def blanked(file_name, data):
    """The file with every text a language gives taken out: ids, weights and rules are what remains."""
    data = copy.deepcopy(data)
    for path, _value, _rule in translations.texts(file_name, data).values():
        translations._place(data, file_name, path, None)
    return data


def test_every_language_has_the_same_ids_weights_and_rules():
    folder = load()
    english = folder.files
    for lang in i18n.languages(folder):
        translated = folder.files_in(lang)
        for file_name in FILE_NAMES:
            assert blanked(file_name, translated[file_name]) == blanked(file_name, english[file_name]), file_name
        assert translated["questions.yml"] != english["questions.yml"]  # the texts did change


def test_every_text_is_translated_and_none_is_stale():
    """Fails when the English changed since a translation was made: `make i18n-status` lists what to re-read."""
    folder = load()
    for lang in i18n.languages(folder):
        for file_name, data in folder.files.items():
            translation = folder.translation(lang, file_name)
            assert translations.missing(file_name, data, translation) == [], (lang, file_name)
            assert translations.stale(file_name, data, translation) == [], \
                f"{lang}/{file_name}: English changed since translated; run make i18n-status"


def test_i18n_status_names_a_text_whose_english_changed(content_copy):
    path = content_copy / "triggers.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Not enough sleep", "title: Too little sleep"),
                    encoding="utf-8")
    result = subprocess.run([sys.executable, "tools/i18n.py", "status", "--content-dir", str(content_copy)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "es stale: triggers.yml sleep.title" in result.stdout and "Too little sleep" in result.stdout
    load_bundles(content_copy)  # stale texts still load: the app keeps working while a translator catches up


def break_translation(folder, file_name, change):
    path = folder / "i18n" / "es" / file_name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_a_missing_translation_stops_the_load_and_names_the_key(content_copy):
    break_translation(content_copy, "red_flags.yml", lambda d: d.pop("breathing.advice"))
    with pytest.raises(ContentError, match=r"i18n/es/red_flags.yml: breathing.advice: not translated"):
        load_bundles(content_copy)


def test_a_translation_must_keep_the_placeholders(content_copy):
    break_translation(content_copy, "ui.yml", lambda d: d["question.progress"].update(text="Pregunta {n}"))
    with pytest.raises(ContentError, match=r"question.progress: names \['n'\], the English names \['n', 'total'\]"):
        load_bundles(content_copy)


def test_a_translated_call_must_be_named_in_its_advice(content_copy):
    break_translation(content_copy, "triage_levels.yml", lambda d: d["emergency_ambulance.calls"]["text"].append(
        {"number": "123", "where": "Colombia"}))
    with pytest.raises(ContentError, match=r"emergency_ambulance.*calls.3.number.*'123' is not named in the advice"):
        load_bundles(content_copy)


def test_a_key_the_english_lacks_stops_the_load(content_copy):
    break_translation(content_copy, "faq.yml", lambda d: d.update({"no_such_question.question": {
        "from": "00000000", "text": "¿Qué?"}}))
    with pytest.raises(ContentError, match=r"no_such_question.question: no English text has this key"):
        load_bundles(content_copy)


def spanish_texts(*file_names):
    """Every Spanish text of these content files (all of them when none is named), plural forms and calls' places
    as texts of their own."""
    folder = load()
    english, spanish = folder.files, folder.files_in("es")
    texts = []
    for file_name in file_names or FILE_NAMES:
        in_english = translations.texts(file_name, english[file_name])  # once a file, not once a text
        for key, (_path, value, rule) in translations.texts(file_name, spanish[file_name]).items():
            if rule == "optional" and value == in_english[key][1]:
                continue  # a source's own title, where it has no Spanish page
            if isinstance(value, dict):
                texts += value.values()
            elif isinstance(value, list):
                texts += [call["where"] for call in value if isinstance(call, dict)]  # calls; search words are no prose
            else:
                texts.append(value)
    return texts


def test_spanish_reads_fairly_easy():
    """INFLESZ 65 or more is "bastante fácil" (Szigriszt-Pazos); the English is held to grade 8 the same way."""
    assert inflesz(["La fasciculación benigna constituye una manifestación neurológica habitualmente "
                    "autolimitada, cuya etiología permanece indeterminada en numerosos pacientes."]) < 40
    assert inflesz(spanish_texts()) >= 65
    for file_name in FILE_NAMES:
        if file_name == "regions.yml":
            continue  # names of countries and services ("Nueva Zelanda"), no sentences to score; counted in the whole
        assert inflesz(spanish_texts(file_name)) >= 65, file_name


def test_no_english_words_are_left_in_spanish():
    left = {text: english_words(text) for text in spanish_texts() if english_words(text)}
    assert left == {}


def test_emergency_advice_in_spanish_names_112_and_911_with_buttons(bundles):
    for level in bundles["es"]["triage_levels"]:
        if level["id"] in ("emergency_ambulance", "emergency"):
            numbers = [call["number"] for call in level["calls"]]
            assert numbers[:2] == ["112", "911"], level["id"]
            assert "112" in level["advice"] and "911" in level["advice"]


# --- the API ---

def test_lang_picks_the_language_with_its_own_etag(client):
    english = client.get("/api/v1/triggers")
    spanish = client.get("/api/v1/triggers?lang=es")
    assert spanish.status_code == 200 and spanish.headers["Content-Language"] == "es"
    assert english.headers["Content-Language"] == "en"
    assert "Accept-Language" in spanish.headers["Vary"]
    assert spanish.headers["ETag"] != english.headers["ETag"]
    assert spanish.json["triggers"][0]["id"] == english.json["triggers"][0]["id"]
    assert spanish.json["triggers"][0]["title"] != english.json["triggers"][0]["title"]
    again = client.get("/api/v1/triggers?lang=es", headers={"If-None-Match": spanish.headers["ETag"]})
    assert again.status_code == 304
    assert client.get("/api/v1/triggers", headers={"If-None-Match": spanish.headers["ETag"]}).status_code == 200


@pytest.mark.parametrize("header, lang", [("es-MX,es;q=0.9,en;q=0.8", "es"), ("es", "es"), ("fr-FR,es;q=0.5", "es"),
                                          ("fr, de", "en"), ("en-GB,es;q=0.9", "en"), ("*", "en")])
def test_accept_language_chooses_when_lang_is_not_given(client, header, lang):
    response = client.get("/api/v1/content/check", headers={"Accept-Language": header})
    assert response.headers["Content-Language"] == lang and response.json["lang"] == lang


def test_an_unknown_language_is_a_422_naming_lang(client):
    for url in ("/api/v1/content?lang=fr", "/api/v1/tips?lang=EN", "/api/v1/triggers/sleep?lang="):
        response = client.get(url)
        assert response.status_code == 422 and response.mimetype == "application/problem+json", url
        assert response.json["errors"][0]["field"] == "lang"
    posted = client.post("/api/v1/assessments?lang=xx", json={"answers": {}})
    assert posted.status_code == 422 and posted.json["errors"][0]["field"] == "lang"


def test_assessments_agree_in_every_language_on_every_vector(client, bundles):
    """The API answers each language with that language's engine result; the vectors (tests/test_engine.py) hold
    every language to the same ids, scores and order."""
    for case in VECTORS["cases"]:
        for lang, bundle in bundles.items():
            response = client.post(f"/api/v1/assessments?lang={lang}", json={"answers": case["answers"]})
            assert response.status_code == 200 and response.headers["Content-Language"] == lang
            assert response.json == engine.assess(bundle, case["answers"]), case["name"]


def test_the_two_parts_hold_the_whole_bundle(client):
    for lang in ("en", "es"):
        whole = client.get(f"/api/v1/content?lang={lang}").json
        check = client.get(f"/api/v1/content/check?lang={lang}").json
        rest = client.get(f"/api/v1/content/rest?lang={lang}").json
        assert check["version"] == rest["version"] == whole["version"]
        assert "guide" not in check and "questionnaire" not in rest
        merged = {**check, **{k: v for k, v in rest.items() if k != "ui"}, "ui": {**check["ui"], **rest["ui"]}}
        assert merged.keys() == whole.keys() and merged == {key: merged[key] for key in whole}
        assert json.dumps(merged, sort_keys=True) == json.dumps(whole, sort_keys=True)


def test_the_document_offers_lang_on_every_content_route(client):
    spec = client.get("/api/v1/openapi.json").json
    for path, item in spec["paths"].items():
        operation = item.get("get") or item.get("post")
        if path.endswith("openapi.json"):
            continue
        names = [p["name"] for p in operation.get("parameters", [])]
        assert "lang" in names, path
        lang = next(p for p in operation["parameters"] if p["name"] == "lang")
        assert lang["schema"]["x-extensible-enum"] == ["en", "es"] and "enum" not in lang["schema"]


def test_every_file_has_its_spanish_texts():
    assert sorted(p.name for p in (CONTENT_DIR / "i18n" / "es").glob("*.yml")) == sorted(FILE_NAMES)
