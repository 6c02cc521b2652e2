"""Resolution on Spark (`casefile spark-ingest --resolve`) gives what `casefile resolve` gives, and
`casefile load` stores it without resolving again.

Spark only finds the blocks (records linked through their keys, ``resolve.blocks``; reports
through their (type, entity) blocks, ``resolve.event_blocks``); each block is resolved and
clustered by the single-machine rules. The corpus has people named in full in some articles
and by surname, with a title or an honorific in others, institutions with and without their
country, one sentencing reported by three outlets that disagree on its length, and a wire
story with its near copy, so every kind of decision is exercised.
"""
from __future__ import annotations

import importlib
import json
import random
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from casefile import resolve
from casefile.cli import main
from casefile.export import build
from casefile.spark_tables import read_table
from casefile.store.db import Store

from .helpers.synthetic import article
from .test_spark import require_spark

pytestmark = pytest.mark.slow

WIRE = ("Police arrested the activist Sava Lind in Ostmark on June 9, 2023, her sister said. Lind had led weekly "
        "marches against the new land law for two months before the arrest, and officers took her laptop and "
        "phone from the family home. ")
# (text, outlet): fictional people and places, named in full, by surname, with titles
WRITTEN = [
    ("Minister Talia Orvane of Kestria met protesters in Vell on Monday. Orvane said the detentions "
     "would be reviewed. The Kestrian Foreign Ministry later confirmed the review.", "Vell Daily News"),
    ("Orvane, the interior minister, rejected the claims on Tuesday. \"We have nothing to hide,\" Orvane "
     "told reporters in Ostmark.", "Harbor Wire"),
    ("President Doran Helse pardoned the journalist Mika Brand on Friday. Helse said the pardon was "
     "final. Brand thanked the Foreign Ministry.", "Kestria Post"),
    ("Mrs. Brand, the journalist's mother, said her son had lost 10 kilograms in prison. Mika Brand "
     "was arrested in Tessel in 2021.", "Vell Daily News"),
    ("The Foreign Ministry of Lunara summoned the Kestrian ambassador. Helse did not comment.", "Harbor Wire"),
    # one sentencing in three outlets, two of them agreeing on its length
    ("A court in Tessel sentenced the journalist Mika Brand to five years in prison on March 3, 2024. "
     "Brand denied the charges and his lawyer said he would appeal.", "Kestria Post"),
    ("A court in Tessel sentenced the journalist Mika Brand to six years in prison on March 3, 2024, his "
     "lawyer said.", "Harbor Wire"),
    ("A court in Tessel sentenced the journalist Mika Brand to five years in prison on March 3, 2024. The "
     "ruling drew criticism from press freedom groups.", "Vell Daily News"),
    # one arrest in a wire story and its near copy on another site: one source, not two
    (WIRE + "The interior ministry declined to comment on the case.", "Ostmark Tribune"),
    (WIRE + "The interior ministry did not answer questions.", "Lunara Times"),
]


def lines() -> list[str]:
    rng = random.Random(5)
    out = [json.dumps(article(i, rng)) for i in range(24)]
    out += [json.dumps({"text": text, "outlet": outlet, "published": f"2024-05-0{i + 1}"})
            for i, (text, outlet) in enumerate(WRITTEN)]
    return out


def partition(pairs) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for ref, entity in pairs:
        groups.setdefault(entity, set()).add(ref)
    return {frozenset(g) for g in groups.values()}


def rows(store: Store, table: str) -> list[str]:
    """A table's rows (JSON decoded), in a stable order."""
    return sorted(json.dumps(r, sort_keys=True, default=str) for r in store.rows(table))


RESOLUTION = [("casefile.resolve", "run"), ("casefile.resolve.entity_update", "update"),
              ("casefile.resolve.events_store", "update"), ("casefile.resolve.events_store", "cluster")]


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """The store of `casefile ingest` + `casefile resolve` (plain), Spark's output folder, the store
    `casefile load` made of that output (loaded, at loaded_db) and the resolution functions it called."""
    require_spark()
    root = tmp_path_factory.mktemp("spark_resolve")
    corpus = root / "news.jsonl"
    corpus.write_text("\n".join(lines()) + "\n", encoding="utf-8")
    runner = CliRunner()
    db, output, loaded = str(root / "plain.db"), root / "parquet", str(root / "loaded.db")
    assert runner.invoke(main, ["ingest", str(corpus), "--db", db, "-q"]).exit_code == 0
    store = Store.open(db)
    resolve.run(store)                              # `casefile resolve`: everything, from scratch
    result = runner.invoke(main, ["spark-ingest", str(corpus), "--output", str(output), "--master", "local[2]",
                                  "--resolve"])
    assert result.exit_code == 0, result.output
    called = []
    with pytest.MonkeyPatch.context() as mp:
        for module, name in RESOLUTION:
            original = getattr(importlib.import_module(module), name)
            mp.setattr(f"{module}.{name}", lambda *a, _f=original, _n=f"{module}.{name}", **k: (
                called.append(_n), _f(*a, **k))[1])
        result = runner.invoke(main, ["load", str(output), "--db", loaded])
    assert f"stored {len(lines())}," in result.output, result.output
    return SimpleNamespace(plain=store, output=output, loaded=Store.open(loaded, readonly=True), called=called,
                           loaded_db=loaded)


def test_spark_resolution_gives_the_entities_casefile_resolve_gives(both):
    plain, output = both.plain, both.output
    spark = partition((f"{r['document_id']}~{r['key']}", r["entity_id"])
                      for r in read_table(output, "entity_links", resolved=True))
    assert spark == partition((f"{r['document_id']}~{r['key']}", r["entity_id"]) for r in plain.rows("doc_entities"))


