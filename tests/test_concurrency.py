"""The server keeps answering while an ingest writes to the same SQLite store."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import httpx
import pytest

from casefile.store.db import Store

from .helpers.server import serving
from .helpers.synthetic import write_jsonl

pytestmark = pytest.mark.slow


def test_pages_answer_while_an_ingest_is_writing(tmp_path):
    db = str(tmp_path / "busy.db")
    Store.open(db).close()                       # the server needs a store to open read-only
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 120)
    with serving(db) as base:
        writer = subprocess.Popen([sys.executable, "-m", "casefile.cli", "ingest", str(corpus), "--db", db,
                                   "--batch-size", "8", "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True)
        statuses, bodies, seen_counts = [], [], set()
        reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        while writer.poll() is None:
            for path in ("/", "/api/documents?limit=5"):
                r = httpx.get(base + path, timeout=10)
                statuses.append(r.status_code)
                bodies.append(r.text)
            seen_counts.add(reader.execute("select count(*) from documents").fetchone()[0])
            time.sleep(0.05)
        out, err = writer.communicate()
        assert writer.returncode == 0, err[-2000:]
    assert statuses and set(statuses) == {200}
    assert not any("locked" in b.lower() for b in bodies)
    assert "locked" not in err.lower()
    assert len(seen_counts) > 2, "reads should have happened while documents were being written"
