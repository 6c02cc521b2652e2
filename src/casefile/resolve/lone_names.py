"""Lone names ("Kowal", "Foreign Ministry", "HRW", "President Roe"): the one cluster each joins.

A lone name's candidates are the clusters the name rules made (``entities.base_clusters``)
whose records stand under one of its query keys, fixed before any lone name joins, so the
order of documents does not matter. Of those it may join (another cluster sharing no
document, or one its own document names in full), an honorific, an acronym's reach,
descriptors, a title and, last, one bearer dominating the corpus single one out
(``people``). Clusters are named by their earliest record, so a name stays when newer
records join. The full run reads clusters from memory (``MemoryContext``); an incremental
one from the store (``entity_context.StoreContext``): both answer ``LoneContext``.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Protocol

from . import keys as K
from . import names as N
from . import people
from .name_rules import earliest
from .records import DocEntity, Link, Resolution, label
from .unionfind import Clusters

WHY = {"lone_name": "fits only", "office": "with its title is most often",
       "own_document": "is named in full in its document as"}


class LoneContext(Protocol):
    """What a lone name's decision reads about clusters (named by their earliest record's ref)."""

    def roots_under(self, key: str) -> set[str]: ...           # clusters of records indexed under key
    def documents_of(self, root: str) -> set[str]: ...         # the documents a cluster spans
    def same_document(self, root: str, document_id: str) -> list[DocEntity]: ...
    def roots_with_words(self, words: set[str]) -> set[str]: ...
    def gender(self, root: str) -> str | None: ...
    def offices(self, root: str): ...                          # Counter of offices
    def documents(self, root: str) -> int: ...
    # what a plain lone name reads instead of every candidate's records (``plain_fit``)
    def ranking(self, keys: list[str]) -> tuple[int, str | None, bool]: ...
    def candidates(self, keys: list[str]) -> set[str]: ...
    def local_candidates(self, keys: list[str], documents: set[str]) -> set[str]: ...


def plain_fit(r: DocEntity, own_root: str, own_docs: set[str], ctx: LoneContext) -> tuple[tuple[str, str] | None, int]:
    """``lone_fit`` of a plain lone name (``keys.is_plain``) without reading its candidates'
    records, and how many candidates its own documents rule out.

    Why it is the same: a candidate that shares no document with the lone name's cluster (and
    is not that cluster) fits, so only those with a record in its own documents can be ruled
    out; with no honorific, title or descriptor, more than one fit leaves only ``people.dominant``,
    which ranks every candidate by documents and takes the top one if it dominates and fits."""
    keys = K.query_keys(r)
    # each of these shares a document with the lone name's cluster (or is it): it fits only as ``_bears``
    out = {root for root in ctx.local_candidates(keys, own_docs) if not _bears(r, root, ctx)}
    count, top, dominant = ctx.ranking(keys)
    if count - len(out) == 1:
        return (next(iter(ctx.candidates(keys) - out)), "lone_name"), len(out)
    if count - len(out) >= 2 and r.group == "person" and dominant and top not in out \
            and not people.common_family_name(r):
        return (top, "dominant_name"), len(out)
    return None, len(out)


def lone_fit(r: DocEntity, own_root: str, own_docs: set[str], ctx: LoneContext) -> tuple[str, str] | None:
    """(the cluster a lone name joins, the rule that chose it), or None."""
    keys = K.query_keys(r)
    if not keys:
        return None
    cands = set().union(*(ctx.roots_under(k) for k in keys))
    fits = {root for root in cands
            if (root != own_root and not ctx.documents_of(root) & own_docs) or _bears(r, root, ctx)}
    if r.group == "person":
        fits = people.fitting_gender(r, fits, ctx)
    elif r.group == "org" and fits and all(N.is_acronym(n) for n in r.all_names):
        # an acronym used more widely than the one name it could spell stands for something else
        fits = {root for root in fits if ctx.documents(root) >= len(own_docs)}
    if len(fits) > 1 and (words := K.descriptor_words(r)):
        # those whose descriptors share a word with this one's (all of them when none does)
        fits = (fits & ctx.roots_with_words(words)) or fits
    rule = "lone_name"
    if len(fits) > 1 and r.group == "person":
        fits, rule = people.by_office(r, fits, ctx), "office"
    if len(fits) > 1 and r.group == "person" and people.offices(r):
        # a titled surname its document left apart, on which the corpus is silent: the one
        # the document names in full is the likelier
        own = {root for root in fits if _bears(r, root, ctx)}
        fits, rule = (own, "own_document") if len(own) == 1 else (fits, rule)
    if len(fits) > 1 and r.group == "person":
        fits, rule = people.dominant(r, fits, people.fitting_gender(r, cands, ctx), ctx), "dominant_name"
    return (next(iter(fits)), rule) if len(fits) == 1 else None


def _bears(r: DocEntity, root: str, ctx: LoneContext) -> bool:
    """Is the only thing keeping the lone name from this cluster its own document's full naming
    of the same person?"""
    same = ctx.same_document(root, r.document_id)
    local = [r, *same]
    return bool(same) and set(range(1, len(local))) == people.bearers(local, 0, set(range(1, len(local))))


def assemble(records: list[DocEntity], uf: Clusters, links: dict[int, Link],
             pending: list[tuple[int, int, str]]) -> Resolution:
    """Lone names join the cluster chosen for them, in corpus order (``pending``: (lone record,
    record naming the cluster, rule)). A join that would put two entities of one document
    together is refused, unless the only other records of that document in the cluster name
    the same person and the lone name's cluster names no one in full."""
    joined: set[int] = set()
    for i, root, rule in pending:
        same_doc = {m for m in uf.members[uf.find(root)] if records[m].document_id == records[i].document_id}
        force = bool(same_doc) and same_doc <= joined | people.bearers(records, i, same_doc) \
            and people.only_lone_names(records, uf.members[uf.find(i)])
        if uf.join(root, i, force=force):
            why = WHY.get(rule, "is most often")
            links.setdefault(i, Link(rule, f"{records[i].name!r} {why} {label(records[root])}"))
        if uf.find(i) == uf.find(root):
            joined.add(i)
    return Resolution(uf.groups(), links)


