"""What belongs to a person's name as written, and what only stands beside it.

A title ("President", "Secretary of State", "Mrs.") opens a name without being part of it;
a sentence's first words ("Though", "Attacking", "Said") and a headline's verbs ("Drops",
"Says") are capitalized without being names at all. The title a mention carries is kept
apart (entities_titles), because it tells relatives who share a surname apart.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..concepts import person_names
from .lexicon import entities as lx

# Closed-class words never begin or end a name ("Though", "He", "Should"); a few are given
# names or surnames too, and those stay.
_NOT_NAME_EDGES = frozenset(STOP_WORDS) - lx.NAME_LIKE_STOP_WORDS
_WORDS = re.compile(r"\S+")


def is_title_word(word: str) -> bool:
    """"President", "Dr.", "Senators": a title or role, not a name (kin words excepted: several
    are given names too)."""
    w = word.rstrip(".,").lower()
    single = w[:-1] if w.endswith("s") and w[:-1] in lx.OFFICE_ROLE_NOUNS else w
    return w in lx.HONORIFICS or (single in lx.OFFICE_ROLE_NOUNS and single not in lx.KIN_NOUNS)


def strip_person_titles(text: str, start: int, end: int) -> int:
    """Move the start of a PERSON span past its title: "President X", "Dr. X", "Party General
    Secretary X Y" when the model put the whole title inside the name, and the object of an
    office ("[Secretary of] State X", "[Chief of] Staff X")."""
    words = list(_WORDS.finditer(text[start:end]))
    cut = 0
    while cut < len(words) - 1:
        w = words[cut].group()
        after_title = cut > 0 and (is_title_word(words[cut - 1].group()) or words[cut - 1].group() in ("of", "the"))
        if is_title_word(w) or (after_title and w in ("of", "the")) \
                or (after_title and cut > 1 and w in lx.TITLE_OBJECT_WORDS and cut < len(words) - 2):
            cut += 1   # "Secretary of State X": the office's object is no part of the name
            continue
        break
    inner = [k for k in range(cut, len(words) - 2) if is_title_word(words[k].group())]
    if inner and not any(w.group().rstrip(".").lower() in person_names.NAME_SUFFIXES for w in words[inner[-1] + 1:]):
        cut = inner[-1] + 1
    if cut == 0 and re.search(r"\bof\s+(?:the\s+)?$", text[max(0, start - 8):start]):
        while cut < len(words) - 2 and words[cut].group() in lx.TITLE_OBJECT_WORDS:
            cut += 1
    return start + words[cut].start() if cut else start


def trim_name_edges(toks: list[Any]) -> list[Any]:
    """A PERSON span without the words that cannot be part of a name at its edges: function
    words, and verbs ("Attacking X", "X Says")."""
    def edge_noise(t: Any, first: bool) -> bool:
        if not any(ch.isalpha() for ch in t.text):
            return True
        if not first and t.pos_ == "PROPN" and t.text.istitle():
            return False   # a given name that is also a small word ends a name: "Vo Van An"
        if t.lower_ in _NOT_NAME_EDGES:
            return True
        if t.pos_ == "PROPN" or t.lower_ in person_names.NAME_PARTICLES:
            return False
        return t.pos_ in ("VERB", "AUX") and (not first or t.tag_ in lx.NOT_NAME_VERB_TAGS)
    while len(toks) > 1 and edge_noise(toks[0], True):
        toks = toks[1:]
    while len(toks) > 1 and (edge_noise(toks[-1], False) or joined_on(toks[-1])):
        toks = toks[:-1]
    return toks


def joined_on(t: Any) -> bool:
    """'X T-shirts': a letter the next word joins with a hyphen is no initial of the name."""
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return len(t.text) == 1 and not t.whitespace_ and nxt is not None and nxt.text == "-"
