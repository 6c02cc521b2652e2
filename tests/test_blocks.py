"""A corpus resolved block by block (``resolve/blocks.py``, what Spark runs) has the entities of
the same corpus resolved all at once (``entities.resolve``, ``casefile resolve``).

Blocks are small because what only counts is counted once for the whole corpus: two people
who share a first name or a surname are in different blocks. What the name rules read stays
together: the same full name, the same first and last name, one document's records of one
word. A lone name ("Brand") is not in the block of the full names it may stand for: it
chooses among their clusters from their statistics (``candidate_stats``) and its own
documents' records, and joins the one it chose afterwards.
"""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from casefile.resolve import blocks as B
from casefile.resolve.entities import DocEntity, resolve


def ent(doc: str, name: str, type: str = "PERSON", aliases=(), descriptors=(), key: str = "e1") -> DocEntity:
    return DocEntity(document_id=doc, key=key, name=name, type=type, seq=int(doc[1:]),
                     aliases=list(aliases), descriptors=[{"text": t, "kind": "affiliation"} for t in descriptors])


def all_at_once(records: list[DocEntity]) -> tuple[set[frozenset[str]], dict[str, str]]:
    """(entities as sets of record refs, each record's type) of ``entities.resolve`` over all."""
    fresh = sorted((replace(r) for r in records), key=lambda r: r.order)
    groups = resolve(fresh).groups
    return {frozenset(fresh[i].ref for i in g) for g in groups}, {r.ref: r.type for r in fresh}


def block_by_block(records: list[DocEntity]) -> tuple[set[frozenset[str]], dict[str, str]]:
    fresh = [replace(r) for r in records]
    entities: dict[str, set[str]] = {}
    for ref, entity in B.resolve_by_blocks(fresh):
        entities.setdefault(entity, set()).add(ref)
    return {frozenset(g) for g in entities.values()}, {r.ref: r.type for r in fresh}


def block_of(records: list[DocEntity]) -> dict[str, int]:
    """Each record's block (by ref)."""
    found = B.blocks(records, B.typing_counts(records).__getitem__)
    return {records[i].ref: n for n, block in enumerate(found) for i in block}


# The pattern that made real news one block: full names sharing first names and surnames
# (every part of a full name is a typing word), a surname tagged an organization, lone names,
# one-word places and groups.
CHAIN = [
    ent("d1", "Talia Orvane"), ent("d1", "Kestria", "GPE", key="e2"),
    ent("d2", "Talia Brand"), ent("d2", "Kestrians", "NORP", key="e2"),
    ent("d3", "Mika Brand"), ent("d3", "Kestria", "GPE", key="e2"),
    ent("d4", "Mika Helse"), ent("d4", "Vell", "GPE", key="e2"),
    ent("d5", "Doran Helse"), ent("d5", "Orvane", "ORG", key="e2"),
    ent("d6", "Orvane"), ent("d6", "Vell Tarr", key="e2"),
    ent("d7", "Ann Orvane"), ent("d7", "Brand", key="e2"),
    ent("d8", "Kestrians", "NORP"), ent("d8", "Doran Helse", key="e2"),
    ent("d9", "M. Brand"), ent("d9", "Kestria Post", "ORG", key="e2"),
]


def test_the_chained_corpus_resolves_block_by_block_as_all_at_once():
    assert block_by_block(CHAIN) == all_at_once(CHAIN)


def test_the_chained_corpus_falls_into_several_blocks():
    assert len(set(block_of(CHAIN).values())) >= 6


@pytest.mark.parametrize("a, b, together", [
    ("d5~e2", "d5~e1", False),    # "Orvane" tagged an organization, made a person: no Orvane in its document
    ("d5~e2", "d1~e1", False),    # nor anywhere it reads: the Orvanes' statistics are enough
    ("d7~e2", "d3~e1", False),    # lone "Brand" and the full names it may stand for
    ("d7~e2", "d2~e1", False),
    ("d6~e1", "d7~e1", False),    # two documents' lone "Orvane" and "Ann Orvane"
    ("d1~e2", "d3~e2", True),     # the same place
    ("d2~e2", "d8~e1", True),     # the same group
    ("d5~e1", "d8~e2", True),     # the same full name
    ("d9~e1", "d3~e1", True),     # an initial for the first name
    ("d1~e1", "d2~e1", False),    # only a first name in common, and no lone "Talia"
    ("d3~e1", "d4~e1", False),
    ("d4~e1", "d5~e1", False),    # only a surname in common, and no lone "Helse"
    ("d4~e2", "d6~e2", False),    # a place and a person's first name
    ("d1~e2", "d2~e2", False),    # a place and its people
    ("d9~e2", "d1~e2", False),    # an outlet and the place it is named after
    ("d9~e2", "d1~e1", False),
])
def test_records_share_a_block_only_when_one_decision_reads_both(a, b, together):
    block = block_of(CHAIN)
    assert (block[a] == block[b]) is together


