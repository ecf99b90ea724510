"""Microseconds per assessment of the Python engine (median of many runs), on the shared vectors."""
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api.content import load_content  # noqa: E402
from api.engine import assess  # noqa: E402

TARGET_US = 50
ROUNDS = 200


def main():
    content = load_content()
    cases = [c["answers"] for c in json.loads((ROOT / "tests/vectors/assessments.json").read_text())["cases"]]
    assess(content, {})  # build the per-content index once, as a running server has
    per_round = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for answers in cases:
            assess(content, answers)
        per_round.append((time.perf_counter() - start) / len(cases) * 1e6)
    median = statistics.median(per_round)
    print(f"engine: {median:.1f} µs per assessment (median of {ROUNDS} rounds x {len(cases)} vectors; "
          f"target under {TARGET_US} µs) {'OK' if median < TARGET_US else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
