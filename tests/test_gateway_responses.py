"""API Gateway's own answers: over the rate limit it sends the 429 the document promises (problem+json, readable
cross-origin, never cached), and the limits the docs state are the ones the deploy guide sets."""
import json
import re
import subprocess
import sys

from api.openapi import BURST_LIMIT, RATE_LIMIT, build

from conftest import ROOT


def gateway_responses():
    out = subprocess.run([sys.executable, ROOT / "tools" / "gateway_responses.py"], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    return [json.loads(line) for line in out.splitlines()]


def test_a_throttled_request_gets_the_documented_problem(content):
    [throttled] = gateway_responses()
    assert throttled["responseType"] == "THROTTLED" and throttled["statusCode"] == "429"
    headers = {key.removeprefix("gatewayresponse.header."): value
               for key, value in throttled["responseParameters"].items()}
    assert all(re.fullmatch(r"'[^']*'", value) for value in headers.values())  # static values, quoted
    assert headers["Content-Type"] == "'application/problem+json'"
    assert headers["Access-Control-Allow-Origin"] == "'*'"  # a page on another origin can read why
    assert headers["Cache-Control"] == "'no-store'"
    body = json.loads(throttled["responseTemplates"]["application/json"])
    documented = build(content)["components"]["responses"]["TooManyRequests"]
    assert body == documented["content"]["application/problem+json"]["example"]
    assert body["status"] == 429 and set(body) == {"type", "title", "status", "detail"}


def test_the_deploy_guide_sets_the_limits_the_docs_state_and_the_gateway_response():
    guide = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    assert re.search(r"throttling/rateLimit,value=(\d+)", guide)[1] == str(RATE_LIMIT)
    assert re.search(r"throttling/burstLimit,value=(\d+)", guide)[1] == str(BURST_LIMIT)
    assert "tools/gateway_responses.py" in guide and "put-gateway-response" in guide
