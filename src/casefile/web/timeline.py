"""The web timeline: the event clusters ``resolve.timeline`` assembles, as rows a person reads
(a sentence, a date written for people, the outlets) and as bars on a chart of the window shown.

Without dates the window is the latest events: the newest MAX_EVENTS reports, read latest
first, and the clusters they belong to (a researcher opens a case to see what happened last).
With from/to the window is that range (its newest MAX_EVENTS reports, when more match).
An overview strip counts every dated event of the filter across its whole span, so the window
can be moved by brushing. Only the reading lives here; the drawing is in ``timeline_chart``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import bindparam, select, text

from ..concepts import dates as D
from ..resolve.event_details import label
from ..resolve.lookup import entity_ref, find_entity, shown
from ..resolve.timeline import ON_CALENDAR, TimelineQuery
from ..resolve.timeline import timeline as assemble
from ..store import schema as s
from ..store.db import Store
from ..store.memo import remembered
from ..store.reads import owned_cte
from .facts import source_link

MAX_EVENTS = 100          # reports read for one window, its latest first (about as many rows as one reads)
NO_PARTICIPANT = "(no named participant)"
OVERVIEW_YEARLY_DAYS = 6 * 366     # longer spans are counted by year, shorter ones by month
EVENT_KEYS = ("id", "document_id", "type", "text", "date_value", "date_text", "modality", "cluster",
              "sentence_start", "sentence_end", "outlet", "title", "published", "sentence", "conflict", "review")


@dataclass
class TimelineFilter:
    entity: str | None = None
    event_type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    lanes: str = "type"              # "type" or "entity"


def timeline(store: Store, f: TimelineFilter) -> dict:
    """The window's clusters (date order) with their reports, and each report on its own ("events")."""
    data = assemble(store, TimelineQuery(entity=f.entity, type=f.event_type, date_from=f.date_from,
                                         date_to=f.date_to, dated_only=True, limit=MAX_EVENTS, latest=True))
    rows, events = [], []
    for c in data["clusters"]:
        reports = [{k: r[k] for k in EVENT_KEYS} | {
            "link": source_link(r["document_id"], r["sentence_start"]), "lane": label(r["type"]),
            "start_date": r["date_start"], "end_date": r["date_end"], "when": D.human(r["date_value"]),
            "published_text": D.human(r["published"]) if r["published"] else None}
            for r in c["reports"]]
        events += [r for r in reports if r["start_date"]]
        if c["date_start"] is None:
            continue
        rows.append({k: c[k] for k in ("cluster", "type", "date_value", "date_start", "date_end", "outlets",
                                       "corroboration", "corroborated", "sentence", "details")}
                    | {"when": D.human(c["date_value"]), "type_label": label(c["type"]), "reports": reports,
                       "lane": label(c["type"]), "conflict": sorted({_conflict_text(v) for r in reports for v in r["conflict"]})})
    events.sort(key=lambda e: (e["start_date"], e["end_date"], e["type"]))
    rows.sort(key=lambda r: (D.sort_key(r["date_value"]), r["type"], r["cluster"]))
    if f.lanes == "entity":
        _lanes_by_entity(store, events)
        lane_of = {e["id"]: e["lane"] for e in events}
        for r in rows:
            r["lane"] = next((lane_of[x["id"]] for x in r["reports"] if x["id"] in lane_of), NO_PARTICIPANT)
    conflicts = [{"cluster": c["cluster"], "kind": conflict["kind"], "versions": [
        {"date": v["date"], "when": D.human(v["date"]) if conflict["kind"] == "date" else v["date"],
         "outlet": v["outlet"], "link": source_link(v["document"], v["start"])}
        for v in conflict["versions"]]} for c in data["clusters"] for conflict in c["conflicts"]]
    return {"clusters": rows, "events": events, "conflicts": conflicts, "filter": f.__dict__,
            "truncated": data["truncated"], "window": _window(f, rows), "overview": overview(store, f)}


