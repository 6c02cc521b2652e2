"""Named cases ("detained bloggers"): a group of entities and events a researcher follows together.

A case holds entities and events by references that hold through re-ingest and
``casefile resolve``: an entity by one of its document entities (as merge and split
overrides name theirs), an event by its fact key (``review.fact_key``). Its events are
the ones added to it and the ones its entities take part in; its timeline, brief and
export are assembled from them (``TimelineQuery(case=...)``, ``case_files``).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, bindparam, func, inspect, select, text

from ..errors import CasefileError, Invalid, NotFound
from ..store import schema as s
from ..store import schema_review as r
from ..store.db import Store
from ..store.reads import LOCAL_SEP
from .lookup import find, shown
from .review import fact_rows, key_for_id, parse_key

MAX_NAME = 200


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name or len(name) > MAX_NAME:
        raise Invalid("a case needs a name (at most 200 characters)")
    return name


def _case_id(conn: Connection, name: str) -> int:
    if not inspect(conn).has_table(r.cases.name):
        raise NotFound("no such case", item=name)
    row = conn.execute(select(r.cases.c.id).where(func.lower(r.cases.c.name) == _clean_name(name).lower())).first()
    if row is None:
        raise NotFound("no such case", item=name)
    return row.id


def create(store: Store, name: str, by: str | None = None) -> dict:
    name = _clean_name(name)
    with store.engine.begin() as conn:
        r.metadata.create_all(conn)
        if conn.execute(select(r.cases.c.id).where(func.lower(r.cases.c.name) == name.lower())).first():
            raise CasefileError("a case with this name exists", item=name)
        conn.execute(r.cases.insert().values(name=name, created_at=_now(), created_by=by))
    return {"name": name}


def add(store: Store, name: str, entities: list[str] = (), events: list[str] = (), by: str | None = None) -> list[dict]:
    """Add entities (ids or names) and events (row ids or fact keys) to a case; returns what was added."""
    keys = [key_for_id(store, "event", e) for e in events]
    added = []
    with store.engine.begin() as conn:
        case = _case_id(conn, name)
        for ref in entities:
            entity = find(conn, ref)
            member = _member(conn, entity["ref"])
            added.append(_put(conn, case, "entity", member, entity["name"], by))
        for key in keys:
            rows = fact_rows(conn, key)
            if not rows:
                raise NotFound("no event stored at this place", item=key)
            added.append(_put(conn, case, "event", key, f"{rows[0]['type']} \u201c{rows[0]['text']}\u201d", by))
    return added


def _member(conn: Connection, ref: str) -> str:
    """A document entity of the entity ``ref`` stands for, as ``<document id>~<key>``."""
    if LOCAL_SEP in ref:
        return ref
    de = s.doc_entities
    row = conn.execute(select(de.c.document_id, de.c.key).where(de.c.entity_id == ref)
                       .order_by(de.c.document_id, de.c.key).limit(1)).first()
    if row is None:
        raise NotFound("no document names this entity", item=ref)
    return f"{row.document_id}{LOCAL_SEP}{row.key}"


def _put(conn: Connection, case: int, kind: str, ref: str, label: str, by: str | None) -> dict:
    ci = r.case_items
    where = (ci.c.case_id == case, ci.c.kind == kind, ci.c.ref == ref)
    if not conn.execute(select(ci.c.ref).where(*where)).first():
        conn.execute(ci.insert().values(case_id=case, kind=kind, ref=ref, label=label, added_at=_now(), added_by=by))
    return {"kind": kind, "ref": ref, "label": label}


def remove(store: Store, name: str, entities: list[str] = (), events: list[str] = ()) -> int:
    """Take entities and events out of a case; returns how many items were removed."""
    keys = [key_for_id(store, "event", e) for e in events]
    removed = 0
    with store.engine.begin() as conn:
        case = _case_id(conn, name)
        members = {i["ref"]: i for i in _items(conn, case) if i["kind"] == "entity"}
        for ref in entities:
            wanted = ref if ref in members else find(conn, ref)["ref"]
            gone = [m for m, item in members.items() if m == wanted or item["entity"] == wanted]
            removed += _delete(conn, case, "entity", gone)
        removed += _delete(conn, case, "event", keys)
    return removed


def _delete(conn: Connection, case: int, kind: str, refs: list[str]) -> int:
    ci = r.case_items
    if not refs:
        return 0
    return conn.execute(ci.delete().where(ci.c.case_id == case, ci.c.kind == kind, ci.c.ref.in_(refs))).rowcount


def _items(conn: Connection, case: int) -> list[dict]:
    """The case's items; an entity item learns the entity its document entity stands for now."""
    ci = r.case_items
    items = [dict(x._mapping) for x in conn.execute(select(ci).where(ci.c.case_id == case)
                                                   .order_by(ci.c.kind, ci.c.added_at, ci.c.ref))]
    de = s.doc_entities
    for item in items:
        if item["kind"] == "entity":
            doc, key = item["ref"].split(LOCAL_SEP, 1)
            row = conn.execute(select(de.c.entity_id).where(de.c.document_id == doc, de.c.key == key)).first()
            item["entity"] = (row.entity_id if row and row.entity_id else item["ref"]) if row else None
    return items


