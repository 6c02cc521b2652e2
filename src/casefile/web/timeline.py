"""The timeline: dated events in lanes, drawn as SVG on the server.

A bar spans the days its date value covers, so "2023" is a year wide and "2023-07-13"
a sliver: the precision of what was reported is visible. Events of one cluster whose
dates cannot both be true are conflicts, drawn with both versions marked.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup, escape
from sqlalchemy import text

from ..store.db import Store
from .cases import recorded_conflicts
from ..concepts import dates as D
from .facts import doc_meta, owned_cte, sentences, source_link
from .memo import remembered

MAX_EVENTS = 200          # earliest first; narrow by date, type or entity to see later ones
WIDTH, LABEL_W, LANE_H, BAR_H, AXIS_H = 960, 170, 26, 14, 28
MIN_BAR_W = 4.0
MAX_LANES = 40


@dataclass
class TimelineFilter:
    entity: str | None = None
    event_type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    lanes: str = "type"              # "type" or "entity"


def _query(store: Store, f: TimelineFilter) -> list[dict]:
    where, params = ["e.date_value IS NOT NULL"], {"n": MAX_EVENTS}
    # Coarse bounds in SQL (ISO values sort as text; a year-only value must still pass), exact ones in Python.
    if f.date_from and f.date_from[:4].isdigit():
        where.append("e.date_value >= :lo")
        params["lo"] = f.date_from[:4]
    if f.date_to and f.date_to[:4].isdigit():
        where.append("e.date_value <= :hi")
        params["hi"] = f.date_to + "\uffff"
    if f.event_type:
        where.append("e.type = :type")
        params["type"] = f.event_type
    cols = ("e.id, e.document_id, e.type, e.text, e.date_value, e.date_text, e.modality, e.cluster, "
            "e.sentence_start, e.sentence_end")
    if f.entity:
        # Pick the earliest ids from the entity's events through indexes only, then read just those rows.
        owned, owner_params = owned_cte(f.entity)
        params |= owner_params
        # No DISTINCT over thousands of ids (it costs more than the lookups): the IN below drops the rare
        # event where the entity takes two roles.
        earliest = ("SELECT e.id FROM owned o JOIN participants p ON p.document_id = o.document_id "
                    "AND p.entity_key = o.key JOIN events e ON e.id = p.event_id WHERE "
                    + " AND ".join(where) + " ORDER BY e.date_value LIMIT :n")
        sql = (f"WITH {owned}, earliest AS ({earliest}) SELECT {cols} FROM events e "
               "WHERE e.id IN (SELECT id FROM earliest) ORDER BY e.date_value")
        # Its cost grows with how often the entity is cited: remember it while the store is unchanged.
        return remembered(store, ("timeline", sql, tuple(sorted(params.items()))), lambda: _rows(store, sql, params))
    sql = f"SELECT {cols} FROM events e WHERE " + " AND ".join(where) + " ORDER BY e.date_value LIMIT :n"
    return _rows(store, sql, params)


def _rows(store: Store, sql: str, params: dict) -> list[dict]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(text(sql), params)]


def _in_range(interval: tuple[dt.date, dt.date], f: TimelineFilter) -> bool:
    lo = D.interval(f.date_from) if f.date_from else None
    hi = D.interval(f.date_to) if f.date_to else None
    return (lo is None or interval[1] >= lo[0]) and (hi is None or interval[0] <= hi[1])


def _lanes_by_entity(store: Store, events: list[dict]) -> None:
    ids = [e["id"] for e in events]
    names: dict[str, str] = {}
    if ids:
        marks = ", ".join(f":i{n}" for n in range(len(ids)))
        sql = ("SELECT p.event_id, de.name, de.entity_id, de.document_id, de.key FROM participants p JOIN doc_entities "
               f"de ON de.document_id = p.document_id AND de.key = p.entity_key WHERE p.event_id IN ({marks}) "
               "ORDER BY p.idx")
        with store.engine.connect() as conn:
            for r in conn.execute(text(sql), {f"i{n}": i for n, i in enumerate(ids)}):
                names.setdefault(r.event_id, r.name)
    for e in events:
        e["lane"] = names.get(e["id"], "(no named participant)")


def _mark_conflicts(events: list[dict]) -> list[dict]:
    """Clusters whose events give dates that cannot all be true; each event learns the other versions."""
    by_cluster: dict[str, list[dict]] = {}
    for e in events:
        if e.get("cluster"):
            by_cluster.setdefault(e["cluster"], []).append(e)
    conflicts = []
    for cluster, members in by_cluster.items():
        values = sorted({m["date_value"] for m in members})
        clash = [(a, b) for i, a in enumerate(values) for b in values[i + 1:] if not D.compatible(a, b)]
        if clash:
            conflicts.append({"cluster": cluster, "kind": "date", "versions": [
                {"date": m["date_value"], "outlet": m.get("outlet"), "link": m["link"]} for m in members]})
            for m in members:
                m["conflict"] = [v for v in values if v != m["date_value"]]
    return conflicts


def _recorded(store: Store, events: list[dict]) -> list[dict]:
    """The resolver's conflicts (dates, durations, amounts) for the clusters shown, not already found here."""
    shown = {e["cluster"] for e in events if e.get("cluster")}
    found = {e["cluster"] for e in events if e["conflict"]}
    out = []
    for c in recorded_conflicts(store, clusters=shown):
        if c["kind"] == "date" and c["cluster"] in found:
            continue
        out.append({"cluster": c["cluster"], "kind": c["kind"], "versions": [
            {"date": c["value_a"], "outlet": c["outlet_a"], "link": c["link_a"]},
            {"date": c["value_b"], "outlet": c["outlet_b"], "link": c["link_b"]}]})
        for e in events:
            if e.get("cluster") == c["cluster"]:
                other = c["value_b"] if e["date_value"] == c["value_a"] else c["value_a"]
                e["conflict"].append(f"{c['kind']} {other}" if c["kind"] != "date" else str(other))
    return out


