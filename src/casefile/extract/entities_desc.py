"""Descriptors as written: titles before a name, appositions and roles after it, affiliations.

"U.S. Secretary of State X" -> "Secretary of State"; "environmental activist X";
"senators A, B and C" -> "senator" for each; "X, a researcher with Y" ->
"researcher" (apposition) and "Y" (affiliation); "X is a correspondent with Y".
"""
from __future__ import annotations

import re
from typing import Any

from ..concepts import person_names
from ..models import Descriptor
from .entities_spans import Cand
from .lexicon import entities as lx

Found = list[tuple[Cand, Descriptor]]


def _is_role(tok: Any) -> bool:
    return tok.lower_ in lx.ROLE_NOUNS or tok.lemma_.lower() in lx.ROLE_NOUNS


def _sentence_cased(tok: Any) -> bool:
    """A common word capitalized only because it starts the sentence ("Human rights lawyer X")."""
    return bool(tok.is_sent_start) and tok.pos_ in ("ADJ", "NOUN")


def _is_org_head(tok: Any) -> bool:
    return tok.lower_ in lx.ORG_HEAD_NOUNS or tok.lemma_.lower() in lx.ORG_HEAD_NOUNS


class _Index:
    """Which mention (if any) covers each token."""

    def __init__(self, doc: Any, cands: list[Cand]):
        self.at: dict[int, Cand] = {}
        for c in cands:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.at.setdefault(t.i, c)

    def label(self, i: int) -> str | None:
        c = self.at.get(i)
        return c.label if c else None


def _walk_left(doc: Any, i: int, idx: _Index) -> list[Any]:
    """Tokens before a name that can belong to its title, nearest last."""
    run: list[Any] = []
    j = i - 1
    while j >= 0 and len(run) < lx.MAX_TITLE_TOKENS:
        t, lab = doc[j], idx.label(j)
        if t.is_punct or t.is_space or t.text in lx.POSSESSIVE_SUFFIXES or lab == "PERSON":
            break
        if t.lower_ == "and":
            if j > 0 and _is_role(doc[j - 1]) and run and not run[0].text[0].isupper():
                run.insert(0, t)
                j -= 1
                continue
            break
        if t.text[0].isupper() and not _sentence_cased(t):
            if not (t.pos_ == "PROPN" or _is_role(t) or lab in ("ORG", "GPE", "NORP", "LOC")):
                break
        elif t.lower_ in lx.TITLE_JOINERS:
            if not (run and run[0].text[0].isupper() and j > 0 and doc[j - 1].text[:1].isupper()):
                break
        elif (t.pos_ not in ("ADJ", "NOUN") and not _is_role(t)) or _governs(doc, t, i):
            break
        run.insert(0, t)
        j -= 1
    while run and idx.label(run[0].i) in ("GPE", "NORP", "LOC"):
        run.pop(0)  # "U.S. President X": the country is not part of the title
    return run


def _governs(doc: Any, t: Any, i: int) -> bool:
    """'to misrepresent Secretary X': a verb, or a word the title and name are the object of, is
    no part of the title, however the tagger labelled it."""
    if t.tag_.startswith("VB") or any(ch.dep_ in ("aux", "auxpass") for ch in t.children):
        return True   # "to shoehorn Secretary X", whatever part of speech the tagger gave it
    return any(doc[k].head.i == t.i and doc[k].dep_ in lx.ARGUMENT_DEPS for k in range(t.i + 1, min(len(doc), i + 1)))


def _singular_end(tok: Any) -> int:
    """End offset of a plural role noun's singular when it is a prefix ("senators" -> "senator")."""
    lemma = tok.lemma_
    if tok.tag_ in ("NNS", "NNPS") and lemma and tok.text.lower().startswith(lemma.lower()) and lemma != tok.lower_:
        return tok.idx + len(lemma)
    return tok.idx + len(tok.text)


def _desc(text: str, start: int, end: int, kind: str) -> Descriptor:
    return Descriptor(text=text[start:end], start=start, end=end, kind=kind)


