"""Two `casefile ingest` runs writing one store at the same time lose nothing and duplicate
nothing: the store holds what a serial run of the same documents gives.

Each run is its own process, as two members of a team would start them. Resolution depends
on the order documents were stored (the earliest record names an entity), so the export is
compared with a serial ingest of the same documents in the order the concurrent runs
committed them; the row counts are compared with run A, then run B.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from casefile.export import build
from casefile.pipeline import ingest
from casefile.store import locks
from casefile.store.db import Store

from .helpers.synthetic import article
from .pg import pg_server, pg_url  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]

# (records of run A, records of run B)
INPUTS = {"disjoint": (range(0, 36), range(36, 72)), "overlapping": (range(0, 40), range(20, 60))}


def records(count: int) -> list[dict]:
    import random
    rng = random.Random(11)
    return [article(i, rng) for i in range(count)]


def write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def run_both(db: str, a: Path, b: Path, store: Store) -> None:
    """Both runs, started together. On PostgreSQL the test holds the write lock until both wait
    for it (they take it when they open the store), so they set off at the same moment: a run
    that got going seconds earlier could store everything before the other wrote at all (seen
    once from a clean clone on two busy cores), and the test would show no overlap."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    with locks.writing(store.engine):
        runs = [subprocess.Popen([sys.executable, "-m", "casefile.cli", "ingest", str(path), "--db", db,
                                  "--batch-size", "3", "--quiet"], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for path in (a, b)]
        if store.dialect == "postgresql":
            _until_both_wait(store, runs)
    for run in runs:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err[-3000:]


def _until_both_wait(store: Store, runs: list[subprocess.Popen]) -> None:
    waiting = text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
    deadline = time.monotonic() + 300
    with store.engine.connect() as conn:
        while conn.execute(waiting).scalar() < len(runs) and time.monotonic() < deadline:
            if any(run.poll() is not None for run in runs):     # one failed early: its error is reported below
                return
            time.sleep(0.2)


def stored_order(store: Store) -> list[str]:
    return [d["source"] for d in sorted(store.rows("documents"), key=lambda d: d["seq"])]


def export_of(store: Store) -> str:
    return json.dumps(build(store), sort_keys=True, default=str)


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_db(request, tmp_path):
    if request.param == "sqlite":
        return lambda name: str(tmp_path / f"{name}.db")
    return lambda name: request.getfixturevalue("pg_server").create_database()


@pytest.mark.parametrize("case", sorted(INPUTS))
def test_two_concurrent_ingests_leave_the_store_a_serial_run_leaves(case, fresh_db, tmp_path, nlp):
    corpus = records(72)
    part_a, part_b = ([corpus[i] for i in span] for span in INPUTS[case])
    a, b = write(tmp_path / "a.jsonl", part_a), write(tmp_path / "b.jsonl", part_b)

    shared = Store.open(fresh_db("shared"))
    run_both(shared.engine.url.render_as_string(hide_password=False).replace("+psycopg", "")
             if shared.dialect == "postgresql" else shared.engine.url.database, a, b, shared)
    order = stored_order(shared)
    by_source = {r["source"]: r for r in corpus}

    in_commit_order = Store.open(fresh_db("commit_order"))
    ingest([str(write(tmp_path / "ordered.jsonl", [by_source[s] for s in order]))], in_commit_order, batch_size=3)
    a_then_b = Store.open(fresh_db("a_then_b"))
    ingest([str(a)], a_then_b, batch_size=3)
    ingest([str(b)], a_then_b, batch_size=3)

    assert sorted(order) == sorted({r["source"] for r in part_a + part_b})   # each document once
    assert shared.counts() == a_then_b.counts()
    assert export_of(shared) == export_of(in_commit_order)
    if case == "disjoint":     # the two runs' batches did interleave: they wrote at the same time
        runs = "".join("a" if by_source[s] in part_a else "b" for s in order)
        assert "ab" in runs and "ba" in runs, runs
