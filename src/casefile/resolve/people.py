"""What the corpus as a whole says about people, for names one document leaves open.

- A surname the tagger called an organization or a place in some documents ("Roe said",
  tagged ORG) is the person when people are called so far more often across the corpus; a
  word it called a person that names nobody in full, and an organization far more often, is
  the organization.
- An honorific says a woman or a man: "Mrs. Roe" never joins a person the corpus calls
  "Mr. Roe", whatever the surname they share.
- A titled surname ("President Roe") goes to the bearer the corpus calls so far more often.
- A lone surname goes to the one bearer the corpus makes dominant (named in far more
  documents than any other), when nothing else singles one out.
"""
from __future__ import annotations

from collections import Counter

from ..concepts import person_names
from . import lexicon as L
from . import names as N

_RETYPED = ("ORG", "GPE", "LOC", "NORP", "FAC")


def retype(records: list) -> set[int]:
    """Type one-word records as the corpus does (``corpus_type``), counting every record's
    words as its document typed it. Returns the records made people."""
    counts = Counter(w for r in records for w in typing_words(r))
    return apply_types(records, counts.__getitem__)


def apply_types(records: list, count) -> set[int]:
    """Give each record the type ``corpus_type`` finds under these counts (``count``: typing
    key -> records); returns those made people."""
    out = set()
    for i, r in enumerate(records):
        if (kind := corpus_type(r, count)) is not None:
            r.type = kind
            if kind == "PERSON":
                out.add(i)
    return out


def corpus_type(r, count) -> str | None:
    """The type the corpus gives a one-word record over its document's, if any:
    - a word of another type the corpus uses far more as a person's name (a surname or a lone
      name) is that person ("Roe said", tagged ORG);
    - a lone word typed a person that no record gives as part of a person's full name, while
      far more records give it one other type, takes that type ("Roe reported", tagged a
      person, for the news site the corpus calls an organization)."""
    if (word := retypable_word(r)) is not None:
        return "PERSON" if is_persons_word(word, count(f"p|{word}"), count(f"o|{word}")) else None
    if (word := lone_person_word(r)) is not None:
        return lone_word_type(word, count)
    return None


def typing_keys(r) -> set[str]:
    """The counts ``corpus_type`` reads for this record."""
    word = retypable_word(r) or lone_person_word(r)
    return set() if word is None else word_typing_keys(word)


def word_typing_keys(word: str) -> set[str]:
    return {f"{kind}|{word}" for kind in ("p", "o", "f", "l", *_RETYPED)}


def typing_words(r) -> set[str]:
    """The typing keys a record adds to the corpus-wide counts, as its document typed it: a
    person's surnames ("p|"), every part of a person's full names ("f|"), a person's one lone
    word ("l|"); another type's one-word names ("o|") and the word of a one-word record of
    that type ("ORG|", "GPE|" ...)."""
    if r.original_type == "PERSON":
        cores = {N.person_core(n) for n in r.all_names} - {()}
        out = {f"p|{c[-1]}" for c in cores} | {f"f|{w}" for c in cores if len(c) >= 2 for w in c}
        return out | ({f"l|{w}"} if (w := lone_person_word(r)) else set())
    out = {f"o|{N.fold(n)}" for n in r.all_names if len(N.tokens(n)) == 1}
    return out | ({f"{r.original_type}|{w}"} if (w := retypable_word(r)) else set())


def retypable_word(r) -> str | None:
    """The one word of a one-word record its document typed other than a person, in a type
    that may be a person's surname, else None."""
    if r.original_type not in _RETYPED or any(len(N.tokens(n)) != 1 for n in r.all_names):
        return None
    words = {N.fold(n) for n in r.all_names}
    return next(iter(words)) if len(words) == 1 else None


def lone_person_word(r) -> str | None:
    """The one word of a record its document typed a person and named by that word alone."""
    if r.original_type != "PERSON":
        return None
    cores = {N.person_core(n) for n in r.all_names}
    return next(iter(cores))[0] if len(cores) == 1 and len(next(iter(cores))) == 1 else None


def is_persons_word(word: str, as_person: int, as_other: int) -> bool:
    """Whether the corpus uses ``word`` far more as a person's name than otherwise."""
    return as_person >= max(L.SURNAME_AS_PERSON_MIN_DOCS, L.SURNAME_AS_PERSON_RATIO * as_other) \
        and word not in person_names.COMMON_FAMILY_NAMES and not N.country_of(word)


