"""One writer at a time: every write transaction starts by taking the store's write lock.

Several ``casefile ingest`` runs (a team sharing one PostgreSQL store, or two shells on one
SQLite file) may write at once. Each batch write, each resolution step and each migration
reads the store and then writes what it read implies (which documents are new, which
clusters a record joins), so two of them interleaved could both store one document or
resolve against a state the other is changing. Taking one lock first makes them run one
after the other, each seeing everything committed before it: the store ends as some serial
run of the same batches would leave it.

- PostgreSQL: a transaction-level advisory lock, released at commit or rollback.
- SQLite: ``BEGIN IMMEDIATE`` takes the database's write lock at the start of the transaction
  (instead of at its first write, when what it read may already be stale); a second writer
  waits for it up to the connection's busy timeout (``db.BUSY_TIMEOUT_MS``), readers never wait
  (WAL).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, text

WRITE_LOCK_KEY = 0x63617365      # any fixed 64-bit number; "case" in ASCII


def take_write_lock(conn: Connection) -> None:
    """Block until this transaction is the store's only writer; call it first in the transaction."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
    elif conn.dialect.name == "sqlite" and not conn.connection.dbapi_connection.in_transaction:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction that holds the write lock from its start to its commit."""
    with engine.begin() as conn:
        take_write_lock(conn)
        yield conn
