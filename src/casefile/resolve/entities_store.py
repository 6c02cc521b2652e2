"""Read document entities and human overrides from the store; write corpus-level entities."""
from __future__ import annotations

from collections import Counter

from sqlalchemy import Connection, bindparam, case, func, select

from ..store import schema as s
from ..store import schema_cases as c
from ..store.rows import local_entity_id
from . import lexicon as L
from . import names as N
from .bulk import insert_many
from .entities import DocEntity, Resolution, canonical, resolve

def load(conn: Connection) -> list[DocEntity]:
    de, docs = s.doc_entities, s.documents
    rows = conn.execute(select(de, docs.c.seq).join(docs, docs.c.id == de.c.document_id))
    out = [DocEntity(document_id=r.document_id, key=r.key, name=r.name, type=r.type, seq=r.seq or 0,
                     aliases=list(r.aliases or []), descriptors=list(r.descriptors or [])) for r in rows]
    out.sort(key=lambda r: r.order)
    _add_titled_forms(conn, out)
    return out


def _add_titled_forms(conn: Connection, records: list[DocEntity]) -> None:
    """Record "President X" as an alias when the text writes a title right before a person's
    mention: readers and other tools look people up by the form the article used."""
    persons = {(r.document_id, r.key): r for r in records if r.type == "PERSON"}
    if not persons:
        return
    m, docs = s.mentions, s.documents
    # Only the few characters before each mention are read, not whole texts.
    start = case((m.c.start > L.TITLE_WINDOW, m.c.start - L.TITLE_WINDOW), else_=0)
    before = func.substr(docs.c.text, start + 1, m.c.start - start)
    query = (select(m.c.document_id, m.c.entity_key, m.c.text, before.label("before"))
             .join(docs, docs.c.id == m.c.document_id))
    for row in conn.execute(query):
        rec = persons.get((row.document_id, row.entity_key))
        title = N.title_before(row.before or "") if rec else None
        if title:
            form = f"{title} {row.text}"
            if form not in rec.aliases and form != rec.name:
                rec.aliases.append(form)


def overrides(conn: Connection, records: list[DocEntity]) -> tuple[list[tuple[int, int]], set[int]]:
    """Active human decisions as indexes into ``records``: merges (pairs) and entities kept alone.
    A later decision about the same document entity wins over an earlier one."""
    index = {(r.document_id, r.key): i for i, r in enumerate(records)}
    merges: list[tuple[int, int]] = []
    alone: set[int] = set()
    o = c.entity_overrides
    for row in conn.execute(select(o).where(o.c.active.is_(True)).order_by(o.c.id)):
        a = index.get((row.document_a, row.key_a))
        b = index.get((row.document_b, row.key_b)) if row.document_b else None
        if a is None:
            continue
        if row.action == "split":
            alone.add(a)
            merges = [m for m in merges if a not in m]
        elif row.action == "merge" and b is not None:
            merges.append((a, b))
            alone -= {a, b}
    return merges, alone


def resolve_and_write(conn: Connection) -> dict[tuple[str, str], str]:
    """Resolve every stored document entity; returns (document_id, key) -> entity id."""
    records = load(conn)
    merges, alone = overrides(conn, records)
    result = resolve(records, merges, alone)
    mapping = _write(conn, records, result)
    return mapping


def _entity_row(records: list[DocEntity], members: list[int], eid: str, reason: str) -> dict:
    best = canonical(records, members)
    names: list[str] = []
    descriptors: list[str] = []
    for m in sorted(members, key=lambda m: records[m].order):
        names.extend(records[m].all_names)
        descriptors.extend(d.get("text", "") for d in records[m].descriptors)
    aliases = [n for n, _ in Counter(names).most_common() if n != best.name]   # most written first
    return {"id": eid, "name": best.name, "type": best.type, "aliases": aliases,
            "descriptors": sorted({d for d in descriptors if d}), "reason": reason}


def _write(conn: Connection, records: list[DocEntity], result: Resolution) -> dict[tuple[str, str], str]:
    mapping: dict[tuple[str, str], str] = {}
    entity_rows, link_rows = [], []
    for members in result.groups:
        members = sorted(members, key=lambda m: records[m].order)
        first = records[members[0]]
        eid = local_entity_id(first.document_id, first.key)
        reasons = sorted({result.links[m].reason for m in members if m in result.links})
        reason = "; ".join(reasons[:5]) + (f"; and {len(reasons) - 5} more" if len(reasons) > 5 else "")
        entity_rows.append(_entity_row(records, members, eid, reason or "one document"))
        for m in members:
            r = records[m]
            mapping[(r.document_id, r.key)] = eid
            link = result.links.get(m)
            link_rows.append({"document_id": r.document_id, "key": r.key, "entity_id": eid,
                              "rule": link.rule if link else "first",
                              "reason": link.reason if link else "first mention in the corpus"})
    _update_doc_entities(conn, mapping)
    conn.execute(s.entities.delete())
    if entity_rows:
        conn.execute(s.entities.insert(), entity_rows)
    conn.execute(c.entity_links.delete())
    insert_many(conn, c.entity_links, link_rows)
    return mapping


def _update_doc_entities(conn: Connection, mapping: dict[tuple[str, str], str]) -> None:
    de = s.doc_entities
    current = {(r.document_id, r.key): r.entity_id for r in conn.execute(
        select(de.c.document_id, de.c.key, de.c.entity_id))}
    changed = [{"d": d, "k": k, "e": e} for (d, k), e in mapping.items() if current.get((d, k)) != e]
    if changed:
        conn.execute(de.update().where(de.c.document_id == bindparam("d"), de.c.key == bindparam("k"))
                     .values(entity_id=bindparam("e")), changed)
