"""Microseconds per assessment of the Python engine (median of many runs), on the shared vectors.

A figure, not a target: the app scores on the phone and the API is throttled at 50 requests a second, so no person
waits on these microseconds (benchmarks/assessment_path.py measures the whole request)."""
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api.content import load_content  # noqa: E402
from api.engine import assess, build_index  # noqa: E402

ROUNDS = 200


def main():
    content = load_content()
    cases = [c["answers"] for c in json.loads((ROOT / "tests/vectors/assessments.json").read_text())["cases"]]
    index = build_index(content)  # once per bundle, as a running server has it
    per_round = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for answers in cases:
            assess(content, answers, index)
        per_round.append((time.perf_counter() - start) / len(cases) * 1e6)
    median = statistics.median(per_round)
    print(f"engine: {median:.1f} µs per assessment (median of {ROUNDS} rounds x {len(cases)} vectors)")


if __name__ == "__main__":
    main()