def _conflict_text(version: str) -> str:
    """The other version a report conflicts with: a date value, or "<kind> <value>" (duration, amount)."""
    kind, _, value = version.partition(" ")
    if not value:
        return D.human(kind)
    return f"{kind} {D.human(value)}" if kind in ("date", "duration") else version


def _window(f: TimelineFilter, rows: list[dict]) -> dict | None:
    """The days the chart spans: the range asked for, else the clusters shown (padded a little)."""
    asked_lo, asked_hi = D.interval(f.date_from), D.interval(f.date_to)
    if not rows and not (asked_lo and asked_hi):
        return None
    lo = asked_lo[0] if asked_lo else dt.date.fromisoformat(min(r["date_start"] for r in rows))
    hi = asked_hi[1] if asked_hi else dt.date.fromisoformat(max(r["date_end"] for r in rows))
    if not asked_lo and not asked_hi:
        pad = dt.timedelta(days=max(1, (hi - lo).days // 40))
        lo, hi = lo - pad, hi + pad
    return {"lo": lo.isoformat(), "hi": max(lo, hi).isoformat(), "latest": not (f.date_from or f.date_to)}


def overview(store: Store, f: TimelineFilter) -> dict:
    """How many dated reports each year (each month over spans up to six years) has, for the
    filter's entity and type (any date): {"buckets": [("2018" or "2018-05", n)], "lo", "hi",
    "yearly"}. Remembered while the store is unchanged."""
    where, params = [ON_CALENDAR], {}
    if f.event_type:
        where.append("e.type = :type")
        params["type"] = f.event_type
    if f.entity:
        with store.engine.connect() as conn:
            ref = find_entity(conn, f.entity)
        owned, owner_params = owned_cte(ref)
        params |= owner_params
        sql = (f"WITH {owned} SELECT e.date_value, COUNT(*) AS n FROM owned o JOIN participants p "
               "ON p.document_id = o.document_id AND p.entity_key = o.key JOIN events e ON e.id = p.event_id "
               f"WHERE {' AND '.join(where)} GROUP BY e.date_value")
    else:
        sql = f"SELECT e.date_value, COUNT(*) AS n FROM events e WHERE {' AND '.join(where)} GROUP BY e.date_value"

    def read() -> dict:
        with store.engine.connect() as conn:
            found = [(D.interval(r.date_value), r.n) for r in conn.execute(text(sql), params)]
        found = [(iv, n) for iv, n in found if iv is not None]
        if not found:
            return {"buckets": [], "lo": None, "hi": None, "yearly": True}
        lo, hi = min(iv[0] for iv, _ in found), max(iv[1] for iv, _ in found)
        yearly = (hi - lo).days > OVERVIEW_YEARLY_DAYS
        buckets: dict[str, int] = {}
        for iv, n in found:     # a report counts where its date starts
            key = f"{iv[0].year:04d}" if yearly else f"{iv[0].year:04d}-{iv[0].month:02d}"
            buckets[key] = buckets.get(key, 0) + n
        return {"buckets": sorted(buckets.items()), "lo": lo.isoformat(), "hi": hi.isoformat(), "yearly": yearly}

    return remembered(store, ("timeline overview", sql, tuple(sorted(params.items()))), read)


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


def suggestions(store: Store, prefix: str, limit: int = 12) -> list[str]:
    """Names of entities starting with ``prefix`` (then containing it), most documents first."""
    prefix = prefix.strip()
    if len(prefix) < 2:
        return []
    e = s.entities
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    with store.engine.connect() as conn:
        names = [r.name for r in conn.execute(select(e.c.name).where(e.c.name.ilike(pattern + "%", escape="\\"))
                                              .order_by(e.c.name).limit(limit))]
        if len(names) < limit:
            names += [r.name for r in conn.execute(
                select(e.c.name).where(e.c.name.ilike("%" + pattern + "%", escape="\\"))
                .order_by(e.c.name).limit(limit)) if r.name not in names]
    return names[:limit]