def lone_word_type(word: str, count) -> str | None:
    """The type a lone word typed a person takes when it names nobody in full and one other
    type far more often (the first of ``_RETYPED`` among equals), else None."""
    if count(f"f|{word}"):
        return None
    votes = {kind: count(f"{kind}|{word}") for kind in _RETYPED}
    if sum(votes.values()) < max(L.SURNAME_AS_PERSON_MIN_DOCS, L.SURNAME_AS_PERSON_RATIO * count(f"l|{word}")):
        return None
    return max(_RETYPED, key=lambda kind: votes[kind])


def word_typing(word: str, count) -> tuple[bool, str | None]:
    """How the corpus types a word under these counts, both ways (to see when it changes)."""
    return is_persons_word(word, count(f"p|{word}"), count(f"o|{word}")), lone_word_type(word, count)


def same_word_in_a_document(records: list, free: list[int], retyped: set[int]) -> list[tuple[int, int]]:
    """Pairs of one document's records that name one person: the same bare word, typed a
    person in one place and something else in another ("Roe said" and "Roe's tweet", tagged
    ORG); or a word made a person above and the one person of the document with that surname;
    or a word typed a person that the corpus made another type and that type's record of it.
    Not a name an honorific or a title set apart ("Mrs. Roe", "President Roe" beside "Roe")."""
    first: dict[tuple[str, str], int] = {}
    bearers: dict[tuple[str, str], set[int]] = {}
    for i in free:
        r = records[i]
        if r.type != "PERSON":
            continue
        for n in r.all_names:
            core = N.person_core(n)
            if len(core) >= 2 and i not in retyped:
                bearers.setdefault((r.document_id, core[-1]), set()).add(i)
    pairs = []
    for i in free:
        r = records[i]
        words = {N.person_tokens(n) for n in r.all_names}   # "President Roe" is "Roe"
        if r.type != "PERSON" or len(words) != 1 or len(next(iter(words))) != 1 or gender(r) is not None \
                or offices(r):
            continue
        key = (r.document_id, next(iter(words))[0])
        if key in first:
            pairs.append((first[key], i))
        else:
            first[key] = i
        if i in retyped and len(bearers.get(key, ())) == 1:
            pairs.append((next(iter(bearers[key])), i))
    return pairs + _same_word_made_other(records, free)


def may_pair_in_a_document(r) -> bool:
    """Whether ``same_word_in_a_document`` can pair this record at all: a person (as the corpus
    types it now), or a record of another type written as one word."""
    if r.type == "PERSON":
        return True
    cores = {N.person_core(n) for n in r.all_names}
    return len(cores) == 1 and len(next(iter(cores))) == 1


