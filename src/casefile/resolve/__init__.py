"""Across documents: entity resolution, event clusters, corroboration, conflicts, timelines.

``run(store, document_ids)`` is called by the pipeline after new documents are stored;
it reads the per-document records and rewrites the corpus-level ones. It recomputes
from everything stored, in one transaction, so running it twice changes nothing and
the order documents arrived in does not change the outcome. Human merges and splits
(``entity_overrides``) are applied first and survive every rerun.
"""
from __future__ import annotations

import logging
import time

from ..store import schema_cases
from . import conflicts, corroborate, entities_store, events_store, sources

log = logging.getLogger(__name__)


def run(store, document_ids: list[str] | None = None) -> dict[str, int]:
    """Bring corpus-level records up to date with the stored documents; returns counts."""
    started = time.perf_counter()
    with store.engine.begin() as conn:
        schema_cases.metadata.create_all(conn)   # a store migrated before these tables existed
        entity_of = entities_store.resolve_and_write(conn)
        src = sources.load(conn)
        events = events_store.load(conn, entity_of, src.seq)
        clusters = events_store.cluster_and_write(conn, events)
        amounts = corroborate.load_amounts(conn)
        rows, claims = corroborate.cluster_rows(conn, clusters, src, amounts)
        corroborate.write(conn, rows, claims)
        found = conflicts.cluster_conflicts(conn, clusters, src, amounts) + conflicts.quote_conflicts(
            conn, entity_of, src)
        conflicts.write(conn, found)
    counts = {"entities": len(set(entity_of.values())), "clusters": len(clusters),
              "corroborated": sum(r["corroborated"] for r in rows), "conflicts": len(found)}
    log.info("resolved in %.1fs: %s", time.perf_counter() - started, counts)
    return counts
