"""Regions (spec-v3 section 3): numbers by where the person is, never by language. 111 is a health line only in the
UK and the emergency number in New Zealand; a number no official page confirms is never a call button."""
import datetime

import pytest

from api.content import ContentError, load_content
from tools.content_review import due
from helpers import rewrite


def countries(bundle):
    return {country["id"]: country for country in bundle["regions"]["countries"]}


def buttons(numbers):
    return [number["number"] for number in numbers if not number.get("unconfirmed")]


def test_the_table_of_numbers(content):
    regions = countries(content)
    first = {code: region["emergency"][0]["number"] for code, region in regions.items()}
    assert first == {"GB": "999", "IE": "112", "US": "911", "CA": "911", "AU": "000", "NZ": "111", "ES": "112",
                     "MX": "911", "AR": "911", "CO": "123", "CL": "131", "PE": "106", "EC": "911", "UY": "911"}
    lines = {code: region["health_line"]["number"] for code, region in regions.items() if "health_line" in region}
    assert lines == {"GB": "111", "CA": "811", "AU": "1800022222", "NZ": "0800611116"}
    assert buttons(regions["GB"]["emergency"]) == ["999", "112"] and buttons(regions["NZ"]["emergency"]) == ["111", "112"]
    assert [n["number"] for n in content["regions"]["fallback"]["emergency"]] == ["112", "911", "999", "000", "111"]
    assert "New Zealand: emergency" in content["regions"]["fallback"]["emergency"][-1]["name"]


def test_numbers_the_table_flags_as_unconfirmed_are_never_buttons(content):
    regions = countries(content)
    assert regions["AU"]["health_line"].get("unconfirmed") is True
    for code in ("AR", "CO", "CL", "PE", "EC", "UY"):
        assert buttons(regions[code]["emergency"]) == [], code
    for code in ("GB", "IE", "US", "CA", "AU", "NZ", "ES", "MX"):
        assert buttons(regions[code]["emergency"]), code


def test_every_number_names_a_source_and_a_review_date(content):
    known = {source["id"] for source in content["sources"]}
    numbers = [n for c in content["regions"]["countries"] for n in [*c["emergency"], *([c["health_line"]] if "health_line" in c else [])]]
    numbers += content["regions"]["fallback"]["emergency"]
    assert numbers and all(n["sources"] and set(n["sources"]) <= known and n["reviewed"] for n in numbers)


def test_the_regions_are_in_every_language_with_the_same_numbers():
    english, spanish = load_content(lang="en"), load_content(lang="es")
    assert countries(spanish)["NZ"]["name"] == "Nueva Zelanda"
    strip = lambda bundle: [(c["id"], [n["number"] for n in c["emergency"]]) for c in bundle["regions"]["countries"]]  # noqa: E731
    assert strip(english) == strip(spanish)


def test_content_review_lists_numbers_older_than_a_year(content):
    later = [item for item in due(content, datetime.date(2028, 1, 1)) if item[0] == "regions"]
    assert ("regions", "NZ 111", "2026-12-06") in later and ("regions", "fallback 112", "2026-12-06") in later
    assert [item for item in due(content, datetime.date(2027, 1, 1)) if item[0] == "regions"] == []


def country(data, code):
    return next(c for c in data["countries"] if c["id"] == code)


@pytest.mark.parametrize("change, words", [
    (lambda d: country(d, "NZ").update(health_line={"number": "111", "name": "Healthline", "sources": ["eena-112"],
                                                     "reviewed": "2026-12-06"}),
     ["regions.yml", "'NZ'", "health_line", "111 is a health line only in GB"]),
    (lambda d: country(d, "US").update(health_line={**country(d, "US")["emergency"][0]}),
     ["regions.yml", "'US'", "health_line", "'911' is also an emergency number here"]),
    (lambda d: country(d, "IE").update(emergency=[]), ["regions.yml", "emergency", "Shorter than minimum"]),
    (lambda d: country(d, "IE")["emergency"][0].update(sources=["no-such-page"]),
     ["regions.yml", "'IE'", "emergency", "unknown source 'no-such-page'"]),
    (lambda d: country(d, "NZ").update(id="NZL"), ["regions.yml", "ISO 3166-1 alpha-2"]),
    (lambda d: country(d, "NZ")["emergency"][0].pop("sources"), ["regions.yml", "sources"]),
])
def test_a_broken_number_stops_the_app_with_a_message_that_names_it(content_copy, change, words):
    rewrite(content_copy, "regions.yml", change)
    with pytest.raises(ContentError) as error:
        load_content(content_copy)
    for word in words:
        assert word in str(error.value)


def test_the_content_endpoint_carries_the_regions(client):
    body = client.get("/api/v1/content?lang=es").json
    assert countries(body)["ES"]["emergency"][0]["number"] == "112"
    assert countries(body)["GB"]["health_line"]["number"] == "111"
