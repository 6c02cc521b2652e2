"""Shared read helpers for pages, API and briefs: entity references, sources, corroboration.
What a date value covers is ``concepts.dates``, the meaning resolution and extraction share.

An entity is referred to by its corpus-level id (``doc_entities.entity_id``). Until the
resolver has linked a document's entity, it is referred to as ``<document id>~<key>``,
so every name on every page still links to a dossier.
"""
from __future__ import annotations

from urllib.parse import quote
from collections.abc import Iterable

from sqlalchemy import bindparam, select, text

from ..store import schema as s
from ..store.db import Store
from .memo import remembered

LOCAL_SEP = "~"
# The chain of a case, in the order a dossier lists same-day events.
CHAIN_ORDER = ("arrest", "disappearance", "detention_abuse", "charge", "trial", "imprisonment", "release",
               "travel_restriction", "killing")


def count_documents(store: Store, ref: str) -> int:
    if LOCAL_SEP in ref:
        return 1
    def count() -> int:
        with store.engine.connect() as conn:
            # DISTINCT over the (entity_id, document_id) index streams; COUNT(DISTINCT) would sort.
            return conn.execute(text("SELECT COUNT(*) FROM (SELECT DISTINCT document_id FROM doc_entities "
                                     "WHERE entity_id = :r) AS named"), {"r": ref}).scalar_one()

    return remembered(store, ("documents named", ref), count)


def entity_ref(entity_id: str | None, document_id: str, key: str | None) -> str | None:
    if entity_id:
        return entity_id
    return f"{document_id}{LOCAL_SEP}{key}" if key else None


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


def ref_map(store: Store, document_ids: Iterable[str]) -> dict[tuple[str, str], dict]:
    """(document, key) -> {ref, name, type} for the given documents."""
    ids = list(set(document_ids))
    if not ids:
        return {}
    de = s.doc_entities
    out = {}
    with store.engine.connect() as conn:
        for r in conn.execute(select(de.c.document_id, de.c.key, de.c.entity_id, de.c.name, de.c.type)
                              .where(de.c.document_id.in_(ids))):
            out[(r.document_id, r.key)] = {"ref": entity_ref(r.entity_id, r.document_id, r.key),
                                           "name": r.name, "type": r.type}
    return out


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


def cluster_outlets(store: Store, clusters: Iterable[str | None]) -> dict[str, list[dict]]:
    """For each event cluster: the outlets that report it, with how many reports each."""
    wanted = sorted({c for c in clusters if c})
    out: dict[str, list[dict]] = {c: [] for c in wanted}
    if not wanted:
        return out
    sql = text("SELECT e.cluster, d.outlet, COUNT(*) AS n FROM events e JOIN documents d ON d.id = e.document_id "
               "WHERE e.cluster IN :clusters GROUP BY e.cluster, d.outlet"
               ).bindparams(bindparam("clusters", expanding=True))
    with store.engine.connect() as conn:
        for r in conn.execute(sql, {"clusters": wanted}):
            out[r.cluster].append({"outlet": r.outlet, "n": r.n})
    return out


def corroboration(reports: list[dict]) -> str:
    """How well an event is sourced: by how many outlets. Reports without an outlet count as one unknown."""
    outlets = {r.get("outlet") for r in reports}
    if len(outlets) >= 2:
        return "corroborated"
    return "single source" if sum(r.get("n", 1) for r in reports) <= 1 else "one outlet"


def chain_rank(event_type: str) -> int:
    return CHAIN_ORDER.index(event_type) if event_type in CHAIN_ORDER else len(CHAIN_ORDER)


def source_link(document_id: str, sentence_start: int | None) -> str:
    """The document page scrolled to (and highlighting) the evidence sentence."""
    anchor = f"#s-{sentence_start}" if sentence_start is not None else ""
    return f"/documents/{quote(document_id, safe='')}{anchor}"
