"""Human decisions about entities (merge, split) with an audit row each, and read-outs
of entities and conflicts. Decisions are stored as overrides that every later
resolution run applies, so they survive new ingests."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, inspect, select

from ..errors import CasefileError, NotFound
from ..store import schema as s
from ..store import schema_cases as c
from ..store.locks import writing
from . import names as N
from .lookup import find_entity


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _members(conn, entity_id: str) -> list[dict]:
    de = s.doc_entities
    return [dict(r._mapping) for r in conn.execute(
        select(de.c.document_id, de.c.key, de.c.name).where(de.c.entity_id == entity_id)
        .order_by(de.c.document_id, de.c.key))]


def _audit(conn, action: str, detail: dict) -> None:
    conn.execute(c.entity_audit.insert().values(at=_now(), action=action, detail=detail))


def merge(store, a: str, b: str) -> str:
    """Make two entities one, now and in every later run; returns the merged entity's id."""
    from . import run
    with writing(store.engine) as conn:
        c.metadata.create_all(conn)
        ea, eb = find_entity(conn, a), find_entity(conn, b)
        if ea == eb:
            raise CasefileError("these are already one entity", item=ea)
        ma, mb = _members(conn, ea), _members(conn, eb)
        conn.execute(c.entity_overrides.insert().values(
            action="merge", document_a=ma[0]["document_id"], key_a=ma[0]["key"], document_b=mb[0]["document_id"],
            key_b=mb[0]["key"], active=True, created_at=_now()))
        _audit(conn, "merge", {"entities": [ea, eb], "members": [ma, mb]})
    run(store)
    with store.engine.connect() as conn:
        return conn.execute(select(s.doc_entities.c.entity_id).where(
            s.doc_entities.c.document_id == ma[0]["document_id"], s.doc_entities.c.key == ma[0]["key"])).scalar_one()


def split(store, entity: str, document: str, key: str) -> str:
    """Take one document's entity out of a merged entity, now and in every later run;
    returns the id it stands under afterwards."""
    from . import run
    with writing(store.engine) as conn:
        c.metadata.create_all(conn)
        eid = find_entity(conn, entity)
        members = _members(conn, eid)
        doc = next((m["document_id"] for m in members
                    if m["key"] == key and (m["document_id"] == document or m["document_id"].startswith(document))),
                   None)
        if doc is None:
            raise NotFound(f"entity {eid} has no member {document}:{key}", item=entity)
        conn.execute(c.entity_overrides.insert().values(
            action="split", document_a=doc, key_a=key, active=True, created_at=_now()))
        _audit(conn, "split", {"entity": eid, "member": {"document_id": doc, "key": key}, "members": members})
    run(store)
    with store.engine.connect() as conn:
        return conn.execute(select(s.doc_entities.c.entity_id).where(
            s.doc_entities.c.document_id == doc, s.doc_entities.c.key == key)).scalar_one()


def list_entities(store, query: str | None = None, type: str | None = None, limit: int = 100) -> list[dict]:
    """Entities with how many documents name them, most documents first."""
    de = s.doc_entities
    with store.engine.connect() as conn:
        ndocs = dict(conn.execute(select(de.c.entity_id, func.count(func.distinct(de.c.document_id)))
                                  .group_by(de.c.entity_id)).all())
        sel = select(s.entities)
        if type:
            sel = sel.where(s.entities.c.type == type)
        rows = [dict(r._mapping) | {"documents": ndocs.get(r.id, 0)} for r in conn.execute(sel)]
    if query:
        want = N.fold(query)
        rows = [r for r in rows if any(want in N.fold(x) for x in [r["name"], *(r["aliases"] or [])])]
    rows.sort(key=lambda r: (-r["documents"], r["name"]))
    return rows[:limit]


def show_entity(store, ref: str) -> dict:
    """One entity: its names, and each document entity in it with the reason it was linked."""
    with store.engine.connect() as conn:
        eid = find_entity(conn, ref)
        ent = dict(conn.execute(select(s.entities).where(s.entities.c.id == eid)).one()._mapping)
        links = {}
        if inspect(conn).has_table(c.entity_links.name):
            links = {(r.document_id, r.key): dict(r._mapping) for r in conn.execute(
                select(c.entity_links).where(c.entity_links.c.entity_id == eid))}
        ent["members"] = [m | {"rule": links.get((m["document_id"], m["key"]), {}).get("rule"),
                               "reason": links.get((m["document_id"], m["key"]), {}).get("reason")}
                          for m in _members(conn, eid)]
    return ent


def list_conflicts(store, kind: str | None = None) -> list[dict]:
    with store.engine.connect() as conn:
        if not inspect(conn).has_table(c.conflicts.name):
            raise CasefileError("this store has no conflicts table yet; run `casefile resolve`")
        sel = select(c.conflicts).order_by(c.conflicts.c.kind, c.conflicts.c.cluster, c.conflicts.c.id)
        if kind:
            sel = sel.where(c.conflicts.c.kind == kind)
        return [dict(r._mapping) for r in conn.execute(sel)]


def audit(store) -> list[dict]:
    with store.engine.connect() as conn:
        if not inspect(conn).has_table(c.entity_audit.name):
            return []
        return [dict(r._mapping) for r in conn.execute(select(c.entity_audit).order_by(c.entity_audit.c.id))]
