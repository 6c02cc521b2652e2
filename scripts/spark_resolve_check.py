"""Compare Spark's resolution (`casefile spark-ingest ... --resolve`) with a store's (`casefile resolve`).

    casefile ingest INPUT... --db plain.db && casefile resolve --db plain.db
    casefile spark-ingest INPUT... --output out --master 'local[2]' --resolve
    python scripts/spark_resolve_check.py plain.db out

Entities are compared as sets of document entities (document~key), one set per entity;
then entity rows and links, each event's cluster, the clusters' rows (corroboration), their
claims and the conflicts inside clusters, row for row. Prints the counts and the first
differences; exits 1 when anything differs.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from casefile.spark_tables import read_table  # noqa: E402
from casefile.store.db import Store  # noqa: E402

ROWS = ("entities", "entity_links", "event_clusters", "cluster_claims", "conflicts")


def partition(pairs) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for ref, entity in pairs:
        groups.setdefault(entity, set()).add(ref)
    return {frozenset(g) for g in groups.values()}


def stored(store: Store, table: str) -> list[dict]:
    return [r for r in store.rows(table) if table != "conflicts" or r["cluster"]]   # quote conflicts are made when loading


def compare(name: str, plain: set, spark: set) -> bool:
    print(f"{name:20} casefile resolve {len(plain):>7}   Spark {len(spark):>7}   "
          f"{'same' if plain == spark else f'{len(plain ^ spark)} differ'}")
    for side, only in (("only in the store", plain - spark), ("only from Spark", spark - plain)):
        for item in sorted(only, key=str)[:5]:
            print(f"  {side}: {str(sorted(item) if isinstance(item, frozenset) else item)[:300]}")
    return plain == spark


def main() -> int:
    db, output = sys.argv[1], Path(sys.argv[2])
    store = Store.open(db, readonly=True)
    same = compare("entities", partition((f"{r['document_id']}~{r['key']}", r["entity_id"])
                                         for r in store.rows("doc_entities")),
                   partition((f"{r['document_id']}~{r['key']}", r["entity_id"])
                             for r in read_table(output, "entity_links", resolved=True)))
    same &= compare("event clusters", partition((r["id"], r["cluster"]) for r in store.rows("events")),
                    partition((r["id"], r["cluster"]) for r in read_table(output, "event_cluster", resolved=True)))
    for table in ROWS:
        same &= compare(f"{table} rows", {json.dumps(r, sort_keys=True, default=str) for r in stored(store, table)},
                        {json.dumps(r, sort_keys=True, default=str)
                         for r in read_table(output, table, resolved=True)})
    clusters = stored(store, "event_clusters")
    print(f"clusters of several reports: {sum(r['events'] > 1 for r in clusters)}, corroborated clusters: "
          f"{sum(r['corroborated'] for r in clusters)}, corroborated claims: "
          f"{sum(r['corroborated'] for r in stored(store, 'cluster_claims'))}")
    print("same entities, event clusters and corroboration" if same else "Spark and casefile resolve differ")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
