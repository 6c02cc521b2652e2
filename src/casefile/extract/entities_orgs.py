"""Spans the model misses or splits, found from news-writing conventions: names after
a person's role noun, organizations named by a place plus a lower-case head ("the Norland
government"), title-case organization names, and one-word places the model calls products.
"""
from __future__ import annotations

import re
from typing import Any

from .entities_layout import is_title_case
from .entities_link import country_of
from .entities_spans import Cand, spans_overlap
from .lexicon import entities as lx


def _in_headline(text: str, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return is_title_case(text[start:end if end >= 0 else len(text)])


def _title_word(t: Any) -> bool:
    return t.is_alpha and t.text[0].isupper() and not t.text.isupper()


class _Tokens:
    """A parse's tokens with the per-token facts the two scans below test over and over:
    spaCy builds a new Token object (and string) on every access, so they are read once."""

    __slots__ = ("doc", "toks", "title", "spaced")

    def __init__(self, doc: Any):
        self.doc = doc
        self.toks = list(doc)
        self.title = [_title_word(t) for t in self.toks]
        self.spaced = [bool(t.whitespace_) for t in self.toks]


_last: _Tokens | None = None   # the document being worked on: both scans run on the same one


def _tokens(doc: Any) -> _Tokens:
    global _last
    got = _last
    if got is None or got.doc is not doc:
        got = _last = _Tokens(doc)
    return got


def role_name_spans(doc: Any, text: str, cands: list[Cand]) -> list[Cand]:
    """'his sister, Ana María Roe': a run of title-case words right after a person's role noun
    is a person even when the model tagged nothing there."""
    out = []
    tk = _tokens(doc)
    toks, title, spaced = tk.toks, tk.title, tk.spaced
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and title[j] and (j == i or spaced[j - 1]):
            j += 1
        if j - i < 2 or j - i > 5:
            i = max(j, i + 1)
            continue
        s, e = toks[i].idx, toks[j - 1].idx + len(toks[j - 1].text)
        words = text[s:e].split()
        if _role_before(text, s) and not any(spans_overlap((s, e), (c.start, c.end)) for c in cands) \
                and not any(w in lx.ORG_NAME_HEADS or w in lx.PLACE_WORDS or country_of(w) for w in words):
            out.append(Cand(s, e, "PERSON"))
        i = j
    return out


def _role_before(text: str, start: int) -> bool:
    m = lx.ROLE_BEFORE_NAME.search(text[max(0, start - 30):start])
    if not m or m.group(1) not in lx.ROLE_NOUNS:
        return False
    possessed = lx.POSSESSED_ROLE_BEFORE % re.escape(m.group(1))
    return "," not in m.group() or bool(re.search(possessed, text[max(0, start - 60):start]))


def _seat_end(doc: Any, k: int, places: dict[int, Cand], orgs: dict[int, Cand]) -> int:
    """Token index after 'to the X' that a mission or embassy's name runs on over."""
    for prep, table in (("to", {**orgs, **places}),):  # "in Y" stays its own place mention
        if k < len(doc) and doc[k].lower_ == prep:
            n = k + 1 + (k + 1 < len(doc) and doc[k + 1].lower_ == "the")
            c = table.get(doc[n].idx) if n < len(doc) else None
            if c is not None:
                span = doc.char_span(c.start, c.end, alignment_mode="expand")
                k = span.end if span is not None else k
    return k


def lower_head_org_spans(doc: Any, text: str, cands: list[Cand]) -> list[Cand]:
    """'Norland's foreign ministry', 'the Norland government', 'the Eastshire regional
    prosecutor's office': a place, then at most a few lower-case modifiers, then an org head."""
    places = {c.start: c for c in cands if c.label == "GPE"}
    orgs = {c.start: c for c in cands if c.label == "ORG"}
    out = []
    for c in places.values():
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            continue
        k = span.end
        possessive = k < len(doc) and doc[k].text in ("'s", "\u2019s")
        k += possessive
        first = k
        while k < len(doc) and k - first <= lx.LOWER_ORG_MAX_MODIFIERS and doc[k].text.islower() \
                and doc[k].pos_ in ("ADJ", "NOUN", "PROPN", "PART") and doc[k].lower_ not in lx.LOWER_ORG_HEADS:
            k += 1 + (k + 1 < len(doc) and doc[k + 1].text in ("'s", "'", "\u2019s", "\u2019"))
        if k >= len(doc) or doc[k].lower_ not in lx.LOWER_ORG_HEADS or not doc[k].text.islower():
            continue
        if k + 1 < len(doc) and doc[k + 1].pos_ in ("NOUN", "PROPN") and doc[k + 1].text.islower():
            continue  # "the Norland government bonds": the head is not the last noun
        end_tok = _seat_end(doc, k + 1, places, orgs) if doc[k].lower_ in lx.LOWER_ORG_SEATED_HEADS else k + 1
        if span.start > 0 and doc[span.start - 1].lower_ in ("a", "an"):
            continue  # "in a Norland court": some court, not a named body
        end = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
        # the place stays its own mention and becomes the org's owner (its written form
        # "Norland government" comes back as an alias)
        out.append(Cand(doc[first].idx, end, "ORG", qualifier=country_of(c.text(text)) or c.text(text),
                        qual_span=(c.start, c.end), rule=True))
    return out


def title_org_spans(doc: Any, text: str, cands: list[Cand]) -> list[Cand]:
    """A run of title-case words ending on an org head ('Norland Labour Solidarity Network') or
    holding a capitalized preposition ('Lawyers Without Borders') names an organization; one
    ending on a building word ('Westgate Prison') names a facility."""
    out = []
    tk = _tokens(doc)
    toks, title, spaced = tk.toks, tk.title, tk.spaced
    people = {(c.start, c.end) for c in cands if c.label == "PERSON"}
    i = 0
    while i < len(toks):
        if not title[i]:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and spaced[j - 1]:
            if title[j]:
                j += 1
                continue
            joiner = next((jn for jn in lx.TITLE_ORG_JOINERS if j + len(jn) < len(toks)
                           and tuple(t.lower_ for t in toks[j:j + len(jn)]) == jn
                           and all(t.text.islower() for t in toks[j:j + len(jn)])
                           and title[j + len(jn)]), None)
            if joiner is None:
                break
            j += len(joiner)
        run = toks[i:j]
        while run and (run[0].lower_ in lx.LAW_TITLE_STOPWORDS
                       or run[0].is_sent_start and run[0].pos_ not in ("PROPN", "NOUN", "ADJ")):
            run = run[1:]  # "Later Eastvale Rights Watch ...": a sentence opener is no part of it
        run = _after_named_person(run, people)
        words = [t.text for t in run]
        inner_prep = any(w in lx.TITLE_ORG_PREPOSITIONS for w in words[1:-1])
        label = "FAC" if words and words[-1] in lx.FACILITY_NAME_HEADS else "ORG"
        if 2 <= len(run) <= lx.TITLE_ORG_MAX_WORDS and (words[-1] in lx.ORG_TITLE_HEADS or inner_prep
                                                         or label == "FAC") \
                and not _in_headline(text, run[0].idx):
            s, e = run[0].idx, run[-1].idx + len(run[-1].text)
            if not any(c.start < s < c.end or c.start < e < c.end or (c.start, c.end) == (s, e)
                       or (c.start <= s and e <= c.end) for c in cands):
                out.append(Cand(s, e, label))
        i = j
    return out


def _after_named_person(run: list[Any], people: set[tuple[int, int]]) -> list[Any]:
    """'Jane Roe of the Eastvale Rights Initiative', 'Chief Executive Officer of Acme Motors':
    the run starts after a person (``people``: their spans) or a title it opens with."""
    for k in range(1, len(run)):
        titled = any(t.lower_ in lx.OFFICE_ROLE_NOUNS for t in run[:k])
        if run[k].text.islower() and (titled or (run[0].idx, run[k - 1].idx + len(run[k - 1].text)) in people):
            rest = run[k:]
            while rest and rest[0].text.islower():
                rest = rest[1:]
            return rest
    return run


def product_place_spans(doc: Any, text: str) -> list[Cand]:
    """'a preacher from Eastvale', tagged PRODUCT: one capitalized word after a place preposition."""
    out = []
    for e in doc.ents:
        if e.label_ == "PRODUCT" and len(e) == 1 and e[0].pos_ == "PROPN" and e.text.isalpha() \
                and re.search(r"\b(?:from|in|near|outside)\s+$", text[max(0, e.start_char - 10):e.start_char]):
            out.append(Cand(e.start_char, e.end_char, "GPE"))
    return out


def add_convention_spans(doc: Any, text: str, cands: list[Cand]) -> list[Cand]:
    """Merge the spans above in; each replaces the model's spans it covers."""
    cands = _replace(cands, product_place_spans(doc, text))
    cands += role_name_spans(doc, text, cands)
    cands = _replace(cands, title_org_spans(doc, text, cands))
    cands = _replace(cands, lower_head_org_spans(doc, text, cands))
    extend_admin_units(text, cands)
    return cands


def extend_admin_units(text: str, cands: list[Cand]) -> None:
    """'People's Court of Eastvale province': an org named after a place keeps the place's
    lower-case unit word ("province", "district")."""
    for c in cands:
        m = lx.ADMIN_UNIT_AFTER.match(text, c.end)
        if c.label == "ORG" and m and " of " in c.text(text):
            c.end = m.end()


def _replace(cands: list[Cand], new: list[Cand]) -> list[Cand]:
    keep = [c for c in cands if not any(spans_overlap((c.start, c.end), (n.start, n.end)) for n in new)]
    return keep + new
