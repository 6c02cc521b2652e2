#!/usr/bin/env python
"""Print the shared scorer's figures for the seeds and for MEANTIME (if present).

    python scripts/score.py [--json]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from casefile.evaluate import figures, score  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
SETS = {
    "seeds": ([str(ROOT.parent / "shared" / "corpus" / "seeds")], EVAL / "gold"),
    "meantime": ([str(EVAL / "meantime" / "docs.jsonl")], EVAL / "meantime" / "gold"),
}


def main() -> int:
    results = {}
    for name, (inputs, gold) in SETS.items():
        if not gold.is_dir():
            print(f"{name}: no gold at {gold}, skipped")
            continue
        report = score(inputs, str(gold), str(EVAL / "score.py"))
        results[name] = figures(report)
        summary = " ".join(f"{k}={v}" for k, v in report["summary"].items())
        print(f"{name}: summary F1: {summary}")
        for key, value in (report.get("corpus") or {}).items():
            print(f"{name}:   {key}: {value}")
    if "--json" in sys.argv:
        print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
