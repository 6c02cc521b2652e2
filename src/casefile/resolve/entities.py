"""Cross-document entity resolution: one corpus-level entity per real person, group or place.

Passes, strongest first: human merges; the same full name (diacritics, spacing and
punctuation ignored); the same first and last name when a middle name is missing;
the same institution of the same country; then lone names ("Kowal", "Foreign
Ministry"), which link only when exactly one candidate fits (descriptors may pick it).
Each link keeps its rule and a plain-words reason.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Protocol

from . import keys as K
from . import lexicon as L
from . import names as N
from .unionfind import Clusters


@dataclass
class DocEntity:
    document_id: str
    key: str
    name: str
    type: str
    seq: int = 0
    aliases: list[str] = field(default_factory=list)
    descriptors: list[dict] = field(default_factory=list)

    @property
    def group(self) -> str:
        return L.TYPE_GROUPS.get(self.type, self.type.lower())

    @property
    def all_names(self) -> list[str]:
        return [n for n in dict.fromkeys([self.name, *self.aliases]) if n]

    @property
    def order(self) -> tuple:
        return (self.seq, self.document_id, len(self.key), self.key)

    @property
    def ref(self) -> str:
        """How the store refers to this document's entity (``lookup``'s document~key)."""
        return f"{self.document_id}~{self.key}"


@dataclass
class Link:
    rule: str
    reason: str


@dataclass
class Resolution:
    groups: list[list[int]]
    links: dict[int, Link]


def resolve(records: list[DocEntity], merges: list[tuple[int, int]] = (),
            alone: set[int] = frozenset()) -> Resolution:
    """Group document entities into corpus-level entities (every record at once, in memory)."""
    uf, links = base_clusters(records, merges, alone)
    uf.first = {}
    context = MemoryContext(records, uf)
    targets = {i: t for i in range(len(records)) if i not in alone
               and (t := lone_target(records[i], context.root(i), context.docs(i), context)) is not None}
    return assemble(records, uf, links, [(i, context.index[t]) for i, t in sorted(targets.items())])


def base_clusters(records: list[DocEntity], merges: list[tuple[int, int]] = (),
                  alone: set[int] = frozenset()) -> tuple[Clusters, dict[int, Link]]:
    """The clusters the name rules make (every pass but lone names), with each link's rule.
    Records that share no join key (``keys.JOIN``) never affect each other here."""
    uf = Clusters(records, [r.document_id for r in records])
    links: dict[int, Link] = {}

    def join(a: int, b: int, rule: str, reason: str, force: bool = False) -> None:
        if uf.join(a, b, force=force):   # b joins a: the reason is b's; a keeps its own
            links.setdefault(b, Link(rule, reason))

    for a, b in merges:
        join(a, b, "manual", "merged by hand", force=True)
    free = [i for i in range(len(records)) if i not in alone]
    _strong(records, free, join)
    _middle_names(records, free, uf, join)
    _institutions(records, free, join)
    return uf, links


def assemble(records: list[DocEntity], uf: Clusters, links: dict[int, Link],
             pending: list[tuple[int, int]]) -> Resolution:
    """Lone names join the cluster they alone fit, in corpus order (``pending``: (lone record,
    record of the cluster it fits)); a join that would put two entities of one document
    together is refused."""
    for i, root in pending:
        if uf.join(root, i):
            links.setdefault(i, Link("lone_name", f"{records[i].name!r} fits only {label(records[root])}"))
    return Resolution(uf.groups(), links)


def label(r: DocEntity) -> str:
    return f"{r.name!r} ({r.document_id[:8]})"


def _strong(records: list[DocEntity], free: list[int], join) -> None:
    """The same full name in two documents: one entity."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in free:
        for key in K.strong_keys(records[i]):
            index[tuple(key.split("|", 2)[1:])].append(i)
    for (_space, name), items in sorted(index.items()):
        first = items[0]
        for other in items[1:]:
            join(first, other, "same_name", f"same full name {name!r} as {label(records[first])}")