def timeline(store: Store, f: TimelineFilter) -> dict:
    """Dated events (earliest first) with their lanes, intervals, sources and conflicts."""
    events = []
    rows = _query(store, f)
    for e in rows:
        interval = D.interval(e["date_value"])
        if interval and _in_range(interval, f):
            e["interval"] = interval
            events.append(e)
    events.sort(key=lambda e: (e["interval"][0], e["interval"][1], e["type"]))
    meta = doc_meta(store, {e["document_id"] for e in events})
    texts = sentences(store, [(e["document_id"], e["sentence_start"], e["sentence_end"]) for e in events])
    for e in events:
        m = meta.get(e["document_id"], {})
        e.update(outlet=m.get("outlet"), title=m.get("title"), link=source_link(e["document_id"], e["sentence_start"]),
                 sentence=texts.get((e["document_id"], e["sentence_start"], e["sentence_end"])), conflict=[],
                 lane=e["type"], start_date=e["interval"][0].isoformat(), end_date=e["interval"][1].isoformat())
    if f.lanes == "entity":
        _lanes_by_entity(store, events)
    conflicts = _mark_conflicts(events) + _recorded(store, events)
    for e in events:
        e.pop("interval")
    return {"events": events, "conflicts": conflicts, "filter": f.__dict__, "truncated": len(rows) >= MAX_EVENTS}


def _ticks(lo: dt.date, hi: dt.date) -> list[dt.date]:
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    step = 1 if months <= 14 else 3 if months <= 40 else 12
    tick = dt.date(lo.year, 1 if step == 12 else lo.month, 1)
    out = []
    while tick <= hi:
        if tick >= lo:
            out.append(tick)
        month = tick.month - 1 + step
        tick = dt.date(tick.year + month // 12, month % 12 + 1, 1)
    return out


def svg(data: dict) -> Markup:
    """The chart: one lane per type (or entity), a bar per event, conflicts outlined."""
    events = data["events"]
    if not events:
        return Markup('<p class="empty">No dated events match.</p>')
    first: dict[str, str] = {}
    for e in events:                       # events come earliest first: a lane's first event is its earliest
        first.setdefault(e["lane"], e["start_date"])
    lanes = sorted(first, key=lambda lane: (first[lane], lane))[:MAX_LANES]
    lane_index = {lane: i for i, lane in enumerate(lanes)}
    lo = dt.date.fromisoformat(min(e["start_date"] for e in events)) - dt.timedelta(days=15)
    hi = dt.date.fromisoformat(max(e["end_date"] for e in events)) + dt.timedelta(days=15)
    span = max((hi - lo).days, 1)
    plot_w = WIDTH - LABEL_W - 10

    def x(day: dt.date) -> float:
        return LABEL_W + plot_w * (day - lo).days / span

    height = AXIS_H + LANE_H * len(lanes) + 6
    out = [f'<svg class="timeline" role="img" aria-label="Timeline of events" viewBox="0 0 {WIDTH} {height}" '
           f'width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg">']
    for tick in _ticks(lo, hi):
        tx = x(tick)
        out.append(f'<line class="tick" x1="{tx:.1f}" y1="{AXIS_H - 6}" x2="{tx:.1f}" y2="{height}"/>'
                   f'<text class="tick-label" x="{tx + 2:.1f}" y="{AXIS_H - 10}">{tick:%Y-%m}</text>')
    for i, lane in enumerate(lanes):
        y = AXIS_H + i * LANE_H
        out.append(f'<text class="lane-label" x="4" y="{y + LANE_H / 2 + 4:.1f}">{escape(str(lane)[:26])}</text>'
                   f'<line class="lane" x1="{LABEL_W}" y1="{y + LANE_H}" x2="{WIDTH}" y2="{y + LANE_H}"/>')
    for e in events:
        if e["lane"] not in lane_index:
            continue
        y = AXIS_H + lane_index[e["lane"]] * LANE_H + (LANE_H - BAR_H) / 2
        a, b = dt.date.fromisoformat(e["start_date"]), dt.date.fromisoformat(e["end_date"])
        bx, bw = x(a), max(MIN_BAR_W, x(b + dt.timedelta(days=1)) - x(a))
        cls = "bar conflict" if e["conflict"] else "bar"
        label = f"{e['type']} {e['date_value']} ({e.get('outlet') or 'unknown outlet'}): {e['text']}"
        if e["conflict"]:
            label += f" — CONFLICT: also reported as {', '.join(e['conflict'])}"
        out.append(f'<a href="{escape(e["link"])}"><rect class="{cls}" data-type="{escape(e["type"])}" '
                   f'x="{bx:.1f}" y="{y:.1f}" width="{bw:.1f}" height="{BAR_H}"><title>{escape(label)}</title></rect></a>')
    out.append("</svg>")
    return Markup("".join(out))

