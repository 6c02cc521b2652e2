"""Multi-process ingest stores exactly what a 1-process ingest stores."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from casefile import parallel
from casefile.export import build
from casefile.pipeline import ingest as serial_ingest
from casefile.store import schema_cases as C
from casefile.store.db import TABLES, Store

# Fictional reporting; every article differs in names and numbers so none is a copy.
PEOPLE = ["Tavi Mosk", "Rena Olst", "Piet Varo", "Dara Kenn", "Ilya Brec", "Sona Vell"]
TOWNS = ["Orlen", "Vask", "Merrow", "Tull", "Kadia", "Brene"]
TEMPLATE = (
    "{town} court jails {who}\n\n"
    "A court in {town} sentenced the activist {who} to {years} years in prison on Tuesday, "
    "his lawyer said. \"The trial lasted {hours} hours and the verdict was written before it began,\" "
    "the lawyer, Mara Ostin, told reporters outside the court on March {day}, 2025. "
    "{who} was arrested in {town} in January after posts criticising the regional governor, "
    "according to the monitoring group Free Voices. The governor's office declined to comment.\n")
# Columns written with the wall clock: the only ones two runs may disagree on.
CLOCK = {"ingested_at", "first_seen", "last_seen", "applied_at", "at", "created_at", "updated_at"}


def article(i: int) -> str:
    return TEMPLATE.format(town=TOWNS[i % 6], who=PEOPLE[(i * 5) % 6], years=3 + i, hours=2 + i, day=10 + i)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Text files, a JSONL file (with a copy and a broken line), and a name that matches nothing."""
    root = tmp_path_factory.mktemp("corpus")
    for i in range(4):
        (root / f"a{i}.txt").write_text(article(i), encoding="utf-8")
    lines = [json.dumps({"text": article(i), "outlet": "Tull Times"}) for i in range(4, 9)]
    lines.insert(2, "{not json")
    lines.append(json.dumps({"text": article(1)}))          # the same article as a1.txt
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(root), str(root / "missing.txt")]


def snapshot(store: Store) -> dict:
    """Every row of every table (corpus-level ones too), wall-clock columns left out, in a stable order."""
    out = {}
    with store.engine.connect() as conn:
        for table in (*TABLES, *C.metadata.sorted_tables):
            rows = [{k: v for k, v in r._mapping.items() if k not in CLOCK} for r in conn.execute(select(table))]
            out[table.name] = sorted(json.dumps(r, sort_keys=True, default=str) for r in rows)
    return out


@pytest.fixture(scope="module")
def runs(corpus, tmp_path_factory):
    """(report, store) for 1 and for 2 processes on the same corpus."""
    root = tmp_path_factory.mktemp("stores")
    one = Store.open(str(root / "one.db"))
    two = Store.open(str(root / "two.db"))
    first = serial_ingest(corpus, one, batch_size=3)
    second = parallel.ingest(corpus, two, batch_size=3, workers=2)
    return (first, one), (second, two)


def test_two_workers_store_the_same_rows_as_one(runs):
    (_, one), (_, two) = runs
    assert snapshot(two) == snapshot(one)
    assert two.counts()["documents"] == 9


def test_two_workers_give_the_same_export_as_one(runs):
    (_, one), (_, two) = runs
    assert build(two) == build(one)


def test_documents_are_stored_in_input_order_whatever_worker_finished_first(runs):
    (_, one), (_, two) = runs
    order = [(d["seq"], d["source"]) for d in one.rows("documents")]
    assert [(d["seq"], d["source"]) for d in two.rows("documents")] == order


@pytest.mark.parametrize("field", ["stored", "duplicates", "near_duplicates", "rejected", "warnings", "lost"])
def test_the_report_counts_match_one_process(runs, field):
    (first, _), (second, _) = runs
    assert getattr(second, field) == getattr(first, field)


def test_the_report_names_the_same_problems(runs):
    (first, _), (second, _) = runs
    reasons = sorted((i.item.rsplit("/", 1)[-1], i.reason) for i in second.issues)
    assert reasons == sorted((i.item.rsplit("/", 1)[-1], i.reason) for i in first.issues)
    assert any(item.startswith("feed.jsonl#L3") for item, _ in reasons)
    assert any(item == "missing.txt" for item, _ in reasons)


def test_a_second_parallel_run_changes_nothing(runs, corpus):
    (_, _), (_, two) = runs
    before = snapshot(two)
    report = parallel.ingest(corpus, two, batch_size=3, workers=2)
    assert report.stored == 0 and report.duplicates == 10
    assert snapshot(two) == before


@pytest.mark.parametrize("workers, calls_serial", [(1, True), (0, True), (2, False)])
def test_one_worker_or_fewer_is_the_plain_pipeline(monkeypatch, tmp_path, workers, calls_serial):
    called = []
    monkeypatch.setattr(parallel, "serial", lambda *a, **k: called.append(k) or "serial")
    monkeypatch.setattr(parallel, "_context", lambda: (_ for _ in ()).throw(RuntimeError("parallel path")))
    store = Store.open(str(tmp_path / "w.db"))
    if calls_serial:
        assert parallel.ingest([], store, workers=workers) == "serial"
    else:
        with pytest.raises(RuntimeError, match="parallel path"):
            parallel.ingest([], store, workers=workers)
    assert bool(called) == calls_serial


def test_the_plan_reads_streamed_files_and_leaves_single_articles_to_workers(corpus):
    items = list(parallel.plan(corpus))
    paths = [i for i in items if isinstance(i, str)]
    assert [p.rsplit("/", 1)[-1] for p in paths] == ["a0.txt", "a1.txt", "a2.txt", "a3.txt", "missing.txt"]
    read = [i for i in items if not isinstance(i, str)]
    assert len(read) == 7 and all(i.source.rsplit("/", 1)[-1].startswith("feed.jsonl#L") for i in read
                                  if hasattr(i, "source")) and any(hasattr(i, "reason") for i in read)
