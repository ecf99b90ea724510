"""Compression as a client sees it: brotli or gzip when asked for, the same bytes once decoded, a Vary that
names Accept-Encoding, an ETag per encoding that still gets 304s, and nothing compressed that should not be."""
import gzip
import json

import brotli
import pytest

from api import compression

ANSWERS = {"answers": {"warning_signs": ["none"], "other_signs": ["none"], "areas": ["eyelid"],
                       "sleep": "under_5h", "caffeine": "5_plus", "screen_time": "over_8h"}}
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}
# Every kind of text the app serves: JSON, HTML, JavaScript, CSS, SVG, the web manifest.
TEXT_FILES = ["/api/v1/content", "/api/v1/openapi.json", "/api/docs", "/", "/js/app.js", "/css/app.css",
              "/icons/icon.svg", "/manifest.webmanifest"]


def get(client, path, encoding=None, **headers):
    if encoding:
        headers["Accept-Encoding"] = encoding
    return client.get(path, headers=headers)


def decoded(response):
    encoding = response.headers.get("Content-Encoding")
    return DECODE[encoding](response.get_data()) if encoding else response.get_data()


def vary(response):
    return {v.strip().lower() for v in response.headers.get("Vary", "").split(",") if v.strip()}


@pytest.mark.parametrize("encoding", ["br", "gzip"])
@pytest.mark.parametrize("path", TEXT_FILES)
def test_text_is_compressed_when_asked_and_decodes_to_the_same_bytes(client, path, encoding):
    plain = get(client, path)
    packed = get(client, path, encoding)
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == encoding
    assert int(packed.headers["Content-Length"]) == len(packed.get_data()) < len(plain.get_data())
    assert decoded(packed) == plain.get_data()
    assert packed.headers["Content-Type"] == plain.headers["Content-Type"]
    assert "accept-encoding" in vary(plain) and "accept-encoding" in vary(packed)


def test_brotli_is_preferred_and_quality_factors_are_heard(client):
    assert get(client, "/api/v1/content", "gzip, deflate, br").headers["Content-Encoding"] == "br"
    assert get(client, "/api/v1/content", "br;q=0.5, gzip").headers["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in get(client, "/api/v1/content", "identity").headers
    assert "Content-Encoding" not in get(client, "/api/v1/content", "deflate, compress").headers


def test_each_encoding_has_its_own_etag_and_each_gets_its_304(client):
    tags = {encoding: get(client, "/api/v1/content", encoding).headers["ETag"] for encoding in (None, "br", "gzip")}
    assert len(set(tags.values())) == 3, tags  # a strong ETag names one sequence of bytes
    for encoding, tag in tags.items():
        again = get(client, "/api/v1/content", encoding, **{"If-None-Match": tag})
        assert again.status_code == 304
        assert again.headers["ETag"] == tag  # the 304 names what the client holds
        assert not again.get_data()
        assert "accept-encoding" in vary(again)


def test_app_files_304_with_the_compressed_tag(client):
    first = get(client, "/js/app.js", "br")
    again = get(client, "/js/app.js", "br", **{"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.headers["ETag"] == first.headers["ETag"]


def test_an_unquoted_compressed_tag_is_no_match(client):
    tag = get(client, "/api/v1/content", "br").headers["ETag"].strip('"')
    assert get(client, "/api/v1/content", "br", **{"If-None-Match": tag}).status_code == 200


def test_vary_keeps_what_was_there(client):
    response = get(client, "/api/v1/content", "br", **{"Accept-Language": "en"})
    assert {"accept-encoding", "accept-language"} <= vary(response)
    assert response.headers.get_all("Vary") == [response.headers["Vary"]]  # one header, not two that fight


def test_tiny_bodies_are_sent_as_they_are(client):
    response = get(client, "/api/v1/health", "br, gzip")
    assert len(response.get_data()) < compression.MIN_SIZE
    assert "Content-Encoding" not in response.headers
    assert "accept-encoding" in vary(response)


def test_images_are_not_compressed_again(client):
    response = get(client, "/icons/icon-192.png", "br, gzip")
    assert response.status_code == 200 and "Content-Encoding" not in response.headers


def test_head_says_what_get_would_send(client):
    got = get(client, "/api/v1/content", "br")
    head = client.head("/api/v1/content", headers={"Accept-Encoding": "br"})
    assert head.status_code == 200 and not head.get_data()
    for name in ("Content-Encoding", "Content-Length", "ETag", "Vary"):
        assert head.headers[name] == got.headers[name]


def test_problems_are_compressed_too(client):
    plain = client.post("/api/v1/assessments", json={"answers": {f"q{n}": "x" for n in range(60)}})
    packed = client.post("/api/v1/assessments", json={"answers": {f"q{n}": "x" for n in range(60)}},
                         headers={"Accept-Encoding": "br"})
    assert plain.status_code == packed.status_code == 422
    assert packed.headers["Content-Type"] == "application/problem+json"
    assert packed.headers["Content-Encoding"] == "br"
    assert json.loads(decoded(packed)) == plain.get_json()


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_assessments_are_compressed_and_never_kept(client, app, encoding):
    kept_before = dict(app.extensions["compression"].cache.data)
    plain = client.post("/api/v1/assessments", json=ANSWERS)
    packed = client.post("/api/v1/assessments", json=ANSWERS, headers={"Accept-Encoding": encoding})
    assert packed.status_code == 200 and packed.headers["Content-Encoding"] == encoding
    assert json.loads(decoded(packed)) == plain.get_json()
    assert packed.headers["Cache-Control"] == "no-store"
    assert app.extensions["compression"].cache.data == kept_before  # an answer's result is never kept


def test_what_is_kept_is_compressed_hardest(client):
    plain = get(client, "/api/v1/content").get_data()
    packed = get(client, "/api/v1/content", "br").get_data()
    assert len(packed) < len(brotli.compress(plain, quality=compression.BROTLI_QUALITY))


def test_compressed_bodies_are_kept_per_body_not_per_address(client, app):
    cache = app.extensions["compression"].cache
    for n in range(50):
        get(client, f"/api/v1/content?unused={n}", "br")
        get(client, f"/js/app.js?v={n}", "gzip")
    assert len(cache.data) == 2  # fifty query strings, one body each


def test_the_kept_bodies_stay_bounded(monkeypatch):
    monkeypatch.setattr(compression, "MAX_ENTRIES", 3)
    monkeypatch.setattr(compression, "MAX_BYTES", 100)
    cache = compression.CompressedBodies()
    for n in range(10):
        cache.set(f"br;{n}", b"x" * 30)
    cache.set("br;big", b"x" * 101)
    cache.set("br;", b"x")  # a response that must not be kept
    assert len(cache.data) <= 3 and cache.size <= 100 and "br;big" not in cache.data and "br;" not in cache.data


def test_compression_can_be_turned_off():
    from api import create_app
    client = create_app({"TESTING": True, "COMPRESSION": False}).test_client()
    response = get(client, "/api/v1/content", "br")
    assert response.status_code == 200 and "Content-Encoding" not in response.headers
