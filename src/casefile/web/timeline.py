"""The web timeline: the timeline ``resolve.timeline`` assembles, drawn as lanes of bars in SVG.

A bar spans the days its report's date value covers, so "2023" is a year wide and
"2023-07-13" a sliver: the precision of what was reported is visible. Reports of one
event whose dates cannot all be true are conflicts, drawn with both versions marked.
Only the rendering lives here; what is on the timeline is decided where ``casefile
timeline`` decides it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup, escape
from sqlalchemy import bindparam, select

from ..resolve.lookup import entity_ref, shown
from ..resolve.timeline import TimelineQuery
from ..resolve.timeline import timeline as assemble
from ..store import schema as s
from ..store.db import Store
from .facts import source_link

MAX_EVENTS = 200          # earliest first; narrow by date, type or entity to see later ones
WIDTH, LABEL_W, LANE_H, BAR_H, AXIS_H = 960, 170, 26, 14, 28
MIN_BAR_W = 4.0
MAX_LANES = 40
NO_PARTICIPANT = "(no named participant)"
EVENT_KEYS = ("id", "document_id", "type", "text", "date_value", "date_text", "modality", "cluster",
              "sentence_start", "sentence_end", "outlet", "title", "sentence", "conflict", "review")


@dataclass
class TimelineFilter:
    entity: str | None = None
    event_type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    lanes: str = "type"              # "type" or "entity"


def timeline(store: Store, f: TimelineFilter) -> dict:
    """Dated reports (earliest first) with their lanes, intervals, sources and conflicts."""
    data = assemble(store, TimelineQuery(entity=f.entity, type=f.event_type, date_from=f.date_from,
                                         date_to=f.date_to, dated_only=True, limit=MAX_EVENTS))
    events = []
    for cluster in data["clusters"]:
        for r in cluster["reports"]:
            if r["date_start"] is None:      # a bar needs days of its own to span
                continue
            events.append({k: r[k] for k in EVENT_KEYS} | {
                "link": source_link(r["document_id"], r["sentence_start"]), "lane": r["type"],
                "start_date": r["date_start"], "end_date": r["date_end"]})
    events.sort(key=lambda e: (e["start_date"], e["end_date"], e["type"]))
    if f.lanes == "entity":
        _lanes_by_entity(store, events)
    conflicts = [{"cluster": c["cluster"], "kind": conflict["kind"], "versions": [
        {"date": v["date"], "outlet": v["outlet"], "link": source_link(v["document"], v["start"])}
        for v in conflict["versions"]]} for c in data["clusters"] for conflict in c["conflicts"]]
    return {"events": events, "conflicts": conflicts, "filter": f.__dict__, "truncated": data["truncated"]}


def _lanes_by_entity(store: Store, events: list[dict]) -> None:
    """Each report in the lane of its first named participant, under the name the entity is shown by."""
    ids = [e["id"] for e in events]
    first: dict[str, str] = {}
    names: dict[str, dict] = {}
    if ids:
        p, de = s.participants, s.doc_entities
        query = (select(p.c.event_id, de.c.entity_id, de.c.document_id, de.c.key)
                 .join(de, (de.c.document_id == p.c.document_id) & (de.c.key == p.c.entity_key))
                 .where(p.c.event_id.in_(bindparam("ids", expanding=True))).order_by(p.c.idx))
        with store.engine.connect() as conn:
            for r in conn.execute(query, {"ids": ids}):
                first.setdefault(r.event_id, entity_ref(r.entity_id, r.document_id, r.key))
            names = shown(conn, first.values())
    for e in events:
        ref = first.get(e["id"])
        e["lane"] = names[ref]["name"] if ref in names else NO_PARTICIPANT


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

