"""Reads that pages, briefs and timelines share: document metadata, evidence sentences, the
(document, key) pairs behind an entity, and whether a table exists. Plain store reads:
no resolution, no web."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import inspect, select

from . import schema as s
from .db import Store

LOCAL_SEP = "~"      # "<document id>~<key>": a document's own entity (see resolve.lookup)


def owned_cte(ref: str, cap: int | None = None) -> tuple[str, dict]:
    """A CTE ``owned(document_id, key)``: the (document, entity key) pairs behind ``ref``.

    Queries join *from* it, so the database starts with the entity's few hundred pairs
    and reaches each fact table through its (document_id, key) index, instead of testing
    every candidate row against a sub-select. ``cap`` keeps the most recent documents.
    """
    if LOCAL_SEP in ref:
        document_id, key = ref.split(LOCAL_SEP, 1)
        return ("owned AS (SELECT CAST(:owner_doc AS TEXT) AS document_id, CAST(:owner_key AS TEXT) AS key)",
                {"owner_doc": document_id, "owner_key": key})
    limit = f" ORDER BY document_id DESC LIMIT {int(cap)}" if cap else ""
    return (f"owned AS (SELECT document_id, key FROM doc_entities WHERE entity_id = :owner_ref{limit})",
            {"owner_ref": ref})


def doc_entity_rows(store: Store, ref: str, limit: int | None = None) -> list[dict]:
    """The per-document entities behind a reference (empty when it names nothing), newest ids first."""
    de = s.doc_entities
    if LOCAL_SEP in ref:
        document_id, key = ref.split(LOCAL_SEP, 1)
        query = select(de).where(de.c.document_id == document_id, de.c.key == key)
    else:
        query = select(de).where(de.c.entity_id == ref).order_by(de.c.document_id.desc()).limit(limit)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def doc_meta(store: Store, document_ids: Iterable[str]) -> dict[str, dict]:
    """Title, outlet, date, URL and source of documents, without their text."""
    ids = list(set(document_ids))
    if not ids:
        return {}
    d = s.documents
    cols = (d.c.id, d.c.title, d.c.outlet, d.c.published, d.c.url, d.c.source)
    with store.engine.connect() as conn:
        return {r.id: dict(r._mapping) for r in conn.execute(select(*cols).where(d.c.id.in_(ids)))}


def sentences(store: Store, spans: Iterable[tuple[str, int | None, int | None]]) -> dict[tuple, str]:
    """Evidence sentence text for (document, start, end) triples, read with one query per document."""
    wanted: dict[str, set] = {}
    for doc_id, start, end in spans:
        if start is not None and end is not None:
            wanted.setdefault(doc_id, set()).add((start, end))
    out = {}
    if not wanted:
        return out
    d = s.documents
    with store.engine.connect() as conn:
        rows = conn.execute(select(d.c.id, d.c.text).where(d.c.id.in_(list(wanted))))
        for r in rows:
            for start, end in wanted[r.id]:
                out[(r.id, start, end)] = r.text[start:end]
    return out


def has_table(store: Store, name: str) -> bool:
    """Whether the store has this table (a store resolution never ran on lacks the corpus-level ones)."""
    cache = store.__dict__.setdefault("_tables_seen", {})
    if name not in cache:
        with store.engine.connect() as conn:
            cache[name] = inspect(conn).has_table(name)
    return cache[name]