def test_spark_clusters_the_events_as_casefile_resolve_clusters_them(both):
    plain, output = both.plain, both.output
    spark = {r["id"]: r["cluster"] for r in read_table(output, "event_cluster", resolved=True)}
    assert spark == {r["id"]: r["cluster"] for r in plain.rows("events")}


@pytest.mark.parametrize("table", ["entities", "entity_links", "event_clusters", "cluster_claims", "conflicts"])
def test_spark_writes_the_rows_casefile_resolve_stores(both, table):
    plain, output = both.plain, both.output
    spark = sorted(json.dumps(r, sort_keys=True, default=str) for r in read_table(output, table, resolved=True))
    # conflicts of attribution (quotes, not clusters) are worked out when loading
    assert spark == [r for r in rows(plain, table) if table != "conflicts" or json.loads(r)["cluster"]]


def test_the_corpus_has_entities_named_in_several_documents(both):
    plain = both.plain
    groups = partition((f"{r['document_id']}~{r['key']}", r["entity_id"]) for r in plain.rows("doc_entities"))
    assert sum(len({ref.split("~")[0] for ref in group}) > 1 for group in groups) >= 5


@pytest.mark.parametrize("what, sql", [
    ("a cluster corroborated by independent outlets", "SELECT count(*) FROM event_clusters WHERE corroborated"),
    ("a cluster of two outlets that are one source", "SELECT count(*) FROM event_clusters WHERE "
                                                     "independent_sources = 1 AND events > 2"),
    ("a corroborated claim", "SELECT count(*) FROM cluster_claims WHERE corroborated"),
    ("a conflict inside a cluster", "SELECT count(*) FROM conflicts WHERE cluster IS NOT NULL"),
    ("a near copy", "SELECT count(*) FROM near_duplicates"),
])
def test_the_corpus_has(both, what, sql):
    plain = both.plain
    with plain.engine.connect() as conn:
        assert conn.execute(text(sql)).scalar() >= 1, what


def test_loading_resolved_output_calls_no_resolution(both):
    assert both.called == []


@pytest.mark.parametrize("table", ["entities", "entity_links", "doc_entities", "events", "event_clusters",
                                   "cluster_claims", "conflicts", "near_duplicates"])
def test_loading_resolved_output_stores_what_casefile_resolve_stores(both, table):
    plain, loaded = both.plain, both.loaded
    assert rows(loaded, table) == rows(plain, table)


def test_loading_resolved_output_exports_what_plain_ingest_exports(both):
    plain, loaded = both.plain, both.loaded
    assert build(loaded) == build(plain)


def test_the_next_ingest_after_a_resolved_load_resolves_everything_once(both, tmp_path):
    """What incremental runs keep is not in Spark's output: the next ingest resolves in full."""
    copy = tmp_path / "copy.db"
    for suffix in ("", "-wal", "-shm"):          # SQLite's write-ahead log holds the latest pages
        if Path(both.loaded_db + suffix).exists():
            shutil.copy(both.loaded_db + suffix, f"{copy}{suffix}")
    store = Store.open(str(copy))
    extra = tmp_path / "more.jsonl"
    extra.write_text(json.dumps({"text": WRITTEN[2][0].replace("Friday", "Saturday"), "outlet": "Kestria Post"}) + "\n")
    assert CliRunner().invoke(main, ["ingest", str(extra), "--db", str(copy), "-q"]).exit_code == 0
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM entity_state")).scalar() == len(list(store.rows("doc_entities")))


def test_into_a_store_holding_other_documents_load_resolves_them_together(both, tmp_path):
    """Spark's resolution saw only the job's documents: a store with others is resolved whole."""
    db = str(tmp_path / "earlier.db")
    earlier = tmp_path / "earlier.jsonl"
    earlier.write_text(json.dumps({"text": "The journalist Mika Brand left Tessel on Sunday, his lawyer said.",
                                   "outlet": "Tessel Evening Star", "published": "2024-06-02"}) + "\n")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(earlier), "--db", db, "-q"]).exit_code == 0
    assert runner.invoke(main, ["load", str(both.output), "--db", db]).exit_code == 0
    store = Store.open(db, readonly=True)
    first = next(d["id"] for d in store.rows("documents") if d["outlet"] == "Tessel Evening Star")
    links = list(store.rows("doc_entities"))
    brand = next(r["entity_id"] for r in links if r["document_id"] == first and r["name"] == "Mika Brand")
    assert len({r["document_id"] for r in links if r["entity_id"] == brand}) >= 4   # with the job's articles



@pytest.fixture(scope="module")
def spark_session():
    require_spark()
    from casefile.spark import session

    spark = session("local[2]", "casefile-test-resolve")
    yield spark
    spark.stop()


def test_spark_resolves_random_corpora_of_few_names_as_casefile_resolve(spark_session):
    """Every lone name has several candidates here, and blocks chain through shared names: each
    decision Spark spreads over joins (blocks, lone names' choices, units) is exercised."""
    from casefile.spark_resolve import LINKS, record_schema, resolve_entities
    from casefile.spark_tables import columns

    from .test_blocks import all_at_once, random_record

    rng = random.Random(3)
    corpus = [random_record(rng, f"d{d}", f"e{k}") for d in range(1, 241) for k in range(rng.randint(2, 6))]
    frame = spark_session.createDataFrame(
        [(r.document_id, r.key, r.name, r.type, r.seq, json.dumps(r.aliases), json.dumps(r.descriptors))
         for r in corpus], record_schema())
    names = [c.name for c in columns(LINKS, resolved=True)]
    links = [dict(zip(names, row)) for table, row in resolve_entities(spark_session, frame).collect()
             if table == LINKS]
    found = partition((f"{r['document_id']}~{r['key']}", r["entity_id"]) for r in links)
    assert found == all_at_once(corpus)[0]
