"""What a lone name reads about the clusters it may join, kept per cluster, so that it is decided
without those clusters' records.

A lone name's choice (``lone_names.lone_fit``, ``plain_fit``) reads two kinds of things. About
each candidate (a name-rule cluster indexed under one of its query keys): how many documents it
spans, the gender and offices its records give it, the descriptor words they carry, each a
statistic of the cluster (``ClusterStats``), made once where the cluster is made
(``name_block``). About its own documents: which clusters have a record there, and which of
those records name the same person (``_bears``), read from those documents' records alone. So a
lone word never needs the records of the hundreds of people whose names contain it:
``StatsContext`` answers ``LoneContext`` from the statistics (``Candidates``, shared by every
lone name) and its own documents' records, as ``lone_names.MemoryContext`` answers from all
records. ``join_unit`` then joins lone names to the clusters chosen for them, in corpus order
(``lone_names.assemble``), one cluster and its joiners at a time.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from . import keys as K
from . import people
from .lone_names import assemble, lone_fit, plain_fit, ranked
from .name_rules import base_clusters, earliest
from .records import DocEntity, Link, Resolution
from .unionfind import Clusters


@dataclass(frozen=True)
class Named:
    """A record after the name rules: its cluster (by its earliest record's ref), the link that
    put it there, and, for a lone name, the documents its cluster spans."""
    ref: str
    root: str
    link: Link | None
    docs: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClusterStats:
    """What a lone name reads about one candidate cluster."""
    root: str
    keys: tuple[str, ...]                  # its records' index keys
    documents: int
    gender: str | None
    offices: tuple[tuple[str, int], ...]
    words: frozenset[str]                  # its records' descriptor words


def name_block(records: list[DocEntity], count) -> tuple[list[Named], list[ClusterStats]]:
    """The name-rule clusters of one block (``blocks``), typed by the corpus counts ``count``:
    each record's cluster and the statistics of every cluster a lone name could find."""
    records = sorted(records, key=lambda r: r.order)
    uf, links = base_clusters(records, retyped=people.apply_types(records, count))
    evidence = people.Evidence(records, uf)
    named = [Named(r.ref, records[earliest(uf, i)].ref, links.get(i),
                   tuple(sorted(uf.docs[uf.find(i)])) if K.query_keys(r) else ())
             for i, r in enumerate(records)]
    stats = []
    for members in uf.groups():
        keys = {k for m in members for k in K.index_keys(records[m])}
        if keys:
            root = uf.find(members[0])
            stats.append(ClusterStats(records[earliest(uf, root)].ref, tuple(sorted(keys)), len(uf.docs[root]),
                                      evidence.gender(root), tuple(sorted(evidence.offices(root).items())),
                                      frozenset(w for m in members for w in K.descriptor_words(records[m]))))
    return named, stats


class Candidates:
    """Every cluster some lone name asks for (``asked``: query keys; None: all), by key and word."""

    def __init__(self, stats: Iterable[ClusterStats], asked: set[str] | None = None):
        self.stats: dict[str, ClusterStats] = {}
        self.under: dict[str, set[str]] = defaultdict(set)
        self.by_word: dict[str, set[str]] = defaultdict(set)
        for s in stats:
            keys = [k for k in s.keys if asked is None or k in asked]
            if keys:
                self.stats[s.root] = s
                for k in keys:
                    self.under[k].add(s.root)
                for w in s.words:
                    self.by_word[w].add(s.root)
        self._sets: dict[tuple, set[str]] = {}
        self._ranked: dict[tuple, tuple] = {}

    def of(self, keys: list[str]) -> set[str]:
        key = tuple(keys)
        if key not in self._sets:      # a common word's candidates, shared by all who say it
            self._sets[key] = set().union(*(self.under.get(k, ()) for k in keys))
        return self._sets[key]

    def ranking(self, keys: list[str]) -> tuple[int, str | None, bool]:
        key = tuple(keys)
        if key not in self._ranked:
            self._ranked[key] = ranked(self.of(keys), lambda root: self.stats[root].documents)
        return self._ranked[key]


class StatsContext:
    """``LoneContext`` for one lone name: its candidates' statistics, and the records (with their
    clusters' roots) of every document its own cluster spans."""

    def __init__(self, candidates: Candidates, local: list[tuple[DocEntity, str]]):
        self.c = candidates
        self.local: dict[str, list[DocEntity]] = defaultdict(list)
        for r, root in sorted(local, key=lambda pair: pair[0].order):
            self.local[root].append(r)

    def roots_under(self, key: str) -> set[str]:
        return self.c.under.get(key, set())

    def documents_of(self, root: str) -> set[str]:
        """Only the lone name's own documents: it asks no more (``lone_fit``)."""
        return {r.document_id for r in self.local.get(root, ())}

    def same_document(self, root: str, document_id: str) -> list[DocEntity]:
        return [r for r in self.local.get(root, ()) if r.document_id == document_id]

    def roots_with_words(self, words: set[str]) -> set[str]:
        return set().union(*(self.c.by_word.get(w, ()) for w in words))

    def gender(self, root: str) -> str | None:
        return self.c.stats[root].gender

    def offices(self, root: str) -> Counter:
        return Counter(dict(self.c.stats[root].offices))

    def documents(self, root: str) -> int:
        return self.c.stats[root].documents

    def candidates(self, keys: list[str]) -> set[str]:
        return self.c.of(keys)

    def ranking(self, keys: list[str]) -> tuple[int, str | None, bool]:
        return self.c.ranking(keys)

    def local_candidates(self, keys: list[str], documents: set[str]) -> set[str]:
        found = self.c.of(keys)
        return {root for root, rs in self.local.items() if root in found and any(r.document_id in documents for r in rs)}


def lone_choice(r: DocEntity, named: Named, local: list[tuple[DocEntity, str]], candidates: Candidates,
                count) -> tuple[str, str] | None:
    """(the cluster the lone name ``r`` joins, the rule), as ``entities.resolve`` chooses it;
    ``local``: the records of its cluster's documents with their clusters' roots."""
    people.apply_types([r], count)
    found = candidates.of(K.query_keys(r))
    local = [(x, root) for x, root in local if root in found]    # what the choice reads of them
    people.apply_types([x for x, _ in local], count)
    ctx, docs = StatsContext(candidates, local), set(named.docs)
    if K.is_plain(r):        # the same choice, reading a ranking per key set, not every candidate
        return plain_fit(r, named.root, docs, ctx)[0]
    return lone_fit(r, named.root, docs, ctx)


def join_unit(records: list[DocEntity], named: dict[str, Named], chosen: dict[str, tuple[str, str]],
              count) -> tuple[list[DocEntity], Resolution]:
    """Records (in corpus order) and entities of one unit: some name-rule clusters (``named``: each
    record's) and the lone names that chose among them (``chosen``: ref -> (root, rule)),
    joined as ``lone_names.assemble`` joins them."""
    records = sorted(records, key=lambda r: r.order)
    people.apply_types(records, count)
    index = {r.ref: i for i, r in enumerate(records)}
    uf = Clusters(records, [r.document_id for r in records])
    for i, r in enumerate(records):
        uf.join(index[named[r.ref].root], i, force=True)
    links = {i: named[r.ref].link for i, r in enumerate(records) if named[r.ref].link is not None}
    pending = sorted((index[ref], index[root], rule) for ref, (root, rule) in chosen.items())
    return records, assemble(records, uf, links, pending)
