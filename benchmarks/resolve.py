"""Benchmark: cross-document entity resolution over synthetic entity mentions.

    .venv/bin/python benchmarks/resolve.py [N]

Builds N synthetic document entities (default 10,000) spread over N/10 documents:
people named in full (spelling variants with and without diacritics) and by one word alone,
organizations with and without their country. People's names are long-tailed (``synthetic``'s
``names="zipf"``, the population of benchmarks/incremental.py); ``names="few"`` draws them from
the 13 family and 24 given names below, as the first measurements did. Times the in-memory
resolution, then the same through a SQLite store (load, resolve, write), then the
clustering of N synthetic events (rules only: the sentence model stays off unless
CASEFILE_NO_EMBEDDINGS is set to an empty value). Not a test.
"""
from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from casefile.resolve.entities import DocEntity, resolve  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Smith", "Garcia", "Kowal"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "", "Anne", "J."]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hiếu", "Hoa", "Hùng", "Khánh", "Lâm", "Linh",
         "Long", "Nam", "Phương", "Quang", "Sơn", "Tuấn", "Yến", "Maria", "Peter", "Olga", "Tom"]
ORGS = ["Foreign Ministry", "Ministry of Public Security", "Supreme People's Court", "Harbor Watch {n}",
        "Free Press Network {n}", "Union of {g} Workers"]
COUNTRIES = ["Vietnam", "Vietnamese", "Japan", "China", "Laos", "Cambodian"]


def synthetic(n: int, seed: int = 7, names: str = "zipf") -> list[DocEntity]:
    """``n`` document entities, ten a document. ``names="zipf"``: people from the long-tailed
    population of benchmarks/incremental.py (made-up family and given names drawn by Zipf's
    law, a few people named far more often than the rest); ``names="few"``: people from the 13
    family and 24 given names above, each as often named (every lone name then has hundreds
    of bearers and the whole corpus is one block, which real news is not)."""
    rng = random.Random(seed)
    if names == "few":
        people = [" ".join(p for p in (rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)) if p)
                  for _ in range(n // 6)]
        person = lambda: rng.choice(people)  # noqa: E731
    else:
        from incremental import Corpus    # benchmarks/incremental.py (it imports this module's lists)

        person = Corpus(max(1, n // 10), seed, names=names).person
    out = []
    for i in range(n):
        doc = f"doc{i // 10:05d}"
        roll = rng.random()
        if roll < 0.6:
            name = person()
            if rng.random() < 0.4:
                name = name.encode("ascii", "ignore").decode() or name   # a spelling without diacritics
            ent = DocEntity(doc, f"e{i}", name, "PERSON", seq=i // 10, aliases=[name, name.split()[-1]])
        elif roll < 0.7:
            ent = DocEntity(doc, f"e{i}", person().split()[-1], "PERSON", seq=i // 10)
        else:
            org = rng.choice(ORGS).format(n=rng.randint(1, 300), g=rng.choice(GIVEN))
            country = rng.choice(COUNTRIES)
            name = f"{country} {org}" if rng.random() < 0.5 else org
            ent = DocEntity(doc, f"e{i}", name, "ORG", seq=i // 10,
                            descriptors=[{"text": country, "kind": "affiliation"}] if rng.random() < 0.3 else [])
        out.append(ent)
    return out


def through_store(records: list[DocEntity]) -> float:
    from casefile.resolve.entity_update import update
    from casefile.store import schema as s
    from casefile.store.db import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "bench.db"))
        with store.engine.begin() as conn:
            docs = sorted({r.document_id for r in records})
            conn.execute(s.documents.insert(), [{"id": d, "source": d, "text": "", "ingested_at": "now"} for d in docs])
            conn.execute(s.doc_entities.insert(), [
                {"document_id": r.document_id, "key": r.key, "name": r.name, "type": r.type, "aliases": r.aliases,
                 "descriptors": r.descriptors, "entity_id": None} for r in records])
        started = time.perf_counter()
        with store.engine.begin() as conn:
            update(conn, None)
        elapsed = time.perf_counter() - started
        store.close()
    return elapsed


def synthetic_events(n: int, seed: int = 11):
    from casefile.resolve.events import EventRecord

    rng = random.Random(seed)
    types = ["arrest", "trial", "imprisonment", "release", "protest", "statement"]
    people = [f"p{i}" for i in range(n // 4)]
    places = [f"g{i}" for i in range(50)]
    out = []
    for i in range(n):
        who = rng.choice(people)
        day = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        date = rng.choice([day, day[:7], day[:4], None])
        out.append(EventRecord(f"x{i}", f"doc{i // 5}", rng.choice(types), (i // 5, i), date,
                               entities=frozenset({who, rng.choice(places)}), persons=frozenset({who})))
    return out


def main() -> None:
    os.environ.setdefault("CASEFILE_NO_EMBEDDINGS", "1")
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    records = synthetic(n)
    started = time.perf_counter()
    result = resolve(records)
    in_memory = time.perf_counter() - started
    print(f"{n} synthetic entity mentions in {n // 10} documents -> {len(result.groups)} entities")
    print(f"resolution in memory: {in_memory:.2f}s")
    print(f"resolution through a SQLite store (load, resolve, write): {through_store(synthetic(n)):.2f}s")
    from casefile.resolve.events import cluster

    events = synthetic_events(n)
    started = time.perf_counter()
    groups = cluster(events)
    print(f"{n} synthetic events -> {len(groups)} clusters in {time.perf_counter() - started:.2f}s")


if __name__ == "__main__":
    main()
