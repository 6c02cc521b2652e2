"""What resolution concluded, read back for pages, briefs and timelines: each cluster's outlets,
corroboration, label and date, and the conflicts it recorded.

Read tolerantly: a store resolution never ran on lacks these tables or rows, and every
function then falls back to what the per-document tables say, so readers work either way.
"""
from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import bindparam, text

from ..store.db import Store
from ..store.reads import has_table
from .lookup import shown

MAX_CONFLICTS = 200
LABEL_ENTITIES = 6          # a cluster is labelled with the names of its first entities
UNKNOWN_OUTLET = "unknown outlet"


def _json_list(value) -> list:
    """A JSON column read through raw SQL arrives as text on SQLite, as a list on PostgreSQL."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    return value if isinstance(value, list) else []


def cluster_status(store: Store, clusters: Iterable[str | None]) -> dict[str, dict]:
    """Per cluster: outlets, corroboration (a phrase), and the resolver's date and count of
    independent sources when it ran (it knows which copies are independent), else counted from
    events; a label of its entities' names as ``lookup.shown`` gives them."""
    wanted = sorted({c for c in clusters if c})
    out: dict[str, dict] = {}
    if wanted and has_table(store, "event_clusters"):
        sql = text("SELECT cluster, outlets, independent_sources, corroborated, entities, date_value FROM "
                   "event_clusters WHERE cluster IN :c").bindparams(bindparam("c", expanding=True))
        with store.engine.connect() as conn:
            rows = conn.execute(sql, {"c": wanted}).all()
            entities = {r.cluster: _json_list(r.entities)[:LABEL_ENTITIES] for r in rows}
            names = shown(conn, {e for ents in entities.values() for e in ents})
        for r in rows:
            outlets = _json_list(r.outlets)
            status = "corroborated" if r.corroborated else (
                "single source" if (r.independent_sources or 0) <= 1 and len(outlets) <= 1 else "one outlet")
            label = ", ".join(sorted(names[e]["name"] for e in entities[r.cluster] if e in names))
            out[r.cluster] = {"outlets": sorted(o or UNKNOWN_OUTLET for o in outlets), "corroboration": status,
                              "corroborated": bool(r.corroborated), "independent_sources": r.independent_sources,
                              "label": label or None, "date_value": r.date_value}
    missing = [c for c in wanted if c not in out]
    for cluster, reports in cluster_outlets(store, missing).items():
        outlets = sorted({r["outlet"] or UNKNOWN_OUTLET for r in reports})
        status = corroboration(reports)
        out[cluster] = {"outlets": outlets, "corroboration": status, "corroborated": status == "corroborated",
                        "independent_sources": len(outlets), "label": None, "date_value": None}
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


def recorded_conflicts(store: Store, clusters: Iterable[str] | None = None,
                       documents: Iterable[str] | None = None) -> list[dict]:
    """Conflicts the resolver found (both versions with their documents and offsets)."""
    if not has_table(store, "conflicts"):
        return []
    where, params = [], {"n": MAX_CONFLICTS}
    if clusters is not None:
        params["c"] = sorted(set(clusters)) or [""]
        where.append("cluster IN :c")
    if documents is not None:
        params["d"] = sorted(set(documents)) or [""]
        where.append("(document_a IN :d OR document_b IN :d)")
    sql = text("SELECT id, cluster, kind, value_a, value_b, document_a, document_b, outlet_a, outlet_b, start_a, "
               "text_a, start_b, text_b, detail FROM conflicts" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY cluster, kind LIMIT :n")
    for name in ("c", "d"):
        if name in params:
            sql = sql.bindparams(bindparam(name, expanding=True))
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(sql, params)]
