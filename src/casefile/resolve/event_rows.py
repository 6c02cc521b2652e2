"""Event reports read from the store: their records, their (type, entity) blocks, their sentences.

Shared by the two ways an ingest re-clusters (``events_store``: a connected group of candidate
pairs; ``event_region``: the old clusters around the change) and by a full run.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, func, select, text

from ..store import schema as s
from . import event_index
from . import names as N
from .entities_store import chunks, names_and_types
from .events import EventRecord

_BLOCKS = ("FROM doc_entities de JOIN participants p ON p.document_id = de.document_id AND p.entity_key = de.key "
           "JOIN events e ON e.id = p.event_id WHERE de.entity_id IN :ids")


def load(conn: Connection, ids: Iterable[str] | None, sentences: bool = True,
         kept: bool = False) -> tuple[list[EventRecord], dict[str, str]]:
    """Events (None: all) in corpus order, each with the corpus-level entities among its
    participants, and the cluster each had before this run. Without ``sentences`` the trigger
    stands in for the sentence (enough to tell whether two reports may be one event); ``kept``:
    the entities as the reports' kept blocks hold them (``event_index``: those of reports whose
    record did not change, or was written again in this run)."""
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
    named = event_index.held(conn, [r.id for r in rows]) if kept else _named(conn, None if ids is None else rows)
    out, old = [], {}
    for e in rows:
        held = named.get(e.id, {})
        sentence = e.sentence if sentences and e.sentence_start is not None and e.sentence else e.text
        out.append(EventRecord(
            id=e.id, document_id=e.document_id, type=e.type, order=(e.seq or 0, e.start, e.id),
            date_value=e.date_value, modality=e.modality or "asserted", entities=frozenset(held),
            persons=frozenset(x for x, kind in held.items() if kind == event_index.PERSON),
            places=frozenset(x for x, kind in held.items() if kind == event_index.PLACE), sentence=sentence))
        old[e.id] = e.cluster
    out.sort(key=lambda r: r.order)
    return out, old


def read_into(conn: Connection, ids: set[str], records: dict[str, EventRecord], old: dict[str, str]) -> None:
    """Add the reports of ``ids`` not read yet (without their sentences, their entities as their
    kept blocks hold them) to ``records``, and the cluster each had before to ``old``."""
    fresh, fresh_old = load(conn, ids - set(records), sentences=False, kept=True)
    records.update((r.id, r) for r in fresh)
    old.update(fresh_old)


def _named(conn: Connection, rows: list | None) -> dict[str, dict[str, str]]:
    """Each report's corpus-level entities that tell events apart, by kind (``event_index``)."""
    parts = _participants(conn, None if rows is None else [r.id for r in rows])
    kinds = entity_kinds(conn, {e for ents in parts.values() for e in ents})
    return {i: {x: event_index.kind_of_type(kinds[x][0]) for x in ents if x in kinds and not kinds[x][1]}
            for i, ents in parts.items()}


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


def entity_kinds(conn: Connection, ids: set[str]) -> dict[str, tuple[str, bool]]:
    """entity id -> (type, vague) for the entities named."""
    return {i: (t, vague(t, n)) for i, (n, t) in names_and_types(conn, ids).items()}


def vague(type_: str, name: str) -> bool:
    """"Authorities", "the police", "Foreign Ministry" without a country: such a participant
    does not tell one event from another, so it never ties two reports together."""
    if type_ == "PERSON":
        return False
    country, _head, generic = N.org_key(name, set())
    return generic and country is None


def ids_where(conn: Connection, sql: str, values: Iterable[str]) -> set[str]:
    """The ids an SQL query with an ``IN :ids`` list gives for ``values``, read in chunks."""
    stmt = text(sql).bindparams(bindparam("ids", expanding=True))
    out = set()
    for batch in chunks(values):
        out |= set(conn.execute(stmt, {"ids": batch}).scalars())
    return out


def cluster_mates(conn: Connection, cluster_ids: set[str]) -> set[str]:
    """Every report of these (old) clusters."""
    return ids_where(conn, "SELECT id FROM events WHERE cluster IN :ids", cluster_ids)


def blocks_of_entities(conn: Connection, entity_ids: set[str]) -> dict[tuple[str, str], set[str]]:
    """The reports of every (type, entity) block of these entities in the whole store."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    stmt = text("SELECT de.entity_id, e.type, e.id " + _BLOCKS).bindparams(bindparam("ids", expanding=True))
    for batch in chunks(entity_ids):
        for r in conn.execute(stmt, {"ids": batch}):
            found[(r.type, r.entity_id)].add(r.id)
    return found


def with_sentences(conn: Connection, records: Iterable[EventRecord]) -> None:
    """Give reports read without their sentences (the trigger stood in) their evidence sentences."""
    records = list(records)
    texts = sentences(conn, {r.id for r in records})
    for r in records:
        r.sentence = texts.get(r.id) or r.sentence


def sentences(conn: Connection, ids: set[str]) -> dict[str, str]:
    """Each report's evidence sentence (reports without one are left out)."""
    ev, docs = s.events, s.documents
    text_sql = func.substr(docs.c.text, ev.c.sentence_start + 1, ev.c.sentence_end - ev.c.sentence_start)
    query = select(ev.c.id, ev.c.sentence_start, text_sql.label("sentence")).join(docs, docs.c.id == ev.c.document_id)
    out = {}
    for batch in chunks(ids):
        out.update((r.id, r.sentence) for r in conn.execute(query.where(ev.c.id.in_(batch)))
                   if r.sentence_start is not None and r.sentence)
    return out
