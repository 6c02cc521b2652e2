"""Migrations for cross-document records (resolution, clusters, conflicts). Owned by resolve."""
from __future__ import annotations

from sqlalchemy import Connection, text

from . import schema, schema_cases


def m003_cases(conn: Connection, dialect: str) -> None:
    """Tables for entity links, overrides and audit, event clusters, claims and conflicts."""
    schema_cases.metadata.create_all(conn)


def m006_incremental_state(conn: Connection, dialect: str) -> None:
    """What incremental resolution keeps between runs, and the documents it has yet to take in."""
    schema.metadata.create_all(conn, tables=[schema.unresolved])
    schema_cases.metadata.create_all(conn)
    for index in schema_cases.DOCUMENT_INDEXES:    # create_all leaves a table that exists as it is
        index.create(conn, checkfirst=True)


# Indexes another one starts with: ix_doc_entities_owner (entity_id, document_id, key) answers
# every lookup the first two did, and the table itself (now ordered by key, then seq) the third;
# each cost a page write per record an ingest touches.
REDUNDANT_INDEXES = ("ix_doc_entities_entity", "ix_doc_entities_entity_document", "ix_entity_keys_first")
REBUILT = (schema_cases.entity_keys, schema_cases.candidate_roots, schema_cases.entity_state)


def m008_fewer_index_writes(conn: Connection, dialect: str) -> None:
    """Fewer B-trees written per incremental resolve: the kept state's lookup tables ordered by
    their keys (WITHOUT ROWID on SQLite; ``entity_keys`` by key, then corpus order), and indexes
    that another index starts with dropped. Rows are copied over: no full run is needed."""
    for name in REDUNDANT_INDEXES:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    if dialect != "sqlite":
        conn.execute(text("ALTER TABLE entity_keys DROP CONSTRAINT entity_keys_pkey, "
                          "ADD PRIMARY KEY (key, seq, document_id, entity_key)"))
        return
    for table in REBUILT:
        old = f"{table.name}_before_m008"
        for index in table.indexes:
            conn.execute(text(f"DROP INDEX IF EXISTS {index.name}"))
        conn.execute(text(f"ALTER TABLE {table.name} RENAME TO {old}"))
        table.create(conn)
        columns = ", ".join(conn.dialect.identifier_preparer.quote(c.name) for c in table.columns)
        conn.execute(text(f"INSERT INTO {table.name} ({columns}) SELECT {columns} FROM {old}"))
        conn.execute(text(f"DROP TABLE {old}"))
