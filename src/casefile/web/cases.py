"""Corpus-level records written by ``casefile.resolve`` (event clusters, conflicts), read tolerantly.

A store the resolver has not run on lacks these tables or rows; every function here
then falls back to what the per-document tables say, so pages work either way.
"""
from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import bindparam, inspect, text

from ..store.db import Store
from .facts import cluster_outlets, corroboration, source_link

MAX_CONFLICTS = 200


def has_table(store: Store, name: str) -> bool:
    cache = store.__dict__.setdefault("_web_tables", {})
    if name not in cache:
        with store.engine.connect() as conn:
            cache[name] = inspect(conn).has_table(name)
    return cache[name]


def _json_list(value) -> list:
    """A JSON column read through raw SQL arrives as text on SQLite, as a list on PostgreSQL."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    return value if isinstance(value, list) else []


def cluster_status(store: Store, clusters: Iterable[str | None]) -> dict[str, dict]:
    """Outlets and corroboration per cluster: the resolver's verdict (it knows which copies are
    independent), else counted from the events table."""
    wanted = sorted({c for c in clusters if c})
    out: dict[str, dict] = {}
    if wanted and has_table(store, "event_clusters"):
        sql = text("SELECT cluster, outlets, independent_sources, corroborated FROM event_clusters "
                   "WHERE cluster IN :c").bindparams(bindparam("c", expanding=True))
        with store.engine.connect() as conn:
            for r in conn.execute(sql, {"c": wanted}):
                outlets = _json_list(r.outlets)
                status = "corroborated" if r.corroborated else (
                    "single source" if (r.independent_sources or 0) <= 1 and len(outlets) <= 1 else "one outlet")
                out[r.cluster] = {"outlets": sorted(o or "unknown outlet" for o in outlets), "corroboration": status}
    missing = [c for c in wanted if c not in out]
    for cluster, reports in cluster_outlets(store, missing).items():
        out[cluster] = {"outlets": sorted({r["outlet"] or "unknown outlet" for r in reports}),
                        "corroboration": corroboration(reports)}
    return out


def recorded_conflicts(store: Store, clusters: Iterable[str] | None = None,
                       documents: Iterable[str] | None = None) -> list[dict]:
    """Conflicts the resolver found, each with both versions and links to both sentences."""
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
        rows = [dict(r._mapping) for r in conn.execute(sql, params)]
    for r in rows:
        r["link_a"] = source_link(r["document_a"], r["start_a"])
        r["link_b"] = source_link(r["document_b"], r["start_b"])
    return rows
