"""Migrations for search over entities and quotes. Owned by the web UI.

SQLite: external-content FTS5 tables named ``<table>_fts`` (Datasette's convention, so
Datasette offers a search box on ``entities`` and ``quotes``), kept in step by triggers.
PostgreSQL: GIN indexes over the same text, queried with ``to_tsvector``.
Also the plain indexes the web pages sort and filter on.
"""
from __future__ import annotations

from sqlalchemy import Connection, text

# (table, indexed columns): the FTS tables follow the content table's implicit rowid.
FTS_TABLES = {
    "entities": ("name", "aliases", "descriptors"),
    "quotes": ("text", "speaker_text"),
}
TOKENIZER = "unicode61 remove_diacritics 2"   # "Nguyen" finds "Nguyễn"

INDEXES = [
    "CREATE INDEX IF NOT EXISTS ix_documents_published ON documents (published)",
    "CREATE INDEX IF NOT EXISTS ix_documents_outlet ON documents (outlet)",
    "CREATE INDEX IF NOT EXISTS ix_events_type_date ON events (type, date_value)",
    "CREATE INDEX IF NOT EXISTS ix_events_date ON events (date_value)",
    "CREATE INDEX IF NOT EXISTS ix_participants_entity ON participants (document_id, entity_key)",
    "CREATE INDEX IF NOT EXISTS ix_mentions_entity ON mentions (document_id, entity_key)",
    "CREATE INDEX IF NOT EXISTS ix_quotes_speaker ON quotes (document_id, speaker_key)",
    "CREATE INDEX IF NOT EXISTS ix_doc_entities_type ON doc_entities (type)",
    # A dossier reads an entity's newest documents first: a range scan, not a sort.
    "CREATE INDEX IF NOT EXISTS ix_doc_entities_entity_document ON doc_entities (entity_id, document_id)",
    # Covers the entity list's GROUP BY entity_id with the name and type it shows.
    "CREATE INDEX IF NOT EXISTS ix_doc_entities_listing ON doc_entities (entity_id, type, name, document_id)",
]


def _sqlite_fts(table: str, columns: tuple[str, ...]) -> list[str]:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    delete = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});"
    insert = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new});"
    return [
        f'CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, content="{table}", '
        f'tokenize="{TOKENIZER}")',
        f"CREATE TRIGGER IF NOT EXISTS {table}_fts_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_fts_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_fts_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
        # Rows stored before this migration ran.
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def _postgres_fts(table: str, columns: tuple[str, ...]) -> list[str]:
    body = " || ' ' || ".join(f"coalesce({c}::text, '')" for c in columns)
    return [f"CREATE INDEX IF NOT EXISTS {table}_fts ON {table} USING GIN (to_tsvector('simple', {body}))"]


def m004_search(conn: Connection, dialect: str) -> None:
    """Full-text tables for entities and quotes, and indexes for the web pages."""
    statements = list(INDEXES)
    for table, columns in FTS_TABLES.items():
        statements += _sqlite_fts(table, columns) if dialect == "sqlite" else _postgres_fts(table, columns)
    for statement in statements:
        conn.execute(text(statement))


# Covering indexes for the heavy pages (dossier, timeline, compare) on a large store:
# each lets SQLite answer from the index alone instead of visiting thousands of table rows.
PAGE_INDEXES = [
    # An entity's (document, key) pairs, newest documents first, without touching the table.
    "CREATE INDEX IF NOT EXISTS ix_doc_entities_owner ON doc_entities (entity_id, document_id, key)",
    # From an owned (document, key) straight to its events.
    "CREATE INDEX IF NOT EXISTS ix_participants_owner ON participants (document_id, entity_key, event_id)",
    # An entity's sentences, then everyone else in each of them (co-mentions).
    "CREATE INDEX IF NOT EXISTS ix_mentions_owner ON mentions (document_id, entity_key, sentence_start, sentence_end)",
    "CREATE INDEX IF NOT EXISTS ix_mentions_sentence ON mentions (document_id, sentence_start, entity_key)",
    # Which outlets report a cluster.
    "CREATE INDEX IF NOT EXISTS ix_events_cluster_document ON events (cluster, document_id)",
    # An event's date without reading its row: the timeline sorts thousands of them.
    "CREATE INDEX IF NOT EXISTS ix_events_id_date ON events (id, date_value, type)",
    # An outlet's newest documents, in order, without reading their text.
    "CREATE INDEX IF NOT EXISTS ix_documents_outlet_published ON documents (outlet, published, id)",
]


def m005_page_indexes(conn: Connection, dialect: str) -> None:
    """Covering indexes that keep the dossier, timeline and compare pages fast on large stores."""
    for statement in PAGE_INDEXES:
        conn.execute(text(statement))
