"""Timelines: event clusters in date order, each with the reports behind it, its outlets and
where its sources disagree. ``casefile timeline`` and the web timeline both assemble theirs
here and differ only in rendering (text, or lanes of bars).

A cluster is on a timeline when one of its reports passes the filters (the entity takes
part in it, its type, its own date inside the range); it lists those reports. The
cluster's date is the resolver's (the most precise one all its reports allow), else the
most precise of the reports shown; ``dated_only`` leaves out clusters without one. Each
date keeps its own precision (a month is shown and sorted as a month, not as its first
day); undated clusters come last.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass

from sqlalchemy import text

from ..concepts import dates as D
from ..store.db import Store
from ..store.memo import remembered
from ..store.reads import doc_meta, owned_cte, sentences
from . import event_details as X
from . import case_groups, review
from .lookup import find_entity
from .status import cluster_status, recorded_conflicts

EARLIEST = "e.date_value IS NULL, e.date_value"     # undated last on SQLite and PostgreSQL alike
LATEST = "e.date_value DESC"
# Values on the calendar start with a digit ("2018-WXX-1", "199"); references and durations do not.
ON_CALENDAR = "e.date_value >= '0' AND e.date_value < ':'"
REPORT_COLUMNS = ('e.id, e.document_id, e.type, e.text, e.start, e."end", e.date_value, e.date_text, e.modality, '
                  "e.cluster, e.sentence_start, e.sentence_end")


@dataclass
class TimelineQuery:
    entity: str | None = None        # an id, a document's entity or a name (resolve.lookup)
    type: str | None = None
    date_from: str | None = None     # a date value: 2024, 2024-03, 2024-03-05
    date_to: str | None = None
    dated_only: bool = False         # only clusters with a date
    limit: int | None = None         # reports read, earliest dates first (undated last)
    case: str | None = None          # only the events of this named case (resolve.case_groups)
    latest: bool = False             # read the latest dated reports first instead (a window's newest end)


def timeline(store: Store, q: TimelineQuery) -> dict:
    """{"entity": the entity found or None, "clusters": [...], "truncated": bool}."""
    ref = None
    if q.entity:
        with store.engine.connect() as conn:
            ref = find_entity(conn, q.entity)
    rows = _reports(store, q, ref)
    truncated = q.limit is not None and len(rows) >= q.limit
    # Review first: a rejected report leaves, a corrected type or date is the one filtered and shown.
    rows = review.apply(store, "event", rows)
    if ref:     # nor are the facts of a document whose link to the entity a reviewer rejected
        unlinked = review.unlinked_documents(store, ref)
        rows = [r for r in rows if r["document_id"] not in unlinked]
    reports = [r for r in rows if _in_range(r, q) and (not q.type or r["type"] == q.type)]
    _attach_sources(store, reports)
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for r in reports:
        by_cluster[r["cluster"] or r["id"]].append(r)
    status = cluster_status(store, by_cluster)
    conflicts = _conflicts(store, by_cluster)
    clusters = [_cluster(cid, members, status.get(cid, {}), conflicts.get(cid, []))
                for cid, members in by_cluster.items()]
    clusters = [c for c in clusters if c["date_value"] or not q.dated_only]
    _attach_details(store, clusters)
    clusters.sort(key=lambda c: (D.sort_key(c["date_value"]), c["type"], c["cluster"]))
    return {"entity": ref, "clusters": clusters, "truncated": truncated, "query": asdict(q)}


def _reports(store: Store, q: TimelineQuery, ref: str | None) -> list[dict]:
    where, params = ["1=1"], {}
    # Coarse bounds in SQL (ISO values sort as text; a year-only value must still pass), exact ones in Python.
    if q.date_from and q.date_from[:4].isdigit():
        where.append("e.date_value >= :lo")
        params["lo"] = q.date_from[:4]
    if q.date_to and q.date_to[:4].isdigit():
        where.append("e.date_value <= :hi")
        params["hi"] = q.date_to + "\uffff"
    if q.type:
        # and the events a reviewer gave this type (the type shown is checked again once review is applied)
        retyped = [review.parse_key(k) for k, d in review.decision_map(store).items()
                   if d["kind"] == "event" and (d["edits"] or {}).get("type") == q.type]
        where.append("(e.type = :type" + "".join(
            f" OR (e.document_id = :rd{i} AND e.start = :rs{i} AND e.type = :rt{i})" for i in range(len(retyped))) + ")")
        params["type"] = q.type
        for i, k in enumerate(retyped):
            params |= {f"rd{i}": k["document_id"], f"rs{i}": k["start"], f"rt{i}": k["type"]}
    if q.case:
        ids = case_groups.event_ids(store, q.case)
        where.append("e.id IN (" + (", ".join(f":c{i}" for i in range(len(ids))) or "NULL") + ")")
        params |= {f"c{i}": x for i, x in enumerate(ids)}
    order = EARLIEST
    if q.latest:
        where.append(ON_CALENDAR)
        order = LATEST
    limit = ""
    if q.limit is not None:
        limit = " LIMIT :n"
        params["n"] = q.limit
    if ref is None:
        sql = f"SELECT {REPORT_COLUMNS} FROM events e WHERE {' AND '.join(where)} ORDER BY {order}{limit}"
        return _rows(store, sql, params)
    # The entity's events through indexes only (the earliest ids first), then just those rows.
    owned, owner_params = owned_cte(ref)
    params |= owner_params
    # No DISTINCT over thousands of ids (it costs more than the lookups): the IN below drops the rare
    # event where the entity takes two roles.
    earliest = ("SELECT e.id FROM owned o JOIN participants p ON p.document_id = o.document_id "
                f"AND p.entity_key = o.key JOIN events e ON e.id = p.event_id WHERE {' AND '.join(where)} "
                f"ORDER BY {order}{limit}")
    sql = (f"WITH {owned}, earliest AS ({earliest}) SELECT {REPORT_COLUMNS} FROM events e "
           f"WHERE e.id IN (SELECT id FROM earliest) ORDER BY {EARLIEST}")
    # Its cost grows with how often the entity is cited: remember it while the store is unchanged.
    return remembered(store, ("timeline", sql, tuple(sorted(params.items()))), lambda: _rows(store, sql, params))


def _rows(store: Store, sql: str, params: dict) -> list[dict]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(text(sql), params)]


def _attach_details(store: Store, clusters: list[dict]) -> None:
    """Each cluster's places, people as written and counts, and the one-line summary of them."""
    with store.engine.connect() as conn:
        found = X.details(conn, [r["id"] for c in clusters for r in c["reports"]])
    for c in clusters:
        c["details"] = X.merged([found.get(r["id"], {}) for r in c["reports"]])
        c["summary"] = X.line(c["type"], c["details"])
        c["sentence"] = X.sentence(c["type"], c["details"])


