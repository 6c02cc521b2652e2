"""A resolution made elsewhere (``casefile spark-ingest --resolve``) stored as ``casefile resolve``
stores its own: entities and each record's link, each event's cluster, the clusters' rows
(corroboration), their claims and their conflicts. Nothing is re-resolved: the rows are
written as given, through the same writers a resolution run uses.

Only conflicts of attribution (the same words given to two speakers, ``quote_conflicts``) are
worked out here, from the stored quotes and the given entities. What an incremental run keeps
between runs (``entity_keys``, ``entity_state``, lone-name statistics) is not given, so the
store is marked as not kept: the next ingest into it resolves everything once.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import bindparam, select

from ..store import schema as s
from ..store import schema_cases as c
from ..store.locks import writing
from . import conflicts, corroborate, entities_store, quote_conflicts
from .changes import EntityChange


@dataclass
class Given:
    entities: list[dict] = field(default_factory=list)       # entities rows
    links: list[dict] = field(default_factory=list)          # entity_links rows: every document entity's
    clusters: dict[str, str] = field(default_factory=dict)   # event id -> cluster id: every event's
    cluster_rows: list[dict] = field(default_factory=list)   # event_clusters rows
    claims: list[dict] = field(default_factory=list)         # cluster_claims rows
    conflicts: list[dict] = field(default_factory=list)      # conflicts rows inside clusters


class NotCovered(ValueError):
    """The given resolution leaves out records the store holds."""


def store_given(store, given: Given) -> dict[str, int]:
    """Write ``given`` over every resolved table of ``store``; counts as ``resolve.run`` gives them."""
    with writing(store.engine) as conn:
        c.metadata.create_all(conn)
        _check_covers(conn, given)
        mapping = {entities_store.ref_of(r["document_id"], r["key"]): r["entity_id"] for r in given.links}
        entities_store.write(conn, given.entities, given.links, mapping, None)
        moved = [{"i": event, "c": cluster} for event, cluster in sorted(given.clusters.items())]
        if moved:
            conn.execute(s.events.update().where(s.events.c.id == bindparam("i")).values(cluster=bindparam("c")), moved)
        corroborate.write(conn, given.cluster_rows, given.claims, None)
        conflicts.write(conn, given.conflicts, None)
        quoted = quote_conflicts.update(conn, EntityChange(), None)
        conn.execute(s.unresolved.delete())
        conn.execute(c.resolve_meta.delete())       # nothing kept for incremental runs: the next one is full
    return {"entities": len(given.entities), "clusters": len(given.cluster_rows),
            "corroborated": sum(r["corroborated"] for r in given.cluster_rows),
            "conflicts": len(given.conflicts) + quoted}


def _check_covers(conn, given: Given) -> None:
    linked = {(r["document_id"], r["key"]) for r in given.links}
    records = {(r.document_id, r.key) for r in conn.execute(select(s.doc_entities.c.document_id, s.doc_entities.c.key))}
    events = set(conn.execute(select(s.events.c.id)).scalars())
    if records - linked or events - set(given.clusters):
        raise NotCovered(f"the given resolution leaves out {len(records - linked)} document entities and "
                         f"{len(events - set(given.clusters))} events of the store")
