"""Across documents: entity resolution, event clusters, corroboration, conflicts, timelines.

``run(store)`` resolves the whole store (``casefile resolve``); ``run(store, ids)``, called by
the ingest engine after it stored documents, re-resolves only what those documents (and any
left unresolved by an interrupted ingest) can change: the entities their records can join,
the event clusters their reports can join, and the rows and conflicts of those clusters.
Both give the same store (tests/test_incremental.py), in one transaction, so running either
twice changes nothing and the order documents arrived in does not change the outcome.
Human merges and splits (``entity_overrides``) are applied first and survive every rerun.
"""
from __future__ import annotations

import logging
import time

from sqlalchemy import Connection, bindparam, select, text

from ..store import schema as s
from ..store import schema_cases
from ..store.locks import writing
from . import conflicts, corroborate, entity_update, events_store, quote_conflicts, sources
from .changes import EntityChange
from .events_store import ClusterChange

log = logging.getLogger(__name__)
# what the kept state holds; a store whose state says anything else is resolved in full once
# ("complete" alone: kept before the lone-name statistics, resolve/lone_stats.py; without
# "lone-name marks": before candidate_roots marked the clusters holding a lone name; without
# "event ties": kept before the groups where a tie decided a merge, resolve/event_region.py; without
# "event blocks": before each report's blocks were kept, resolve/event_index.py)
STATE = "complete with lone-name statistics, lone-name marks, event ties and event blocks"


def run(store, document_ids: list[str] | None = None) -> dict[str, int]:
    """Bring corpus-level records up to date; returns counts of what was (re)written."""
    started = time.perf_counter()
    with writing(store.engine) as conn:     # one resolution at a time, after the writes before it
        schema_cases.metadata.create_all(conn)   # a store migrated before these tables existed
        full = document_ids is None or not _state_complete(conn)
        new = None if full else sorted(conn.execute(select(s.unresolved.c.document_id)).scalars())
        touched = set() if full else set(document_ids) - set(new)
        if full or new or touched:
            counts = _resolve(conn, new, touched)
        else:
            counts = {"entities": 0, "clusters": 0, "corroborated": 0, "conflicts": 0}
        conn.execute(s.unresolved.delete())
        if full:
            conn.execute(schema_cases.resolve_meta.delete())
            conn.execute(schema_cases.resolve_meta.insert().values(name="state", value=STATE))
    log.info("resolved %s in %.1fs: %s", "all" if full else f"{len(new)} new document(s)",
             time.perf_counter() - started, counts)
    return counts


def _resolve(conn: Connection, new: list[str] | None, touched: set[str]) -> dict[str, int]:
    """``new``: documents to take in (None: all, from scratch); ``touched``: stored documents whose
    sources changed (a copy under another site), so the clusters they report need new rows."""
    change = entity_update.update(conn, new) if new is None or new else EntityChange()
    clusters = events_store.update(conn, change, new) if new is None or new else ClusterChange()
    redo = set(clusters.clusters)
    if new is not None:
        redo |= _clusters_of(conn, "SELECT cluster FROM events WHERE document_id IN :ids", touched)
        redo |= _clusters_of(conn, "SELECT e.cluster FROM doc_entities de JOIN participants p ON p.document_id = "
                                   "de.document_id AND p.entity_key = de.key JOIN events e ON e.id = p.event_id "
                                   "WHERE de.entity_id IN :ids", change.shown)   # their labels name entities
    groups = dict(clusters.clusters) | events_store.clusters_of(conn, redo - set(clusters.clusters))
    src = sources.load(conn, None if new is None else {m.document_id for ms in groups.values() for m in ms})
    amounts = corroborate.load_amounts(conn, None if new is None else [m.id for ms in groups.values() for m in ms])
    rows, claims = corroborate.cluster_rows(groups, src, amounts)
    replaced = None if new is None else clusters.old | redo
    corroborate.write(conn, rows, claims, replaced)
    found = conflicts.cluster_conflicts(conn, groups, src, amounts)
    conflicts.write(conn, found, replaced)
    quoted = quote_conflicts.update(conn, change, new, touched) if new is None or new or touched else 0
    return {"entities": change.count, "clusters": len(groups),
            "corroborated": sum(r["corroborated"] for r in rows), "conflicts": len(found) + quoted}


def _clusters_of(conn: Connection, sql: str, values) -> set[str]:
    stmt = text(sql).bindparams(bindparam("ids", expanding=True))
    values = sorted(values)
    out: set[str] = set()
    for i in range(0, len(values), 500):
        out |= {c for c in conn.execute(stmt, {"ids": values[i:i + 500]}).scalars() if c}
    return out


def _state_complete(conn: Connection) -> bool:
    m = schema_cases.resolve_meta
    return conn.execute(select(m.c.value).where(m.c.name == "state")).scalar() == STATE
