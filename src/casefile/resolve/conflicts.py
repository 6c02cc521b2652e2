"""Conflicts: where sources disagree, with both sides side by side.

Inside one event cluster: dates that cannot describe the same time, and durations,
amounts or counts that differ. Across the corpus: the same quoted words attributed to
two different speakers.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from itertools import combinations

from sqlalchemy import Connection, select

from ..store import schema as s
from ..store import schema_cases as c
from ..concepts import dates as D
from . import lexicon as L
from . import names as N
from .bulk import insert_many
from .corroborate import amount_claims, same_amount
from .events import EventRecord
from .sources import Sources


def _id(*parts) -> str:
    return "c" + hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:19]


def cluster_conflicts(conn: Connection, clusters: dict[str, list[EventRecord]], sources: Sources,
                      amounts: dict[str, list[dict]]) -> list[dict]:
    sentences = {r.id: (r.sentence_start, r.sentence_end) for r in conn.execute(
        select(s.events.c.id, s.events.c.sentence_start, s.events.c.sentence_end))}
    out: dict[str, dict] = {}
    claims: dict[str, list] = {}      # each report's amounts, worked out once rather than once per pair
    for cid, members in clusters.items():
        for x, y in combinations(members, 2):
            if x.document_id == y.document_id:
                continue
            for kind, vx, vy in _disagreements(x, y, amounts, claims):
                # One row per distinct disagreement in a cluster, its first two reports as evidence:
                # ten outlets saying 6 against one saying 8 is one conflict, not ten.
                rid = _id(cid, kind, *sorted((str(vx), str(vy))))
                if rid in out:
                    continue
                sx, sy = _evidence(x, sources, sentences), _evidence(y, sources, sentences)
                row = {"id": rid, "cluster": cid, "kind": kind,
                       "value_a": vx, "value_b": vy, "detail": f"{x.type}: {vx} vs {vy}"}
                row.update({f"{k}_a": v for k, v in sx.items()} | {f"{k}_b": v for k, v in sy.items()})
                out[rid] = row
    return list(out.values())


def _evidence(ev: EventRecord, sources: Sources, sentences: dict) -> dict:
    """The report's evidence sentence (``EventRecord.sentence`` holds exactly that span)."""
    start, end = sentences.get(ev.id, (None, None))
    text = ev.sentence if start is not None else None
    return {"document": ev.document_id, "outlet": sources.outlet(ev.document_id), "start": start, "end": end,
            "text": text}


def _disagreements(x: EventRecord, y: EventRecord, amounts: dict[str, list[dict]], cache: dict | None = None):
    if not D.compatible(x.date_value, y.date_value):
        yield "date", x.date_value, y.date_value
    cx, cy = _amount_claims(x, amounts, cache), _amount_claims(y, amounts, cache)
    if not cx or not cy:      # most reports give no amount: nothing to compare
        return
    for kind in {k for k, _, _ in cx} & {k for k, _, _ in cy}:
        nx = [(shown, n) for k, shown, n in cx if k == kind]
        ny = [(shown, n) for k, shown, n in cy if k == kind]
        if not any(same_amount(a, b) for _, a in nx for _, b in ny):
            yield kind.split(":")[0], nx[0][0], ny[0][0]


def _amount_claims(ev: EventRecord, amounts: dict[str, list[dict]], cache: dict | None) -> list:
    if cache is None:
        return amount_claims(amounts.get(ev.id, []))
    if ev.id not in cache:
        cache[ev.id] = amount_claims(amounts.get(ev.id, []))
    return cache[ev.id]


def quote_conflicts(conn: Connection, entity_of: dict[tuple[str, str], str], sources: Sources) -> list[dict]:
    """The same quoted words, attributed to different resolved speakers in different documents."""
    quotes = []
    for q in conn.execute(select(s.quotes).where(s.quotes.c.kind == "direct")):
        speaker = entity_of.get((q.document_id, q.speaker_key)) if q.speaker_key else None
        words = N.tokens(q.text)
        if speaker and len(words) >= L.MIN_QUOTE_WORDS:
            quotes.append((q, speaker, _shingles(words)))
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, (_q, _sp, sh) in enumerate(quotes):
        for g in sh:
            index[g].append(i)
    out: dict[str, dict] = {}
    seen: set[tuple[int, int]] = set()      # two quotes share many shingles: compare them once
    blocks: set[tuple[int, ...]] = set()    # consecutive shingles of one quote share their quotes
    for items in index.values():
        if len(items) > L.MAX_QUOTE_BLOCK:   # a stock phrase everyone quotes says nothing about who said it
            continue
        block = tuple(sorted(set(items)))
        if block in blocks:                  # every pair of it was compared already
            continue
        blocks.add(block)
        for i, j in combinations(block, 2):
            if (i, j) in seen:
                continue
            seen.add((i, j))
            (qa, sa, ha), (qb, sb, hb) = quotes[i], quotes[j]
            if qa.document_id == qb.document_id or sa == sb:
                continue
            if len(ha & hb) < L.QUOTE_OVERLAP * min(len(ha), len(hb)):
                continue
            row = {"id": _id("quote", qa.id, qb.id), "cluster": None, "kind": "quote_speaker",
                   "value_a": qa.speaker_text, "value_b": qb.speaker_text,
                   "detail": "the same quoted words attributed to different speakers"}
            for side, q in (("a", qa), ("b", qb)):
                row.update({f"document_{side}": q.document_id, f"outlet_{side}": sources.outlet(q.document_id),
                            f"start_{side}": q.start, f"end_{side}": q.end, f"text_{side}": q.text})
            out.setdefault(row["id"], row)
    return list(out.values())


def _shingles(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    n = min(L.QUOTE_SHINGLE, len(words))
    return {words[i:i + n] for i in range(len(words) - n + 1)}


def write(conn: Connection, rows: list[dict]) -> None:
    conn.execute(c.conflicts.delete())
    insert_many(conn, c.conflicts, rows)
