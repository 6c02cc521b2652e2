"""Entities an incremental run leaves whole: a known entity that only takes lone names of new
documents (and records appended to its clusters), without reading its other records.

A lone name joins the entity of the cluster it chose (``lone_names.assemble``), so a new
"Kowal" choosing a much-named person's cluster would bring that person's whole entity, all
its records and every lone name that joined it, into the run. That is not needed when the
entity is otherwise untouched (none of its records re-resolved, none of its lone names choosing
anew) and every record of the run that chooses one of its clusters is newer than every record
the store held before, in a cluster of such records that nothing else chooses and that
chooses nothing outside the entity. A full run then assembles the entity exactly as before up
to the new records (its clusters are the same, its lone names choose the same, and they come
first in corpus order), and then meets the new lone names: whether one joins depends only on
the entity's records in its own document, which are new records all, and on its own cluster.
So the run stands the entity in by the roots of its clusters that new records join (its
"stand-ins"), joined together, and makes its row from its kept tally and the records it takes.
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, select

from ..store import schema as s
from ..store import schema_cases as c
from . import entities_store as store
from .entities_store import chunks
from .entity_appends import Append
from .entity_rows import Tally
from .records import DocEntity, Link


def fresh(conn: Connection, new: list[DocEntity]) -> set[str]:
    """New records newer than every record the store held before (and never resolved)."""
    docs = {r.document_id for r in new}
    d = s.documents
    newest = 0
    for row in conn.execute(select(d.c.id, d.c.seq).order_by(d.c.seq.desc()).limit(len(docs) + 1)):
        if row.id not in docs:
            newest = row.seq or 0
            break
    st = c.entity_state
    resolved = {r.document_id for batch in chunks(docs)
                for r in conn.execute(select(st.c.document_id).distinct().where(st.c.document_id.in_(batch)))}
    return {r.ref for r in new if r.seq > newest and r.document_id not in resolved}


def entities_of(conn: Connection, roots: set[str]) -> dict[str, str]:
    """root -> the entity its record stands in now."""
    held = store.current_entities(conn, roots)
    return {r: held[r] for r in roots if held.get(r)}


def with_appends(conn: Connection, whole: dict[str, str], fast: dict[str, Append], area: set[str]) -> dict[str, str]:
    """The stand-ins: the chosen roots of entities left whole, and the clusters of theirs that
    records are appended to (those records join the assembly with them)."""
    outside = {a.base for ref, a in fast.items() if ref not in area} - set(whole)
    wanted = set(whole.values())
    return whole | {root: eid for root, eid in entities_of(conn, outside).items() if eid in wanted}


def unfit(conn: Connection, area: set[str], whole: dict[str, str], base_of, target_of,
          fresh_refs: set[str]) -> set[str]:
    """Entities among ``whole``'s that cannot be left whole (the module's docstring): one whose
    tally was not kept, or that a record chooses which is not new, or whose cluster holds an older
    record, is chosen by someone, or chooses outside the entity."""
    kept = store.tallied(conn, set(whole.values()))
    out = {eid for eid in whole.values() if eid not in kept}
    cluster: dict[str, set[str]] = defaultdict(set)
    targets = {}
    for ref in area:
        cluster[base_of(ref)].add(ref)
        if t := target_of(ref):
            targets[ref] = t[0]
    chosen = set(targets.values())
    for ref, root in targets.items():
        if root not in whole:
            continue
        eid, own = whole[root], cluster[base_of(ref)]
        if ref not in fresh_refs or not own <= fresh_refs or base_of(ref) in chosen \
                or any(whole.get(targets[m]) != eid for m in own if m in targets):
            out.add(eid)
    return out


def rows(records: list[DocEntity], groups: list[list[int]], links: dict[int, Link], whole: dict[str, str],
         kept: dict[str, Tally]) -> tuple[list[dict], list[dict], dict[str, str], dict[str, Tally], list[list[int]]]:
    """Entity rows, link rows, refs -> entity id and tallies (``kept`` grown by the records they
    take) of the groups holding stand-ins; and the other groups."""
    entity_rows, link_rows, mapping, tallies, rest = [], [], {}, {}, []
    for members in groups:
        ids = {whole[records[m].ref] for m in members if records[m].ref in whole}
        if not ids:
            rest.append(members)
            continue
        (eid,) = ids      # ``unfit`` leaves no way for two of them to meet
        taken = sorted((m for m in members if records[m].ref not in whole), key=lambda m: records[m].order)
        mapping.update((records[m].ref, eid) for m in members)
        link_rows += [store.link_row(records[m], eid, links.get(m)) for m in taken]
        tallies[eid] = kept[eid].add([records[m] for m in taken], {links[m].reason for m in taken if m in links})
        entity_rows.append(tallies[eid].row(eid))
    return entity_rows, link_rows, mapping, tallies, rest
