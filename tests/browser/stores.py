"""Stores the browser tests drive: the seeds, and the 840 PolNeAR training articles with the seeds.

Ingesting 840 articles takes minutes on two cores, so that store is built once and kept
under the temporary directory, named by a hash of what it is made of (the input files and
the extraction code): a later session reuses it until the articles or the extractor change.
Not a test module.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from tests.conftest import SEEDS

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "eval" / "dev" / "polnear_train"
CACHE = Path(tempfile.gettempdir()) / "casefile-browser-stores"
# What decides the stored records besides the articles: the parser's rules and the extractors.
CODE = ("src/casefile/nlp.py", "src/casefile/nlp_rules.py", "src/casefile/extract", "src/casefile/resolve",
        "src/casefile/pipeline.py", "src/casefile/ingest")
# Modules under those folders that only read the store, or write only a reviewer's decisions and
# cases (none of which a freshly built store holds): changing them does not change a stored row.
READERS = frozenset({"timeline.py", "event_details.py", "status.py", "lookup.py", "review.py", "reviewed.py",
                     "case_groups.py"})


def _files(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and p.name not in READERS
                  and p.suffix in (".py", ".txt", ".jsonl", ".json"))


def content_hash(inputs: list[Path]) -> str:
    h = hashlib.sha256()
    for base in [*inputs, *(ROOT / c for c in CODE)]:
        for p in _files(base):
            h.update(str(p.relative_to(base.parent)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def cached_store(inputs: list[Path], name: str) -> str:
    """A SQLite store of ``inputs``, built on first use and reused while its content hash holds."""
    from casefile.pipeline import ingest
    from casefile.store.db import Store

    folder = CACHE / f"{name}-{content_hash(inputs)}"
    db = folder / "store.db"
    if db.exists():
        return str(db)
    work = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=CACHE.mkdir(parents=True, exist_ok=True) or CACHE))
    store = Store.open(str(work / "store.db"))
    ingest([str(p) for p in inputs], store)
    store.close()
    try:
        os.replace(work, folder)       # whole or not at all: a store interrupted half-way is never reused
    except OSError:                    # another process finished first
        shutil.rmtree(work, ignore_errors=True)
    return str(db)


def private_copy(db: str, folder: Path) -> str:
    """A copy of the cached store ``db`` in ``folder``, for a test that writes (the cache stays as built)."""
    import sqlite3

    copy = folder / Path(db).name
    src, out = sqlite3.connect(f"file:{db}?mode=ro", uri=True), sqlite3.connect(copy)
    try:
        src.backup(out)
    finally:
        src.close()
        out.close()
    return str(copy)


def seeds_store() -> str:
    return cached_store([SEEDS], "seeds")


def corpus_store() -> str | None:
    """The 840 training articles and the seeds, or None where the evaluation data is not checked out."""
    if not (CORPUS / "docs.jsonl").exists():
        return None
    return cached_store([CORPUS / "docs.jsonl", SEEDS], "polnear-train")


if __name__ == "__main__":         # warm the cache: python -m tests.browser.stores
    print(seeds_store())
    print(corpus_store())
