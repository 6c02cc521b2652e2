"""Which records an incremental run rebuilds the entities of: every record of every entity that
holds a re-resolved record, before or after (the old entities of the records, the clusters they
are in or chose, and the lone names that chose one of those clusters, until nothing more is
added), but for entities left whole (``whole_entities``), which stand in by a few records.
"""
from __future__ import annotations

from sqlalchemy import Connection

from ..store import schema as s
from . import entities_store as store
from . import whole_entities
from .entity_appends import Append
from .entity_context import StoreContext, joiners_of, kept_target, members_of_bases, persisted
from .records import DocEntity


def area_of(conn: Connection, region: list[DocEntity], bases: dict[str, str], targets: dict[str, tuple | None],
            context: StoreContext, fast: dict[str, Append],
            fresh: set[str]) -> tuple[list[DocEntity], dict[str, str]]:
    """Every record of every entity that holds a re-resolved record, before or after, but for
    entities left whole (``whole_entities``): those stand in by their stand-ins, with the records
    appended to them; and the stand-ins (ref -> entity id)."""
    refused: set[str] = set()
    while True:
        area, whole, state = _closure(conn, region, bases, targets, refused)
        whole = whole_entities.with_appends(conn, whole, fast, area)
        extra = (set(whole) | {ref for ref, a in fast.items() if a.base in whole}) - area
        area |= extra
        state |= persisted(conn, extra - set(bases))

        def base_of(ref: str) -> str:
            return bases.get(ref) or state[ref][0]

        def target_of(ref: str) -> tuple | None:
            if ref in whole:
                return None
            return targets.get(ref) if ref in targets or ref in bases else kept_target(state.get(ref))
        unfit = whole_entities.unfit(conn, area, whole, base_of, target_of, fresh)
        if not unfit:
            break
        refused |= unfit
    context.read(area)
    return sorted((context.records[r] for r in area), key=lambda r: r.order), whole


def _closure(conn: Connection, region: list[DocEntity], bases: dict[str, str], targets: dict[str, tuple | None],
             refused: set[str]) -> tuple[set[str], dict[str, str], dict[str, tuple]]:
    """The old entities of the records, the clusters they are in or chose, and the lone names
    that chose one of those clusters, until nothing more is added; a chosen cluster of an
    entity none of those records is in is left out (not ``refused``): root -> its entity; and
    the kept state of the records (``persisted``)."""
    area = {r.ref for r in region} | set(targets)
    while True:
        old = store.current_entities(conn, area)
        entity_ids = {old[r] for r in area if old.get(r)}
        grown = set(area) | _members_of_entities(conn, entity_ids)
        state = persisted(conn, grown - set(bases))
        chosen = {t[0] for t in targets.values() if t} | {st[1] for r, st in state.items() if st[1] and r not in targets}
        whole = {root: eid for root, eid in whole_entities.entities_of(conn, chosen - set(bases)).items()
                 if eid not in entity_ids and eid not in refused}
        wanted = {bases.get(r) or state[r][0] for r in grown if r in bases or r in state} | (chosen - set(whole))
        grown |= members_of_bases(conn, wanted, bases)
        grown |= joiners_of(conn, wanted, targets)
        if grown == area:     # then nothing was added after ``state`` was read: it covers the area
            return area, whole, state
        area = grown


def _members_of_entities(conn: Connection, ids: set[str]) -> set[str]:
    return store.records_where(conn, s.doc_entities.c.entity_id, ids)