class MemoryContext:
    """``LoneContext`` over records held in memory with their name-rule clusters."""

    def __init__(self, records: list[DocEntity], uf: Clusters):
        self.records, self.uf = records, uf
        self.index = {r.ref: i for i, r in enumerate(records)}
        self.evidence = people.Evidence(records, uf)
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.by_word: dict[str, set[int]] = defaultdict(set)
        for i, r in enumerate(records):
            for key in K.index_keys(r):
                self.by_key[key].add(i)
            for w in K.descriptor_words(r):
                self.by_word[w].add(i)
        self._roots: dict[str, set[str]] = {}     # a common surname stands in thousands of documents
        self._ranked: dict[tuple, tuple] = {}
        self.by_doc: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(records):
            self.by_doc[r.document_id].append(i)

    def root(self, i: int) -> str:
        return self.records[earliest(self.uf, i)].ref

    def _of(self, root: str) -> int:
        return self.uf.find(self.index[root])

    def _refs(self, items) -> set[str]:
        return {self.records[earliest(self.uf, j)].ref for j in items}

    def roots_under(self, key: str) -> set[str]:
        if key not in self._roots:
            self._roots[key] = self._refs(self.by_key.get(key, ()))
        return self._roots[key]

    def documents_of(self, root: str) -> set[str]:
        return self.uf.docs[self._of(root)]

    def same_document(self, root: str, document_id: str) -> list[DocEntity]:
        return [self.records[m] for m in sorted(self.uf.members[self._of(root)])
                if self.records[m].document_id == document_id]

    def roots_with_words(self, words: set[str]) -> set[str]:
        return self._refs(j for w in words for j in self.by_word.get(w, ()))

    def gender(self, root: str) -> str | None:
        return self.evidence.gender(self._of(root))

    def offices(self, root: str):
        return self.evidence.offices(self._of(root))

    def documents(self, root: str) -> int:
        return self.evidence.documents(self._of(root))

    def candidates(self, keys: list[str]) -> set[str]:
        return set().union(*(self.roots_under(k) for k in keys))

    def ranking(self, keys: list[str]) -> tuple[int, str | None, bool]:
        key = tuple(keys)
        if key not in self._ranked:
            self._ranked[key] = ranked(self.candidates(keys), self.documents)
        return self._ranked[key]

    def local_candidates(self, keys: list[str], documents: set[str]) -> set[str]:
        roots = {self.records[earliest(self.uf, i)].ref for d in documents for i in self.by_doc.get(d, ())}
        return roots & self.candidates(keys)


def ranked(roots: set[str], documents) -> tuple[int, str | None, bool]:
    """(how many candidates, the one in most documents (then first by ref), whether it dominates)."""
    if not roots:
        return 0, None, False
    top = min(roots, key=lambda root: (-documents(root), root))
    second = max((documents(root) for root in roots if root != top), default=0)
    return len(roots), top, len(roots) >= 2 and people.dominates(documents(top), second)
