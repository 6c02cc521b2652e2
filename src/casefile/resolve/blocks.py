"""Blocks: parts of a corpus whose entities resolve without looking at each other.

Entity resolution reads other records in three ways, and each is done where it needs no more.
Some decisions only count: the corpus-wide typing of one-word records (``people.corpus_type``:
is "Roe" a person's name, by how many records call it so?) reads the number of records of each
typing word. Those counts come from one pass over the corpus (``typing_counts``), and every part
is typed under the counts of the whole corpus. The name rules read records: they link records
with a common *join* key, one document's records of the same bare word, and a word the corpus
made a person with the one person its document names in full by that surname. Two records are
in one *block* when they share such a key, directly or through others (``blocks``), and
``candidate_stats.name_block`` makes each block's clusters. A lone name ("Kowal") then chooses
among the clusters under its query keys from their statistics and its own documents' records
(``candidate_stats.lone_choice``): it is not in their block, so a lone word no longer chains
every full name that contains it. Last, each cluster takes the lone names that chose it
(``candidate_stats.join_unit``), one *unit* (clusters linked by a choice) at a time. The result
is the entities ``entities.resolve`` (``casefile resolve``) gives over everything at once. The
Spark job (``spark_resolve``) runs the same three steps with DataFrame joins;
``resolve_by_blocks`` runs them in one process. This module is the one place that says what
links a block.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from . import keys as K
from . import names as N
from . import people
from .candidate_stats import Candidates, Named, join_unit, lone_choice, name_block
from .records import DocEntity
from .unionfind import components

SAME_DOCUMENT = "D:"      # a document's bare word: its records of that word are paired
BEARER, MADE_PERSON = "E:", "Y:"    # a full name's surname in its document; a word the corpus made a person there


def typing_counts(records) -> Counter:
    """The counts the corpus-wide typing reads (``people.retype``): records per typing word."""
    return Counter(w for r in records for w in people.typing_words(r))


def block_keys(r: DocEntity, count) -> list[str]:
    """The keys, with their role prefix (``keys.JOIN``, ``SAME_DOCUMENT``, ``BEARER``,
    ``MADE_PERSON``), under which ``r`` meets the records the name rules read with it;
    ``count``: typing word -> records of the whole corpus (``typing_counts``)."""
    kind = people.corpus_type(r, count)
    typed = r if kind is None else replace(r, type=kind)
    out = [K.JOIN + key for key in K.join_keys(typed)]
    cores = {N.person_core(n) for n in r.all_names}
    if len(cores) == 1 and len(core := next(iter(cores))) == 1:
        out.append(f"{SAME_DOCUMENT}{r.document_id}|{core[0]}")
        if kind == "PERSON":        # paired with its document's one bearer of that surname
            out.append(f"{MADE_PERSON}bearer|{r.document_id}|{core[0]}")
    elif typed.type == "PERSON":
        out += [f"{BEARER}bearer|{r.document_id}|{c[-1]}" for c in sorted(cores) if len(c) >= 2]
    return out


def links(roles: set[str]) -> bool:
    """Whether a key held under these roles puts its records in one block: a bearer's surname
    only when a word of its document was made a person."""
    return K.JOIN in roles or SAME_DOCUMENT in roles or {BEARER, MADE_PERSON} <= roles


def blocks(records: list[DocEntity], count) -> list[list[int]]:
    """The blocks of ``records`` (indexes), under the corpus counts ``count``."""
    return _components(len(records), [block_keys(r, count) for r in records])


def _components(n: int, keyed: list[list[str]]) -> list[list[int]]:
    roles: dict[str, set[str]] = defaultdict(set)
    for keys in keyed:
        for key in keys:
            roles[key[2:]].add(key[:2])
    first: dict[str, int] = {}
    edges = [(first.setdefault(body, i), i) for i, keys in enumerate(keyed)
             for body in {key[2:] for key in keys} if links(roles[body])]
    return components(n, edges)


def lone_keys(r: DocEntity, count) -> list[str]:
    """The query keys of ``r`` typed by the corpus counts: those a lone name asks under."""
    kind = people.corpus_type(r, count)
    return K.query_keys(r if kind is None else replace(r, type=kind))


def units(named: dict[str, Named], chosen: dict[str, tuple[str, str]]) -> list[list[str]]:
    """Record refs grouped into units: a name-rule cluster with every cluster whose lone names
    chose it, and theirs, and so on."""
    refs = list(named)
    at = {ref: i for i, ref in enumerate(refs)}
    edges = [(at[n.root], at[ref]) for ref, n in named.items()]
    edges += [(at[root], at[ref]) for ref, (root, _rule) in chosen.items()]
    return [[refs[i] for i in group] for group in components(len(refs), edges)]


def resolve_by_blocks(records: list[DocEntity], sizes: dict | None = None) -> list[tuple[str, str]]:
    """(record ref, ref of its entity's earliest record) for every record, in one process: the
    blocks' clusters, each lone name's choice, each unit's entities. They are the entities
    ``entities.resolve`` gives over all of them at once. ``sizes``, if given, takes the sizes
    of the blocks and units."""
    count = typing_counts(records).__getitem__
    found = blocks(records, count)
    named: dict[str, Named] = {}
    stats = []
    for block in found:
        block_named, block_stats = name_block([records[i] for i in block], count)
        named.update((n.ref, n) for n in block_named)
        stats += block_stats
    candidates = Candidates(stats, {k for r in records for k in lone_keys(r, count)})
    by_ref = {r.ref: r for r in records}
    by_doc: dict[str, list[tuple[DocEntity, str]]] = defaultdict(list)
    for r in records:
        by_doc[r.document_id].append((r, named[r.ref].root))
    chosen = {n.ref: fit for n in named.values() if n.docs and (fit := lone_choice(
        by_ref[n.ref], n, [pair for d in n.docs for pair in by_doc[d]], candidates, count)) is not None}
    parts = units(named, chosen)
    if sizes is not None:
        sizes.update(blocks=[len(b) for b in found], units=[len(u) for u in parts])
    out = []
    for unit in parts:
        members, result = join_unit([by_ref[ref] for ref in unit], named,
                                    {ref: chosen[ref] for ref in unit if ref in chosen}, count)
        for group in result.groups:
            first = min(group, key=lambda i: members[i].order)
            out += [(members[i].ref, members[first].ref) for i in group]
    return out
