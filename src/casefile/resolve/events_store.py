"""Read stored events with their resolved participants; write each event's cluster id."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, bindparam, func, select

from ..concepts import entity_types
from ..store import schema as s
from . import names as N
from .events import EventRecord, cluster


def load(conn: Connection, entity_of: dict[tuple[str, str], str], seq: dict[str, int]) -> list[EventRecord]:
    """Events in corpus order, each with the corpus-level entities among its participants."""
    types, vague = {}, set()
    for r in conn.execute(select(s.entities.c.id, s.entities.c.type, s.entities.c.name)):
        types[r.id] = r.type
        if _vague(r.type, r.name):
            vague.add(r.id)
    parts: dict[str, set[str]] = defaultdict(set)
    for p in conn.execute(select(s.participants.c.event_id, s.participants.c.document_id,
                                 s.participants.c.entity_key)):
        if p.entity_key and (eid := entity_of.get((p.document_id, p.entity_key))) and eid not in vague:
            parts[p.event_id].add(eid)
    out = []
    ev, docs = s.events, s.documents
    # Only the sentence is needed, not the whole text: substr works in SQLite and PostgreSQL.
    sentence_sql = func.substr(docs.c.text, ev.c.sentence_start + 1, ev.c.sentence_end - ev.c.sentence_start)
    for e in conn.execute(select(ev, sentence_sql.label("sentence")).join(docs, docs.c.id == ev.c.document_id)):
        ents = frozenset(parts.get(e.id, ()))
        sentence = e.sentence if e.sentence_start is not None and e.sentence else e.text
        out.append(EventRecord(
            id=e.id, document_id=e.document_id, type=e.type, order=(seq.get(e.document_id, 0), e.start, e.id),
            date_value=e.date_value, modality=e.modality or "asserted", entities=ents,
            persons=frozenset(x for x in ents if types.get(x) == "PERSON"),
            places=frozenset(x for x in ents if types.get(x) in entity_types.PLACE_TYPES), sentence=sentence))
    out.sort(key=lambda r: r.order)
    return out


def _vague(type_: str, name: str) -> bool:
    """"Authorities", "the police", "Foreign Ministry" without a country: such a participant
    does not tell one event from another, so it never ties two reports together."""
    if type_ == "PERSON":
        return False
    country, _head, generic = N.org_key(name, set())
    return generic and country is None


def cluster_and_write(conn: Connection, events: list[EventRecord]) -> dict[str, list[EventRecord]]:
    """Cluster the events and store each one's cluster id (the id of its earliest report)."""
    groups = cluster(events)
    out: dict[str, list[EventRecord]] = {}
    changed = []
    current = {r.id: r.cluster for r in conn.execute(select(s.events.c.id, s.events.c.cluster))}
    for members in groups:
        cid = events[members[0]].id
        out[cid] = [events[m] for m in members]
        changed.extend({"i": events[m].id, "c": cid} for m in members if current.get(events[m].id) != cid)
    if changed:
        conn.execute(s.events.update().where(s.events.c.id == bindparam("i")).values(cluster=bindparam("c")),
                     changed)
    return out
