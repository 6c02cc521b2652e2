"""The event clusters an ingest can change, found from the old clusters around the change.

Clustering a connected group of candidate pairs reads every report a chain of pairs joins to
a new one, which in a large store is much of a famous person's record. Greedy merging is more
local than that. A merge joins two parts of one final cluster, and whether it happens depends
on those two parts alone, so each old cluster is made again by merging its own pairs alone,
in the same order, through the same intermediate parts.

So: take the changed reports with their old clusters (``changed``), every report a candidate
pair joins to them with its old cluster (``around``), and merge, best first, the pairs of
``changed``, the pairs between it and ``around``, and each old cluster's own pairs. When every
old cluster of ``around`` comes out exactly as it was, that is what merging the whole store
gives: a pair left out joins two old clusters that grew as they did before, part by part at the
same moments, so it is refused as it was before. A cluster that did not come out as it was
joins ``changed``, and the merging is done again.

A pair whose own dates are further apart than any two clusters holding its reports may join
(``merging.apart``) never merges, and is never a rival that could still join, so merging the
whole store gives what it gives without that pair: such a partner is left out with its old cluster.

This holds for the plain best-first order. Whether ties are broken by sentence similarity is
decided over a whole connected group (when a tie decided a merge anywhere in it), so when a
tie decides a merge here, or an old group here was one where a tie did (``event_ties``), an
ingest that can ask the tie-breaker clusters whole connected groups instead (``events_store``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection

from . import event_index
from . import lexicon as L
from .event_rows import cluster_mates, ids_where, read_into
from .events import EventRecord, candidate_pairs, merge_plainly, pair_score
from .merging import apart


@dataclass
class Region:
    """The reports merged, in corpus order, the cluster each had before, and the clusters now;
    ``tied``: a tie decided a merge in a connected group they are in (see ``settle``)."""
    events: list[EventRecord]
    old: dict[str, str]
    groups: list[list[int]]
    tied: bool = False


@dataclass
class _Reader:
    """Reports, block sizes, block members and partners, each read from the store once."""
    conn: Connection
    records: dict[str, EventRecord] = field(default_factory=dict)
    old: dict[str, str] = field(default_factory=dict)
    sizes: dict[tuple[str, str], int] = field(default_factory=dict)
    sized: set[tuple[str, str]] = field(default_factory=set)
    members: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    partners: dict[str, set[str]] = field(default_factory=dict)

    def read(self, ids: set[str]) -> None:
        read_into(self.conn, ids, self.records, self.old)

    def keys(self, ids: set[str], shared: bool = False) -> set[tuple[str, str]]:
        """The blocks of these (read) reports (``shared``: only those two of them share), with
        their sizes in the whole store known."""
        keys = self.blocks(ids, shared)
        self.size(keys)
        return keys

    def blocks(self, ids: set[str], shared: bool = False) -> set[tuple[str, str]]:
        seen: dict[tuple[str, str], int] = {}
        for i in ids:
            r = self.records[i]
            for e in r.entities:
                seen[(r.type, e)] = seen.get((r.type, e), 0) + 1
        return {k for k, n in seen.items() if n > 1} if shared else set(seen)

    def size(self, keys: set[tuple[str, str]]) -> None:
        unknown = keys - self.sized
        self.sizes.update(event_index.sizes(self.conn, unknown))
        self.sized |= unknown

    def oversized(self, keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
        return {k for k in keys if self.sizes.get(k, 0) > L.MAX_EVENT_BLOCK}

    def block(self, keys: set[tuple[str, str]]) -> None:
        """Read the members of these blocks."""
        self.members.update(event_index.members(self.conn, keys - set(self.members)))

    def pairable(self, ids: set[str]) -> dict[str, set[str]]:
        """The reports each of these may pair with (``event_index.pairable``): what a report may
        pair with is the store's to say, so each is asked once."""
        asked = [self.records[i] for i in ids if i not in self.partners]
        keys = self.blocks({r.id for r in asked})
        self.partners.update(event_index.pairable(self.conn, asked, keys - self.oversized(keys)))
        return {i: self.partners[i] for i in ids}


def settle(conn: Connection, changed: set[str], seeds: set[str], stop_at_ties: bool = False) -> Region:
    """Re-cluster around ``changed`` (the reports whose pairs may have changed; ``seeds``: the new
    and changed reports among them) as plain best-first merging of the whole store would. When
    the region is ``tied``, the sentence tie-breaker may be asked about any tie of its connected
    groups, so where it can be, those groups are clustered whole instead (``events_store``);
    ``stop_at_ties``: then stop at the first old report noted tied (the region is left empty)."""
    reader = _Reader(conn)
    while True:
        changed = _closed(reader, changed, seeds)
        if stop_at_ties and _tied(conn, changed):
            return Region([], {}, [], tied=True)
        around, cross, distant = _around(reader, changed)
        if stop_at_ties and _tied(conn, set().union(distant, *around.values())):
            return Region([], {}, [], tied=True)
        region = _merge(reader, changed, around, cross)
        broken = _broken(region, around)
        if not broken:     # with stop_at_ties, every report of the region was asked above
            region.tied = region.tied or (not stop_at_ties and _tied(conn, set(region.old) | distant))
            return region
        changed |= broken


