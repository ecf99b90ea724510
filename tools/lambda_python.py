"""The Lambda runtime's Python on this machine: a lean venv to build the zip with, and what Lambda itself brings.

    python3 tools/lambda_python.py [--runtime python3.12]     (prints the venv's python; `make package` uses it)

The zip's compiled parts (brotli, zstd, PyYAML, MarkupSafe, and every .pyc) only load in the Python they were built
for, so the package is built by the interpreter of the stage's `runtime` (zappa_settings.json), in a venv of its
own under build/ holding only requirements-package.txt: no Chromium, npm or test tools, and nothing for `exclude`
to miss. Beside it, `var-runtime/` stands in for Lambda's /var/runtime: awslambdaric (Lambda's runtime interface
client, requirements-lambda-runtime.txt), so tests and benchmarks can run the zip the way Lambda does. Each is
rebuilt when its requirements file changes.
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_REQUIREMENTS = ROOT / "requirements-package.txt"
RUNTIME_REQUIREMENTS = ROOT / "requirements-lambda-runtime.txt"


def stage_runtime(stage="production"):
    settings = json.loads((ROOT / "zappa_settings.json").read_text(encoding="utf-8"))
    config = settings[stage]
    while "runtime" not in config and "extends" in config:
        config = settings[config["extends"]]
    return config["runtime"]


def _runs(executable, version):
    try:
        out = subprocess.run([executable, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=30)
    except OSError:
        return False
    return out.returncode == 0 and out.stdout.strip() == version


def find_interpreter(runtime):
    """An interpreter of `runtime` (python3.12...): on PATH, else the newest of that series pyenv has."""
    version = runtime.removeprefix("python")
    found = shutil.which(runtime)
    if found and _runs(found, version):
        return found
    try:
        pyenv_root = Path(subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True).stdout.strip())
    except (OSError, subprocess.CalledProcessError):
        pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = sorted(pyenv_root.glob(f"versions/{version}.*/bin/{runtime}"),
                        key=lambda p: [int(n) for n in p.parent.parent.name.split(".") if n.isdigit()], reverse=True)
    for candidate in candidates:
        if _runs(str(candidate), version):
            return str(candidate)
    sys.exit(f"tools/lambda_python.py: no {runtime} here (the Lambda runtime in zappa_settings.json). Install it "
             f"(Debian's package, pyenv install {version}, or python.org), or change the stages' `runtime`.")


def _stamp(*files):
    return hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()


def _pip(python, *args):
    subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", *args], check=True,
                   stdout=sys.stderr)  # stdout carries only the path this prints


def ensure(runtime=None, stand_in=True):
    """The lean venv and (unless `stand_in` is false: packaging needs none) the stand-in runtime folder for
    `runtime`, each built if missing or stale: (python, var_runtime)."""
    runtime = runtime or stage_runtime()
    venv = ROOT / "build" / f"lambda-{runtime}"
    python = venv / "bin" / "python"
    var_runtime = venv / "var-runtime"
    package_stamp, runtime_stamp = venv / ".package", var_runtime / ".installed"
    wanted = _stamp(PACKAGE_REQUIREMENTS, ROOT / "requirements.txt")
    if not package_stamp.exists() or package_stamp.read_text() != wanted:
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([find_interpreter(runtime), "-m", "venv", str(venv)], check=True, stdout=sys.stderr)
        _pip(str(python), "-r", str(PACKAGE_REQUIREMENTS))
        package_stamp.write_text(wanted)
    wanted = _stamp(RUNTIME_REQUIREMENTS)
    if stand_in and (not runtime_stamp.exists() or runtime_stamp.read_text() != wanted):
        shutil.rmtree(var_runtime, ignore_errors=True)
        _pip(str(python), "--target", str(var_runtime), "-r", str(RUNTIME_REQUIREMENTS))
        runtime_stamp.write_text(wanted)
    return python, var_runtime


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runtime", help="python3.X (default: the production stage's runtime)")
    python, _ = ensure(parser.parse_args().runtime, stand_in=False)
    print(python)


if __name__ == "__main__":
    main()
