"""Blocks: parts of a corpus whose entities resolve without looking at each other.

Entity resolution reads other records in two ways. Some decisions only count: the corpus-wide
typing of one-word records (``people.corpus_type``: is "Roe" a person's name, by how many
records call it so?) reads the number of records of each typing word, nothing else. Those
counts come from one pass over the corpus (``typing_counts``), and every block is resolved under
the counts of the whole corpus (``resolve_block``), so no block needs the records counted.
The other decisions read records: a name rule links records with a common *join* key; a lone
name chooses among the clusters *indexed* under its *query* keys; one document's records of the
same bare word are paired (``people.same_word_in_a_document``). A record's keys are taken with
its type as the corpus types it, so a word typed a place that the corpus does not make a person
never asks for people. Two records are in one block when they share a join key or a document's
bare word, or when one is indexed and the other queries under a key, directly or through others:
an index key no lone name asks for, or a lone name's key no cluster is indexed under, links
nothing. ``resolve_block`` on each block (``entities.resolve``, the very rules ``casefile
resolve`` runs) gives, block by block, the entities of the whole corpus. The Spark job
(``spark_resolve``) finds the blocks with DataFrame joins; ``resolve_by_blocks`` does the same
in one process. This module is the one place that says what links a block.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from . import keys as K
from . import names as N
from . import people
from .entities import resolve
from .entities_store import group_rows
from .records import DocEntity
from .unionfind import roots

SAME_DOCUMENT = "D:"      # a document's bare word: its records of that word are paired
_ALWAYS = (K.JOIN, SAME_DOCUMENT)


def typing_counts(records) -> Counter:
    """The counts the corpus-wide typing reads (``people.retype``): records per typing word."""
    return Counter(w for r in records for w in people.typing_words(r))


def block_keys(r: DocEntity, count) -> list[str]:
    """The keys, with their role prefix (``keys.JOIN``, ``INDEX``, ``QUERY``, ``SAME_DOCUMENT``),
    under which ``r`` meets the records its resolution reads; ``count``: typing word -> records
    of the whole corpus (``typing_counts``)."""
    kind = people.corpus_type(r, count)
    typed = r if kind is None else replace(r, type=kind)
    out = [key for key in K.stored_keys(typed) if key[:2] in (K.JOIN, K.INDEX, K.QUERY)]
    cores = {N.person_core(n) for n in r.all_names}
    if len(cores) == 1 and len(core := next(iter(cores))) == 1:
        out.append(f"{SAME_DOCUMENT}{r.document_id}|{core[0]}")
    return out


def links(roles: set[str]) -> bool:
    """Whether a key held under these roles puts its records in one block."""
    return any(role in roles for role in _ALWAYS) or {K.INDEX, K.QUERY} <= roles


def blocks(records: list[DocEntity], count) -> list[list[int]]:
    """The blocks of ``records`` (indexes), under the corpus counts ``count``."""
    keyed = [block_keys(r, count) for r in records]
    roles: dict[str, set[str]] = defaultdict(set)
    for keys in keyed:
        for key in keys:
            roles[key[2:]].add(key[:2])
    first: dict[str, int] = {}
    edges = [(first.setdefault(body, i), i) for i, keys in enumerate(keyed)
             for body in {key[2:] for key in keys} if links(roles[body])]
    root = roots(len(records), edges)
    out: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        out[root[i]].append(i)
    return list(out.values())


def resolve_block(records: list[DocEntity], count) -> tuple[list[dict], list[dict]]:
    """The entity rows and link rows (``entity_links``: each record's entity, rule and reason) of
    one block, as ``casefile resolve`` writes them, typed by the corpus counts ``count``."""
    records = sorted(records, key=lambda r: r.order)
    result = resolve(records, typing=count)
    entity_rows, link_rows, _mapping = group_rows(records, result.groups, result.links)
    return entity_rows, link_rows


def block_entities(records: list[DocEntity], count) -> list[tuple[str, str]]:
    """(record ref, ref of its entity's earliest record) for every record of one block."""
    records = sorted(records, key=lambda r: r.order)
    out = []
    for group in resolve(records, typing=count).groups:
        first = min(group, key=lambda i: records[i].order)
        out += [(records[i].ref, records[first].ref) for i in group]
    return out


def resolve_by_blocks(records: list[DocEntity]) -> list[tuple[str, str]]:
    """``block_entities`` over every block of ``records`` in one process: the entities
    ``entities.resolve`` gives over all of them at once."""
    counts = typing_counts(records)
    count = counts.__getitem__
    return [pair for block in blocks(records, count) for pair in block_entities([records[i] for i in block], count)]
