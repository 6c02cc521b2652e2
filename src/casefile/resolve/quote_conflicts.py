"""Conflicts of attribution: the same quoted words given to two different (resolved) speakers.

Quotes are compared through shared word shingles; a shingle that more than
``MAX_QUOTE_BLOCK`` quotes share is a stock phrase and proposes nothing. A full run
compares every quote; an incremental one compares the quotes of new documents, those whose
speaker's entity changed, and those in a shingle the new quotes made too common, each with
every quote it shares a shingle with (``quote_shingles`` keeps them by shingle).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, select, text

from ..store import schema as s
from ..store import schema_cases as c
from . import lexicon as L
from . import names as N
from .bulk import insert_many
from .conflicts import conflict_id
from .entities_store import chunks, rows_of_records
from .changes import EntityChange
from .sources import load as load_sources

KIND = "quote_speaker"


@dataclass
class QuoteRecord:
    row: dict               # the quotes row
    order: tuple            # (document seq, start, id): the earlier quote is side a
    speaker: str            # the speaker's corpus-level entity
    shingles: frozenset


def shingles(quote_text: str) -> frozenset[str]:
    words = N.tokens(quote_text)
    n = min(L.QUOTE_SHINGLE, len(words))
    return frozenset(hashlib.blake2b(" ".join(words[i:i + n]).encode(), digest_size=8).hexdigest()
                     for i in range(len(words) - n + 1))


def update(conn: Connection, change: EntityChange, new_docs: list[str] | None, touched: set[str] = frozenset()) -> int:
    """Bring quote conflicts up to date; returns how many were written. ``touched``: stored
    documents with a new source, whose outlet the rows name."""
    if new_docs is None:
        conn.execute(c.quote_shingles.delete())
        conn.execute(c.conflicts.delete().where(c.conflicts.c.kind == KIND))
        quotes = _load(conn, None)
        _keep_shingles(conn, quotes.values())
        return _write(conn, quotes, set(quotes), _blocks(quotes.values()))
    fresh = _load(conn, docs=new_docs)
    _keep_shingles(conn, fresh.values())
    redo = set(fresh) | _speaker_changed(conn, change.records) | set(_load(conn, docs=sorted(touched)))
    flipped = _flipped(conn, fresh.values())
    redo |= {q for members in flipped.values() for q in members}
    quotes = _load(conn, ids=redo - set(fresh)) | fresh
    blocks = _blocks_of(conn, {sh for q in quotes.values() for sh in q.shingles})
    partners = {p for members in blocks.values() if len(members) <= L.MAX_QUOTE_BLOCK for p in members}
    quotes |= _load(conn, ids=partners - set(quotes))
    _forget(conn, quotes, redo)
    return _write(conn, quotes, redo, blocks)


def _load(conn: Connection, docs: list[str] | None = None, ids=None) -> dict[str, QuoteRecord]:
    """Direct quotes with a resolved speaker and enough words (of ``docs``, or ``ids``, or all)."""
    q, de, d = s.quotes, s.doc_entities, s.documents
    query = (select(q, de.c.entity_id, d.c.seq).join(d, d.c.id == q.c.document_id)
             .join(de, (de.c.document_id == q.c.document_id) & (de.c.key == q.c.speaker_key))
             .where(q.c.kind == "direct"))
    if docs is None and ids is None:
        batches = [query]
    elif docs is not None:
        batches = [query.where(q.c.document_id.in_(b)) for b in chunks(docs)]
    else:
        batches = [query.where(q.c.id.in_(b)) for b in chunks(ids)]
    out = {}
    for stmt in batches:
        for r in conn.execute(stmt):
            if r.entity_id and len(N.tokens(r.text)) >= L.MIN_QUOTE_WORDS:
                row = dict(r._mapping)
                out[r.id] = QuoteRecord(row, (r.seq or 0, r.start, r.id), r.entity_id, shingles(r.text))
    return out


def _keep_shingles(conn: Connection, quotes) -> None:
    insert_many(conn, c.quote_shingles, [{"shingle": sh, "quote_id": q.row["id"]} for q in quotes
                                         for sh in sorted(q.shingles)])


def _speaker_changed(conn: Connection, refs: set[str]) -> set[str]:
    """Quotes whose speaker is one of these document entities."""
    q = s.quotes
    return {r.id for r in rows_of_records(conn, q, q.c.speaker_key, refs, q.c.id)}


def _flipped(conn: Connection, fresh) -> dict[str, set[str]]:
    """Shingles the new quotes made too common: every pair through them must be looked at again."""
    added: dict[str, int] = defaultdict(int)
    for q in fresh:
        for sh in q.shingles:
            added[sh] += 1
    heads = _heads(conn, {sh: L.MAX_QUOTE_BLOCK + 1 + n for sh, n in added.items()})
    return {sh: ids for sh, ids in heads.items()
            if len(ids) - added[sh] <= L.MAX_QUOTE_BLOCK < len(ids) < L.MAX_QUOTE_BLOCK + 1 + added[sh]}


def _blocks_of(conn: Connection, wanted: set[str]) -> dict[str, set[str]]:
    """The quotes of each shingle; a shingle too common to propose pairs comes back with more than
    MAX_QUOTE_BLOCK of them, not all."""
    return _heads(conn, {sh: L.MAX_QUOTE_BLOCK + 1 for sh in wanted})


def _heads(conn: Connection, limits: dict[str, int]) -> dict[str, set[str]]:
    """Up to ``limits[shingle]`` quotes of each shingle, one statement per batch of shingles."""
    part = "SELECT * FROM (SELECT shingle, quote_id FROM quote_shingles WHERE shingle = :s{i} LIMIT :n{i}) AS h{i}"
    out: dict[str, set[str]] = defaultdict(set)
    for batch in chunks(sorted(limits), 200):      # SQLite takes at most 500 terms in one compound select
        sql = text(" UNION ALL ".join(part.format(i=i) for i in range(len(batch))))
        params = {f"s{i}": sh for i, sh in enumerate(batch)} | {f"n{i}": limits[sh] for i, sh in enumerate(batch)}
        for r in conn.execute(sql, params):
            out[r.shingle].add(r.quote_id)
    return out


def _blocks(quotes) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for q in quotes:
        for sh in q.shingles:
            out[sh].add(q.row["id"])
    return out


def _forget(conn: Connection, quotes: dict[str, QuoteRecord], redo: set[str]) -> None:
    """Conflict rows that cite one of the quotes looked at again (found by document and start)."""
    cited = {(q.row["document_id"], q.row["start"], q.row["end"]) for i in redo if (q := quotes.get(i))}
    docs = {d for d, _start, _end in cited}
    cf = c.conflicts
    gone = []
    for batch in chunks(docs):
        for r in conn.execute(select(cf.c.id, cf.c.document_a, cf.c.start_a, cf.c.end_a, cf.c.document_b,
                                     cf.c.start_b, cf.c.end_b)
                              .where(cf.c.kind == KIND, (cf.c.document_a.in_(batch)) | (cf.c.document_b.in_(batch)))):
            if (r.document_a, r.start_a, r.end_a) in cited or (r.document_b, r.start_b, r.end_b) in cited:
                gone.append(r.id)
    for batch in chunks(gone):
        conn.execute(cf.delete().where(cf.c.id.in_(batch)))


def _write(conn: Connection, quotes: dict[str, QuoteRecord], redo: set[str], blocks: dict[str, set[str]]) -> int:
    pairs: set[tuple[str, str]] = set()
    for members in blocks.values():
        if len(members) > L.MAX_QUOTE_BLOCK:     # a stock phrase everyone quotes says nothing about who said it
            continue
        touched = [m for m in members if m in redo]
        for a in touched:
            pairs |= {tuple(sorted((a, b), key=lambda x: quotes[x].order)) for b in members if b != a}
    rows = [row for a, b in pairs if (row := _conflict(quotes[a], quotes[b])) is not None]
    if rows:
        sources = load_sources(conn, {r[f"document_{side}"] for r in rows for side in "ab"})
        for r in rows:
            r["outlet_a"], r["outlet_b"] = sources.outlet(r["document_a"]), sources.outlet(r["document_b"])
    insert_many(conn, c.conflicts, sorted(rows, key=lambda r: r["id"]))
    return len(rows)


def _conflict(a: QuoteRecord, b: QuoteRecord) -> dict | None:
    qa, qb = a.row, b.row
    if qa["document_id"] == qb["document_id"] or a.speaker == b.speaker:
        return None
    if len(a.shingles & b.shingles) < L.QUOTE_OVERLAP * min(len(a.shingles), len(b.shingles)):
        return None
    row = {"id": conflict_id("quote", qa["id"], qb["id"]), "cluster": None, "kind": KIND,
           "value_a": qa["speaker_text"], "value_b": qb["speaker_text"],
           "detail": "the same quoted words attributed to different speakers"}
    for side, q in (("a", qa), ("b", qb)):
        row.update({f"document_{side}": q["document_id"], f"start_{side}": q["start"], f"end_{side}": q["end"],
                    f"text_{side}": q["text"]})
    return row
