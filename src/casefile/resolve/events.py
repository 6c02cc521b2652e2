"""Event clustering across documents: one cluster per real-world event.

Two reports join when they have the same type, share enough resolved participants, and
their dates can describe the same time (a month holds a day in it). Participants that
name no one in particular ("authorities") are left out upstream; a single shared place
only counts on the same day; reports naming different people never join. Pairs are merged
best first, and a cluster keeps the dates of all its reports, so a chain of vague dates
cannot join two precise ones that disagree. Two outlets may disagree on a date by a few
weeks when a named person ties the reports of a case together: those join, and the
disagreement becomes a conflict. Sentence similarity only breaks ties.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from . import dates as D
from . import lexicon as L
from .similarity import similarities



@dataclass
class EventRecord:
    id: str
    document_id: str
    type: str
    order: tuple
    date_value: str | None = None
    modality: str = "asserted"
    entities: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    sentence: str = ""
    interval: tuple[dt.date, dt.date] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.interval = D.interval(self.date_value)


@dataclass
class _Cluster:
    members: list[int]
    intervals: dict[str, list[tuple[dt.date, dt.date]]]   # per document
    persons: set[str] = field(default_factory=set)

    def all_intervals(self) -> list[tuple[dt.date, dt.date]]:
        return [iv for ivs in self.intervals.values() for iv in ivs]


def _span(ivs: list[tuple[dt.date, dt.date]]) -> int:
    """Days by which the latest start passes the earliest end (<= 0: they share a day)."""
    if not ivs:
        return -1
    return (max(a for a, _ in ivs) - min(b for _, b in ivs)).days


def _pair_score(a: EventRecord, b: EventRecord) -> float | None:
    if a.type != b.type or (a.modality in L.EXCLUSIVE_MODALITIES) != (b.modality in L.EXCLUSIVE_MODALITIES):
        return None
    shared = len(a.entities & b.entities)
    small = min(len(a.entities), len(b.entities))
    if not shared or shared / small < L.MIN_PARTICIPANT_OVERLAP:
        return None
    if small >= 2 and shared < L.MIN_SHARED_WHEN_RICH:
        return None
    if a.persons and b.persons and not a.persons & b.persons:
        return None
    if not _identifying(a, b):
        return None
    if _future(a) != _future(b):
        return None
    return shared / len(a.entities | b.entities) + 0.01 * shared


def _identifying(a: EventRecord, b: EventRecord) -> bool:
    """One shared place says little (many things happen in a capital): it takes something
    besides places, two shared places (the two countries of an agreement), or the same day."""
    shared = a.entities & b.entities
    if shared - a.places or len(shared) >= L.MIN_SHARED_PLACES:
        return True
    return a.interval is not None and a.interval == b.interval and a.interval[0] == a.interval[1]


def _future(e: EventRecord) -> bool:
    """Only "in the coming weeks": it cannot be a report of something already dated."""
    return e.interval is None and e.date_value in L.FUTURE_VALUES


def _tolerant(a: EventRecord, b: EventRecord) -> bool:
    """May these two reports disagree on the date and still be one event (flagged later)?"""
    return a.document_id != b.document_id and a.type in L.CASE_EVENT_TYPES and bool(a.persons & b.persons)


def candidate_pairs(events: list[EventRecord]) -> list[tuple[float, int, int]]:
    block: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        for ent in e.entities:
            block[(e.type, ent)].append(i)
    seen: set[tuple[int, int]] = set()
    out = []
    for items in block.values():
        if len(items) > L.MAX_EVENT_BLOCK:   # too common an entity to propose pairs by itself
            continue
        for i, j in combinations(items, 2):
            if (i, j) in seen:
                continue
            seen.add((i, j))
            score = _pair_score(events[i], events[j])
            if score is not None and (_dates_fit(events[i], events[j]) or _tolerant(events[i], events[j])):
                out.append((score, i, j))
    return out


def _dates_fit(a: EventRecord, b: EventRecord) -> bool:
    return a.interval is None or b.interval is None or D.gap_days(a.interval, b.interval) == 0


def _tie_groups(pairs: list[tuple[float, int, int]]) -> dict[tuple[int, float], list[int]]:
    """Partners of each event by rounded score, for the scores with several partners."""
    partners: dict[tuple[int, float], list[int]] = defaultdict(list)
    for score, i, j in pairs:
        partners[(i, round(score, 6))].append(j)
        partners[(j, round(score, 6))].append(i)
    return {k: v for k, v in partners.items() if len(v) > 1}


def _tied(pairs: list[tuple[float, int, int]], groups: dict) -> list[tuple[float, int, int]]:
    return [(s, i, j) for s, i, j in pairs if (i, round(s, 6)) in groups or (j, round(s, 6)) in groups]


def _ties_matter(events: list[EventRecord], tied: list[tuple[float, int, int]]) -> bool:
    """A tie only matters when the tied partners cannot all end up together (their dates disagree):
    otherwise every order of merging gives the same clusters, and the model need not load."""
    for group in _tie_groups(tied).values():
        for x, y in combinations(group, 2):
            if not _dates_fit(events[x], events[y]):
                return True
    return False


def _with_similarity(events: list[EventRecord], pairs: list[tuple[float, int, int]],
                     tied: list[tuple[float, int, int]]) -> list[tuple[float, int, int]] | None:
    """Pairs with sentence similarity added to the tied ones; None when the model is unavailable."""
    sims = similarities([(events[i].sentence, events[j].sentence) for _, i, j in tied])
    if sims is None:
        return None
    bonus = {(i, j): L.SIMILARITY_WEIGHT * sim for (_, i, j), sim in zip(tied, sims)}
    return [(s + bonus.get((i, j), 0.0), i, j) for s, i, j in pairs]


def cluster(events: list[EventRecord]) -> list[list[int]]:
    """Groups of event indexes, each one real-world event. The sentence model (slow to load)
    is asked only when a tie decided something: a merge that shut out an equally good partner."""
    pairs = candidate_pairs(events)
    groups = _tie_groups(pairs)
    tied = _tied(pairs, groups)
    if not tied or not _ties_matter(events, tied):
        return _greedy(events, pairs)[0]
    plain, contested = _greedy(events, pairs, groups)
    if not contested:
        return plain
    scored = _with_similarity(events, pairs, tied)
    return plain if scored is None else _greedy(events, scored)[0]


def _greedy(events: list[EventRecord], pairs: list[tuple[float, int, int]],
            groups: dict | None = None) -> tuple[list[list[int]], bool]:
    """Merge pairs best first; also says whether a tie was contested (see ``_shuts_out``)."""
    pairs = sorted(pairs, key=lambda p: (-p[0], events[p[1]].order, events[p[2]].order))
    owner = list(range(len(events)))
    clusters = {i: _Cluster([i], {e.document_id: [e.interval] if e.interval else []}, set(e.persons))
                for i, e in enumerate(events)}
    contested = False
    for score, i, j in pairs:
        ci, cj = owner[i], owner[j]
        if ci == cj or not _can_merge(clusters[ci], clusters[cj], _tolerant(events[i], events[j])):
            continue
        rivals = _feasible_rivals(events, clusters, owner, groups, score, i, j) if groups and not contested else []
        a, b = clusters[ci], clusters.pop(cj)
        a.members.extend(b.members)
        a.persons |= b.persons
        for doc, ivs in b.intervals.items():
            a.intervals.setdefault(doc, []).extend(ivs)
        for m in b.members:
            owner[m] = ci
        contested = contested or any(not _can_merge(a, clusters[owner[k]], _tolerant(events[x], events[k]))
                                     for x, k in rivals if owner[k] != ci)
    return [sorted(c.members, key=lambda m: events[m].order) for c in clusters.values()], contested


def _feasible_rivals(events: list[EventRecord], clusters: dict, owner: list[int], groups: dict,
                     score: float, i: int, j: int) -> list[tuple[int, int]]:
    """Other partners of i or j at the same score that could still join them right now: if this
    merge shuts one out, the order of equal pairs (the tie) decided the outcome."""
    out = []
    for x, y in ((i, j), (j, i)):
        for k in groups.get((x, round(score, 6)), ()):
            if k != y and owner[k] not in (owner[i], owner[j]) and _can_merge(
                    clusters[owner[x]], clusters[owner[k]], _tolerant(events[x], events[k])):
                out.append((x, k))
    return out


def _can_merge(a: _Cluster, b: _Cluster, tolerant: bool) -> bool:
    if a.persons and b.persons and not a.persons & b.persons:   # each side names people, none in common
        return False
    for doc in a.intervals.keys() & b.intervals.keys():   # one document never contradicts itself
        if _span(a.intervals[doc] + b.intervals[doc]) > 0:
            return False
    span = _span(a.all_intervals() + b.all_intervals())
    return span <= 0 or (tolerant and span <= L.DATE_CONFLICT_TOLERANCE_DAYS)
