"""The one batch writer: documents with all their rows, one transaction per batch.

Every way of ingesting (``casefile ingest``, ``--workers N``, ``casefile load`` of a Spark
job) ends here. A document already stored is left as it is; a new one first has any rows
filed under its id cleared (delete, then insert), so a write repeated after a crash never
doubles a record. Tables are written in ``schema.DOCUMENT_TABLES`` order (parents first).
"""
from __future__ import annotations

import json
from operator import itemgetter

from sqlalchemy import JSON, Connection, Table, select

from . import schema as s

CHUNK = 500          # ids per IN (...): stay under the databases' bound-parameter limits


def write_batch(conn: Connection, batch: list[dict[str, list[dict]]]) -> list[str]:
    """Store each document's rows (``rows.document_rows``); returns the ids newly stored."""
    ids = [rows["documents"][0]["id"] for rows in batch]
    seen = _stored(conn, ids)
    merged: dict[str, list[dict]] = {}
    fresh: list[str] = []
    for doc_id, rows in zip(ids, batch):
        if doc_id in seen:         # stored before (or earlier in this batch): nothing to do
            continue
        seen.add(doc_id)
        fresh.append(doc_id)
        for table, table_rows in rows.items():
            merged.setdefault(table, []).extend(table_rows)
    _clear(conn, fresh, merged)
    for table in s.DOCUMENT_TABLES:
        if merged.get(table.name):
            insert_rows(conn, table, merged[table.name])
    if fresh:       # resolution takes them in, in a later transaction (see schema.unresolved)
        insert_rows(conn, s.unresolved, [{"document_id": d} for d in fresh])
    return fresh


def _stored(conn: Connection, ids: list[str]) -> set[str]:
    out: set[str] = set()
    for i in range(0, len(ids), CHUNK):
        out.update(conn.execute(select(s.documents.c.id).where(s.documents.c.id.in_(ids[i:i + CHUNK]))).scalars())
    return out


def _clear(conn: Connection, fresh: list[str], merged: dict[str, list[dict]]) -> None:
    """Rows left under the new documents' ids (or the ids of their rows), children first."""
    for table in reversed(s.DOCUMENT_TABLES):
        if table is s.documents:
            continue
        if "document_id" in table.c:
            column, keys = table.c.document_id, fresh
        else:                      # a table of its own ids (a document's first entity rows)
            (column,) = table.primary_key.columns
            keys = [r[column.name] for r in merged.get(table.name, [])]
        for i in range(0, len(keys), CHUNK):
            conn.execute(table.delete().where(column.in_(keys[i:i + CHUNK])))


def insert_rows(conn: Connection, table: Table, rows: list[dict]) -> None:
    """SQLite gets a plain executemany of tuples: SQLAlchemy's bind step costs more per row
    than the insert. JSON values are encoded as SQLAlchemy's JSON type would (json.dumps,
    None as 'null'), so the stored rows are the same either way."""
    if conn.dialect.name != "sqlite":
        conn.execute(table.insert(), rows)
        return
    keys = list(rows[0])
    get = itemgetter(*keys) if len(keys) > 1 else (lambda r: (r[keys[0]],))
    encode = [i for i, k in enumerate(keys) if isinstance(table.c[k].type, JSON)]
    params = [get(r) for r in rows]
    if encode:
        rows_ = [list(p) for p in params]
        for p in rows_:
            for i in encode:
                p[i] = json.dumps(p[i])
        params = [tuple(p) for p in rows_]     # SQLAlchemy takes tuples, not lists
    sql = 'INSERT INTO "%s" (%s) VALUES (%s)' % (
        table.name, ", ".join(f'"{k}"' for k in keys), ", ".join("?" * len(keys)))
    conn.exec_driver_sql(sql, params)
