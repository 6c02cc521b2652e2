"""Compare Spark's entities (`casefile spark-ingest ... --resolve`) with a store's (`casefile resolve`).

    casefile ingest INPUT... --db plain.db && casefile resolve --db plain.db
    casefile spark-ingest INPUT... --output out --master 'local[2]' --resolve
    python scripts/spark_resolve_check.py plain.db out

Both sides are read as sets of document entities (document~key), one set per entity, so
entity ids need not agree. Prints the counts and the first differing entities; exits 1 when
the two differ.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from casefile.spark_resolve import ENTITY_GROUPS  # noqa: E402
from casefile.store.db import Store  # noqa: E402


def partition(pairs) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for ref, entity in pairs:
        groups.setdefault(entity, set()).add(ref)
    return {frozenset(g) for g in groups.values()}


def main() -> int:
    db, output = sys.argv[1], Path(sys.argv[2])
    import pyarrow.parquet as pq

    store = Store.open(db, readonly=True)
    plain = partition((f"{r['document_id']}~{r['key']}", r["entity_id"]) for r in store.rows("doc_entities"))
    spark = partition((f"{r['document_id']}~{r['key']}", r["entity"])
                      for r in pq.read_table(output / ENTITY_GROUPS).to_pylist())
    print(f"casefile resolve: {len(plain)} entities over {sum(map(len, plain))} document entities")
    print(f"Spark:            {len(spark)} entities over {sum(map(len, spark))} document entities")
    for side, only in (("only in the store", plain - spark), ("only from Spark", spark - plain)):
        for group in sorted(only, key=sorted)[:10]:
            print(f"{side}: {sorted(group)}")
    print("same entities" if plain == spark else f"{len(plain ^ spark)} entities differ")
    return 0 if plain == spark else 1


if __name__ == "__main__":
    sys.exit(main())
