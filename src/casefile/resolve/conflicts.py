"""Conflicts: where sources disagree, with both sides side by side.

Inside one event cluster: dates that cannot describe the same time, and durations,
amounts or counts that differ. (The same quoted words attributed to two different
speakers are found in ``quote_conflicts``.)
"""
from __future__ import annotations

import hashlib
from itertools import combinations

from sqlalchemy import Connection, select

from ..store import schema as s
from ..store import schema_cases as c
from ..concepts import dates as D
from .bulk import insert_many
from .corroborate import amount_claims, same_amount
from .events import EventRecord
from .sources import Sources


def conflict_id(*parts) -> str:
    return "c" + hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:19]


def cluster_conflicts(conn: Connection, clusters: dict[str, list[EventRecord]], sources: Sources,
                      amounts: dict[str, list[dict]]) -> list[dict]:
    """The conflicts inside ``clusters``, their evidence sentences' offsets read from the store."""
    sentences = {}
    ids = [m.id for members in clusters.values() for m in members]
    for i in range(0, len(ids), 500):     # only the clusters' own reports
        sentences.update((r.id, (r.sentence_start, r.sentence_end)) for r in conn.execute(
            select(s.events.c.id, s.events.c.sentence_start, s.events.c.sentence_end)
            .where(s.events.c.id.in_(ids[i:i + 500]))))
    return conflicts_in(clusters, sources, amounts, sentences)


def conflicts_in(clusters: dict[str, list[EventRecord]], sources: Sources, amounts: dict[str, list[dict]],
                 sentences: dict[str, tuple[int | None, int | None]]) -> list[dict]:
    """The conflicts inside ``clusters``; ``sentences``: each report's evidence sentence offsets."""
    out: dict[str, dict] = {}
    claims: dict[str, list] = {}      # each report's amounts, worked out once rather than once per pair
    for cid, members in clusters.items():
        for x, y in combinations(members, 2):
            if x.document_id == y.document_id:
                continue
            for kind, vx, vy in _disagreements(x, y, amounts, claims):
                # One row per distinct disagreement in a cluster, its first two reports as evidence:
                # ten outlets saying 6 against one saying 8 is one conflict, not ten.
                rid = conflict_id(cid, kind, *sorted((str(vx), str(vy))))
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


def write(conn: Connection, rows: list[dict], clusters: set[str] | None = None) -> None:
    """Replace the conflicts found inside ``clusters`` (None: inside every cluster) with ``rows``."""
    table = c.conflicts
    if clusters is None:
        conn.execute(table.delete().where(table.c.cluster.is_not(None)))
    else:
        ids = sorted(clusters)
        for i in range(0, len(ids), 500):
            conn.execute(table.delete().where(table.c.cluster.in_(ids[i:i + 500])))
    insert_many(conn, table, rows)
