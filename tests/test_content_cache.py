"""The checked-content cache: kept outside the content folder, and reused only for the very same content files,
checking code and libraries (anything else checks the content again)."""
import pytest

from api import content as content_module
from api.content import ContentError, load_content


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("TWITCH_CONTENT_CACHE", str(folder))
    return folder


def test_a_checked_bundle_is_kept_in_the_cache_folder_never_in_the_content(content_copy, cache, content):
    before = sorted(content_copy.rglob("*"))
    assert load_content(content_copy)["version"] == content["version"]
    assert len(list(cache.glob("*.json"))) == 1
    assert sorted(content_copy.rglob("*")) == before


def test_a_changed_file_is_checked_again(content_copy, cache):
    load_content(content_copy)
    path = content_copy / "triggers.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    why: ", "    wy: ", 1), encoding="utf-8")
    with pytest.raises(ContentError, match="wy"):
        load_content(content_copy)


@pytest.mark.parametrize("change", ["translations.py", "a library"])
def test_a_change_to_the_checking_code_or_a_library_checks_again(content_copy, cache, monkeypatch, change):
    load_content(content_copy)
    checked = []
    monkeypatch.setattr(content_module, "check", lambda *args: checked.append(args) or {"en": {}})
    load_content(content_copy)
    assert checked == []  # the same files, code and libraries: the kept bundles
    if change == "translations.py":
        changed = cache.parent / "translations.py"
        changed.write_text(content_module.CHECKING_CODE[-1].read_text(encoding="utf-8") + "\n# changed\n")
        monkeypatch.setattr(content_module, "CHECKING_CODE", [*content_module.CHECKING_CODE[:-1], changed])
    else:
        version = content_module.metadata.version
        monkeypatch.setattr(content_module.metadata, "version",
                            lambda name: "0.0" if name == "marshmallow" else version(name))
    load_content(content_copy)
    assert len(checked) == 1


def test_a_broken_cache_file_is_checked_again(content_copy, cache, content):
    load_content(content_copy)
    (kept,) = cache.glob("*.json")
    kept.write_text("{not json", encoding="utf-8")
    assert load_content(content_copy)["version"] == content["version"]
