"""Corroboration: a cluster, or a claim inside it (its date, a duration, an amount), is
corroborated when at least two independent outlets report it."""
from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import Connection, select

from ..store import schema as s
from ..store import schema_cases as c
from ..concepts import dates as D
from . import lexicon as L
from .events import EventRecord
from .sources import Sources


def load_amounts(conn: Connection, events: list[str] | None = None) -> dict[str, list[dict]]:
    """Amounts attached to events (None: to any event), by event id."""
    out: dict[str, list[dict]] = defaultdict(list)
    query = select(s.amounts).where(s.amounts.c.event_id.is_not(None)).order_by(s.amounts.c.document_id,
                                                                              s.amounts.c.start)
    batches = [query] if events is None else [query.where(s.amounts.c.event_id.in_(events[i:i + 500]))
                                              for i in range(0, len(events), 500)]
    for stmt in batches:
        for a in conn.execute(stmt):
            out[a.event_id].append(dict(a._mapping))
    return out


def duration_days(value: float | None, unit: str | None) -> float | None:
    if value is None or not unit:
        return None
    letter = unit.strip().upper()[:1]
    return value * L.DURATION_DAYS[letter] if letter in L.DURATION_DAYS else None


def amount_claims(amounts: list[dict]) -> list[tuple[str, str, float]]:
    """(kind, shown value, comparable number) for each amount of an event."""
    out = []
    for a in amounts:
        if a["value"] is None:
            continue
        if a["kind"] == "duration":
            days = duration_days(a["value"], a["unit"])
            if days is not None:
                out.append(("duration", f"{a['value']:g} {a['unit']}", days))
        else:
            out.append((f"{a['kind']}:{(a['unit'] or '').lower()}", f"{a['value']:g} {a['unit'] or ''}".strip(),
                        float(a["value"])))
    return out


def same_amount(x: float, y: float) -> bool:
    return abs(x - y) <= L.AMOUNT_TOLERANCE * max(abs(x), abs(y), 1e-9)


def best_date(members: list[EventRecord]) -> str | None:
    """The most precise date every dated report allows (the narrowest, on a tie the most reported)."""
    dated = [m for m in members if m.interval]
    if not dated:
        return None
    counts = Counter(m.date_value for m in dated)
    return min(counts, key=lambda v: ((D.interval(v)[1] - D.interval(v)[0]).days, -counts[v], v))


def cluster_rows(clusters: dict[str, list[EventRecord]], sources: Sources, amounts: dict[str, list[dict]]) -> tuple[list[dict], list[dict]]:
    """A row per cluster and its claims. The row keeps entity ids, not names: a label is made
    when read (``status.cluster_status``), so renaming an entity rewrites no cluster."""
    rows, claims = [], []
    for cid, members in clusters.items():
        docs = list(dict.fromkeys(m.document_id for m in members))
        independent = sources.independent(docs)
        value = best_date(members)
        iv = D.interval(value)
        ents = list(dict.fromkeys(e for m in members for e in sorted(m.entities)))
        rows.append({"cluster": cid, "type": members[0].type, "date_value": value,
                     "precision": D.granularity(value) if value else None,
                     "date_start": iv[0].isoformat() if iv else None, "date_end": iv[1].isoformat() if iv else None,
                     "label": None, "events": len(members), "documents": docs,
                     "outlets": sources.outlets_of(docs), "entities": ents, "independent_sources": independent,
                     "corroborated": independent >= L.CORROBORATION_MIN_SOURCES,
                     "reason": f"{len(members)} report(s) in {len(docs)} document(s), {independent} independent"})
        claims.extend(_claims(cid, members, sources, amounts))
    return rows, claims


def _claims(cid: str, members: list[EventRecord], sources: Sources, amounts: dict[str, list[dict]]) -> list[dict]:
    support: dict[tuple[str, str], set[str]] = defaultdict(set)
    for v in {m.date_value for m in members if m.interval}:
        iv = D.interval(v)
        for m in members:
            if m.interval and iv[0] <= m.interval[0] and m.interval[1] <= iv[1]:
                support[("date", v)].add(m.document_id)
    reported = [(m.document_id, claim) for m in members for claim in amount_claims(amounts.get(m.id, []))]
    for _doc, (kind, shown, number) in reported:
        support[(kind, shown)] |= {d for d, (k, _s, n) in reported if k == kind and same_amount(n, number)}
    out = []
    for (kind, value), docs in sorted(support.items()):
        docs_sorted = sorted(docs, key=lambda d: sources.seq.get(d, 0))
        n = sources.independent(docs_sorted)
        out.append({"cluster": cid, "kind": kind, "value": value, "documents": docs_sorted,
                    "outlets": sources.outlets_of(docs_sorted), "independent_sources": n,
                    "corroborated": n >= L.CORROBORATION_MIN_SOURCES})
    return out


def write(conn: Connection, rows: list[dict], claims: list[dict], clusters: set[str] | None = None) -> None:
    """Replace the rows of ``clusters`` (None: of every cluster)."""
    for table in (c.event_clusters, c.cluster_claims):
        if clusters is None:
            conn.execute(table.delete())
        ids = sorted(clusters or ())
        for i in range(0, len(ids), 500):
            conn.execute(table.delete().where(table.c.cluster.in_(ids[i:i + 500])))
    if rows:
        conn.execute(c.event_clusters.insert(), rows)
    if claims:
        conn.execute(c.cluster_claims.insert(), claims)
