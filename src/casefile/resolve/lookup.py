"""Finding an entity, and how it is shown: one rule for every command, page, brief and export.

An entity is referred to by its corpus-level id. A document's own entity can be referred
to as ``<document id>~<key>``: it stands for the entity it was resolved into (or for
itself, in a store resolution has not reached). A name finds the entity whose name it
is (case, accents and punctuation ignored), else the one it is an alias of; when several
answer, ``Ambiguous`` lists them and nothing is guessed.

Every place that shows an entity takes its name and type from ``shown``: the resolved
entity's, never one document's spelling of it.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, func, select

from ..errors import Ambiguous, NotFound
from ..store import schema as s
from ..store.reads import LOCAL_SEP
from . import names as N

CHUNK = 500


def entity_ref(entity_id: str | None, document_id: str, key: str | None) -> str | None:
    """How a document's entity is referred to: its corpus-level entity, else itself."""
    if entity_id:
        return entity_id
    return f"{document_id}{LOCAL_SEP}{key}" if key else None


def find_entity(conn: Connection, ref: str) -> str:
    """The reference ``ref`` stands for: an entity id, a document's entity, or a name one entity answers to."""
    return find(conn, ref)["ref"]


def find(conn: Connection, ref: str) -> dict:
    """``find_entity`` with how the entity is shown: {"ref", "name", "type"} (one query for an id)."""
    row = conn.execute(select(s.entities.c.name, s.entities.c.type).where(s.entities.c.id == ref)).first()
    if row is not None:
        return {"ref": ref, "name": row.name, "type": row.type}
    found = _find_other(conn, ref)
    entity = shown(conn, [found]).get(found)
    if entity is None:
        raise NotFound("no entity with this id or name", item=ref)
    return {"ref": found, **entity}


def _find_other(conn: Connection, ref: str) -> str:
    if LOCAL_SEP in ref:
        document_id, key = ref.split(LOCAL_SEP, 1)
        row = conn.execute(select(s.doc_entities.c.entity_id).where(
            s.doc_entities.c.document_id == document_id, s.doc_entities.c.key == key)).first()
        if row is not None:
            return entity_ref(row.entity_id, document_id, key)
    hits = by_name(conn, ref)
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise NotFound("no entity with this id or name", item=ref)
    raise Ambiguous(f"{len(hits)} entities answer to this name; give one of these ids", item=ref,
                    candidates=candidates(conn, hits))


def by_name(conn: Connection, name: str) -> list[str]:
    """Entities named ``name``; failing any, the entities that have it as an alias."""
    want = N.fold(name)
    if not want:
        return []
    named, aliased = [], []
    for r in conn.execute(select(s.entities.c.id, s.entities.c.name, s.entities.c.aliases)):
        if N.fold(r.name) == want:
            named.append(r.id)
        elif any(N.fold(a) == want for a in r.aliases or []):
            aliased.append(r.id)
    return sorted(named or aliased)


def named_in(conn: Connection, document_id: str, name: str) -> str | None:
    """The entity of document ``document_id`` written ``name`` there (its name or an alias), as
    ``<document id>~<key>``; a person before anything else of that name; None when none is."""
    want = N.fold(name)
    de = s.doc_entities
    rows = conn.execute(select(de.c.key, de.c.name, de.c.aliases, de.c.type)
                        .where(de.c.document_id == document_id).order_by(de.c.key)).all()
    hits = sorted((r for r in rows if want and want in {N.fold(x) for x in [r.name, *(r.aliases or [])]}),
                  key=lambda r: r.type != "PERSON")
    return f"{document_id}{LOCAL_SEP}{hits[0].key}" if hits else None


def candidates(conn: Connection, ids: list[str]) -> list[dict]:
    """The entities a name could mean, most documented first, as an error lists them."""
    de = s.doc_entities
    counts = dict(conn.execute(
        select(de.c.entity_id, func.count(func.distinct(de.c.document_id))).where(de.c.entity_id.in_(ids))
        .group_by(de.c.entity_id)).all())
    names = shown_by_id(conn, ids)
    out = [{"id": i, **names.get(i, {"name": i, "type": "?"}), "documents": counts.get(i, 0)} for i in ids]
    return sorted(out, key=lambda c: (-c["documents"], c["name"], c["id"]))


def shown(conn: Connection, refs: Iterable[str | None]) -> dict[str, dict]:
    """{ref: {"name", "type"}}: how each entity is shown everywhere. A resolved entity shows its
    resolved name and type; a document's entity not (yet) resolved shows its own."""
    refs = {r for r in refs if r}
    out = shown_by_id(conn, [r for r in refs if LOCAL_SEP not in r])
    local = [tuple(r.split(LOCAL_SEP, 1)) for r in refs if LOCAL_SEP in r]
    de = s.doc_entities
    for document_id, key in local:
        row = conn.execute(select(de.c.name, de.c.type).where(de.c.document_id == document_id,
                                                              de.c.key == key)).first()
        if row is not None:
            out[f"{document_id}{LOCAL_SEP}{key}"] = {"name": row.name, "type": row.type}
    return out


def shown_by_id(conn: Connection, ids: list[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    query = select(s.entities.c.id, s.entities.c.name, s.entities.c.type).where(
        s.entities.c.id.in_(bindparam("ids", expanding=True)))
    for i in range(0, len(ids), CHUNK):
        for r in conn.execute(query, {"ids": ids[i:i + CHUNK]}):
            out[r.id] = {"name": r.name, "type": r.type}
    return out
