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

from ..concepts import groups
from . import lexicon as L
from . import names as N
from . import people
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
    """Group document entities into corpus-level entities."""
    uf = Clusters(records, [r.document_id for r in records])
    links: dict[int, Link] = {}

    def join(a: int, b: int, rule: str, reason: str, force: bool = False) -> None:
        if uf.join(a, b, force=force):   # b joins a: the reason is b's; a keeps its own
            links.setdefault(b, Link(rule, reason))

    for a, b in merges:
        join(a, b, "manual", "merged by hand", force=True)
    free = [i for i in range(len(records)) if i not in alone]
    retyped = people.retype_surnames(records)
    for a, b in people.same_word_in_a_document(records, free, retyped):
        join(a, b, "same_word", "the same bare name in one document, typed a person elsewhere", force=True)
    _strong(records, free, join)
    _middle_names(records, free, uf, join)
    _institutions(records, free, join)
    _lone_names(records, free, uf, join)
    return Resolution(uf.groups(), links)


def _label(r: DocEntity) -> str:
    return f"{r.name!r} ({r.document_id[:8]})"


def _strong(records: list[DocEntity], free: list[int], join) -> None:
    """The same full name in two documents: one entity."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in free:
        for key in sorted(_full_keys(records[i])):   # sorted: set order varies between runs
            index[(L.NAME_SPACES.get(records[i].group, "thing"), key)].append(i)
    for (_group, key), items in sorted(index.items()):
        first = items[0]
        for other in items[1:]:
            join(first, other, "same_name", f"same full name {key!r} as {_label(records[first])}")


def _full_keys(r: DocEntity) -> set[str]:
    if r.group == "person":
        return {" ".join(t) for n in r.all_names if len(t := N.person_tokens(n)) >= 2}
    if r.group == "place":
        return {N.country_of(n) or N.compact(n) for n in r.all_names} - {""}
    if r.group == "org":
        return {N.compact(n) for n in r.all_names if not N.is_generic_org(N.tokens(n))} - {""}
    if r.group == "norp":
        return {groups.group_key(n) for n in r.all_names} - {""}
    return {N.compact(n) for n in r.all_names} - {""}


def _middle_names(records: list[DocEntity], free: list[int], uf: Clusters, join) -> None:
    """"Anna M. Kowal" and "Anna Kowal" (or "A. Kowal Nowak" and "Anna Kowal Nowak"): the parts
    agree, one has an initial or lacks a middle name; link if only one cluster fits."""
    index: dict[tuple[str, str], list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for i in free:
        if records[i].group == "person":
            for n in records[i].all_names:
                toks = N.person_tokens(n)
                if len(toks) >= 2:
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
                    join(j, i, "middle_name", f"name parts agree with {_label(records[j])}, the only fit")


def _countries(r: DocEntity) -> set[str]:
    out = set()
    for d in r.descriptors:
        if d.get("kind") in L.AFFILIATION_KINDS and (c := N.country_of(d.get("text", ""))):
            out.add(c)
    return out


def _institutions(records: list[DocEntity], free: list[int], join) -> None:
    """The same kind of institution of the same country: "Ministry of Foreign Affairs" of X."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in free:
        r = records[i]
        if r.group != "org":
            continue
        for n in r.all_names:
            country, head, generic = N.org_key(n, _countries(r))
            if country and head and generic:
                index[(country, head)].append(i)
    for (country, head), items in sorted(index.items()):
        items = list(dict.fromkeys(items))
        for other in items[1:]:
            join(items[0], other, "institution", f"same institution {head!r} of {country!r} as {_label(records[items[0]])}")


def _lone_names(records: list[DocEntity], free: list[int], uf: Clusters, join) -> None:
    """A lone surname or given name, or an institution without its country: link only when
    exactly one candidate fits (or descriptors single one out). Candidates are fixed before
    any of these links is made, so the order of documents does not matter."""
    by_part: dict[tuple[str, str], set[int]] = defaultdict(set)
    by_head: dict[str, set[int]] = defaultdict(set)
    for i, r in enumerate(records):
        for n in r.all_names:
            toks = N.person_core(n) if r.group == "person" else N.tokens(n)
            if r.group == "person" and len(toks) >= 2:
                by_part[("first", toks[0])].add(i)
                by_part[("last", toks[-1])].add(i)
            elif r.group == "org":
                country, head, generic = N.org_key(n, _countries(r))
                if country and generic:
                    by_head[head].add(i)
                if initials := N.initials(n):
                    by_part[("initials", initials)].add(i)
    index = {"part": by_part, "head": by_head}
    roots_of: dict[tuple, set[int]] = {}      # clusters under one index key, found once per key

    def roots(key: tuple) -> set[int]:
        if key not in roots_of:
            roots_of[key] = {uf.find(j) for j in index[key[0]].get(key[1], ())}
        return roots_of[key]
    pending = []
    ev = people.Evidence(records, uf)
    for i in free:
        # a common surname can stand in thousands of documents: asking for every
        # candidate's cluster once per lone name made this step grow with the corpus squared
        fit = _lone_fit(records, i, set().union(*map(roots, _lone_candidates(records[i]))), uf, ev)
        if fit:
            pending.append((i, *fit))
    joined: set[int] = set()
    for i, root, rule in pending:
        why = {"lone_name": "fits only", "office": "with its title is most often"}.get(rule, "is most often")
        # another lone name of the document ("Hillary", then "Clinton") or the person it names in
        # full may already be there: the document left them apart for want of certainty, and
        # the corpus settles it
        same_doc = {m for m in uf.members[uf.find(root)] if records[m].document_id == records[i].document_id}
        force = bool(same_doc) and same_doc <= joined | people.bearers(records, i, same_doc) \
            and people.only_lone_names(records, uf.members[uf.find(i)])
        join(root, i, rule, f"{records[i].name!r} {why} {_label(records[root])}", force=force)
        if uf.find(i) == uf.find(root):
            joined.add(i)


