"""Compare sources: two documents (or two outlets) side by side.

Two event reports are the same fact when the resolver put them in one cluster, or,
failing that, when they have the same type and dates that can both be true (both dated).
A cluster reported with dates that cannot both be true is a conflict.
"""
from __future__ import annotations

import bisect
import datetime as dt

from sqlalchemy import bindparam, select, text

from ..concepts import dates as D
from ..errors import Invalid, NotFound
from ..resolve.lookup import entity_ref, shown
from ..resolve.status import recorded_conflicts
from ..store import schema as s
from ..store.db import Store
from ..store.reads import doc_meta, sentences
from .facts import source_link

MAX_DOCS_PER_SIDE = 50
MAX_EVENTS_PER_SIDE = 200


def document_choices(store: Store, limit: int = 200) -> list[dict]:
    """The newest documents for the page's pickers: only the columns a picker shows (no JSON to decode)."""
    d = s.documents
    query = select(d.c.id, d.c.title, d.c.source, d.c.outlet).order_by(d.c.published.desc(), d.c.seq).limit(limit)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def _side_docs(store: Store, document: str | None, outlet: str | None) -> list[str]:
    with store.engine.connect() as conn:
        if document:
            found = conn.execute(text("SELECT id FROM documents WHERE id = :d"), {"d": document}).scalar()
            if found is None:
                raise NotFound("no such document", item=document)
            return [found]
        if outlet:
            ids = list(conn.execute(text("SELECT id FROM documents WHERE outlet = :o ORDER BY published DESC LIMIT :n"),
                                    {"o": outlet, "n": MAX_DOCS_PER_SIDE}).scalars())
            if not ids:
                raise NotFound("no documents from this outlet", item=outlet)
            return ids
    raise Invalid("give a document (a, b) or an outlet (outlet_a, outlet_b) for each side")


def _events(store: Store, ids: list[str]) -> list[dict]:
    marks = ", ".join(f":i{n}" for n in range(len(ids)))
    params = {f"i{n}": i for n, i in enumerate(ids)} | {"n": MAX_EVENTS_PER_SIDE}
    sql = ("SELECT id, document_id, type, text, date_value, cluster, modality, sentence_start, sentence_end "
           f"FROM events WHERE document_id IN ({marks}) ORDER BY date_value LIMIT :n")
    with store.engine.connect() as conn:
        events = [dict(r._mapping) for r in conn.execute(text(sql), params)]
    texts = sentences(store, [(e["document_id"], e["sentence_start"], e["sentence_end"]) for e in events])
    meta = doc_meta(store, ids)
    for e in events:
        e["link"] = source_link(e["document_id"], e["sentence_start"])
        e["sentence"] = texts.get((e["document_id"], e["sentence_start"], e["sentence_end"]))
        e["outlet"] = meta.get(e["document_id"], {}).get("outlet")
    return events


def _entities(store: Store, ids: list[str]) -> dict[str, dict]:
    """The entities a side names, by reference, under the names ``lookup.shown`` gives them."""
    de = s.doc_entities
    query = select(de.c.document_id, de.c.key, de.c.entity_id).where(
        de.c.document_id.in_(bindparam("ids", expanding=True)))
    with store.engine.connect() as conn:
        refs = {entity_ref(r.entity_id, r.document_id, r.key) for r in conn.execute(query, {"ids": ids})}
        names = shown(conn, refs)
    return {ref: {"name": names[ref]["name"], "type": names[ref]["type"], "ref": ref} for ref in refs if ref in names}


def _same(a: dict, b: dict) -> bool:
    if a["cluster"] and a["cluster"] == b["cluster"]:
        return True
    return (a["type"] == b["type"] and a["date_value"] is not None and b["date_value"] is not None
            and D.compatible(a["date_value"], b["date_value"]))


def _closeness(a: dict, b: dict) -> tuple:
    """Prefer the resolver's cluster, then the pair whose dates are most precise."""
    width = sum((iv[1] - iv[0]).days if (iv := D.interval(e["date_value"])) else 10_000 for e in (a, b))
    return (a["cluster"] != b["cluster"] or not a["cluster"], width)


