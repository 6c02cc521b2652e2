"""Timelines: event clusters ordered by date, each date kept at its own precision (a month
is shown and sorted as a month, not as its first day), undated events last, each with
the outlets that report it."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import inspect, select

from ..errors import CasefileError
from ..store import schema as s
from ..store import schema_cases as c
from ..concepts import dates as D
from . import event_details as X
from . import names as N
from .sources import load as load_sources


def _require_tables(conn) -> None:
    if not inspect(conn).has_table(c.event_clusters.name):
        raise CasefileError("this store has no event clusters yet; run `casefile resolve`")


def entity_ids(conn, name: str) -> set[str]:
    """Corpus-level entities that answer to ``name`` (id, name or alias; case and accents ignored)."""
    want = N.fold(name)
    out = set()
    for r in conn.execute(select(s.entities.c.id, s.entities.c.name, s.entities.c.aliases)):
        if r.id == name or want in {N.fold(x) for x in [r.name, *(r.aliases or [])]}:
            out.add(r.id)
    return out


def timeline(store, entity: str | None = None, type: str | None = None, dated_only: bool = False) -> list[dict]:
    """Event clusters in date order, each with its reports and the outlets behind them."""
    with store.engine.connect() as conn:
        _require_tables(conn)
        query = select(c.event_clusters)
        if type:
            query = query.where(c.event_clusters.c.type == type)
        rows = [dict(r._mapping) for r in conn.execute(query)]
        if entity:
            ids = entity_ids(conn, entity)
            if not ids:
                raise CasefileError("no entity answers to this name", item=entity)
            rows = [r for r in rows if ids & set(r["entities"] or [])]
        if dated_only:
            rows = [r for r in rows if r["date_value"]]
        reports = _reports(conn, {r["cluster"] for r in rows})
        details = X.details(conn, [rep["event"] for reps in reports.values() for rep in reps])
        # Outlets are read now, not at the last resolution: an exact copy of a stored article
        # found under another site later adds an outlet without a new document to resolve.
        src = load_sources(conn)
    for r in rows:
        r["reports"] = reports.get(r["cluster"], [])
        r["outlets"] = src.outlets_of(r["documents"] or [])
        r["details"] = X.merged([details.get(rep["event"], {}) for rep in r["reports"]])
        r["summary"] = X.line(r["type"], r["details"])
    rows.sort(key=lambda r: (D.sort_key(r["date_value"]), r["type"], r["cluster"]))
    return rows


def _reports(conn, clusters: set[str]) -> dict[str, list[dict]]:
    if not clusters:
        return {}
    e, d = s.events, s.documents
    out: dict[str, list[dict]] = defaultdict(list)
    query = (select(e.c.cluster, e.c.id, e.c.document_id, e.c.start, e.c.end, e.c.text, e.c.date_value,
                    e.c.date_text, e.c.modality, e.c.sentence_start, e.c.sentence_end, d.c.outlet, d.c.text.label("doc"))
             .join(d, d.c.id == e.c.document_id).where(e.c.cluster.in_(clusters)).order_by(d.c.seq, e.c.start))
    for r in conn.execute(query):
        sentence = r.doc[r.sentence_start:r.sentence_end] if r.sentence_start is not None else r.text
        out[r.cluster].append({"event": r.id, "document": r.document_id, "outlet": r.outlet, "start": r.start,
                               "end": r.end, "trigger": r.text, "date": r.date_value, "date_text": r.date_text,
                               "modality": r.modality, "sentence": sentence})
    return out


def format_text(rows: list[dict]) -> str:
    lines = []
    for r in rows:
        date = r["date_value"] or "undated"
        status = "corroborated" if r["corroborated"] else "single source"
        outlets = ", ".join(r["outlets"] or []) or "unknown outlet"
        what = r.get("summary") or f"{r['type']}: {r['label'] or '-'}"
        lines.append(f"{date:<12} {what}  [{outlets}; {status}, {r['independent_sources']} independent]")
        for rep in r.get("reports", [])[:3]:
            lines.append(f"{'':<12}   {rep['outlet'] or rep['document'][:8]}: {' '.join(rep['sentence'].split())[:160]}")
    return "\n".join(lines)