def _lone_fit(records: list[DocEntity], i: int, cands: set[int], uf: Clusters, ev) -> tuple[int, str] | None:
    """The one cluster a lone name joins, and the rule that chose it, if any."""
    r = records[i]
    # whether a candidate fits depends on its cluster only: ask once per cluster
    fits = {root for root in cands if uf.can_join(i, root) or people.bears(records, i, root, uf)}
    if r.group == "person":
        fits = people.fitting_gender(r, fits, ev)
    elif r.group == "org" and fits and all(N.is_acronym(n) for n in r.all_names):
        # an acronym used more widely than the one name it could spell stands for something else
        fits = {root for root in fits if ev.documents(root) >= ev.documents(uf.find(i))}
    if len(fits) > 1:
        fits = _by_descriptors(r, fits, uf, records)
    rule = "lone_name"
    if len(fits) > 1 and r.group == "person":
        fits, rule = people.by_office(r, fits, ev), "office"
    if len(fits) > 1 and r.group == "person":
        fits, rule = people.dominant(r, fits, people.fitting_gender(r, cands, ev), ev), "dominant_name"
    return (next(iter(fits)), rule) if len(fits) == 1 else None


def _lone_candidates(r: DocEntity) -> list[tuple]:
    """Index keys ("part" or "head", key) under which the entities this lone name may stand for are."""
    if r.group == "person":
        if any(len(N.person_core(n)) >= 2 for n in r.all_names):
            return []
        out = []
        for n in r.all_names:
            toks = N.person_core(n)
            if len(toks) == 1:
                out += [("part", ("first", toks[0])), ("part", ("last", toks[0]))]
        return out
    if r.group == "org":
        if any(not N.is_generic_org(N.tokens(n)) and not N.is_acronym(n) for n in r.all_names):
            return []   # "Westvale Senate" has a name of its own, whatever short form it also has
        out = []
        if all(N.is_acronym(n) for n in r.all_names):   # "HRW" alone: whose initials are these?
            out.append(("part", ("initials", N.fold(r.name).replace(" ", ""))))
        if not _countries(r):
            for n in r.all_names:
                country, head, generic = N.org_key(n, set())
                if generic and not country:
                    out.append(("head", head))
        return out
    return []


def _by_descriptors(r: DocEntity, roots: set[int], uf: Clusters, records: list[DocEntity]) -> set[int]:
    """Among several candidates, those whose descriptors share a word with this entity's (all of
    them when none does: a description nobody shares says nothing)."""
    mine = _descriptor_words(r)
    if not mine:
        return roots
    return {root for root in roots
            if any(mine & _descriptor_words(records[m]) for m in uf.members[uf.find(root)])} or roots


def _descriptor_words(r: DocEntity) -> set[str]:
    return {w for d in r.descriptors for w in N.tokens(d.get("text", ""))} - L.DESCRIPTOR_STOPWORDS


def canonical(records: list[DocEntity], members: list[int]) -> DocEntity:
    """The member that names the entity as a reader would: a well-formed name (a person's full
    name, an institution with its country), the one most documents use, then the fullest,
    diacritics kept."""
    counts: dict[str, int] = defaultdict(int)
    written: dict[str, int] = defaultdict(int)
    for m in members:
        counts[N.fold(records[m].name)] += 1
        written[records[m].name] += 1

    def score(m: int):
        r = records[m]
        parts = len(N.person_tokens(r.name)) if r.group == "person" else len(N.tokens(r.name))
        return (N.well_formed(r.name, r.group), r.group != "person" or parts >= 2, counts[N.fold(r.name)],
                not r.name.isascii(), written[r.name], parts, -r.seq)
    return records[max(members, key=score)]