def test_the_corpus_counts_type_a_word_in_a_block_that_does_not_hold_them():
    # four records call "Sarkel" a person, none in full; two documents tag it an organization
    corpus = [ent(f"d{i}", "Sarkel") for i in range(1, 5)] + [ent("d5", "Sarkel", "ORG"), ent("d6", "Sarkel", "ORG")]
    block = block_of(corpus)
    assert block["d5~e1"] != block["d6~e1"]       # two people called by one word: no decision reads both
    groups, types = block_by_block(corpus)
    assert (groups, types) == all_at_once(corpus)
    assert types["d5~e1"] == "PERSON"
    # resolved on their own, the two would count only themselves and be one organization
    alone, _ = all_at_once(corpus[4:])
    assert alone == {frozenset({"d5~e1", "d6~e1"})}


def test_one_documents_records_of_one_word_stay_in_one_block():
    # "Mr. Tessel" is tagged a person, but the corpus calls the word a place far more often:
    # his record and the place his document names with that word are one place
    corpus = [ent("d1", "Mr. Tessel"), ent("d1", "Tessel", "GPE", key="e2"),
              ent("d2", "Tessel", "GPE"), ent("d3", "Tessel", "GPE"), ent("d4", "Tessel", "GPE")]
    block = block_of(corpus)
    assert block["d1~e1"] == block["d1~e2"]
    groups, types = block_by_block(corpus)
    assert (groups, types) == all_at_once(corpus)
    assert any({"d1~e1", "d1~e2"} <= g for g in groups)


FIRST = ["Talia", "Mika", "Doran", "Vell", "Ann"]
LAST = ["Orvane", "Brand", "Helse", "Tessel", "Sarkel"]
TITLES = ["Mr.", "Mrs.", "President", "Minister"]
PLACES = ["Kestria", "Lunara", "Vell", "Tessel", "Ostmark"]


def random_record(rng: random.Random, doc: str, key: str) -> DocEntity:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    form = rng.choice(["full", "full", "lone", "lone first", "titled", "org", "place", "group", "ministry"])
    if form == "full":
        return ent(doc, f"{first} {last}", aliases=[last] if rng.random() < 0.3 else [], key=key,
                   descriptors=[rng.choice(PLACES)] if rng.random() < 0.2 else [])
    if form in ("lone", "lone first", "titled"):
        word = first if form == "lone first" else last
        name = f"{rng.choice(TITLES)} {word}" if form == "titled" else word
        return ent(doc, name, key=key, descriptors=["minister"] if rng.random() < 0.1 else [])
    if form == "org":
        return ent(doc, rng.choice([last, f"{last} Group", f"{rng.choice(PLACES)} {last} Watch"]), "ORG", key=key)
    if form == "place":
        return ent(doc, rng.choice(PLACES + LAST[:2]), "GPE", key=key)
    if form == "group":
        return ent(doc, rng.choice(["Kestrians", "Lunarans", last]), "NORP", key=key)
    return ent(doc, "Foreign Ministry", "ORG", key=key, descriptors=[rng.choice(PLACES)] if rng.random() < 0.5 else [])


@pytest.mark.parametrize("seed", range(12))
def test_random_corpora_of_few_names_resolve_block_by_block_as_all_at_once(seed):
    rng = random.Random(seed)
    corpus = [random_record(rng, f"d{d}", f"e{k}") for d in range(1, 31) for k in range(rng.randint(2, 6))]
    assert block_by_block(corpus) == all_at_once(corpus)


def full(doc: str, name: str, descriptors=(), forms=(), key: str = "e1") -> DocEntity:
    """A person named in full, with the surname alone (and ``forms``) among the document's forms."""
    return ent(doc, name, aliases=[name, *forms, name.split()[-1]], descriptors=descriptors, key=key)


