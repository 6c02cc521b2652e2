"""The store's tables (SQLAlchemy Core), portable across SQLite and PostgreSQL.

Plain tables with plain columns, so the SQLite file reads well in Datasette. Every
fact table carries ``document_id`` and character offsets into ``documents.text``,
plus the offsets of its evidence sentence.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Column, Float, ForeignKey, Index, Integer, MetaData, PrimaryKeyConstraint,
                        Table, Text)

metadata = MetaData()
# Marks the tables that hold a document's own rows (written with it in one batch, never by
# resolution): the row builder fills them, the batch writer and the Spark job go through them
# in ``DOCUMENT_TABLES`` order.
PER_DOCUMENT = {"per_document": True}

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("applied_at", Text, nullable=False),
)

documents = Table(
    "documents", metadata,
    # An explicit integer key: SQLite's VACUUM may renumber implicit rowids, which would
    # desynchronise the external-content full-text index that points at them.
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("format", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("published", Text),
    Column("updated", Text),
    Column("text", Text, nullable=False),
    Column("raw_text", Text),
    Column("word_count", Integer),
    Column("date_hint", JSON),
    Column("provenance", JSON),
    Column("removed", JSON),
    Column("ingested_at", Text, nullable=False),
    info=PER_DOCUMENT,
)

# Every input that produced a document (an exact copy under another name adds a row here).
document_sources = Table(
    "document_sources", metadata,
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("source", Text, nullable=False),
    Column("outlet", Text),
    Column("url", Text),
    Column("first_seen", Text, nullable=False),
    PrimaryKeyConstraint("document_id", "source"),
    info=PER_DOCUMENT,
)

minhash_bands = Table(
    "minhash_bands", metadata,
    Column("band", Text, nullable=False),
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    PrimaryKeyConstraint("band", "document_id"),
    info=PER_DOCUMENT,
)

minhash_signatures = Table(
    "minhash_signatures", metadata,
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("signature", JSON, nullable=False),
    info=PER_DOCUMENT,
)

near_duplicates = Table(
    "near_duplicates", metadata,
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("duplicate_of", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("similarity", Float, nullable=False),
    Column("method", Text, nullable=False),
    PrimaryKeyConstraint("document_id", "duplicate_of"),
    info=PER_DOCUMENT,
)

ingest_issues = Table(
    "ingest_issues", metadata,
    Column("item", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("first_seen", Text, nullable=False),
    Column("last_seen", Text, nullable=False),
    PrimaryKeyConstraint("item", "reason"),
)

# Entities as each document names them; entity_id links them to the corpus-level entity.
doc_entities = Table(
    "doc_entities", metadata,
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("key", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("aliases", JSON),
    Column("descriptors", JSON),
    Column("entity_id", Text),
    PrimaryKeyConstraint("document_id", "key"),
    info=PER_DOCUMENT,
)

entities = Table(
    "entities", metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("aliases", JSON),
    Column("descriptors", JSON),
    Column("reason", Text),
    info=PER_DOCUMENT,
)


def _located(name: str, *columns: Column) -> Table:
    """A fact table: id, document, offsets, evidence sentence offsets, then its own columns."""
    return Table(
        name, metadata,
        Column("id", Text, primary_key=True),
        Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        Column("sentence_start", Integer),
        Column("sentence_end", Integer),
        *columns,
        info=PER_DOCUMENT,
    )


mentions = _located("mentions", Column("entity_key", Text), Column("label", Text))
quotes = _located(
    "quotes", Column("kind", Text, nullable=False), Column("speaker_text", Text), Column("speaker_key", Text),
    Column("speaker_start", Integer), Column("speaker_end", Integer), Column("cue", Text))
times = _located("times", Column("value", Text), Column("type", Text), Column("anchor", Text))
events = _located(
    "events", Column("type", Text, nullable=False), Column("date_value", Text), Column("date_text", Text),
    Column("modality", Text), Column("cluster", Text))
amounts = _located(
    "amounts", Column("kind", Text), Column("value", Float), Column("unit", Text), Column("event_id", Text))

participants = Table(
    "participants", metadata,
    Column("event_id", Text, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("role", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("entity_key", Text),
    Column("start", Integer),
    Column("end", Integer),
    PrimaryKeyConstraint("event_id", "idx"),
    info=PER_DOCUMENT,
)

# Documents stored but not yet resolved across the corpus: written with them in one transaction
# and cleared by the resolution that takes them in, so an ingest killed in between is resolved
# by the next one.
unresolved = Table(
    "unresolved", metadata,
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)

FACT_TABLES = (mentions, quotes, times, events, amounts)
# Parents before children, as the foreign keys need: the order of every batch write.
DOCUMENT_TABLES = tuple(t for t in metadata.sorted_tables if t.info.get("per_document"))

for _t in (*FACT_TABLES, participants, doc_entities):
    Index(f"ix_{_t.name}_document", _t.c.document_id)
Index("ix_minhash_bands_document", minhash_bands.c.document_id)
Index("ix_events_cluster", events.c.cluster)
