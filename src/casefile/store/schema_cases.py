"""Tables for corpus-level records: entity links and overrides, event clusters, claims, conflicts.

They live on their own MetaData so that migration 1 (which creates ``schema.metadata``)
never creates them; migration 3 does. Everything here is recomputed by
``casefile.resolve.run`` except the overrides and the audit, which record human decisions.
"""
from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Index, Integer, MetaData, PrimaryKeyConstraint, Table, Text

metadata = MetaData()

# Why each document's entity belongs to its corpus-level entity.
entity_links = Table(
    "entity_links", metadata,
    Column("document_id", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("rule", Text, nullable=False),
    Column("reason", Text, nullable=False),
    PrimaryKeyConstraint("document_id", "key"),
)

# Human decisions that resolution must respect: merge (must link) and split (stand alone).
entity_overrides = Table(
    "entity_overrides", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", Text, nullable=False),
    Column("document_a", Text, nullable=False),
    Column("key_a", Text, nullable=False),
    Column("document_b", Text),
    Column("key_b", Text),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", Text, nullable=False),
)

entity_audit = Table(
    "entity_audit", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("detail", JSON, nullable=False),
)

event_clusters = Table(
    "event_clusters", metadata,
    Column("cluster", Text, primary_key=True),
    Column("type", Text, nullable=False),
    Column("date_value", Text),
    Column("precision", Text),
    Column("date_start", Text),
    Column("date_end", Text),
    Column("label", Text),
    Column("events", Integer, nullable=False),
    Column("documents", JSON, nullable=False),
    Column("outlets", JSON, nullable=False),
    Column("entities", JSON, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("corroborated", Boolean, nullable=False),
    Column("reason", Text),
)

# Facts inside a cluster (its date, a duration, an amount) and who reports each.
cluster_claims = Table(
    "cluster_claims", metadata,
    Column("cluster", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("value", Text, nullable=False),
    Column("documents", JSON, nullable=False),
    Column("outlets", JSON, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("corroborated", Boolean, nullable=False),
    PrimaryKeyConstraint("cluster", "kind", "value"),
)

conflicts = Table(
    "conflicts", metadata,
    Column("id", Text, primary_key=True),
    Column("cluster", Text),
    Column("kind", Text, nullable=False),
    Column("value_a", Text),
    Column("value_b", Text),
    Column("document_a", Text, nullable=False),
    Column("document_b", Text, nullable=False),
    Column("outlet_a", Text),
    Column("outlet_b", Text),
    Column("start_a", Integer),
    Column("end_a", Integer),
    Column("text_a", Text),
    Column("start_b", Integer),
    Column("end_b", Integer),
    Column("text_b", Text),
    Column("detail", Text),
)

Index("ix_entity_links_entity", entity_links.c.entity_id)
Index("ix_cluster_claims_cluster", cluster_claims.c.cluster)
Index("ix_conflicts_cluster", conflicts.c.cluster)

# Tables that resolution rewrites as a whole on every run.
DERIVED = (entity_links, event_clusters, cluster_claims, conflicts)
