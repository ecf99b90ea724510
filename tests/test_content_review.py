"""`make content-review`: what is due for review is listed, and only unreadable content fails."""
import subprocess
import sys
from pathlib import Path

from helpers import rewrite

TOOL = Path(__file__).resolve().parents[1] / "tools" / "content_review.py"


def review(*args):
    return subprocess.run([sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True)


def test_nothing_is_due_today_and_the_tool_says_so():
    result = review()
    assert result.returncode == 0, result.stderr
    assert "0 due for review" in result.stdout


def test_a_year_on_the_old_reviews_are_listed_without_failing(content_copy):
    rewrite(content_copy, "sources.yml", lambda d: d["sources"][0].update(reviewed="2020-01-31"))
    result = review("--today", "2021-02-01", content_copy)
    assert result.returncode == 0
    assert "2020-01-31  sources: nhs-twitching" in result.stdout
    assert "red_flags: breathing" not in result.stdout  # reviewed after 2020-02-01


def test_every_source_and_safety_rule_comes_due(content_copy, content):
    far_future = review("--today", "2099-01-01", content_copy).stdout
    for source in content["sources"]:
        assert f"sources: {source['id']}\n" in far_future
    for flag in content["red_flags"]:
        assert f"red_flags: {flag['id']}\n" in far_future


def test_a_malformed_date_fails(content_copy):
    rewrite(content_copy, "red_flags.yml", lambda d: d["red_flags"][0].update(reviewed="2026-02-30"))
    result = review(content_copy)
    assert result.returncode == 1
    assert "red_flags.yml" in result.stderr and "reviewed" in result.stderr
