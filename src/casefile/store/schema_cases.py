"""Tables for corpus-level records: entity links and overrides, event clusters, claims, conflicts.

They live on their own MetaData so that migration 1 (which creates ``schema.metadata``)
never creates them; migration 3 does (migration 6 the incremental state). Everything here is
recomputed by ``casefile.resolve.run`` except the overrides and the audit, which record
human decisions.
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

# What incremental resolution keeps between runs, so that a new document is linked by looking up
# the few records it can join instead of re-reading the corpus. Rebuilt by every full run.
# Per document entity: the written forms read around its mentions ("President X"), the root of
# the cluster the name rules made (``base``), and the cluster a lone name was found to fit (``target``).
entity_state = Table(
    "entity_state", metadata,
    Column("document_id", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("forms", JSON),
    Column("base", Text, nullable=False),
    Column("target", Text),
    Column("rule", Text),       # the rule that chose the target ("lone_name", "office", "dominant_name")
    PrimaryKeyConstraint("document_id", "key"),
    sqlite_with_rowid=False,
)

# Per entity: the tally of its records its row is made from (resolve/entity_rows.py), JSON, so
# that an entity taking new records is rewritten without reading every member.
entity_tallies = Table(
    "entity_tallies", metadata,
    Column("entity_id", Text, primary_key=True),
    Column("tally", Text, nullable=False),
)

# The keys each document entity can be linked under (resolve.keys): a name rule's key, a lone
# name's index and query keys, descriptor words.
entity_keys = Table(
    "entity_keys", metadata,
    Column("key", Text, nullable=False),
    Column("document_id", Text, nullable=False),
    Column("entity_key", Text, nullable=False),
    # the document's seq: the earliest record under a key comes first; under a plain lone name's
    # "L:" key set, how many of its candidates its own documents rule out (resolve/lone_stats.py)
    Column("seq", Integer, nullable=False),
    # ordered by key, then seq: the head of a key in corpus order is a range scan of the table itself
    # (SQLite keeps it clustered, WITHOUT ROWID), so an insert touches two B-trees, not four
    PrimaryKeyConstraint("key", "seq", "document_id", "entity_key"),
    sqlite_with_rowid=False,
)

# Each name-rule cluster (by its root) under each key a lone name may find it by, with the
# documents it spans: what a plain lone name's choice reads (resolve/lone_stats.py).
candidate_roots = Table(
    "candidate_roots", metadata,
    Column("key", Text, nullable=False),
    Column("root", Text, nullable=False),
    Column("documents", Integer, nullable=False),
    PrimaryKeyConstraint("key", "root"),
    sqlite_with_rowid=False,
)

# The query-key sets of plain lone names, under each key they hold.
lone_sets = Table(
    "lone_sets", metadata,
    Column("key", Text, nullable=False),
    Column("qset", Text, nullable=False),
    PrimaryKeyConstraint("key", "qset"),
)

# Word shingles of direct quotes that can be compared across speakers (conflicts.quote_conflicts).
quote_shingles = Table(
    "quote_shingles", metadata,
    Column("shingle", Text, nullable=False),
    Column("quote_id", Text, nullable=False),
    PrimaryKeyConstraint("shingle", "quote_id"),
)

# Event reports whose connected group of candidate pairs had a tie decide a merge (``events.cluster``):
# whether the sentence tie-breaker is asked is decided for such a group as a whole, so an ingest
# that touches one re-clusters its whole group (resolve/event_region.py).
event_ties = Table(
    "event_ties", metadata,
    Column("event_id", Text, primary_key=True),
)

# Each event report under each (type, entity) block it is in (``events.blocks``: its type and each
# corpus-level entity its record holds, with the entity's kind: person, place or other), with how
# many entities and persons the record holds: what an ingest asks of a block (its size, the reports
# a new one can pair with) and of a report's entities instead of reading every report of the block
# through its participants (resolve/event_index.py). Stored in block order: a block is one range.
event_blocks = Table(
    "event_blocks", metadata,
    Column("type", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("event_id", Text, nullable=False),
    Column("document_id", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("entities", Integer, nullable=False),
    Column("persons", Integer, nullable=False),
    PrimaryKeyConstraint("type", "entity_id", "event_id"),
    sqlite_with_rowid=False,
)

# Settings of the resolution state: ("state", "complete") once a full run has built it.
resolve_meta = Table(
    "resolve_meta", metadata,
    Column("name", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

Index("ix_entity_links_entity", entity_links.c.entity_id)
Index("ix_entity_state_base", entity_state.c.base)
Index("ix_entity_state_target", entity_state.c.target)
Index("ix_entity_keys_record", entity_keys.c.document_id, entity_keys.c.entity_key)
Index("ix_candidate_roots_root", candidate_roots.c.root)
Index("ix_quote_shingles_quote", quote_shingles.c.quote_id)
Index("ix_cluster_claims_cluster", cluster_claims.c.cluster)
Index("ix_conflicts_cluster", conflicts.c.cluster)
Index("ix_event_blocks_event", event_blocks.c.event_id)
Index("ix_event_blocks_document", event_blocks.c.document_id)
# quote conflicts are found again by the documents they cite
DOCUMENT_INDEXES = (Index("ix_conflicts_document_a", conflicts.c.document_a),
                    Index("ix_conflicts_document_b", conflicts.c.document_b))

# Tables a full resolution rewrites as a whole (an incremental one rewrites the rows it re-resolves).
DERIVED = (entity_links, event_clusters, cluster_claims, conflicts, entity_state, entity_keys, quote_shingles,
           candidate_roots, lone_sets, event_ties, event_blocks)
