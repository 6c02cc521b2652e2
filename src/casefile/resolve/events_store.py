"""Event clusters against the store: every event (a full run) or only those new documents and
changed entities can affect (after an ingest), with the same result.

Two reports can only be one event when they share a (type, entity) block (``events.blocks``),
so the events connected to a changed one through blocks and through their clusters are all
whose cluster can change; that set is re-clustered and the rest is left as it is. A block too
big to propose pairs stays too big however much of it is read.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, func, select, text

from ..concepts import entity_types
from ..store import schema as s
from . import lexicon as L
from . import names as N
from .entities_store import chunks, names_and_types, rows_of_records
from .changes import EntityChange
from .events import EventRecord, cluster, pair_score


@dataclass
class ClusterChange:
    old: set[str] = field(default_factory=set)                         # cluster ids the events had before
    clusters: dict[str, list[EventRecord]] = field(default_factory=dict)   # the clusters they have now


def update(conn: Connection, change: EntityChange, new_docs: list[str] | None) -> ClusterChange:
    """Re-cluster what ``new_docs`` (None: everything) and the entity ``change`` can affect."""
    if new_docs is None:
        records, old = load(conn, None)
        return _write(conn, records, old, set())
    seeds = _ids(conn, "SELECT id FROM events WHERE document_id IN :ids", new_docs)
    seeds |= _events_of_records(conn, change.records)
    seeds |= _events_of_entities(conn, _regrouping(change))
    records, old, oversized = _region(conn, seeds, change.shrunk)
    return _write(conn, records, old, oversized, seeds)


def load(conn: Connection, ids: Iterable[str] | None, sentences: bool = True,
         kinds: dict[str, tuple[str, bool]] | None = None) -> tuple[list[EventRecord], dict[str, str]]:
    """Events (None: all) in corpus order, each with the corpus-level entities among its
    participants, and the cluster each had before this run. Without ``sentences`` the trigger
    stands in for the sentence (enough to tell whether two reports may be one event);
    ``kinds`` keeps entity types between calls."""
    ev, docs = s.events, s.documents
    cols = [ev.c.id, ev.c.document_id, ev.c.type, ev.c.start, ev.c.text, ev.c.date_value, ev.c.modality,
            ev.c.cluster, ev.c.sentence_start, docs.c.seq]
    if sentences:     # only the sentence is needed, not the whole text: substr works in SQLite and PostgreSQL
        cols.append(func.substr(docs.c.text, ev.c.sentence_start + 1, ev.c.sentence_end - ev.c.sentence_start)
                    .label("sentence"))
    query = select(*cols).join(docs, docs.c.id == ev.c.document_id)
    rows = []
    for batch in [None] if ids is None else chunks(ids):
        rows += conn.execute(query if batch is None else query.where(ev.c.id.in_(batch))).all()
    parts = _participants(conn, None if ids is None else [r.id for r in rows])
    kinds = {} if kinds is None else kinds
    kinds.update(_entity_kinds(conn, {e for ents in parts.values() for e in ents} - set(kinds)))
    out, old = [], {}
    for e in rows:
        ents = frozenset(x for x in parts.get(e.id, ()) if x in kinds and not kinds[x][1])
        sentence = e.sentence if sentences and e.sentence_start is not None and e.sentence else e.text
        out.append(EventRecord(
            id=e.id, document_id=e.document_id, type=e.type, order=(e.seq or 0, e.start, e.id),
            date_value=e.date_value, modality=e.modality or "asserted", entities=ents,
            persons=frozenset(x for x in ents if kinds[x][0] == "PERSON"),
            places=frozenset(x for x in ents if kinds[x][0] in entity_types.PLACE_TYPES), sentence=sentence))
        old[e.id] = e.cluster
    out.sort(key=lambda r: r.order)
    return out, old


def _participants(conn: Connection, ids: list[str] | None) -> dict[str, set[str]]:
    p, de = s.participants, s.doc_entities
    query = (select(p.c.event_id, de.c.entity_id)
             .join(de, (de.c.document_id == p.c.document_id) & (de.c.key == p.c.entity_key)))
    out: dict[str, set[str]] = defaultdict(set)
    for batch in [None] if ids is None else chunks(ids):
        for r in conn.execute(query if batch is None else query.where(p.c.event_id.in_(batch))):
            if r.entity_id:
                out[r.event_id].add(r.entity_id)
    return out


def _entity_kinds(conn: Connection, ids: set[str]) -> dict[str, tuple[str, bool]]:
    """entity id -> (type, vague) for the entities named."""
    return {i: (t, vague(t, n)) for i, (n, t) in names_and_types(conn, ids).items()}


def vague(type_: str, name: str) -> bool:
    """"Authorities", "the police", "Foreign Ministry" without a country: such a participant
    does not tell one event from another, so it never ties two reports together."""
    if type_ == "PERSON":
        return False
    country, _head, generic = N.org_key(name, set())
    return generic and country is None


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
    records, cluster_of = load(conn, _ids(conn, "SELECT id FROM events WHERE cluster IN :ids", cluster_ids))
    out: dict[str, list[EventRecord]] = defaultdict(list)
    for r in records:
        out[cluster_of[r.id]].append(r)
    return dict(out)


def _ids(conn: Connection, sql: str, values: Iterable[str]) -> set[str]:
    stmt = text(sql).bindparams(bindparam("ids", expanding=True))
    out = set()
    for batch in chunks(values):
        out |= set(conn.execute(stmt, {"ids": batch}).scalars())
    return out


def _events_of_records(conn: Connection, refs: set[str]) -> set[str]:
    p = s.participants
    return {r.event_id for r in rows_of_records(conn, p, p.c.entity_key, refs, p.c.event_id)}


def _events_of_entities(conn: Connection, ids: set[str]) -> set[str]:
    return _ids(conn, "SELECT p.event_id FROM doc_entities de JOIN participants p ON p.document_id = de.document_id "
                      "AND p.entity_key = de.key WHERE de.entity_id IN :ids", ids)


def _region(conn: Connection, seeds: set[str], shrunk: set[str]) -> tuple[list[EventRecord], dict[str, str],
                                                                       set[tuple[str, str]]]:
    """The seeds, their cluster mates and every report a candidate pair joins to one of them,
    until closed; and the blocks too big to propose pairs. Reports of a block are read (without
    their sentences) to score them against the region, but only candidates join it. A block
    that may have crossed the size limit (the seeds moved into it, or entities of ``shrunk``
    lost records) brings all its reports: pairs through it appeared or went away."""
    records: dict[str, EventRecord] = {}
    old: dict[str, str] = {}
    kinds: dict[str, tuple[str, bool]] = {}
    members: dict[tuple[str, str], set[str]] = defaultdict(set)
    fetched: set[str] = set()
    region: set[str] = set()
    frontier = set(seeds) | _crossing(conn, shrunk, seeds)
    while frontier:
        _read(conn, frontier, records, old, kinds)
        region |= frontier
        found = _ids(conn, "SELECT id FROM events WHERE cluster IN :ids", {old[i] for i in frontier if old.get(i)})
        keys = {(records[i].type, e) for i in frontier for e in records[i].entities}
        _block_members(conn, {e for _t, e in keys}, members, fetched)
        open_keys = {k for k in keys if len(members[k]) <= L.MAX_EVENT_BLOCK}
        found |= {x for k in keys - open_keys if len(members[k] - seeds) <= L.MAX_EVENT_BLOCK for x in members[k]}
        _read(conn, {x for k in open_keys for x in members[k]}, records, old, kinds)
        for i in frontier:
            a = records[i]
            for key in {(a.type, e) for e in a.entities} & open_keys:
                found |= {x for x in members[key] - region if x != i and pair_score(a, records[x]) is not None}
        frontier = found - region
    oversized = {k for k, m in members.items() if len(m) > L.MAX_EVENT_BLOCK}
    out = sorted((records[i] for i in region), key=lambda r: r.order)
    texts = _sentences(conn, region)
    for r in out:
        r.sentence = texts.get(r.id) or r.sentence
    return out, {i: old[i] for i in region}, oversized


def _sentences(conn: Connection, ids: set[str]) -> dict[str, str]:
    ev, docs = s.events, s.documents
    text_sql = func.substr(docs.c.text, ev.c.sentence_start + 1, ev.c.sentence_end - ev.c.sentence_start)
    query = select(ev.c.id, ev.c.sentence_start, text_sql.label("sentence")).join(docs, docs.c.id == ev.c.document_id)
    out = {}
    for batch in chunks(ids):
        out.update((r.id, r.sentence) for r in conn.execute(query.where(ev.c.id.in_(batch)))
                   if r.sentence_start is not None and r.sentence)
    return out


def _read(conn: Connection, ids: set[str], records: dict[str, EventRecord], old: dict[str, str],
          kinds: dict[str, tuple[str, bool]]) -> None:
    fresh, fresh_old = load(conn, ids - set(records), sentences=False, kinds=kinds)
    records.update((r.id, r) for r in fresh)
    old.update(fresh_old)


def _crossing(conn: Connection, shrunk: set[str], seeds: set[str]) -> set[str]:
    """Reports of the blocks of entities that may have lost records, when such a block is small
    enough now to propose pairs it did not propose before."""
    blocks = _blocks_of_entities(conn, shrunk)
    return {x for ids in blocks.values() if len(ids) <= L.MAX_EVENT_BLOCK for x in ids} - seeds


def _block_members(conn: Connection, entities: set[str], members: dict[tuple[str, str], set[str]],
                   fetched: set[str]) -> None:
    """Add the events of every (type, entity) block of ``entities`` in the whole store to
    ``members``, each entity read once (``fetched``: those read already), all its types at once."""
    members.update(_blocks_of_entities(conn, entities - fetched))
    fetched |= entities


def _blocks_of_entities(conn: Connection, entity_ids: set[str]) -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    sql = ("SELECT de.entity_id, e.type, e.id FROM doc_entities de JOIN participants p ON "
           "p.document_id = de.document_id AND p.entity_key = de.key JOIN events e ON e.id = p.event_id "
           "WHERE de.entity_id IN :ids")
    stmt = text(sql).bindparams(bindparam("ids", expanding=True))
    for batch in chunks(entity_ids):
        for r in conn.execute(stmt, {"ids": batch}):
            found[(r.type, r.entity_id)].add(r.id)
    return found


def _write(conn: Connection, events: list[EventRecord], old: dict[str, str],
           oversized: set[tuple[str, str]], seeds: set[str] | None = None) -> ClusterChange:
    """Cluster the events and store each one's cluster id (the id of its earliest report).
    After an ingest (``seeds``: the reports whose own record may have changed), a cluster
    that is again exactly the reports it was, none of them a seed, keeps its rows: they are
    made from those reports alone (their documents, outlets, copies among them, amounts)."""
    groups = cluster(events, oversized)
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
