"""The (type, entity) blocks of every event report, kept in ``event_blocks`` between runs.

An ingest asks a block how many reports it holds (a block too big proposes no pairs) and which
of its reports a new one can pair with. Read through participants, each answer costs a lookup
per report of the block, and a much-named person's block grows with the store up to
``MAX_EVENT_BLOCK`` reports. Kept in block order, a size is one range count; and since the table
also says how many entities and persons each report's record holds, the reports that share
enough participants with a new one (``events.may_share``) are found without reading the others.

A report's rows change only when its record does. A full run writes every report's rows; an
ingest rewrites its seeds' (``events_store``: the reports of new documents, and those naming an
entity whose records changed or whose kind did), which are every report whose record may have
changed, and clears what an interrupted ingest left under the new documents.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, text

from ..concepts import entity_types
from ..store import schema_cases as c
from .bulk import insert_many
from .entities_store import CHUNK, chunks
from .events import EventRecord, may_share

Key = tuple[str, str]
PERSON, PLACE, OTHER = "person", "place", "other"      # an entity's kind in a record

_SIZES = text("SELECT entity_id, COUNT(*) AS n FROM event_blocks WHERE type = :type AND entity_id IN :ids "
              "GROUP BY entity_id").bindparams(bindparam("ids", expanding=True))
_MEMBERS = text("SELECT entity_id, event_id, entities, persons FROM event_blocks WHERE type = :type "
                "AND entity_id IN :ids").bindparams(bindparam("ids", expanding=True))
# The reports of the open blocks that hold one entity or share another of the blocks asked about
# (a report holding two or more shares two, events.may_share), each with every block it shares.
# A report's few rows are matched against the entities as text (``|| ''``): by the index, SQLite
# would look up every entity asked about for every report of the blocks.
_PAIRABLE = text(
    "SELECT DISTINCT m.event_id, m.entities, m.persons, b.entity_id FROM event_blocks m "
    "JOIN event_blocks b ON b.event_id = m.event_id AND b.type = m.type "
    "WHERE m.type = :type AND m.entity_id IN :open AND b.entity_id || '' IN :all AND (m.entities = 1 OR EXISTS "
    "(SELECT 1 FROM event_blocks o WHERE o.event_id = m.event_id AND o.type = m.type "
    "AND o.entity_id || '' IN :all2 AND o.entity_id <> m.entity_id))"
).bindparams(bindparam("open", expanding=True), bindparam("all", expanding=True), bindparam("all2", expanding=True))


_HELD = text("SELECT event_id, entity_id, kind FROM event_blocks WHERE event_id IN :ids"
             ).bindparams(bindparam("ids", expanding=True))


def kind_of_type(type_: str) -> str:
    return PERSON if type_ == "PERSON" else PLACE if type_ in entity_types.PLACE_TYPES else OTHER


def _kind(r: EventRecord, entity: str) -> str:
    return PERSON if entity in r.persons else PLACE if entity in r.places else OTHER


def rows_of(records: Iterable[EventRecord]) -> list[dict]:
    return [{"type": r.type, "entity_id": e, "event_id": r.id, "document_id": r.document_id, "kind": _kind(r, e),
             "entities": len(r.entities), "persons": len(r.persons)} for r in records for e in sorted(r.entities)]


def held(conn: Connection, ids: list[str]) -> dict[str, dict[str, str]]:
    """Each report's entities as its record holds them, by kind, from its rows (none: left out)."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for batch in chunks(ids):
        for r in conn.execute(_HELD, {"ids": batch}):
            out[r.event_id][r.entity_id] = r.kind
    return out


def rebuild(conn: Connection, records: list[EventRecord]) -> None:
    """Every report's rows, after a full run."""
    conn.execute(c.event_blocks.delete())
    insert_many(conn, c.event_blocks, rows_of(records))


