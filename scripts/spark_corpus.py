"""A corpus of real and synthetic news for checking resolution on Spark against `casefile resolve`.

    python scripts/spark_corpus.py /tmp/s2k/corpus.jsonl            # 2,000 articles
    casefile ingest /tmp/s2k/corpus.jsonl --db /tmp/s2k/plain.db -q && casefile resolve --db /tmp/s2k/plain.db
    casefile spark-ingest /tmp/s2k/corpus.jsonl -o /tmp/s2k/out --master 'local[2]' --resolve
    python scripts/spark_resolve_check.py /tmp/s2k/plain.db /tmp/s2k/out
    casefile load /tmp/s2k/out --db /tmp/s2k/loaded.db      # stored as Spark resolved it
    casefile export --db /tmp/s2k/plain.db -o /tmp/s2k/plain.json
    casefile export --db /tmp/s2k/loaded.db -o /tmp/s2k/loaded.json && cmp /tmp/s2k/plain.json /tmp/s2k/loaded.json

Every real article of ``../shared/eval/dev/*/docs.jsonl`` and ``../shared/eval/meantime/docs.jsonl``
(read where they are, written only to the output file, never into the project), then synthetic
articles of the ingest benchmark's generator (``benchmarks/ingest.py``: sentences of the sample
corpus recombined) up to N.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def real_articles() -> list[dict]:
    paths = sorted((EVAL / "dev").glob("*/docs.jsonl")) + [EVAL / "meantime" / "docs.jsonl"]
    return [json.loads(line) for path in paths if path.exists()
            for line in path.open(encoding="utf-8") if line.strip()]


def synthetic(n: int) -> list[dict]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import ingest as bench      # benchmarks/ingest.py

    return bench.build_corpus(n, bench.sentences(bench.sample_texts())) if n > 0 else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output")
    parser.add_argument("--n", type=int, default=2000, help="articles in all (default 2,000)")
    args = parser.parse_args()
    docs = real_articles()[:args.n]
    docs += synthetic(args.n - len(docs))
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"wrote {len(docs)} articles ({min(len(docs), len(real_articles()))} real) to {args.output}")


if __name__ == "__main__":
    main()
