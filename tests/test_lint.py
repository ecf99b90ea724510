"""The OpenAPI document as a consumer's CI lints it: Redocly's `recommended` rules and Spectral's `spectral:oas`,
at the versions pinned in package.json. Neither may report an error or a warning."""
import json
import os
import subprocess

import pytest

from api import create_app
from api.openapi import dumps, document

from conftest import ROOT

BIN = ROOT / "node_modules" / ".bin"


def tool(name):
    path = BIN / name
    assert path.exists(), f"{path} is missing: run `make setup-dev` (npm ci installs the pinned linters)"
    return str(path)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The document the app serves, as a file."""
    path = tmp_path_factory.mktemp("lint") / "openapi.json"
    path.write_text(dumps(document(create_app({"TESTING": True}))), encoding="utf-8")
    return path


def test_redocly_recommended_finds_nothing(served):
    env = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true", "NO_COLOR": "1"}
    run = subprocess.run([tool("redocly"), "lint", "--extends=recommended", "--format=json", str(served)],
                         capture_output=True, text=True, timeout=300, env=env, cwd=served.parent)
    report = json.loads(run.stdout)
    problems = [f"{p['severity']} {p['ruleId']}: {p['message']} at {p['location'][0]['pointer']}"
                for p in report["problems"]]
    assert report["totals"]["errors"] == report["totals"]["warnings"] == 0, problems[:20]
    assert run.returncode == 0, run.stderr[-2000:]


def test_spectral_oas_finds_nothing(served):
    ruleset = served.parent / ".spectral.yaml"
    ruleset.write_text('extends: ["spectral:oas"]\n', encoding="utf-8")
    output = served.parent / "spectral.json"
    run = subprocess.run([tool("spectral"), "lint", "--ruleset", str(ruleset), "--format", "json",
                          "--output", str(output), str(served)], capture_output=True, text=True, timeout=300,
                         cwd=served.parent)
    assert output.exists(), run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(output.read_text(encoding="utf-8"))
    found = [f"{r['severity']} {r['code']}: {r['message']} at {'.'.join(map(str, r['path']))}" for r in results]
    assert not found, found[:20]
    assert run.returncode == 0, run.stderr[-2000:]
