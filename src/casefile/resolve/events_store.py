"""Event clusters against the store: every event (a full run) or only those new documents and
changed entities can affect (after an ingest), with the same result.

Two reports can only be one event when they share a (type, entity) block (``events.blocks``),
so the events connected to a changed one through blocks and through their clusters are all
whose cluster can change; that set is re-clustered and the rest is left as it is. A block too
big to propose pairs stays too big however much of it is read. An ingest first tries the old
clusters around the change alone (``event_region``), and reads the connected groups whole only
where a tie decided a merge (``event_ties``).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, select

from ..store import schema as s
from ..store import schema_cases as c
from . import event_index
from . import lexicon as L
from .changes import EntityChange
from .entities_store import rows_of_records
from .event_region import settle
from .event_rows import blocks_of_entities, cluster_mates, ids_where, load, read_into, vague, with_sentences
from .events import EventRecord, cluster, pair_score
from .similarity import may_break_ties


_TIES_UNKNOWN = "event ties unknown"


@dataclass
class ClusterChange:
    old: set[str] = field(default_factory=set)                         # cluster ids the events had before
    clusters: dict[str, list[EventRecord]] = field(default_factory=dict)   # the clusters they have now


def update(conn: Connection, change: EntityChange, new_docs: list[str] | None) -> ClusterChange:
    """Re-cluster what ``new_docs`` (None: everything) and the entity ``change`` can affect."""
    if new_docs is None:
        records, old = load(conn, None)
        event_index.rebuild(conn, records)
        return _write(conn, records, old, _cluster(conn, records, set(), None))
    seeds = ids_where(conn, "SELECT id FROM events WHERE document_id IN :ids", new_docs)
    seeds |= _events_of_records(conn, change.records)
    seeds |= _events_of_entities(conn, _regrouping(change))
    event_index.refresh(conn, load(conn, seeds, sentences=False)[0], new_docs)
    asking = may_break_ties()
    whole = asking and _ties_unknown(conn)
    start = seeds | _crossing(conn, change.shrunk, seeds)
    region = None if whole else settle(conn, start, seeds, asking)
    if region is None or (asking and region.tied):     # whole connected groups (event_region says why)
        records, old, oversized = _region(conn, seeds, start)
        return _write(conn, records, old, _cluster(conn, records, oversized, {r.id for r in records}), seeds)
    if region.tied:
        _note_ties_unknown(conn)
    out = _write(conn, region.events, region.old, region.groups, seeds)
    with_sentences(conn, (r for members in out.clusters.values() for r in members))
    return out


def _ties_unknown(conn: Connection) -> bool:
    """Whether ``event_ties`` may lack groups where a tie decided a merge: from the first ingest
    that, unable to ask the tie-breaker, merged in such a group without reading it whole, until
    the next full run (which starts ``resolve_meta`` afresh)."""
    m = c.resolve_meta
    return conn.execute(select(m.c.value).where(m.c.name == _TIES_UNKNOWN)).scalar() is not None


def _note_ties_unknown(conn: Connection) -> None:
    if not _ties_unknown(conn):
        conn.execute(c.resolve_meta.insert().values(name=_TIES_UNKNOWN, value="yes"))


def _cluster(conn: Connection, records: list[EventRecord], oversized: set[tuple[str, str]],
             region: set[str] | None) -> list[list[int]]:
    """Cluster whole connected groups (of the ``region``, None: the store) and note those where
    a tie decided a merge."""
    tied: set[int] = set()
    groups = cluster(records, oversized, tied)
    t = c.event_ties
    if region is None:
        conn.execute(t.delete())
    elif region:
        conn.execute(t.delete().where(t.c.event_id == bindparam("i")), [{"i": i} for i in sorted(region)])
    if tied:
        conn.execute(t.insert(), [{"event_id": records[i].id} for i in sorted(tied)])
    return groups


def _regrouping(change: EntityChange) -> set[str]:
    """Entities whose change can regroup events: a new or removed entity, another type, or a
    name that now does (or no longer does) tell events apart. A name change alone only relabels."""
    out = set()
    for eid in change.shown:
        before, now = change.before.get(eid), change.after.get(eid)
        if before is None or now is None or before[1] != now[1] or vague(before[1], before[0]) != vague(now[1], now[0]):
            out.add(eid)
    return out


def clusters_of(conn: Connection, cluster_ids: set[str]) -> dict[str, list[EventRecord]]:
    """The reports of clusters left as they are (their rows need writing again), in corpus order."""
    records, cluster_of = load(conn, cluster_mates(conn, cluster_ids))
    out: dict[str, list[EventRecord]] = defaultdict(list)
    for r in records:
        out[cluster_of[r.id]].append(r)
    return dict(out)


def _events_of_records(conn: Connection, refs: set[str]) -> set[str]:
    p = s.participants
    return {r.event_id for r in rows_of_records(conn, p, p.c.entity_key, refs, p.c.event_id)}


def _events_of_entities(conn: Connection, ids: set[str]) -> set[str]:
    return ids_where(conn, "SELECT p.event_id FROM doc_entities de JOIN participants p ON "
                           "p.document_id = de.document_id AND p.entity_key = de.key WHERE de.entity_id IN :ids", ids)


def _region(conn: Connection, seeds: set[str], start: set[str]) -> tuple[list[EventRecord], dict[str, str],
                                                                      set[tuple[str, str]]]:
    """The ``start`` reports (the seeds and ``_crossing``'s), their cluster mates and every report
    a candidate pair joins to one of them, until closed; and the blocks too big to propose pairs.
    Reports of a block are read (without their sentences) to score them against the region, but
    only candidates join it. A block that may have crossed the size limit (the seeds moved into
    it) brings all its reports: pairs through it appeared or went away."""
    records: dict[str, EventRecord] = {}
    old: dict[str, str] = {}
    members: dict[tuple[str, str], set[str]] = defaultdict(set)
    fetched: set[str] = set()
    region: set[str] = set()
    frontier = set(start)
    while frontier:
        read_into(conn, frontier, records, old)
        region |= frontier
        found = cluster_mates(conn, {old[i] for i in frontier if old.get(i)})
        keys = {(records[i].type, e) for i in frontier for e in records[i].entities}
        _block_members(conn, {e for _t, e in keys}, members, fetched)
        open_keys = {k for k in keys if len(members[k]) <= L.MAX_EVENT_BLOCK}
        found |= {x for k in keys - open_keys if len(members[k] - seeds) <= L.MAX_EVENT_BLOCK for x in members[k]}
        read_into(conn, {x for k in open_keys for x in members[k]}, records, old)
        for i in frontier:
            a = records[i]
            for key in {(a.type, e) for e in a.entities} & open_keys:
                found |= {x for x in members[key] - region if x != i and pair_score(a, records[x]) is not None}
        frontier = found - region
    oversized = {k for k, m in members.items() if len(m) > L.MAX_EVENT_BLOCK}
    out = sorted((records[i] for i in region), key=lambda r: r.order)
    with_sentences(conn, out)
    return out, {i: old[i] for i in region}, oversized


def _crossing(conn: Connection, shrunk: set[str], seeds: set[str]) -> set[str]:
    """Reports of the blocks of entities that may have lost records, when such a block is small
    enough now to propose pairs it did not propose before."""
    blocks = blocks_of_entities(conn, shrunk)
    return {x for ids in blocks.values() if len(ids) <= L.MAX_EVENT_BLOCK for x in ids} - seeds


def _block_members(conn: Connection, entities: set[str], members: dict[tuple[str, str], set[str]],
                   fetched: set[str]) -> None:
    """Add the events of every (type, entity) block of ``entities`` in the whole store to
    ``members``, each entity read once (``fetched``: those read already), all its types at once."""
    members.update(blocks_of_entities(conn, entities - fetched))
    fetched |= entities


def _write(conn: Connection, events: list[EventRecord], old: dict[str, str], groups: list[list[int]],
           seeds: set[str] | None = None) -> ClusterChange:
    """Store each event's cluster id (the id of its earliest report) from ``groups`` (its clusters).
    After an ingest (``seeds``: the reports whose own record may have changed), a cluster
    that is again exactly the reports it was, none of them a seed, keeps its rows: they are
    made from those reports alone (their documents, outlets, copies among them, amounts)."""
    before: dict[str, set[str]] = defaultdict(set)
    for event, cid in old.items():
        if cid:
            before[cid].add(event)
    out = ClusterChange(old=set(before))
    changed = []
    for members in groups:
        cid = events[members[0]].id
        ids = {events[m].id for m in members}
        if seeds is not None and before.get(cid) == ids and ids.isdisjoint(seeds):
            out.old.discard(cid)
            continue
        out.clusters[cid] = [events[m] for m in members]
        changed.extend({"i": events[m].id, "c": cid} for m in members if old.get(events[m].id) != cid)
    if changed:
        conn.execute(s.events.update().where(s.events.c.id == bindparam("i")).values(cluster=bindparam("c")),
                     changed)
    return out