def _in_range(report: dict, q: TimelineQuery) -> bool:
    iv = D.interval(report["date_value"])
    if iv is None:
        return not (q.date_from or q.date_to)
    lo = D.interval(q.date_from) if q.date_from else None
    hi = D.interval(q.date_to) if q.date_to else None
    return (lo is None or iv[1] >= lo[0]) and (hi is None or iv[0] <= hi[1])


def _attach_sources(store: Store, reports: list[dict]) -> None:
    meta = doc_meta(store, {r["document_id"] for r in reports})
    texts = sentences(store, [(r["document_id"], r["sentence_start"], r["sentence_end"]) for r in reports])
    for r in reports:
        m = meta.get(r["document_id"], {})
        iv = D.interval(r["date_value"])
        r.update(outlet=m.get("outlet"), title=m.get("title"), published=m.get("published"),
                 sentence=texts.get((r["document_id"], r["sentence_start"], r["sentence_end"])) or r["text"],
                 date_start=iv[0].isoformat() if iv else None, date_end=iv[1].isoformat() if iv else None,
                 conflict=[])


def _conflicts(store: Store, by_cluster: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Per cluster: reports whose dates cannot all be true, and the resolver's recorded conflicts
    (dates, durations, amounts) not already found here. Each report learns the other versions."""
    out: dict[str, list[dict]] = defaultdict(list)
    for cid, members in by_cluster.items():
        values = sorted({m["date_value"] for m in members if m["date_value"]})
        if any(not D.compatible(a, b) for i, a in enumerate(values) for b in values[i + 1:]):
            out[cid].append({"kind": "date", "versions": [_version(m["date_value"], m) for m in members]})
            for m in members:
                m["conflict"] = [v for v in values if v != m["date_value"]]
    for c in recorded_conflicts(store, clusters=by_cluster):
        if c["kind"] == "date" and c["cluster"] in out:
            continue
        out[c["cluster"]].append({"kind": c["kind"], "versions": [
            {"date": c["value_a"], "outlet": c["outlet_a"], "document": c["document_a"], "start": c["start_a"]},
            {"date": c["value_b"], "outlet": c["outlet_b"], "document": c["document_b"], "start": c["start_b"]}]})
        for m in by_cluster[c["cluster"]]:
            other = c["value_b"] if m["date_value"] == c["value_a"] else c["value_a"]
            m["conflict"].append(f"{c['kind']} {other}" if c["kind"] != "date" else str(other))
    return out


def _version(value: str, report: dict) -> dict:
    return {"date": value, "outlet": report["outlet"], "document": report["document_id"],
            "start": report["sentence_start"]}


def _cluster(cid: str, members: list[dict], status: dict, conflicts: list[dict]) -> dict:
    dated = [m["date_value"] for m in members if D.interval(m["date_value"])]
    corrected = any("date_value" in m["review"]["edits"] for m in members)   # a reviewer's date wins
    value = (not corrected and status.get("date_value")) or (min(dated, key=_width) if dated else None)
    iv = D.interval(value)
    outlets = status.get("outlets") or sorted({m["outlet"] or "unknown outlet" for m in members})
    return {"cluster": cid, "type": members[0]["type"], "date_value": value,
            "date_start": iv[0].isoformat() if iv else None, "date_end": iv[1].isoformat() if iv else None,
            "label": status.get("label"), "outlets": outlets,
            "independent_sources": status.get("independent_sources") or len(outlets),
            "corroborated": bool(status.get("corroborated")),
            "corroboration": status.get("corroboration") or "single source",
            "reports": sorted(members, key=lambda m: (m["published"] or "", m["document_id"], m["start"])),
            "conflicts": conflicts}


def _width(value: str) -> tuple:
    iv = D.interval(value)
    return ((iv[1] - iv[0]).days, value)


def format_text(data: dict) -> str:
    """The timeline as lines of text: a cluster per line, then up to three of its reports."""
    lines = []
    for r in data["clusters"]:
        date = r["date_value"] or "undated"
        status = "corroborated" if r["corroborated"] else "single source"
        outlets = ", ".join(r["outlets"] or []) or "unknown outlet"
        what = r.get("summary") or f"{r['type']}: {r['label'] or '-'}"
        lines.append(f"{date:<12} {what}  [{outlets}; {status}, {r['independent_sources']} independent]")
        for rep in r["reports"][:3]:
            lines.append(f"{'':<12}   {rep['outlet'] or rep['document_id'][:8]}: "
                         f"{' '.join(rep['sentence'].split())[:160]}")
    return "\n".join(lines)
