"""The name rules of cross-document entity resolution, strongest first: human merges; one
document's bare word typed a person elsewhere; the same full name (diacritics, spacing and
punctuation ignored); the same first and last name when a middle name is missing; the same
institution of the same country. Lone names come after (``lone_names``).
"""
from __future__ import annotations

from collections import defaultdict

from . import keys as K
from . import names as N
from . import people
from .entity_rows import Tally
from .records import DocEntity, Link, label
from .unionfind import Clusters


def base_clusters(records: list[DocEntity], merges: list[tuple[int, int]] = (), alone: set[int] = frozenset(),
                  retyped: set[int] = frozenset(),
                  pairs: list[tuple[int, int]] | None = None) -> tuple[Clusters, dict[int, Link]]:
    """The clusters the name rules make (every pass but lone names), with each link's rule.
    Records that share no join key (``keys.JOIN``), no hand merge and no same-document pair
    never affect each other here. ``retyped``: records the corpus-wide typing made people;
    ``pairs``: the same-document pairs, when ``records`` are not all of their documents'."""
    uf = Clusters(records, [r.document_id for r in records])
    links: dict[int, Link] = {}

    def join(a: int, b: int, rule: str, reason: str, force: bool = False) -> None:
        if uf.join(a, b, force=force):   # b joins a: the reason is b's; a keeps its own
            links.setdefault(b, Link(rule, reason))

    for a, b in merges:
        join(a, b, "manual", "merged by hand", force=True)
    free = [i for i in range(len(records)) if i not in alone]
    for a, b in people.same_word_in_a_document(records, free, retyped) if pairs is None else pairs:
        join(a, b, "same_word", "the same bare name in one document, typed a person elsewhere", force=True)
    _strong(records, free, join)
    _middle_names(records, free, uf, join)
    _institutions(records, free, join)
    return uf, links


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
        agree = _agreement({t for _, t in items})
        # fixed before joining, and checked from both sides; a fit depends only on the name and
        # the cluster, and a famous person's records share both, so each pair of them is tried once
        roots = {i: uf.find(i) for i, _ in items}
        kinds = {(toks, roots[i]) for i, toks in items}
        fit_of = {(t, r): {r2 for t2, r2 in kinds
                           if (t, t2) in agree and r2 != r and uf.docs[r].isdisjoint(uf.docs[r2])}
                  for t, r in kinds}
        fits = {i: fit_of[(toks, roots[i])] for i, toks in items}
        single = [(i, toks) for i, toks in items if len(fits[i]) == 1]   # the others join nothing
        for i, toks in single:
            for j, other in single:
                if (i < j and (toks, other) in agree
                        and fits[i] == {uf.find(j)} and fits[j] == {uf.find(i)}
                        and not N.names_conflict(_full_names(records, uf, i), _full_names(records, uf, j))):
                    join(j, i, "middle_name", f"name parts agree with {label(records[j])}, the only fit")


def _agreement(names: set[tuple[str, ...]]) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The ordered pairs of different names whose parts agree."""
    return {(a, b) for a in names for b in names if a != b and N.person_names_agree(a, b)}


def _full_names(records: list[DocEntity], uf: Clusters, i: int) -> set[tuple[str, ...]]:
    """The full names (two parts or more) a person's cluster is written with."""
    return {t for m in uf.members[uf.find(i)] for n in records[m].all_names if len(t := N.person_core(n)) >= 2}


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


def earliest(uf: Clusters, i: int) -> int:
    """The first record (records are in corpus order) of i's cluster: the cluster's name."""
    root = uf.find(i)
    if root not in uf.first:
        uf.first[root] = min(uf.members[root])
    return uf.first[root]


def canonical(records: list[DocEntity], members: list[int]) -> DocEntity:
    """The member that names the entity as a reader would (``entity_rows``): the earliest record
    of the name and type its tally picks."""
    type_, name = Tally().add([records[m] for m in members]).best()
    return min((records[m] for m in members if records[m].type == type_ and records[m].name == name),
               key=lambda r: r.order)
