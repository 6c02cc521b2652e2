"""Tables for human review and named cases: decisions about facts, their history, cases and what they hold.

None of these is ever rewritten by ingest or resolution. A fact is named by a key built from
what does not change when a document is ingested again or the corpus is resolved again: its
document's content hash and its character offsets (``resolve.review.fact_key``), never a row
id or a cluster id. An entity is named by one of its document entities (document, key), as
the merge and split overrides name theirs, since corpus-level entity ids change when
resolution merges.
"""
from __future__ import annotations

from sqlalchemy import JSON, Column, Index, Integer, MetaData, PrimaryKeyConstraint, Table, Text, UniqueConstraint

metadata = MetaData()

# The standing decision about each reviewed fact (one row per fact; its history is review_audit).
review_decisions = Table(
    "review_decisions", metadata,
    Column("key", Text, primary_key=True),
    Column("kind", Text, nullable=False),            # event, quote, entity_link
    Column("document_id", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("entity_key", Text),                      # entity_link: the document's entity key
    Column("status", Text, nullable=False),          # confirmed, rejected, unreviewed
    Column("note", Text),
    Column("edits", JSON, nullable=False),           # {"type", "date_value", "speaker"}: what the reviewer set
    Column("original", JSON, nullable=False),        # the extracted values when the decision was made
    Column("speaker_document", Text),                # a fixed speaker's document entity, when the name found one
    Column("speaker_key", Text),
    Column("reviewer", Text, nullable=False),
    Column("at", Text, nullable=False),
)

review_audit = Table(
    "review_audit", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("note", Text),
    Column("edits", JSON, nullable=False),
)

cases = Table(
    "cases", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("created_by", Text),
    UniqueConstraint("name", name="uq_cases_name"),
)

# What a case holds: an entity (ref "<document id>~<key>", one of its document entities) or an
# event (ref: its fact key).
case_items = Table(
    "case_items", metadata,
    Column("case_id", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("ref", Text, nullable=False),
    Column("label", Text),
    Column("added_at", Text, nullable=False),
    Column("added_by", Text),
    PrimaryKeyConstraint("case_id", "kind", "ref"),
)

Index("ix_review_decisions_document", review_decisions.c.document_id)
Index("ix_review_decisions_speaker", review_decisions.c.speaker_document, review_decisions.c.speaker_key)
Index("ix_review_audit_key", review_audit.c.key)
