"""The deployment as code: the CloudFormation templates (infra/) pass cfn-lint, each stage's Lambda role may only
write its own logs, the execute-api address is closed to all but CloudFront, and the CDN's function picks files
and languages as the API does."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from api.static_site import object_key
from conftest import ROOT

INFRA = ROOT / "infra"
TEMPLATES = sorted(INFRA.glob("*.yaml"))
SETTINGS = json.loads((ROOT / "zappa_settings.json").read_text(encoding="utf-8"))
STAGES = sorted(SETTINGS)


class CloudFormationLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short tags (!Ref, !Sub, !GetAtt...), read as {"!Tag": value}."""


CloudFormationLoader.add_multi_constructor("!", lambda loader, tag, node: {"!" + tag: (
    loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else
    loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else loader.construct_mapping(node))})


def template(name):
    return yaml.load((INFRA / name).read_text(encoding="utf-8"), Loader=CloudFormationLoader)


def resources(name, kind):
    return {key: r["Properties"] for key, r in template(name)["Resources"].items() if r["Type"] == kind}


def setting(stage, name):
    config = SETTINGS[stage]
    while name not in config and "extends" in config:
        config = SETTINGS[config["extends"]]
    return config.get(name)


def test_the_templates_pass_cfn_lint():
    assert [t.name for t in TEMPLATES] == ["api.yaml", "site.yaml"]
    cfn_lint = Path(sys.executable).with_name("cfn-lint")  # installed beside this Python (requirements-dev.txt)
    run = subprocess.run([str(cfn_lint), *map(str, TEMPLATES)], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


# --- the Lambda role: its own logs, nothing else ---

@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_role_may_only_write_its_own_logs(stage):
    function = f"{setting(stage, 'project_name')}-{stage}"
    region = setting(stage, "aws_region")
    assert setting(stage, "manage_roles") is not False  # Zappa makes the role, with this policy as its only one
    policy_file = setting(stage, "attach_policy")
    assert policy_file and (ROOT / policy_file).is_file(), f"{stage}: no attach_policy file"
    policy = json.loads((ROOT / policy_file).read_text(encoding="utf-8"))
    allowed = {}
    for statement in policy["Statement"]:
        assert statement["Effect"] == "Allow" and "NotAction" not in statement and "NotResource" not in statement
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        for resource in statement["Resource"] if isinstance(statement["Resource"], list) else [statement["Resource"]]:
            allowed.setdefault(resource, set()).update(actions)
    log_group = f"arn:aws:logs:{region}:*:log-group:/aws/lambda/{function}"
    this_function = f"arn:aws:lambda:{region}:*:function:{function}"
    writes = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"}
    # API Gateway calls the function with this role (Zappa sets it as the integration's credentials): that call,
    # and only of this function, is the one permission beyond the logs.
    assert allowed == {log_group: writes, f"{log_group}:*": writes,
                       this_function: {"lambda:InvokeFunction"}, f"{this_function}:*": {"lambda:InvokeFunction"}}


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_role_is_for_lambda_and_api_gateway_only_and_the_api_is_regional(stage):
    trust = json.loads((ROOT / setting(stage, "assume_policy")).read_text(encoding="utf-8"))
    [statement] = trust["Statement"]
    assert set(statement["Principal"]["Service"]) == {"lambda.amazonaws.com", "apigateway.amazonaws.com"}
    assert setting(stage, "endpoint_configuration") == ["REGIONAL"]  # one CDN: ours, with its WAF


# --- the execute-api address: CloudFront only ---

def test_the_api_answers_only_requests_carrying_cloudfronts_secret():
    [acl] = resources("api.yaml", "AWS::WAFv2::WebACL").values()
    assert acl["Scope"] == "REGIONAL" and "Block" in acl["DefaultAction"]
    [rule] = acl["Rules"]
    match = rule["Statement"]["ByteMatchStatement"]
    assert "Allow" in rule["Action"] and match["PositionalConstraint"] == "EXACTLY"
    assert match["SearchString"] == {"!Ref": "OriginSecret"}
    [association] = resources("api.yaml", "AWS::WAFv2::WebACLAssociation").values()
    assert association["ResourceArn"]["!Sub"].endswith("/restapis/${RestApiId}/stages/${StageName}")
    [distribution] = resources("site.yaml", "AWS::CloudFront::Distribution").values()
    [api_origin] = [o for o in distribution["DistributionConfig"]["Origins"] if "CustomOriginConfig" in o]
    [header] = api_origin["OriginCustomHeaders"]
    assert header["HeaderName"].lower() == match["FieldToMatch"]["SingleHeader"]["Name"]
    assert header["HeaderValue"] == {"!Ref": "OriginSecret"}
    for name in ("api.yaml", "site.yaml"):
        secret = template(name)["Parameters"]["OriginSecret"]
        assert secret["NoEcho"] is True and secret["MinLength"] >= 32


# --- API Gateway's own answers ---

def gateway_responses():
    return {r["ResponseType"]: r for r in resources("api.yaml", "AWS::ApiGateway::GatewayResponse").values()}


def test_a_throttled_request_gets_the_documented_problem_with_retry_after(content):
    from api.openapi import build
    throttled = gateway_responses()["THROTTLED"]
    assert throttled["StatusCode"] == "429"
    headers = {k.removeprefix("gatewayresponse.header."): v for k, v in throttled["ResponseParameters"].items()}
    assert headers["Content-Type"] == "'application/problem+json'"
    assert headers["Access-Control-Allow-Origin"] == "'*'"  # a page on another origin can read why
    assert headers["Cache-Control"] == "'no-store'"
    assert headers["Retry-After"] == {"!Sub": "'${RetryAfterSeconds}'"}
    assert "Retry-After" in headers["Access-Control-Expose-Headers"]
    body = json.loads(throttled["ResponseTemplates"]["application/json"])
    documented = build(content)["components"]["responses"]["TooManyRequests"]
    assert body == documented["content"]["application/problem+json"]["example"]


@pytest.mark.parametrize("kind", ["DEFAULT_4XX", "DEFAULT_5XX"])
def test_the_gateways_own_errors_are_readable_cross_origin(kind):
    headers = gateway_responses()[kind]["ResponseParameters"]
    assert headers["gatewayresponse.header.Access-Control-Allow-Origin"] == "'*'"


# --- the edge ---

def test_the_site_bucket_is_private_and_read_only_by_the_distribution():
    [bucket] = resources("site.yaml", "AWS::S3::Bucket").values()
    assert all(bucket["PublicAccessBlockConfiguration"].values())
    [policy] = resources("site.yaml", "AWS::S3::BucketPolicy").values()
    [read] = [s for s in policy["PolicyDocument"]["Statement"] if s["Effect"] == "Allow"]
    assert read["Principal"] == {"Service": "cloudfront.amazonaws.com"} and read["Action"] == "s3:GetObject"
    assert ":distribution/${Distribution}" in read["Condition"]["StringEquals"]["AWS:SourceArn"]["!Sub"]
    [distribution] = resources("site.yaml", "AWS::CloudFront::Distribution").values()
    [site] = [o for o in distribution["DistributionConfig"]["Origins"] if "S3OriginConfig" in o]
    assert site["OriginAccessControlId"] == {"!GetAtt": "SiteOriginAccess.Id"}


def test_a_per_address_rate_rule_is_on_by_default():
    [acl] = resources("site.yaml", "AWS::WAFv2::WebACL").values()
    assert acl["Scope"] == "CLOUDFRONT"
    [rule] = acl["Rules"]
    assert rule["Action"]["Block"]["CustomResponse"]["ResponseCode"] == 429
    rate = rule["Statement"]["RateBasedStatement"]
    assert rate["AggregateKeyType"] == "IP" and rate["Limit"] == {"!Ref": "RequestsPerAddress"}
    assert template("site.yaml")["Parameters"]["RequestsPerAddress"]["Default"] > 0
    [distribution] = resources("site.yaml", "AWS::CloudFront::Distribution").values()
    assert distribution["DistributionConfig"]["WebACLId"] == {"!GetAtt": "RateLimit.Arn"}


@pytest.mark.parametrize("path", ["/api/v1/health", "/api/v1/assessments"])
def test_health_and_assessments_reach_the_function_uncached(path):
    [distribution] = resources("site.yaml", "AWS::CloudFront::Distribution").values()
    behaviours = distribution["DistributionConfig"]["CacheBehaviors"]
    first = next(b for b in behaviours if re.fullmatch(b["PathPattern"].replace("*", ".*"), path))
    assert first["TargetOriginId"] == "api"
    assert first["CachePolicyId"] == {"!FindInMap": ["Managed", "CachePolicy", "CachingDisabled"]}


def test_the_template_holds_the_cdn_function_as_it_is_tested():
    [function] = resources("site.yaml", "AWS::CloudFront::Function").values()
    assert function["FunctionCode"] == (INFRA / "cdn-function.js").read_text(encoding="utf-8"), \
        "copy infra/cdn-function.js into infra/site.yaml's FunctionCode"
    assert function["FunctionConfig"]["Runtime"] == "cloudfront-js-2.0"


def test_the_cdn_function_knows_the_contents_languages(content):
    source = (INFRA / "cdn-function.js").read_text(encoding="utf-8")
    languages = json.loads(re.search(r"var LANGUAGES = (\[.*?\]);", source)[1])
    assert languages == [language["id"] for language in content["languages"]]


CDN_CASES = [("/api/v1/content", {}), ("/api/v1/openapi.json", {}), ("/api/v1/triggers", {}),
             ("/api/v1/triggers/sleep", {}), ("/api/v1/tips", {}), ("/api/v1/tips", {"trigger": "sleep"}),
             ("/api/v1/tips/sleep_wind_down", {}), ("/api/v1/conditions", {}), ("/api/v1/conditions/als", {}),
             ("/api/v1/guide", {}), ("/api/docs", {}), ("/api/v1/content/check", {"lang": "es"}),
             ("/api/v1/content/rest", {"lang": "en"}), ("/api/v1/content", {"lang": "es"}),
             ("/api/v1/tips", {"trigger": "sleep", "lang": "es"}), ("/api/v1/questionnaire", {"lang": "es"}),
             ("/api/docs", {"lang": "es"})]
ACCEPT_LANGUAGES = [None, "es", "es-MX,es;q=0.9,en;q=0.8", "en-GB,es;q=0.9", "fr, es;q=0.5", "fr, de", "*",
                    "de;q=0.9, es;q=1", "ES"]


def run_function(events):
    script = ((INFRA / "cdn-function.js").read_text(encoding="utf-8") +
              f"\nconsole.log(JSON.stringify({json.dumps(events)}.map(e => handler(e))));")
    run = subprocess.run(["node", "-e", script], capture_output=True, text=True, timeout=30, check=True)
    return json.loads(run.stdout)


def viewer_request(path, query, accept_language=None):
    headers = {"accept-language": {"value": accept_language}} if accept_language else {}
    return {"context": {"eventType": "viewer-request"}, "request": {
        "uri": path, "querystring": {k: {"value": v} for k, v in query.items()}, "headers": headers}}


def test_the_cdn_function_maps_urls_as_the_export_does():
    answers = run_function([viewer_request(path, query) for path, query in CDN_CASES])
    assert [a["uri"] for a in answers] == ["/" + object_key(path, query) for path, query in CDN_CASES]


def test_the_cdn_picks_the_language_the_api_picks(client):
    """Accept-Language through the CDN's function gives the file of the language Lambda answers in."""
    cases = [(path, query, accept) for path, query in CDN_CASES if path.startswith("/api/v1/") and
             path != "/api/v1/openapi.json" for accept in ACCEPT_LANGUAGES]
    answers = run_function([viewer_request(*case) for case in cases])
    for (path, query, accept), answer in zip(cases, answers):
        live = client.get(path, query_string=query, headers={"Accept-Language": accept} if accept else {})
        lang = live.headers["Content-Language"]
        assert answer["uri"] == "/" + object_key(path, {**query, "lang": lang}), (path, query, accept)


def test_the_deploy_guide_sets_the_limits_the_docs_state_and_runs_the_templates():
    from api.openapi import BURST_LIMIT, RATE_LIMIT
    guide = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    assert re.search(r"throttling/rateLimit,value=(\d+)", guide)[1] == str(RATE_LIMIT)
    assert re.search(r"throttling/burstLimit,value=(\d+)", guide)[1] == str(BURST_LIMIT)
    for name in ("infra/api.yaml", "infra/site.yaml"):
        assert f"--template-file {name}" in guide, f"docs/deploy.md does not deploy {name}"