def dominant_brand() -> list[DocEntity]:
    return [full(f"d{i}", "Mika Brand") for i in range(1, 7)] + [full("d7", "Talia Brand")]


# (what, corpus, the lone name, the record it joins or None): lone names decided from their
# candidates' statistics, not from records in their block
LONE = [
    ("the only bearer of the surname", [full("d1", "Mika Brand"), ent("d2", "Brand")], "d2~e1", "d1~e1"),
    ("the only bearer of the first name", [full("d1", "Talia Orvane"), ent("d2", "Talia")], "d2~e1", "d1~e1"),
    ("two bearers, neither dominant", [full("d1", "Mika Brand"), full("d2", "Talia Brand"), ent("d3", "Brand")],
     "d3~e1", None),
    ("one bearer named far more often", dominant_brand() + [ent("d8", "Brand")], "d8~e1", "d1~e1"),
    ("the dominant bearer, named in full in its own document too",
     dominant_brand() + [ent("d2", "Brand", key="e2"), ent("d2", "Vell Brand", key="e3")], "d2~e2", "d1~e1"),
    ("its own document names the only bearer in full",
     [full("d1", "Mika Brand"), ent("d1", "Brand", key="e2")], "d1~e2", "d1~e1"),
    ("two bearers, one named in its own document",
     [full("d1", "Mika Brand"), full("d2", "Talia Brand"), ent("d2", "Brand", key="e2")], "d2~e2", None),
    ("an honorific only one bearer is called by",
     [full("d1", "Mika Brand", forms=["Mr. Mika Brand"]), full("d2", "Talia Brand", forms=["Mrs. Talia Brand"]),
      ent("d3", "Mrs. Brand")], "d3~e1", "d2~e1"),
    ("an honorific the only bearer is not called by",
     [full("d1", "Mika Brand", forms=["Mr. Mika Brand"]), ent("d2", "Mrs. Brand")], "d2~e1", None),
    ("a title one bearer holds far more often",
     [full(f"d{i}", "Doran Helse", forms=["President Doran Helse"]) for i in (1, 2)]
     + [full("d3", "Ann Helse"), ent("d4", "President Helse")], "d4~e1", "d1~e1"),
    ("a title no bearer holds more often",
     [full("d1", "Doran Helse", forms=["President Doran Helse"]), full("d3", "Ann Helse", forms=["President Ann Helse"]),
      ent("d4", "President Helse")], "d4~e1", None),
    ("a descriptor one bearer shares",
     [full("d1", "Mika Brand", descriptors=["Kestria"]), full("d2", "Talia Brand"),
      ent("d3", "Brand", descriptors=["Kestria"])], "d3~e1", "d1~e1"),
    ("a descriptor no bearer shares", [full("d1", "Mika Brand"), full("d2", "Talia Brand"),
                                       ent("d3", "Brand", descriptors=["Kestria"])], "d3~e1", None),
    ("an institution of one country only",
     [ent("d1", "Japan Foreign Ministry", "ORG"), ent("d2", "Foreign Ministry", "ORG")], "d2~e1", "d1~e1"),
    ("an institution of two countries",
     [ent("d1", "Japan Foreign Ministry", "ORG"), ent("d2", "Vietnam Foreign Ministry", "ORG"),
      ent("d3", "Foreign Ministry", "ORG")], "d3~e1", None),
    ("a word no one bears in full", [full("d1", "Mika Brand"), ent("d2", "Orvane")], "d2~e1", None),
]


@pytest.mark.parametrize("what, corpus, lone, joins", LONE, ids=[case[0] for case in LONE])
def test_a_lone_name_joins_by_its_candidates_statistics_as_all_at_once(what, corpus, lone, joins):
    groups, types = block_by_block(corpus)
    assert (groups, types) == all_at_once(corpus)
    alone = {g for g in groups if lone in g} == {frozenset({lone})}
    assert alone if joins is None else any({lone, joins} <= g for g in groups)


def test_a_lone_name_is_in_no_block_of_the_people_it_may_stand_for():
    block = block_of(dominant_brand() + [ent("d8", "Brand")])
    assert block["d8~e1"] not in {block[f"d{i}~e1"] for i in range(1, 8)}
