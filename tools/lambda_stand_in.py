"""What stands in for AWS Lambda when the packaged handler runs on this machine (tests and benchmarks)."""
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the python3.11 Lambda runtime puts on sys.path itself (boto3 and its dependencies); the zip leaves them out.
LAMBDA_RUNTIME_MODULES = ("boto3", "botocore", "s3transfer", "jmespath", "dateutil", "six", "urllib3")


def stage_setting(name, stage, settings_file=ROOT / "zappa_settings.json"):
    """A stage's setting as Zappa reads it: the stage's own, else the one of the stage it extends."""
    settings = json.loads(settings_file.read_text(encoding="utf-8"))
    config = settings[stage]
    while name not in config and "extends" in config:
        config = settings[config["extends"]]
    return config.get(name)


def make_lambda_runtime(folder):
    """A folder standing in for the Lambda runtime's own libraries: links to boto3 and what it needs."""
    folder.mkdir(exist_ok=True)
    for name in LAMBDA_RUNTIME_MODULES:
        origin = Path(importlib.util.find_spec(name).origin)
        source = origin.parent if origin.name == "__init__.py" else origin
        (folder / source.name).symlink_to(source)
    return folder