def title_before(doc: Any, text: str, c: Cand, idx: _Index) -> tuple[list[Descriptor], bool]:
    """Titles written before the name; also whether the title's head is plural (a list head)."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return [], False
    if c.label == "PERSON" and _abbreviated_title(doc, text, span.start):
        return _abbreviated_title(doc, text, span.start), False
    run = _walk_left(doc, span.start, idx)
    if not run:
        return _relation_before(doc, text, span.start, c, idx), False
    lower_tail: list[Any] = []
    for t in reversed(run):
        if t.text[0].isupper() and not _sentence_cased(t):
            break
        lower_tail.insert(0, t)
    if lower_tail:
        out = _lower_case_titles(text, lower_tail, _is_role if c.label == "PERSON" else _is_org_head)
        owner = idx.at.get(run[0].i)
        if out and owner is not None and owner.label == "ORG" and run[0].idx < lower_tail[0].idx:
            out.append(_desc(text, owner.start, owner.end, "affiliation"))  # "X Network director Y"
        return out, bool(out) and lower_tail[-1].tag_ in ("NNS", "NNPS")
    if c.label == "PERSON" and any(_is_role(t) for t in run):
        return [_desc(text, run[0].idx, run[-1].idx + len(run[-1].text), "title")], False
    return [], False


def _lower_case_titles(text: str, tail: list[Any], head_ok) -> list[Descriptor]:
    """'activist and environmental lawyer' -> 'activist', 'environmental lawyer'."""
    parts: list[list[Any]] = [[]]
    for t in tail:
        if t.lower_ == "and":
            parts.append([])
        else:
            parts[-1].append(t)
    return [_desc(text, p[0].idx, _singular_end(p[-1]), "title") for p in parts if p and head_ok(p[-1])]


def _relation_before(doc: Any, text: str, i: int, c: Cand, idx: _Index) -> list[Descriptor]:
    """'Her husband, X, said', "the group's Asia director, X": a possessed role before a comma."""
    if c.label != "PERSON" or i < 3 or doc[i - 1].text != "," or not _is_role(doc[i - 2]):
        return []
    j = i - 3
    while j > 0 and i - 2 - j < 4 and doc[j].text not in lx.POSSESSIVE_SUFFIXES and doc[j].tag_ != "PRP$" \
            and doc[j].pos_ in ("ADJ", "NOUN", "PROPN") and idx.label(j) not in ("PERSON", "ORG"):
        j -= 1
    if not (doc[j].tag_ == "PRP$" or doc[j].text in lx.POSSESSIVE_SUFFIXES):
        return []
    role = doc[i - 2]
    out = [_desc(text, doc[j + 1].idx, role.idx + len(role.text), "apposition")]
    owner = idx.at.get(j - 1) if doc[j].text in lx.POSSESSIVE_SUFFIXES else None
    if owner is not None and owner.label == "ORG":
        out.append(_desc(text, owner.start, owner.end, "affiliation"))
    return out


def _abbreviated_title(doc: Any, text: str, i: int) -> list[Descriptor]:
    """'Sen. X', 'Gen. X': the abbreviation is the title."""
    if i > 0 and doc[i - 1].text.endswith(".") \
            and doc[i - 1].text[:-1].lower() in person_names.TITLE_WORD_FOR_ABBREVIATION:   # not "Mr.", "Ms."
        t = doc[i - 1]
        return [_desc(text, t.idx, t.idx + len(t.text), "title")]
    return []


def _walk_right(doc: Any, i: int, idx: _Index) -> list[Any]:
    run: list[Any] = []
    j = i
    while j < len(doc) and len(run) < lx.MAX_TITLE_TOKENS:
        t = doc[j]
        hyphen = t.text == "-" and j + 1 < len(doc) and not t.whitespace_ and t.idx > 0 and not doc[j - 1].whitespace_
        joined = run and run[-1].text == "-"
        if idx.label(j) == "PERSON" or (t.is_punct and not hyphen):
            break
        if not (hyphen or joined or t.pos_ in ("ADJ", "NOUN", "PROPN", "NUM") or t.text in lx.POSSESSIVE_SUFFIXES):
            break
        run.append(t)
        j += 1
    return run


def after_name(doc: Any, text: str, c: Cand, idx: _Index) -> list[Descriptor]:
    """Apposition or copular role after the name, and the affiliation that follows it."""
    m = lx.APPOSITION_AFTER.match(text, c.end)
    if not m:
        return _affiliation_at(doc, text, c.end, idx, direct=True) if c.label == "PERSON" else []
    start_tok = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
    if start_tok is None:
        return []
    first, owner_desc = start_tok.start, []
    owner = idx.at.get(first)
    if m.group("det") is None and owner is not None and owner.label == "ORG":
        after_owner = doc.char_span(owner.end, owner.end + 2, alignment_mode="expand")
        if after_owner is not None and after_owner[0].text in lx.POSSESSIVE_SUFFIXES:
            first, owner_desc = after_owner[0].i + 1, [_desc(text, owner.start, owner.end, "affiliation")]
    run = _walk_right(doc, first, idx)
    if any(t.text in lx.POSSESSIVE_SUFFIXES for t in run):  # "the party's co-founder": the role follows
        run = run[max(i for i, t in enumerate(run) if t.text in lx.POSSESSIVE_SUFFIXES) + 1:]
    head_ok = _is_role if c.label == "PERSON" else _is_org_head
    while run and not (run[-1].text[:1].islower() and head_ok(run[-1])):
        run.pop()
    if not run or (not m.group("det") and not m.group("cop") and len(run) > 3):
        return []
    nxt = run[-1].i + 1
    if not m.group("cop") and nxt < len(doc) and doc[nxt].pos_ in ("VERB", "AUX"):
        return []   # "Against X, the Westvale governor earned ...": a new clause's subject, no apposition
    if c.label == "PERSON" and (idx.label(nxt) == "PERSON" or run[-1].tag_ in ("NNS", "NNPS")):
        return []   # "X, Westvale governor Y": the next person's title; "X, the four aides": not one person
    kind = "role" if m.group("cop") else "apposition"
    out = owner_desc + [_desc(text, run[0].idx, run[-1].idx + len(run[-1].text), kind)]
    if c.label != "PERSON":
        return out  # "X, the parent company of Y": Y is no affiliation of X
    return out + _affiliation_at(doc, text, run[-1].idx + len(run[-1].text), idx, direct=False)


def _affiliation_at(doc: Any, text: str, pos: int, idx: _Index, direct: bool) -> list[Descriptor]:
    """'... at Y', '... with the alliance Y', 'X of Y': the first organization named next."""
    m = lx.AFFILIATION_BEFORE.match(text[pos:pos + 8])
    if not m:
        return []
    window = doc.char_span(pos + m.end(), min(len(text), pos + m.end() + 80), alignment_mode="contract")
    if window is None:
        return []
    for t in window:
        if t.is_punct and t.text not in lx.POSSESSIVE_SUFFIXES:
            break
        c = idx.at.get(t.i)
        if c is not None and c.label == "ORG":
            return [_desc(text, c.start, c.end, "affiliation")]
        if direct and c is None and t.pos_ not in ("DET",):
            break
    return []


def list_followers(text: str, c: Cand, people: list[Cand]) -> list[Cand]:
    """People listed right after c: 'A, B and C'."""
    out, pos = [], c.end
    starts = {p.start: p for p in people}
    while True:
        m = re.match(r"(?:,\s+(?:and\s+)?|\s+and\s+)", text[pos:pos + 8])
        nxt = starts.get(pos + m.end()) if m else None
        if nxt is None:
            return out
        out.append(nxt)
        pos = nxt.end


def describe(doc: Any, text: str, cands: list[Cand]) -> Found:
    """(mention, descriptor) pairs for every person and organization mention."""
    idx = _Index(doc, cands)
    people = [c for c in cands if c.label == "PERSON"]
    found: Found = []
    for c in cands:
        if c.label not in ("PERSON", "ORG"):
            continue
        before, plural = title_before(doc, text, c, idx)
        found += [(c, d) for d in before]
        if plural and c.label == "PERSON":
            for f in list_followers(text, c, people):
                found += [(f, d) for d in before if d.kind == "title"]
        found += [(c, d) for d in after_name(doc, text, c, idx)]
        if c.qual_span:
            found.append((c, _desc(text, c.qual_span[0], c.qual_span[1], "affiliation")))
    return found
