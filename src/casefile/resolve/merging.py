"""Greedy merging of event reports into clusters (the rules are described in ``events``).

A cluster keeps, overall and for each document, the latest start and the earliest end of
its reports' dates. Whether two clusters may join is then a few comparisons rather than a
pass over every date they hold: the dates can describe one time when the latest start does
not pass the earliest end (by a few weeks for a tolerant pair), and one document never
contradicts itself.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from . import lexicon as L
from .unionfind import roots


def tolerant(a, b) -> bool:
    """May these two reports disagree on the date and still be one event (flagged later)?"""
    return a.document_id != b.document_id and a.type in L.CASE_EVENT_TYPES and bool(a.persons & b.persons)


def apart(a, b) -> bool:
    """Whether two reports' own dates keep any two clusters holding them from joining
    (``can_merge``): a cluster's latest start only moves later, and its earliest end earlier,
    as it takes reports."""
    if a.interval is None or b.interval is None:
        return False
    span = (max(a.interval[0], b.interval[0]) - min(a.interval[1], b.interval[1])).days
    return span > 0 and not (tolerant(a, b) and span <= L.DATE_CONFLICT_TOLERANCE_DAYS)


class _Cluster:
    __slots__ = ("key", "members", "persons", "start", "end", "docs")

    def __init__(self, key: int, event) -> None:
        self.key = key              # the index the cluster is known by (its place in the output)
        self.members = [key]
        self.persons = set(event.persons)
        iv = event.interval
        self.start, self.end = iv if iv else (None, None)
        self.docs: dict[str, tuple[dt.date, dt.date]] = {event.document_id: iv} if iv else {}


def can_merge(a: _Cluster, b: _Cluster, tol: bool) -> bool:
    if a.persons and b.persons and a.persons.isdisjoint(b.persons):   # each side names people, none in common
        return False
    small, big = (a.docs, b.docs) if len(a.docs) <= len(b.docs) else (b.docs, a.docs)
    for doc, (start, end) in small.items():
        other = big.get(doc)
        if other is not None and max(start, other[0]) > min(end, other[1]):
            return False
    if a.start is None or b.start is None:
        start, end = (b.start, b.end) if a.start is None else (a.start, a.end)
    else:
        start, end = max(a.start, b.start), min(a.end, b.end)
    span = -1 if start is None else (start - end).days
    return span <= 0 or (tol and span <= L.DATE_CONFLICT_TOLERANCE_DAYS)


def _absorb(a: _Cluster, b: _Cluster, owner: list[_Cluster]) -> _Cluster:
    """Join b into a; the larger object carries on under a's key, so relabelling stays cheap."""
    key = a.key
    if len(a.members) < len(b.members):
        a, b = b, a
    a.key = key
    a.members.extend(b.members)
    a.persons |= b.persons
    if b.start is not None:
        a.start = b.start if a.start is None else max(a.start, b.start)
        a.end = b.end if a.end is None else min(a.end, b.end)
    for doc, (start, end) in b.docs.items():
        other = a.docs.get(doc)
        a.docs[doc] = (start, end) if other is None else (max(start, other[0]), min(end, other[1]))
    for m in b.members:
        owner[m] = a
    return a


def _ranks(events: list) -> list[int]:
    """Dense rank of each event's corpus order (equal orders share a rank), for cheap sort keys."""
    ranks = [0] * len(events)
    last, rank = None, -1
    for i in sorted(range(len(events)), key=lambda i: events[i].order):
        if events[i].order != last:
            last, rank = events[i].order, rank + 1
        ranks[i] = rank
    return ranks


def greedy(events: list, pairs: list[tuple[float, int, int]],
           groups: dict | None = None) -> tuple[list[list[int]], bool]:
    """Merge pairs best first; also says whether a tie was contested (see ``_feasible_rivals``)."""
    rank = _ranks(events)
    pairs = sorted(pairs, key=lambda p: (-p[0], rank[p[1]], rank[p[2]]))
    owner = [_Cluster(i, e) for i, e in enumerate(events)]
    alive = {i: c for i, c in enumerate(owner)}
    contested = False
    for score, i, j in pairs:
        a, b = owner[i], owner[j]
        if a is b or not can_merge(a, b, tolerant(events[i], events[j])):
            continue
        rivals = _feasible_rivals(events, owner, groups, score, i, j) if groups and not contested else []
        key = a.key
        del alive[b.key]
        merged = alive[key] = _absorb(a, b, owner)
        contested = contested or any(not can_merge(merged, owner[k], tolerant(events[x], events[k]))
                                     for x, k in rivals if owner[k] is not merged)
    return [sorted(c.members, key=lambda m: events[m].order) for c in alive.values()], contested


def _feasible_rivals(events: list, owner: list[_Cluster], groups: dict,
                     score: float, i: int, j: int) -> list[tuple[int, int]]:
    """Other partners of i or j at the same score that could still join them right now: if this
    merge shuts one out, the order of equal pairs (the tie) decided the outcome."""
    out = []
    r = round(score, 6)
    for x, y in ((i, j), (j, i)):
        for k in groups.get((x, r), ()):
            if k != y and owner[k] is not owner[i] and owner[k] is not owner[j] and can_merge(
                    owner[x], owner[k], tolerant(events[x], events[k])):
                out.append((x, k))
    return out


def order_matters(events: list, pairs: list[tuple[float, int, int]],
                  tied: list[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """The tied pairs whose order of merging can change the clusters. Merges never cross
    connected groups of pairs; in a group where any two parts may always join (one person
    common to all who name people, dates sharing a day or within the tolerance of pairs that
    all allow it, no document contradicting itself) every order ends in one cluster."""
    group = roots(len(events), ((i, j) for _, i, j in pairs))
    wanted = {group[i] for _, i, _ in tied}
    members: dict[int, list[int]] = defaultdict(list)
    for m, root in enumerate(group):
        if root in wanted:
            members[root].append(m)
    strict = {group[i] for _, i, j in pairs if not tolerant(events[i], events[j])}   # dates must share a day
    free = {root for root, ms in members.items() if _order_free([events[m] for m in ms], root in strict)}
    return [p for p in tied if group[p[1]] not in free]


def _order_free(group: list, strict: bool) -> bool:
    named = [set(e.persons) for e in group if e.persons]
    if named and not set.intersection(*named):
        return False
    dated = [e for e in group if e.interval is not None]
    if not dated:
        return True
    by_doc: dict[str, list] = defaultdict(list)
    for e in dated:
        by_doc[e.document_id].append(e.interval)
    for ivs in by_doc.values():
        if max(a for a, _ in ivs) > min(b for _, b in ivs):
            return False
    span = (max(e.interval[0] for e in dated) - min(e.interval[1] for e in dated)).days
    return span <= 0 or (not strict and span <= L.DATE_CONFLICT_TOLERANCE_DAYS)