def _middle_names(records: list[DocEntity], free: list[int], uf: Clusters, join) -> None:
    """"Anna M. Kowal" and "Anna Kowal" (or "A. Kowal Nowak" and "Anna Kowal Nowak"): the parts
    agree, one has an initial or lacks a middle name; link if only one cluster fits."""
    index: dict[tuple[str, str], list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for i in free:
        for _key, toks in K.middle_keys(records[i]):
            index[(toks[0][0], toks[-1])].append((i, toks))
    for _key, items in sorted(index.items()):
        if len({t for _, t in items}) < 2:
            continue
        fits = {}
        for i, toks in items:    # fixed before joining, and checked from both sides
            fits[i] = {uf.find(j) for j, other in items
                       if other != toks and N.person_names_agree(toks, other) and uf.can_join(i, j)}
        for i, toks in items:
            for j, other in items:
                if (i < j and other != toks and N.person_names_agree(toks, other)
                        and fits[i] == {uf.find(j)} and fits[j] == {uf.find(i)}):
                    join(j, i, "middle_name", f"name parts agree with {label(records[j])}, the only fit")


def _institutions(records: list[DocEntity], free: list[int], join) -> None:
    """The same kind of institution of the same country: "Ministry of Foreign Affairs" of X."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in free:
        for _key, country, head in K.institution_keys(records[i]):
            index[(country, head)].append(i)
    for (country, head), items in sorted(index.items()):
        items = list(dict.fromkeys(items))
        for other in items[1:]:
            join(items[0], other, "institution", f"same institution {head!r} of {country!r} as {label(records[items[0]])}")


class LoneContext(Protocol):
    """What a lone name's decision reads: a cluster is named by its earliest record's ref (a name
    that stays when newer records join it, unlike a union-find root)."""

    def roots_under(self, key: str) -> set[str]: ...           # clusters of records indexed under key
    def roots_in_docs(self, docs: set[str]) -> set[str]: ...   # clusters with a member in one of docs
    def roots_with_words(self, words: set[str]) -> set[str]: ...
    def surely_several(self, r: DocEntity, own_docs: set[str], keys: list[str]) -> bool: ...


def lone_target(r: DocEntity, own_root: str, own_docs: set[str], context: LoneContext) -> str | None:
    """The one cluster a lone surname, given name or institution without its country fits (or
    that its descriptors single out), else None. Candidates are the clusters the name rules
    made, fixed before any lone name joins, so the order of documents does not matter."""
    keys = K.query_keys(r)
    if not keys or context.surely_several(r, own_docs, keys):
        return None
    # a cluster fits when it is another cluster and shares no document with this one
    fits = set().union(*(context.roots_under(k) for k in keys)) - {own_root} - context.roots_in_docs(own_docs)
    if len(fits) > 1 and (words := K.descriptor_words(r)):
        fits &= context.roots_with_words(words)
    return next(iter(fits)) if len(fits) == 1 else None


class MemoryContext:
    """``LoneContext`` over records held in memory with their name-rule clusters."""

    def __init__(self, records: list[DocEntity], uf: Clusters):
        self.records, self.uf = records, uf
        self.index = {r.ref: i for i, r in enumerate(records)}
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.by_doc: dict[str, set[int]] = defaultdict(set)
        self.by_word: dict[str, set[int]] = defaultdict(set)
        for i, r in enumerate(records):
            for key in K.index_keys(r):
                self.by_key[key].add(i)
            self.by_doc[r.document_id].add(i)
            for w in K.descriptor_words(r):
                self.by_word[w].add(i)
        self._roots: dict[str, set[str]] = {}     # a common surname stands in thousands of documents

    def root(self, i: int) -> str:
        return self.records[earliest(self.uf, i)].ref

    def docs(self, i: int) -> set[str]:
        return self.uf.docs[self.uf.find(i)]

    def _refs(self, items) -> set[str]:
        return {self.records[earliest(self.uf, j)].ref for j in items}

    def roots_under(self, key: str) -> set[str]:
        if key not in self._roots:
            self._roots[key] = self._refs(self.by_key.get(key, ()))
        return self._roots[key]

    def roots_in_docs(self, docs: set[str]) -> set[str]:
        return self._refs(j for d in docs for j in self.by_doc.get(d, ()))

    def roots_with_words(self, words: set[str]) -> set[str]:
        return self._refs(j for w in words for j in self.by_word.get(w, ()))

    def surely_several(self, r: DocEntity, own_docs: set[str], keys: list[str]) -> bool:
        return False       # in memory every candidate is counted


def earliest(uf: Clusters, i: int) -> int:
    """The first record (records are in corpus order) of i's cluster: the cluster's name."""
    root = uf.find(i)
    if root not in uf.first:
        uf.first[root] = min(uf.members[root])
    return uf.first[root]


def canonical(records: list[DocEntity], members: list[int]) -> DocEntity:
    """The member that names the entity best: most name parts, most documents, diacritics kept."""
    counts: dict[str, int] = defaultdict(int)
    for m in members:
        counts[N.fold(records[m].name)] += 1

    def score(m: int):
        r = records[m]
        parts = len(N.person_tokens(r.name)) if r.group == "person" else len(N.tokens(r.name))
        return (parts, counts[N.fold(r.name)], not r.name.isascii(), -r.seq)
    return records[max(members, key=score)]