def list_cases(store: Store) -> list[dict]:
    with store.engine.connect() as conn:
        if not inspect(conn).has_table(r.cases.name):
            return []
        counts = {(x.case_id, x.kind): x.n for x in conn.execute(
            select(r.case_items.c.case_id, r.case_items.c.kind, func.count().label("n"))
            .group_by(r.case_items.c.case_id, r.case_items.c.kind))}
        return [dict(x._mapping) | {"entities": counts.get((x.id, "entity"), 0), "events": counts.get((x.id, "event"), 0)}
                for x in conn.execute(select(r.cases).order_by(r.cases.c.name))]


def show(store: Store, name: str) -> dict:
    """A case: its name, its entities (as every page shows them) and the events added to it."""
    with store.engine.connect() as conn:
        case = _case_id(conn, name)
        row = dict(conn.execute(select(r.cases).where(r.cases.c.id == case)).one()._mapping)
        items = _items(conn, case)
        names = shown(conn, [i["entity"] for i in items if i["kind"] == "entity" and i["entity"]])
    entities = [i | names.get(i["entity"] or "", {"name": i["label"], "type": "?"}) for i in items
                if i["kind"] == "entity"]
    events = [i | {"document_id": parse_key(i["ref"])["document_id"]} for i in items if i["kind"] == "event"]
    return row | {"entities": entities, "events": events}


def event_ids(store: Store, name: str) -> list[str]:
    """Row ids of the case's events: those added to it, and those its entities take part in."""
    with store.engine.connect() as conn:
        case = _case_id(conn, name)
        items = _items(conn, case)
        ids: set[str] = set()
        for item in items:
            if item["kind"] == "event":
                ids |= {x["id"] for x in fact_rows(conn, item["ref"])}
        ids |= _entity_events(conn, [i["entity"] for i in items if i["kind"] == "entity" and i["entity"]])
    return sorted(ids)


def _entity_events(conn: Connection, refs: list[str]) -> set[str]:
    out: set[str] = set()
    local = [ref.split(LOCAL_SEP, 1) for ref in refs if LOCAL_SEP in ref]
    ids = [ref for ref in refs if LOCAL_SEP not in ref]
    if ids:
        sql = text("SELECT DISTINCT p.event_id FROM doc_entities de JOIN participants p ON p.document_id = "
                   "de.document_id AND p.entity_key = de.key WHERE de.entity_id IN :ids"
                   ).bindparams(bindparam("ids", expanding=True))
        out |= set(conn.execute(sql, {"ids": ids}).scalars())
    for doc, key in local:
        out |= set(conn.execute(select(s.participants.c.event_id).where(
            s.participants.c.document_id == doc, s.participants.c.entity_key == key)).scalars())
    return out