class _DateWindow:
    """One type's reports on a side, sorted by first day, so a report finds the ones whose days
    overlap its own by bisection instead of by testing every one."""

    def __init__(self, events: list[dict], members: list[int]):
        dated = [(iv, j) for j in members if (iv := D.interval(events[j]["date_value"]))]
        dated.sort(key=lambda x: x[0][0])
        self.starts = [iv[0] for iv, _ in dated]
        self.dated = dated
        self.widest = max(((iv[1] - iv[0]) for iv, _ in dated), default=dt.timedelta(0))
        # A value that names no calendar day (e.g. "PRESENT_REF") can be true with any date.
        self.vague = [j for j in members if events[j]["date_value"] is not None
                      and D.interval(events[j]["date_value"]) is None]

    def overlapping(self, value: str) -> list[int]:
        interval = D.interval(value)
        if interval is None:
            return [j for _, j in self.dated] + self.vague
        lo = bisect.bisect_left(self.starts, interval[0] - self.widest)
        hi = bisect.bisect_right(self.starts, interval[1])
        return [j for iv, j in self.dated[lo:hi] if iv[1] >= interval[0]] + self.vague


def _candidates(left: list[dict], right: list[dict]) -> list[tuple]:
    """Pairs that share a cluster, or a type with dates that can both be true (see ``_same``)."""
    by_type: dict[str, list[int]] = {}
    by_cluster: dict[str, list[int]] = {}
    for j, b in enumerate(right):
        by_type.setdefault(b["type"], []).append(j)
        if b["cluster"]:
            by_cluster.setdefault(b["cluster"], []).append(j)
    windows = {t: _DateWindow(right, members) for t, members in by_type.items()}
    out = set()
    for i, a in enumerate(left):
        matches = set(by_cluster.get(a["cluster"], [])) if a["cluster"] else set()
        if a["date_value"] is not None and a["type"] in windows:
            matches.update(windows[a["type"]].overlapping(a["date_value"]))
        out.update((_closeness(a, right[j]), i, j) for j in matches)
    return sorted(out)


def _pair(left: list[dict], right: list[dict]) -> tuple[list, list, list, list]:
    """Best pairs first (globally), so a vague report does not take a precise one's partner."""
    both, conflicts, used_l, used_r = [], [], set(), set()
    for _, i, j in _candidates(left, right):
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        pair = {"a": left[i], "b": right[j]}
        (both if D.compatible(left[i]["date_value"], right[j]["date_value"]) else conflicts).append(pair)
    only_left = [a for i, a in enumerate(left) if i not in used_l]
    only_right = [b for j, b in enumerate(right) if j not in used_r]
    return both, conflicts, only_left, only_right


def _across(conflict: dict, left: set[str], right: set[str]) -> bool:
    a, b = conflict["document_a"], conflict["document_b"]
    return (a in left and b in right) or (b in left and a in right)


def compare(store: Store, a: str | None = None, b: str | None = None, outlet_a: str | None = None,
            outlet_b: str | None = None) -> dict:
    """Facts both sides report, facts only one reports, conflicts, and the entities each names."""
    left_ids, right_ids = _side_docs(store, a, outlet_a), _side_docs(store, b, outlet_b)
    both, conflicts, only_a, only_b = _pair(_events(store, left_ids), _events(store, right_ids))
    ents_a, ents_b = _entities(store, left_ids), _entities(store, right_ids)
    meta = doc_meta(store, left_ids + right_ids)
    by_date = lambda pair: D.sort_key(pair["a"]["date_value"])  # noqa: E731
    return {
        "a": {"documents": [meta[i] for i in left_ids], "outlet": outlet_a},
        "b": {"documents": [meta[i] for i in right_ids], "outlet": outlet_b},
        "both": sorted(both, key=by_date), "conflicts": sorted(conflicts, key=by_date),
        "recorded_conflicts": [c | {"link_a": source_link(c["document_a"], c["start_a"]),
                                    "link_b": source_link(c["document_b"], c["start_b"])}
                               for c in recorded_conflicts(store, documents=left_ids + right_ids)
                               if _across(c, set(left_ids), set(right_ids))],
        "only_a": sorted(only_a, key=lambda e: D.sort_key(e["date_value"])),
        "only_b": sorted(only_b, key=lambda e: D.sort_key(e["date_value"])),
        "entities_both": sorted((ents_a[k] for k in ents_a.keys() & ents_b.keys()), key=lambda e: e["name"]),
        "entities_only_a": sorted((ents_a[k] for k in ents_a.keys() - ents_b.keys()), key=lambda e: e["name"]),
        "entities_only_b": sorted((ents_b[k] for k in ents_b.keys() - ents_a.keys()), key=lambda e: e["name"]),
    }