def refresh(conn: Connection, records: list[EventRecord], documents: list[str]) -> None:
    """Rewrite the rows of these reports, and clear any left under these (new) documents."""
    t = c.event_blocks
    for batch in chunks(documents):
        conn.execute(t.delete().where(t.c.document_id.in_(batch)))
    for batch in chunks([r.id for r in records]):
        conn.execute(t.delete().where(t.c.event_id.in_(batch)))
    insert_many(conn, t, rows_of(records))


def sizes(conn: Connection, keys: set[Key]) -> dict[Key, int]:
    """How many reports each of these blocks holds (none: left out)."""
    out = {}
    for type_, entities in _by_type(keys).items():
        for batch in chunks(entities):
            out.update(((type_, r.entity_id), r.n) for r in conn.execute(_SIZES, {"type": type_, "ids": batch}))
    return out


def members(conn: Connection, keys: set[Key]) -> dict[Key, set[str]]:
    """The reports of these blocks."""
    out: dict[Key, set[str]] = {k: set() for k in keys}
    for type_, entities in _by_type(keys).items():
        for batch in chunks(entities):
            for r in conn.execute(_MEMBERS, {"type": type_, "ids": batch}):
                out[(type_, r.entity_id)].add(r.event_id)
    return out


def pairable(conn: Connection, reports: list[EventRecord], open_keys: set[Key]) -> dict[str, set[str]]:
    """For each report, the other reports of its blocks in ``open_keys`` that share enough
    participants with it to be one event (``events.shared_participants`` would not refuse them).
    A report of one entity may pair with every report of its block, and reads it whole."""
    out: dict[str, set[str]] = {}
    by_type: dict[str, list[EventRecord]] = defaultdict(list)
    for r in reports:
        by_type[r.type].append(r)
    for type_, group in by_type.items():
        for part in _parts(group):
            found = _found(conn, type_, part, open_keys)
            for a in part:
                out[a.id] = _partners(a, found, open_keys)
    return out


def _parts(reports: list[EventRecord]) -> list[list[EventRecord]]:
    """Reports in parts of at most a third of ``CHUNK`` entities, each report's entities in one part: a
    report asked about shares two of them with a partner in the same query."""
    parts: list[list[EventRecord]] = [[]]
    entities: set[str] = set()
    for r in reports:
        if parts[-1] and len(entities | r.entities) > CHUNK // 3:     # three lists of them in a query
            parts.append([])
            entities = set()
        parts[-1].append(r)
        entities |= r.entities
    return parts


@dataclass
class _Found:
    """The reports read: how many entities and persons each one's record holds, the blocks
    asked about each is in, and of each block the reports that may pair with a report of two
    or more entities (``members``) or of one (``whole``: all)."""
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    blocks: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    members: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    whole: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def take(self, rows, into: dict[str, set[str]]) -> None:
        for r in rows:
            self.counts[r.event_id] = (r.entities, r.persons)
            self.blocks[r.event_id].add(r.entity_id)
            into[r.entity_id].add(r.event_id)


def _found(conn: Connection, type_: str, part: list[EventRecord], open_keys: set[Key]) -> _Found:
    found = _Found()
    every = sorted(set().union(*(r.entities for r in part)))
    opened = [e for e in every if (type_, e) in open_keys]
    whole = sorted({e for r in part if len(r.entities) == 1 for e in r.entities} & set(opened))
    if opened:
        found.take(conn.execute(_PAIRABLE, {"type": type_, "open": opened, "all": every, "all2": every}),
                   found.members)
    if whole:      # every report of these blocks, those the query above left out too
        found.take(conn.execute(_MEMBERS, {"type": type_, "ids": whole}), found.whole)
    return found


def _partners(a: EventRecord, found: _Found, open_keys: set[Key]) -> set[str]:
    among = found.whole if len(a.entities) == 1 else found.members
    near = set().union(*(among.get(e, set()) for e in a.entities if (a.type, e) in open_keys))
    near.discard(a.id)
    out = set()
    for x in near:
        entities, persons = found.counts[x]
        if may_share(a, frozenset(a.entities & found.blocks[x]), entities, persons > 0):
            out.add(x)
    return out


def _by_type(keys: set[Key]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for type_, entity in keys:
        out[type_].add(entity)
    return out
