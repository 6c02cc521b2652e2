"""Shared helpers for pages, API and briefs: entity references on a page, links.

Entities are referred to as ``resolve.lookup`` says (a corpus-level id, or
``<document id>~<key>`` for a document's entity resolution has not reached), so every
name on every page links to a dossier, under the name ``lookup.shown`` gives it.
"""
from __future__ import annotations

from urllib.parse import quote
from collections.abc import Iterable

from sqlalchemy import select, text

from ..resolve.lookup import entity_ref, shown
from ..store import schema as s
from ..store.db import Store
from ..store.memo import remembered
from ..store.reads import LOCAL_SEP

# The chain of a case, in the order a dossier lists same-day events.
CHAIN_ORDER = ("arrest", "disappearance", "detention_abuse", "charge", "trial", "imprisonment", "release",
               "travel_restriction", "killing")


def count_documents(store: Store, ref: str) -> int:
    if LOCAL_SEP in ref:
        return 1
    def count() -> int:
        with store.engine.connect() as conn:
            # DISTINCT over ix_doc_entities_owner (entity_id, document_id, ...) streams; COUNT(DISTINCT) would sort.
            return conn.execute(text("SELECT COUNT(*) FROM (SELECT DISTINCT document_id FROM doc_entities "
                                     "WHERE entity_id = :r) AS named"), {"r": ref}).scalar_one()

    return remembered(store, ("documents named", ref), count)


def ref_map(store: Store, document_ids: Iterable[str]) -> dict[tuple[str, str], dict]:
    """(document, key) -> {ref, name, type} for the given documents, names as ``lookup.shown`` gives them."""
    ids = list(set(document_ids))
    if not ids:
        return {}
    de = s.doc_entities
    with store.engine.connect() as conn:
        refs = {(r.document_id, r.key): entity_ref(r.entity_id, r.document_id, r.key) for r in conn.execute(
            select(de.c.document_id, de.c.key, de.c.entity_id).where(de.c.document_id.in_(ids)))}
        names = shown(conn, refs.values())
    return {k: {"ref": ref, **names[ref]} for k, ref in refs.items() if ref in names}


def chain_rank(event_type: str) -> int:
    return CHAIN_ORDER.index(event_type) if event_type in CHAIN_ORDER else len(CHAIN_ORDER)


def source_link(document_id: str, sentence_start: int | None) -> str:
    """The document page scrolled to (and highlighting) the evidence sentence."""
    anchor = f"#s-{sentence_start}" if sentence_start is not None else ""
    return f"/documents/{quote(document_id, safe='')}{anchor}"
