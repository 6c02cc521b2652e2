"""Titles and honorifics that tell apart people who share a surname within one document.

"Mrs. Roe" is not her husband, "President Roe" not his wife the senator. A titled surname
goes to the one person named in full it can mean; where the document leaves that open it
stays apart, and the corpus tells who it is (resolve.people). Three conventions of news
writing decide:

- a short form follows the full name: a titled surname written before anyone of that name
  is introduced ("President Roe" in the first lines, "Ann Roe" later) is a Roe the reader
  knows already, not necessarily the one introduced later;
- a kin word says two genders: "his wife, Ann Roe" makes her a woman and the Roe named
  before her a man;
- a relative introduced through a kin word is named in full or by a given name; the
  honorific and surname alone stay with the person the story is about.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..concepts import person_names
from .entities_names import is_title_word
from .lexicon import entities as lx

_TITLE_BEFORE = re.compile(r"((?:[A-Z][\w.'-]*\s+(?:of\s+(?:the\s+)?)?){1,%d})$" % lx.MAX_TITLE_WORDS_BEFORE)
_HONORIFICS = person_names.FEMALE_HONORIFICS | person_names.MALE_HONORIFICS


def titles_before(text: str, start: int) -> frozenset[str]:
    """The titles written right before a mention, as one word each: "Mrs." -> "mrs",
    "Sen." -> "senator", "former Secretary of State" -> "secretary"."""
    m = _TITLE_BEFORE.search(text, max(0, start - lx.TITLE_CHARS_BEFORE), start)
    if not m:
        return frozenset()
    out = set()
    for w in m.group(1).split():
        word = w.rstrip(".,").lower()
        word = person_names.TITLE_WORD_FOR_ABBREVIATION.get(word, word)
        if is_title_word(word):
            out.add(word[:-1] if word.endswith("s") and word[:-1] in lx.OFFICE_ROLE_NOUNS else word)
    return frozenset(out)


def gender_of_titles(titles: frozenset[str]) -> str | None:
    """"f" or "m" when an honorific says so ("Mrs.", "Mr."), else None."""
    if titles & person_names.FEMALE_HONORIFICS:
        return "f"
    if titles & person_names.MALE_HONORIFICS:
        return "m"
    return None


def kin_before(text: str, start: int) -> tuple[str | None, str | None]:
    """(the named relative's gender, the gender of whose relative they are) from a kin word
    right before a name: "his wife, X" -> ("f", "m"); "her son X" -> ("m", "f"); "the
    couple's daughter, X" -> ("f", None)."""
    m = lx.KIN_BEFORE_NAME.search(text, max(0, start - lx.TITLE_CHARS_BEFORE), start)
    if not m:
        return None, None
    kin, owner = m.group(2).lower(), (m.group(1) or "").lower()
    gender = "f" if kin in lx.FEMALE_KIN_NOUNS else "m" if kin in lx.MALE_KIN_NOUNS else None
    return gender, {"his": "m", "her": "f"}.get(owner)


class Titles:
    """The titles, honorifics and kin words each person's mentions carry in this document."""

    def __init__(self, text: str, lone: list[tuple[str, Any]] = ()):
        self.text = text
        self.offices: dict[int, set[str]] = {}
        self.genders: dict[int, Counter] = {}
        self.relatives: set[int] = set()                  # clusters introduced through a kin word
        self.kin_owners: list[tuple[int, str, Any]] = []  # (where, gender, the relative's cluster)
        # surnames written alone with both a woman's and a man's honorific: two people of that
        # name are in view ("Mr. Roe", "Mrs. Roe"), whoever the document names in full
        honorifics: dict[str, set[str]] = {}
        for word, c in lone:
            if g := gender_of_titles(self.of(c)):
                honorifics.setdefault(word, set()).add(g)
        self.both_genders = {w for w, gs in honorifics.items() if len(gs) > 1}

    def of(self, c: Any) -> frozenset[str]:
        return titles_before(self.text, c.start)

    def note(self, cl: Any, titles: frozenset[str], c: Any) -> None:
        self.offices.setdefault(id(cl), set()).update(titles - _HONORIFICS)
        kin, owner = kin_before(self.text, c.start)
        gender = gender_of_titles(titles) or kin
        if gender:
            self.genders.setdefault(id(cl), Counter())[gender] += 1
        if kin and " " in self.text[c.start:c.end].strip():   # introduced as someone's relative
            self.relatives.add(id(cl))
            if owner:
                self.kin_owners.append((c.start, owner, cl))

    def gender(self, cl: Any) -> str | None:
        votes = self.genders.get(id(cl))
        return votes.most_common(1)[0][0] if votes else None

    def _genders(self, holders: list[Any]) -> dict[int, str | None]:
        """Each holder's gender, counting "his wife, X Roe" for the Roe named last before her."""
        votes = {id(h): Counter(self.genders.get(id(h), {})) for h in holders}
        for where, gender, relative in self.kin_owners:
            if id(relative) not in votes:
                continue   # a relative of another family
            before = [h for h in holders if h is not relative and self._first_full(h) < where]
            if before:
                votes[id(max(before, key=self._first_full))][gender] += 1
        return {k: v.most_common(1)[0][0] if v else None for k, v in votes.items()}

    def _first_full(self, cl: Any) -> int:
        return min((c.start for c in cl.cands if " " in self.text[c.start:c.end].strip()), default=len(self.text))

    def owner(self, titles: frozenset[str], holders: list[Any], word: str, c: Any) -> tuple[bool, Any]:
        """(decided, owner) for a titled surname among the people named in full it may stand
        for: the one who shares its office, the one untitled beside titled others, or the one
        its honorific fits; decided with no owner when it fits none of them or the document
        leaves the choice open (the corpus then tells). Undecided leaves the choice to the
        rules for bare surnames."""
        holders = [h for h in holders if self._first_full(h) < c.start]
        if not holders:
            return True, None   # "President Roe" before any Roe is introduced: a Roe known already
        gender = gender_of_titles(titles)
        offices = titles - _HONORIFICS
        genders = self._genders(holders)
        named = holders
        if gender:
            holders = [h for h in holders if genders[id(h)] in (None, gender)]
            if not holders:
                return True, None
        sharing = [h for h in holders if offices & self.offices.get(id(h), set())]
        if len(sharing) == 1:
            return True, sharing[0]
        if offices and len(holders) > 1:   # the one untitled beside titled others; else the corpus tells
            untitled = [h for h in holders if not self.offices.get(id(h))]
            return True, untitled[0] if len(untitled) == 1 and len(untitled) < len(holders) else None
        if offices:
            return True, None   # "President Roe" beside "Ann Roe", never called so here: the corpus tells who
        if gender:
            return True, self._fitting(gender, holders, genders, word, len(named) > len(holders))
        return False, None

    def _fitting(self, gender: str, holders: list[Any], genders: dict, word: str, other_named: bool) -> Any:
        """The one holder an honorific fits: the only one left, unless the text writes the other
        honorific with this surname too and names nobody else it could be (which of the two is
        the one named in full?); else the one known to fit who is nobody's relative, the one
        who is nobody's relative, the one known to fit. Otherwise none: the corpus will tell."""
        known = [h for h in holders if genders[id(h)] == gender]
        if len(holders) == 1:
            return holders[0] if known or other_named or word not in self.both_genders else None
        principals = [h for h in holders if id(h) not in self.relatives]
        for group in ([h for h in known if id(h) not in self.relatives], principals, known):
            if len(group) == 1:
                return group[0]
        return None
