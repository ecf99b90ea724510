"""API Gateway's throttled answer (429) as the problem the API documents, with the API's CORS and cache headers.

    .venv/bin/python tools/gateway_responses.py      (one `aws apigateway put-gateway-response --cli-input-json`
                                                     input per line: docs/deploy.md applies them)

Over the stage's rate limit API Gateway answers before Flask runs, by default with `{"message": ...}` as
application/json and no CORS headers, so a web page could not even read it. Zappa's settings cannot hold gateway
responses, so the deploy guide puts these in place after the first `zappa deploy`.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api.errors import PROBLEM_TYPE  # noqa: E402  (the root must be on the path first)
from api.openapi import THROTTLED  # noqa: E402

HEADERS = {"Content-Type": PROBLEM_TYPE, "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*",
           "X-Content-Type-Options": "nosniff"}


def gateway_responses():
    """Each gateway response to put, as put-gateway-response's input (without the API's id)."""
    return [{
        "responseType": "THROTTLED", "statusCode": str(THROTTLED["status"]),
        # Static header values are written in single quotes.
        "responseParameters": {f"gatewayresponse.header.{name}": f"'{value}'" for name, value in HEADERS.items()},
        "responseTemplates": {"application/json": json.dumps(THROTTLED)},
    }]


if __name__ == "__main__":
    for response in gateway_responses():
        print(json.dumps(response))
