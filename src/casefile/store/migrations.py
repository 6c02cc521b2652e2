"""Ordered schema migrations: each runs once, in order, recorded in ``schema_migrations``.

A migration is a function of a connection and the dialect name. Append new ones at the
end; never edit one that has shipped. Migrations that alter tables check first, because
``m001`` always creates the tables as ``schema.py`` describes them today.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Connection, inspect, select, text

from . import schema
from .migrations_cases import m003_cases, m006_incremental_state, m008_fewer_index_writes
from .migrations_review import m007_review
from .migrations_search import m004_search, m005_page_indexes

SQLITE_FTS = [
    'CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5('
    'title, text, content="documents", content_rowid="seq", tokenize="unicode61 remove_diacritics 2")',
    "CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text); "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
]
POSTGRES_FTS = [
    "CREATE INDEX IF NOT EXISTS documents_fts ON documents USING GIN "
    "(to_tsvector('simple', coalesce(title, '') || ' ' || text))",
]


def m001_tables(conn: Connection, dialect: str) -> None:
    schema.metadata.create_all(conn)


def m002_document_search(conn: Connection, dialect: str) -> None:
    for statement in SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS:
        conn.execute(text(statement))


MIGRATIONS: list[Callable[[Connection, str], None]] = [m001_tables, m002_document_search, m003_cases, m004_search,
                                                     m005_page_indexes, m006_incremental_state, m007_review,
                                                     m008_fewer_index_writes]


def applied(conn: Connection) -> set[int]:
    if not inspect(conn).has_table("schema_migrations"):
        return set()
    return set(conn.execute(select(schema.schema_migrations.c.version)).scalars())


def migrate(conn: Connection) -> list[str]:
    """Apply what is missing, in order; returns the names applied."""
    dialect = conn.dialect.name
    done = applied(conn)
    ran = []
    for version, migration in enumerate(MIGRATIONS, start=1):
        if version in done:
            continue
        migration(conn, dialect)
        if version == 1 or inspect(conn).has_table("schema_migrations"):
            conn.execute(schema.schema_migrations.insert().values(
                version=version, name=migration.__name__, applied_at=dt.datetime.now(dt.UTC).isoformat()))
        ran.append(migration.__name__)
    return ran
