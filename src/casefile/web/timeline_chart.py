"""The timeline's two charts, drawn on the server as SVG: the window (a bar per event cluster in
lanes by type or entity) and the overview (how many events each stretch of the whole span has,
the window shaded). Both carry their date range in data attributes, so static/timeline.js can
turn a brushed stretch into from/to dates without a framework.

A bar spans the days its cluster's date covers, so "2023" is a year wide and "2023-07-13" a
sliver: the precision of what was reported is visible.
"""
from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from . import axis

WIDTH, LABEL_W, LANE_H, BAR_H, AXIS_H = 960, 170, 26, 14, 28
OVERVIEW_H = 70
MIN_BAR_W = 4.0
MAX_LANES = 40
PLOT_W = WIDTH - LABEL_W - 10


def _scale(lo: dt.date, hi: dt.date):
    span = max((hi - lo).days + 1, 1)
    return lambda day: LABEL_W + PLOT_W * (day - lo).days / span


def _open(cls: str, label: str, height: int, lo: dt.date, hi: dt.date) -> str:
    return (f'<svg class="{cls} brushable" role="img" aria-label="{escape(label)}" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" data-lo="{lo.isoformat()}" data-hi="{hi.isoformat()}" '
            f'data-x0="{LABEL_W}" data-x1="{LABEL_W + PLOT_W}" xmlns="http://www.w3.org/2000/svg">')


def _axis(lo: dt.date, hi: dt.date, x, height: int) -> list[str]:
    out = []
    for tx, text in axis.ticks(lo, hi, x):
        out.append(f'<line class="tick" x1="{tx:.1f}" y1="{AXIS_H - 6}" x2="{tx:.1f}" y2="{height}"/>'
                   f'<text class="tick-label" x="{tx:.1f}" y="{AXIS_H - 10}" text-anchor="middle">{text}</text>')
    return out


def window_svg(data: dict) -> Markup:
    """One lane per type (or entity), a bar per cluster, conflicts outlined."""
    rows, window = data["clusters"], data["window"]
    if not rows or window is None:
        return Markup('<p class="empty">No dated events match.</p>')
    first: dict[str, str] = {}
    for r in rows:                         # rows come in date order: a lane's first row is its earliest
        first.setdefault(r["lane"], r["date_start"])
    lanes = sorted(first, key=lambda lane: (first[lane], lane))[:MAX_LANES]
    lane_index = {lane: i for i, lane in enumerate(lanes)}
    lo, hi = dt.date.fromisoformat(window["lo"]), dt.date.fromisoformat(window["hi"])
    x = _scale(lo, hi)
    height = AXIS_H + LANE_H * len(lanes) + 6
    out = [_open("timeline", "Events of the window shown", height, lo, hi), *_axis(lo, hi, x, height)]
    for i, lane in enumerate(lanes):
        y = AXIS_H + i * LANE_H
        out.append(f'<text class="lane-label" x="4" y="{y + LANE_H / 2 + 4:.1f}">{escape(str(lane)[:26])}</text>'
                   f'<line class="lane" x1="{LABEL_W}" y1="{y + LANE_H}" x2="{WIDTH}" y2="{y + LANE_H}"/>')
    for r in rows:
        if r["lane"] not in lane_index:
            continue
        a = max(lo, dt.date.fromisoformat(r["date_start"]))
        b = min(hi, dt.date.fromisoformat(r["date_end"]))
        if a > hi or b < lo:
            continue
        y = AXIS_H + lane_index[r["lane"]] * LANE_H + (LANE_H - BAR_H) / 2
        bx, bw = x(a), max(MIN_BAR_W, x(b + dt.timedelta(days=1)) - x(a))
        cls = "bar conflict" if r["conflict"] else "bar"
        tip = f"{r['when']}: {r['sentence']} ({', '.join(r['outlets'])}; {r['corroboration']})"
        if r["conflict"]:
            tip += f" — conflict: also reported as {', '.join(r['conflict'])}"
        out.append(f'<a href="#c-{escape(r["cluster"])}"><rect class="{cls}" data-type="{escape(r["type"])}" x="{bx:.1f}" y="{y:.1f}" '
                   f'width="{bw:.1f}" height="{BAR_H}"><title>{escape(tip)}</title></rect></a>')
    out.append("</svg>")
    return Markup("".join(out))


def overview_svg(data: dict) -> Markup:
    """Counts of events per year (per month over short spans) across the whole span, the window shaded."""
    ov, window = data["overview"], data["window"]
    if not ov["buckets"]:
        return Markup("")
    lo, hi, yearly = dt.date.fromisoformat(ov["lo"]), dt.date.fromisoformat(ov["hi"]), ov["yearly"]
    lo = dt.date(lo.year, 1 if yearly else lo.month, 1)
    hi = dt.date(hi.year, 12, 31) if yearly else _month_end(hi)
    x = _scale(lo, hi)
    top = max(n for _, n in ov["buckets"])
    out = [_open("overview", "All dated events; drag across it to choose a window", OVERVIEW_H, lo, hi),
           *_axis(lo, hi, x, OVERVIEW_H)]
    if window:
        wa = max(lo, dt.date.fromisoformat(window["lo"]))
        wb = min(hi, dt.date.fromisoformat(window["hi"]))
        if wa <= wb:
            out.append(f'<rect class="window" x="{x(wa):.1f}" y="{AXIS_H - 4}" '
                       f'width="{max(2.0, x(wb + dt.timedelta(days=1)) - x(wa)):.1f}" height="{OVERVIEW_H - AXIS_H + 4}"/>')
    out.append(f'<text class="lane-label" x="4" y="{AXIS_H + 20}">All dated events</text>')
    room = OVERVIEW_H - AXIS_H - 4
    for key, n in ov["buckets"]:
        start = dt.date(int(key[:4]), 1 if yearly else int(key[5:7]), 1)
        end = dt.date(start.year, 12, 31) if yearly else _month_end(start)
        h = max(1.5, room * n / top)
        when = key if yearly else f"{start:%B} {start.year}"
        out.append(f'<rect class="count" x="{x(start):.1f}" y="{OVERVIEW_H - h:.1f}" '
                   f'width="{max(1.0, x(end) - x(start)):.1f}" height="{h:.1f}"><title>{n} in {when}</title></rect>')
    out.append("</svg>")
    return Markup("".join(out))


def _month_end(day: dt.date) -> dt.date:
    after = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return after - dt.timedelta(days=1)