def _same_word_made_other(records: list, free: list[int]) -> list[tuple[int, int]]:
    """A word typed a person that the corpus made an organization or a place, and the records its
    document types so with that word: one entity (a headline's word tagged a person, and the
    place the text names with it)."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    for i in free:
        r = records[i]
        cores = {N.person_core(n) for n in r.all_names}
        if r.type != "PERSON" and len(cores) == 1 and len(core := next(iter(cores))) == 1:
            groups.setdefault((r.document_id, core[0], r.type), []).append(i)
    return [(items[0], j) for items in groups.values()
            if any(records[i].original_type == "PERSON" for i in items) for j in items[1:]]


def bearers(records: list, i: int, others: set[int]) -> set[int]:
    """Those of ``others`` (records of the lone name's own document) that name the person whose
    surname the lone name is: in full, or by that surname alone. (An honorific on the lone name is weighed against the
    corpus afterwards: "Mrs. Roe" left apart among two Roes joins the one who is a woman.)"""
    r = records[i]
    words = {N.person_core(n)[-1] for n in r.all_names if N.person_core(n)}
    if r.type != "PERSON" or len(words) != 1:
        return set()
    word = next(iter(words))
    return {m for m in others if records[m].type == "PERSON" and _bears(records[m], word)}


def _bears(r, word: str) -> bool:
    cores = [N.person_core(n) for n in r.all_names]
    return any(len(c) >= 2 and c[-1] == word for c in cores) or all(c == (word,) for c in cores)


def only_lone_names(records: list, members: list[int]) -> bool:
    """No record here names anyone in full: joining it across its own document's bounds can
    never bring two fully named people together."""
    return all(len(N.person_core(n)) < 2 for m in members for n in records[m].all_names)


def bears(records: list, i: int, root: int, uf) -> bool:
    """Is the only thing keeping a lone name from this cluster its own document's full naming of
    the same person (a document that had a second holder of the surname in view)?"""
    same_doc = {m for m in uf.members[root] if records[m].document_id == records[i].document_id}
    return bool(same_doc) and same_doc == bearers(records, i, same_doc)


def gender(r) -> str | None:
    """"f" or "m" when the record's names carry an honorific that says so ("Mrs. Roe")."""
    votes = Counter()
    for n in r.all_names:
        toks = N.tokens(n)
        if toks and toks[0] in person_names.FEMALE_HONORIFICS:
            votes["f"] += 1
        elif toks and toks[0] in person_names.MALE_HONORIFICS:
            votes["m"] += 1
    return votes.most_common(1)[0][0] if votes else None


def offices(r) -> set[str]:
    """The offices the record's written forms give it: "President Roe" -> {"president"}."""
    out = set()
    for n in r.all_names:
        for t in N.tokens(n)[:-1]:
            t = person_names.TITLE_WORD_FOR_ABBREVIATION.get(t, t)
            if t not in L.TITLES:
                break
            if t not in L.TITLE_MODIFIERS and t not in person_names.FEMALE_HONORIFICS | person_names.MALE_HONORIFICS:
                out.add(t)
    return out


class Evidence:
    """Per cluster (by root), read once while lone names are weighed: gender, offices, documents."""

    def __init__(self, records: list, uf):
        self.records, self.uf = records, uf
        self._genders: dict[int, str | None] = {}
        self._offices: dict[int, Counter] = {}

    def offices(self, root: int) -> Counter:
        if root not in self._offices:
            self._offices[root] = Counter(o for m in self.uf.members[root] for o in offices(self.records[m]))
        return self._offices[root]

    def gender(self, root: int) -> str | None:
        if root not in self._genders:
            votes = Counter(g for m in self.uf.members[root] if (g := gender(self.records[m])))
            top = votes.most_common(2)
            self._genders[root] = top[0][0] if top and (len(top) == 1 or top[0][1] > 2 * top[1][1]) else None
        return self._genders[root]

    def documents(self, root: int) -> int:
        return len(self.uf.docs[root])


def fitting_gender(r, roots: set[int], ev: Evidence) -> set[int]:
    """The candidates an honorific on the lone name does not rule out; the one it matches, when
    only one is known to ("Mrs. Roe": the one Roe the corpus calls Mrs. or Ms.)."""
    g = gender(r)
    if not g:
        return roots
    matching = {root for root in roots if ev.gender(root) == g}
    return matching if len(matching) == 1 else {root for root in roots if ev.gender(root) in (None, g)}


def by_office(r, roots: set[int], ev: Evidence) -> set[int]:
    """"President Roe" alone: the bearer the corpus calls President Roe far more often than any
    other (a spouse called "Secretary Roe" is someone else)."""
    mine = offices(r)
    if len(roots) < 2 or not mine:
        return roots
    ranked = sorted(roots, key=lambda root: (-sum(ev.offices(root)[o] for o in mine), root))
    first, second = (sum(ev.offices(root)[o] for o in mine) for root in ranked[:2])
    return {ranked[0]} if first and first >= L.OFFICE_DOMINANCE * second else roots


def dominant(r, roots: set[int], bearers_: set[int], ev: Evidence) -> set[int]:
    """The one bearer of a lone surname named in far more documents than any other, if it is
    among ``roots`` (those it may join); ``bearers_`` are all those it could mean."""
    if len(roots) < 2 or common_family_name(r):
        return roots
    ranked = sorted(bearers_ | roots, key=lambda root: (-ev.documents(root), root))
    if dominates(ev.documents(ranked[0]), ev.documents(ranked[1])) and ranked[0] in roots:
        return {ranked[0]}
    return roots


def dominates(first: int, second: int) -> bool:
    """Whether a bearer named in ``first`` documents stands out from the next one (``second``)."""
    return first >= L.LONE_NAME_MIN_DOCS and first >= L.LONE_NAME_DOMINANCE * second


def common_family_name(r) -> bool:
    """A lone name too common to single out one bearer by how often the corpus names them."""
    return any(N.fold(n) in person_names.COMMON_FAMILY_NAMES for n in r.all_names)
