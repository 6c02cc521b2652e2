"""A per-process memo for the few reads whose cost grows with how often an entity is cited.

Keyed on the store's state, so a hit is never stale: for a SQLite file, the size and
modification time of the database and its write-ahead log (any commit changes one);
elsewhere the newest document, with a short time limit so a resolver merge still shows.
Values are returned as fresh shallow copies: pages add keys to the dicts they get.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable

from sqlalchemy import text

from .db import Store

TTL_SECONDS = 30.0          # only when the version cannot see every change (not a SQLite file)
MAX_ITEMS = 512

_MEMO: dict[tuple, tuple[float, object]] = {}


def _sqlite_path(store: Store) -> str | None:
    url = store.engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    path = url.database.removeprefix("file:")
    return path if os.path.exists(path) else None


def _stat(path: str) -> tuple[int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (0, 0)
    return (st.st_size, st.st_mtime_ns)


def version(store: Store) -> tuple:
    """What changes whenever the store's content may have changed."""
    with store.engine.connect() as conn:
        newest = conn.execute(text("SELECT MAX(seq) FROM documents")).scalar()
    path = _sqlite_path(store)
    if path is not None:
        # The newest document too: file times tick in milliseconds, two ingests may share one.
        return ("file", path, newest, _stat(path), _stat(path + "-wal"))
    return ("seq", str(store.engine.url), newest, int(time.monotonic() // TTL_SECONDS))


def remembered(store: Store, key: tuple, compute: Callable[[], list[dict] | int]) -> list[dict] | int:
    """``compute()``, or its value from an earlier call with the same key on an unchanged store."""
    full = (version(store), *key)
    hit = _MEMO.get(full)
    if hit is None:
        if len(_MEMO) >= MAX_ITEMS:
            _MEMO.clear()
        hit = (time.monotonic(), compute())
        _MEMO[full] = hit
    value = hit[1]
    return [dict(row) for row in value] if isinstance(value, list) else value
