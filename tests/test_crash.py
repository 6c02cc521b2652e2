"""A killed ingest leaves a sound store, and re-running it completes the work exactly once."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from .helpers.synthetic import write_jsonl

pytestmark = pytest.mark.slow
COUNT = 500
FACT_TABLES = ("mentions", "times", "doc_entities")


def casefile(*args: str) -> list[str]:
    return [sys.executable, "-m", "casefile.cli", *args]


def count(db, sql: str) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:   # tables not created yet
        return 0
    finally:
        con.close()


def per_document(db) -> dict[str, tuple[int, ...]]:
    con = sqlite3.connect(db)
    out = {}
    for (doc_id,) in con.execute("select id from documents"):
        out[doc_id] = tuple(con.execute(f"select count(*) from {t} where document_id = ?", (doc_id,)).fetchone()[0]
                            for t in FACT_TABLES)
    con.close()
    return out


def test_an_ingest_killed_midway_is_completed_by_running_it_again(tmp_path):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", COUNT)
    db = str(tmp_path / "crash.db")
    command = casefile("ingest", str(corpus), "--db", db, "--batch-size", "16", "--quiet")
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy())
    deadline = time.time() + 300
    while time.time() < deadline and count(db, "select count(*) from documents") < 40:
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored_before = count(db, "select count(*) from documents")
    assert 0 < stored_before < COUNT, "the kill should land midway"

    con = sqlite3.connect(db)
    assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
    con.close()
    half_written = [d for d, n in per_document(db).items() if 0 in n]
    assert not half_written, "a document was stored without its records"

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f"duplicates {stored_before}," in rerun.stdout
    assert count(db, "select count(*) from documents") == COUNT
    assert count(db, "select count(distinct id) from documents") == COUNT
    assert all(0 not in n for n in per_document(db).values())

    clean_db = str(tmp_path / "clean.db")
    subprocess.run(casefile("ingest", str(corpus), "--db", clean_db, "--quiet"), check=True, timeout=900,
                   capture_output=True)
    assert per_document(db) == per_document(clean_db)
