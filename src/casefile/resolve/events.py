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

from ..concepts import dates as D
from . import lexicon as L
from .merging import greedy, order_matters
from .merging import tolerant as _tolerant
from .similarity import similarities
from .unionfind import roots



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
    exclusive: bool = field(default=False, init=False, repr=False, compare=False)
    future: bool = field(default=False, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.interval = D.interval(self.date_value)
        # asked for every candidate pair: worked out once per report
        self.exclusive = self.modality in L.EXCLUSIVE_MODALITIES
        self.future = _future(self)


def _pair_score(a: EventRecord, b: EventRecord) -> float | None:
    if a.type != b.type or a.exclusive != b.exclusive:
        return None
    shared_set = shared_participants(a, b)
    if shared_set is None or not _identifying(a, b, shared_set) or a.future != b.future:
        return None
    shared = len(shared_set)
    # the size of the union from the sizes: the same integer, without building the set
    return shared / (len(a.entities) + len(b.entities) - shared) + 0.01 * shared


def shared_participants(a, b) -> frozenset[str] | None:
    """The participants two reports share when that many can make them one event (None: too
    few, or each names people and none in common)."""
    shared = a.entities & b.entities
    return shared if may_share(a, shared, len(b.entities), bool(b.persons)) else None


def may_share(a, shared: frozenset[str], count: int, persons: bool) -> bool:
    """Whether ``a`` and a report whose record holds ``count`` entities (``persons``: people
    among them), ``shared`` of them with ``a``, share enough participants to be one event. The
    counts are all it needs of the other: an ingest asks this of reports it has not read
    (``event_index``). Persons are entities of one type in every record, so the people two
    reports name in common are the people among those they share."""
    small = min(len(a.entities), count)
    if not shared or len(shared) / small < L.MIN_PARTICIPANT_OVERLAP:
        return False
    if small >= 2 and len(shared) < L.MIN_SHARED_WHEN_RICH:
        return False
    return not (a.persons and persons and a.persons.isdisjoint(shared))


def _identifying(a: EventRecord, b: EventRecord, shared: frozenset[str] | None = None) -> bool:
    """One shared place says little (many things happen in a capital): it takes something
    besides places, two shared places (the two countries of an agreement), or the same day."""
    if shared is None:
        shared = a.entities & b.entities
    if len(shared) >= L.MIN_SHARED_PLACES or not shared <= a.places:
        return True
    return a.interval is not None and a.interval == b.interval and a.interval[0] == a.interval[1]


def _future(e: EventRecord) -> bool:
    """Only "in the coming weeks": it cannot be a report of something already dated."""
    return e.interval is None and e.date_value in L.FUTURE_VALUES


def blocks(events: list[EventRecord]) -> dict[tuple[str, str], list[int]]:
    """Events by (type, entity): only events that share one can be reports of one event."""
    block: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        for ent in e.entities:
            block[(e.type, ent)].append(i)
    return block


def candidate_pairs(events: list[EventRecord], oversized: set[tuple[str, str]] = frozenset()
                    ) -> list[tuple[float, int, int]]:
    """Scored pairs that may be one event. ``oversized``: blocks too big in the whole store,
    when ``events`` is only a part of it (an incremental run)."""
    block = blocks(events)
    n = len(events)
    seen: set[int] = set()      # i * n + j: an int hashes faster than a tuple
    out = []
    for key, items in block.items():
        if len(items) > L.MAX_EVENT_BLOCK or key in oversized:   # too common an entity to propose pairs by itself
            continue
        for i, j in combinations(items, 2):
            key = i * n + j
            if key in seen:
                continue
            seen.add(key)
            score = pair_score(events[i], events[j])
            if score is not None:
                out.append((score, i, j))
    return out


def pair_score(a: EventRecord, b: EventRecord) -> float | None:
    """How well two reports that share a block fit as one event, or None when they cannot be one."""
    score = _pair_score(a, b)
    return score if score is not None and (_dates_fit(a, b) or _tolerant(a, b)) else None


def _dates_fit(a: EventRecord, b: EventRecord) -> bool:
    if a.interval is not None and b.interval is not None:      # the common case, without a second lookup
        return D.overlap(a.interval, b.interval)
    return D.compatible(a.date_value, b.date_value)


def _tie_groups(pairs: list[tuple[float, int, int]]) -> dict[tuple[int, float], list[int]]:
    """Partners of each event by rounded score, for the scores with several partners."""
    partners: dict[tuple[int, float], list[int]] = defaultdict(list)
    rounded: dict[float, float] = {}      # few distinct scores: round each once
    for score, i, j in pairs:
        r = rounded.get(score)
        if r is None:
            r = rounded[score] = round(score, 6)
        partners[(i, r)].append(j)
        partners[(j, r)].append(i)
    return {k: v for k, v in partners.items() if len(v) > 1}


def _tied(pairs: list[tuple[float, int, int]], groups: dict) -> list[tuple[float, int, int]]:
    rounded = {s: round(s, 6) for s in {p[0] for p in pairs}}
    return [(s, i, j) for s, i, j in pairs if (i, rounded[s]) in groups or (j, rounded[s]) in groups]


def _ties_matter(events: list[EventRecord], groups: dict) -> bool:
    """A tie only matters when the tied partners cannot all end up together (their dates disagree):
    otherwise every order of merging gives the same clusters, and the model need not load.
    Intervals that overlap pairwise share a common day, so one pass per group decides it."""
    for group in groups.values():
        ivs = [events[x].interval for x in group if events[x].interval is not None]
        if ivs and max(a for a, _ in ivs) > min(b for _, b in ivs):
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


def cluster(events: list[EventRecord], oversized: set[tuple[str, str]] = frozenset(),
            tied: set[int] | None = None) -> list[list[int]]:
    """Groups of event indexes, each one real-world event, ordered by their earliest index.
    Each connected group of candidate pairs is clustered on its own, every decision (the tie
    rule included) read from that group alone, so clustering any set of events closed under
    candidate pairs (an ingest's region, a Spark component) gives what the whole store gives.
    ``tied``, when given, takes the events of every connected group where a tie decided a merge."""
    out = []
    for members, pairs in _connected(len(events), candidate_pairs(events, oversized)):
        local, contested = _cluster_connected([events[m] for m in members], pairs, tied is not None)
        out += [[members[m] for m in group] for group in local]
        if contested and tied is not None:
            tied.update(members)
    taken = {m for group in out for m in group}
    out += [[i] for i in range(len(events)) if i not in taken]
    return sorted(out, key=min)


def merge_plainly(events: list[EventRecord], pairs: list[tuple[float, int, int]]) -> tuple[list[list[int]], bool]:
    """Best-first merging without the tie-breaker, and whether a tie decided a merge in it."""
    return greedy(events, pairs, _tie_groups(pairs))


def _connected(n: int, pairs: list[tuple[float, int, int]]) -> list[tuple[list[int], list[tuple[float, int, int]]]]:
    """The connected groups of pairs among n events: each group's events (ascending) and its
    pairs re-indexed to them. Events in no pair are left out."""
    root = roots(n, ((i, j) for _, i, j in pairs))
    members: dict[int, list[int]] = defaultdict(list)
    for x in sorted({x for _, i, j in pairs for x in (i, j)}):
        members[root[x]].append(x)
    local = {r: {m: k for k, m in enumerate(ms)} for r, ms in members.items()}
    grouped: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    for s, i, j in pairs:
        grouped[root[i]].append((s, local[root[i]][i], local[root[i]][j]))
    return [(members[r], grouped[r]) for r in members]


def _cluster_connected(events: list[EventRecord], pairs: list[tuple[float, int, int]],
                       told: bool = False) -> tuple[list[list[int]], bool]:
    """Clusters of one connected group, and whether a tie decided a merge (worked out when the
    tie matters or ``told``). The sentence model (slow to load) is asked only when a tie decided
    something: a merge that shut out an equally good partner, and then only about the ties whose
    merging order can matter."""
    groups = _tie_groups(pairs)
    matter = bool(groups) and _ties_matter(events, groups)
    if not groups or not (matter or told):
        return greedy(events, pairs)[0], False
    plain, contested = greedy(events, pairs, groups)
    if not contested or not matter:
        return plain, contested
    tied = order_matters(events, pairs, _tied(pairs, groups))
    scored = _with_similarity(events, pairs, tied)
    return (plain if scored is None else greedy(events, scored)[0]), True