def _tied(conn: Connection, ids: set[str]) -> bool:
    """Whether any of these reports is in a group where a tie decided a merge. Each old group of
    the whole store that the new connected groups hold has a report among the merged ones (a
    pair from outside them joins two old reports), and its merges outside them are what they were.
    ``event_ties`` notes every report of such a group, so one report of it tells."""
    return bool(ids_where(conn, "SELECT event_id FROM event_ties WHERE event_id IN :ids", ids))


def _closed(reader: _Reader, changed: set[str], seeds: set[str]) -> set[str]:
    """``changed`` with their old clusters, and with every report of a block the seeds made too big
    to propose pairs (their pairs through it went away)."""
    changed = set(changed)
    new = set(changed)           # what each report brings depends on it alone: ask each once
    while new:
        reader.read(new)
        grow = cluster_mates(reader.conn, {reader.old[i] for i in new if reader.old.get(i)})
        keys = reader.keys(new)
        near = {k for k in reader.oversized(keys) if reader.sizes[k] <= L.MAX_EVENT_BLOCK + len(seeds)}
        reader.block(near)
        grow |= {x for k in near if len(reader.members[k] - seeds) <= L.MAX_EVENT_BLOCK for x in reader.members[k]}
        new = grow - changed
        changed |= new
    return changed


def _around(reader: _Reader, changed: set[str]) -> tuple[dict[str, set[str]], list[tuple[float, str, str]], set[str]]:
    """The old clusters (id -> reports) of the reports outside ``changed`` a candidate pair joins
    to it, those pairs (score, earlier report, later report), and the reports outside joined to it
    only by pairs whose dates keep them apart (``merging.apart``): such a pair never merges and is
    never a rival that could still join, so it and its old cluster are left out (the report is
    asked about ties all the same: the pair joins its connected group to the region's)."""
    reader.keys(changed)
    maybe = {i: xs - changed for i, xs in reader.pairable(changed).items()}
    reader.read(set().union(*maybe.values()))     # only those are read in full
    cross, kept_apart = [], set()
    for i, xs in maybe.items():
        for x in xs:
            first, second = _ordered(reader.records[i], reader.records[x])
            score = pair_score(first, second)
            if score is not None and apart(first, second):
                kept_apart.add(x)
            elif score is not None:
                cross.append((score, first.id, second.id))
    partners = {x for _score, a, b in cross for x in (a, b)} - changed
    mates = cluster_mates(reader.conn, {reader.old[x] for x in partners if reader.old[x]})
    reader.read(mates)
    out: dict[str, set[str]] = {}
    for x in mates | partners:
        out.setdefault(reader.old[x] or x, set()).add(x)
    return out, cross, kept_apart - partners


def _ordered(a: EventRecord, b: EventRecord) -> tuple[EventRecord, EventRecord]:
    return (a, b) if a.order <= b.order else (b, a)


def _merge(reader: _Reader, changed: set[str], around: dict[str, set[str]],
           cross: list[tuple[float, str, str]]) -> Region:
    """Merge the pairs of ``changed``, those between it and ``around`` (``cross``), and each old cluster's own;
    and tell whether a tie decided a merge. A merge inside an old cluster that comes out as it was
    has the rivals it had before (told by ``event_ties``) and those among ``changed``, which are here."""
    ids = changed.union(*around.values())
    events = sorted((reader.records[i] for i in ids), key=lambda r: r.order)
    index = {r.id: n for n, r in enumerate(events)}
    parts = [(part, reader.blocks(part, shared))
             for part, shared in [(changed, False), *((cluster, True) for cluster in around.values())]]
    reader.size(set().union(*(keys for _part, keys in parts)))     # in one go
    pairs = []
    for part, keys in parts:
        records = sorted((reader.records[i] for i in part), key=lambda r: r.order)
        oversized = reader.oversized(keys)
        pairs += [(score, index[records[i].id], index[records[j].id])
                  for score, i, j in candidate_pairs(records, oversized)]
    pairs += [(score, index[a], index[b]) for score, a, b in cross]
    groups, contested = merge_plainly(events, sorted(set(pairs)))
    return Region(events, {r.id: reader.old[r.id] for r in events}, sorted(groups, key=min), contested)


def _broken(region: Region, around: dict[str, set[str]]) -> set[str]:
    """The reports of old clusters of ``around`` that did not come out exactly as they were."""
    now = {}
    for group in region.groups:
        ids = frozenset(region.events[m].id for m in group)
        for i in ids:
            now[i] = ids
    out = set()
    for members in around.values():
        if now[next(iter(members))] != members:
            out |= members
    return out
