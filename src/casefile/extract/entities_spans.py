"""Candidate entity spans from spaCy NER: trimmed, split and re-typed.

Every span is a pair of character offsets into the document text; trimming only
ever moves the offsets inwards, so ``text[start:end]`` stays the surface form.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from unidecode import unidecode

from ..concepts import entity_types, person_names, places
from .entities_names import is_title_word, joined_on, strip_person_titles, trim_name_edges
from .lexicon import entities as lx
from .lexicon import times as times_lx


@dataclass
class Cand:
    """One mention before linking."""

    start: int
    end: int
    label: str
    qualifier: str | None = None            # the country owning an org ("Cambodia's Ministry ...")
    qual_span: tuple[int, int] | None = None
    rule: bool = False                      # made by a pattern, not the model (laws win overlaps)

    def text(self, text: str) -> str:
        return text[self.start:self.end]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces/punctuation, a leading article and a trailing possessive."""
    while start < end and (text[start].isspace() or text[start] in "\"'\u201c\u201d\u2018\u2019([,;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"\u201c\u201d,;:)]!?(["):
        end -= 1
    m = re.match(r"(?:the|The|THE|an?)\s+", text[start:end])
    if m and end - start > m.end():
        start += m.end()
    for suffix in lx.POSSESSIVE_SUFFIXES:
        if text[start:end].endswith(suffix) and end - start > len(suffix) + 1:
            if suffix in ("'", "\u2019") and not text[start:end - 1].endswith("s"):
                continue
            end -= len(suffix)
            break
    return start, end


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An entity never spans a line break (captions and headings run into each other) nor a
    sentence end ("... Party. Jane Roe"): a full stop after a word of two or more lower-case
    letters, then a capital."""
    out, pos = [], start
    for m in re.finditer(r"\n+|(?<=[a-z]{2}[.!?])\s+(?=[A-Z\u00C0-\u1EFF])", text[start:end]):
        word = re.search(r"(\w+)\.?$", text[start:start + m.start()])
        if m.group()[0] != "\n" and word and word.group(1).lower() in lx.HONORIFICS:
            continue  # "Mrs. Roe", "Gen. Roe": an abbreviated title, not a sentence end
        stop = m.group()[0] != "\n"  # the sentence's closing mark stays out of the name
        out.append((pos, start + m.start() - stop))
        pos = start + m.end()
    out.append((pos, end))
    return [(s, e) for s, e in out if e > s]


def _is_non_entity(text: str, label: str) -> bool:
    """Spans no reader would call a name."""
    s = text.strip()
    if not re.search(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]", s):
        return True
    if s == s.lower() and (label != "NORP" or s not in lx.NORP_WORDS):
        return True  # a lower-case "people" is a word fragment ("lese-majeste")
    if label == "PERSON":
        if re.search(r"[\d/@]", s):  # digits, a photo credit "Name/Agency", a handle "@name"
            return True
        if re.match(r"(?:[Pp]ro|[Aa]nti)-", s):  # "pro-Roe": a stance, not the person
            return True
        if " " not in s and s.isupper() and len(s) > 1:  # acronyms tagged PERSON are diseases, units...
            return True
    return False


def _split_possessive_owner(text: str, c: Cand) -> list[Cand]:
    """'Cambodia's Ministry of X' -> GPE 'Cambodia' + ORG 'Ministry of X' owned by Cambodia."""
    if c.label != "ORG":
        return [c]
    m = re.match(r"(.+?)(?:'s|\u2019s)\s+(.+)$", c.text(text))
    if not m:
        return [c]
    owner = m.group(1)
    country = places.COUNTRY_VARIANTS.get(owner.lower().strip())
    if not country:
        return [c]
    o_start, o_end = c.start, c.start + len(owner)
    org = Cand(c.start + m.start(2), c.end, "ORG", qualifier=country, qual_span=(o_start, o_end))
    return [Cand(o_start, o_end, "GPE"), org]


def _person_by_role(text: str, c: Cand) -> bool:
    """A role or relation right before the name ('lawyer X', 'the widow of X') or possessed
    right after it ('X, his wife,') makes it a person."""
    if _after_person_role(text, c) or lx.RELATION_OF_BEFORE.search(text[max(0, c.start - 40):c.start]):
        return True
    m = lx.ROLE_AFTER_NAME.match(text, c.end)
    return bool(m and m.group(1) in lx.ROLE_NOUNS)


def _after_person_role(text: str, c: Cand) -> bool:
    """'lawyer X', 'her daughter, X': the text just before the span is a person's role noun."""
    m = lx.ROLE_BEFORE_NAME.search(text[max(0, c.start - 30):c.start])
    if not m or m.group(1) not in lx.ROLE_NOUNS:
        return False
    possessed = lx.POSSESSED_ROLE_BEFORE % re.escape(m.group(1))
    return "," not in m.group() or bool(re.search(possessed, text[max(0, c.start - 60):c.start]))


def _title_follows(text: str, end: int) -> bool:
    """'candidate Westvale Senator X': a place right before a title qualifies the title."""
    m = re.match(r"\s+([A-Z][\w.]*)", text[end:end + 30])
    return bool(m and is_title_word(m.group(1)))


def _retype(text: str, c: Cand) -> Cand | None:
    s = c.text(text)
    words = s.split()
    if not words:
        return None
    if c.label in ("ORG", "PERSON", "GPE") and len(words) == 1 and s.lower() in lx.NORP_WORDS:
        c.label = "NORP"
    if c.label in ("ORG", "GPE") and not places.COUNTRY_VARIANTS.get(s.lower()) \
            and words[-1] not in lx.ORG_NAME_HEADS and words[-1] not in lx.NOT_PERSON_HEADS \
            and _person_by_role(text, c) and not _title_follows(text, c.end):
        c.label = "PERSON"
    if c.label in ("GPE", "LOC", "PERSON", "NORP") and words and words[-1] in lx.ORG_NAME_HEADS:
        c.label = "ORG"
    if c.label == "PERSON" and len(words) > 1 and words[-1] in lx.NOT_PERSON_HEADS:
        c.label = "ORG"
    if c.label == "ORG" and len(words) == 1 and s in lx.TITLE_OBJECT_WORDS \
            and re.search(r"\bof\s+(?:the\s+)?$", text[max(0, c.start - 12):c.start]):
        return None  # "Secretary of State": part of a title
    if c.label in ("ORG", "GPE", "NORP") and len(words) > 1 \
            and lx.CREDIT_LINE_BEFORE.search(text[max(0, c.start - 60):c.start]):
        c.label = "PERSON"  # "(Reporting by A; Editing by B)"
    if c.label in ("PERSON", "ORG") and len(words) > 1 and words[-1] in lx.FACILITY_NAME_HEADS:
        c.label = "FAC"
    if c.label == "PERSON" and len(words) > 1 and words[-1] in lx.PLACE_NAME_HEADS:
        c.label = "GPE"
    if c.label == "ORG" and lx.PRISON_CONTEXT_AFTER.match(text, c.end):
        c.label = "FAC"  # "held in X prison": the model often calls a prison's name an org
    if c.label == "PERSON":
        c.start = strip_person_titles(text, c.start, c.end)
        if lx.FACILITY_CONTEXT_AFTER.match(text, c.end):
            c.label = "FAC"
        elif lx.PLACE_CONTEXT_AFTER.match(text, c.end) or unidecode(s).lower() in lx.VIETNAMESE_PLACE_NAMES:
            c.label = "GPE"
    return c


def _located_head(text: str, c: Cand) -> bool:
    """An organization named by a head that a place may follow ("Embassy")."""
    return c.label == "ORG" and c.text(text).split()[-1] in lx.ORG_LOCATED_HEADS


def _extend_located(text: str, c: Cand, cands: list[Cand]) -> None:
    """'Embassy in Paris' is one organization name."""
    if not _located_head(text, c):
        return
    m = re.match(r"\s+in\s+", text[c.end:c.end + 6])
    if not m:
        return
    nxt = next((o for o in cands if o.start == c.end + m.end() and o.label in ("GPE", "LOC")), None)
    if nxt:
        c.end = nxt.end
        cands.remove(nxt)


def ner_spans(doc: Any, text: str) -> list[Cand]:
    out: list[Cand] = []
    for ent in doc.ents:
        if ent.label_ not in entity_types.ENTITY_TYPES:
            continue
        toks = list(ent)
        while len(toks) > 1 and toks[0].pos_ in lx.NON_NAME_POS \
                and unidecode(toks[0].text).lower() not in person_names.COMMON_FAMILY_NAMES:
            toks.pop(0)  # "Later the Foreign Ministry": sentence-initial words are not the name
        if ent.label_ == "PERSON":
            toks = trim_name_edges(toks)
        for s, e in _split_lines(text, toks[0].idx, toks[-1].idx + len(toks[-1].text)):
            s, e = _strip_span(text, s, e)
            if e <= s:
                continue
            for c in _split_possessive_owner(text, Cand(s, e, ent.label_)):
                c = _retype(text, c)
                if c and c.end > c.start and not _is_non_entity(c.text(text), c.label):
                    out.append(c)
    for c in list(out):
        if _located_head(text, c) and c in out:     # the cheap test first: ``in`` compares every span
            _extend_located(text, c, out)
    _extend_person_names(doc, out)
    _extend_person_names_left(doc, out)
    _vote_single_words(text, out)
    return out


def _extend_person_names(doc: Any, cands: list[Cand]) -> None:
    """'Khin Mar' + 'Thet Aye' tagged apart: a name runs on over capitalized proper nouns that
    follow it on the same line (and swallows a PERSON span right after it)."""
    in_ents = {t.i for e in doc.ents for t in e}
    by_start = {c.start: c for c in cands}
    for c in sorted(cands, key=lambda c: c.start):
        if c.label != "PERSON" or c not in cands:
            continue
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        j = span.end if span is not None else len(doc)
        while j < len(doc) and doc[j - 1].whitespace_ == " " and doc[j].is_alpha and doc[j].is_title:
            nxt = by_start.get(doc[j].idx)
            if nxt is not None and nxt.label == "PERSON" and nxt in cands:
                c.end = nxt.end
                cands.remove(nxt)
                break
            if doc[j].pos_ != "PROPN" or doc[j].i in in_ents or is_title_word(doc[j].text) or joined_on(doc[j]):
                break
            c.end = doc[j].idx + len(doc[j].text)
            j += 1


def _extend_person_names_left(doc: Any, cands: list[Cand]) -> None:
    """', Torvald Brekke,' with only 'Brekke' tagged, or 'Ines' tagged ORG before 'Pardo Gil': a name
    takes in the capitalized proper nouns just before it (untagged, or a lone one-word span of
    another type) that are no title ("Minister"), country, people or month."""
    by_end = {c.end: c for c in cands}
    for c in [c for c in cands if c.label == "PERSON"]:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            continue
        j = span.start
        while j > 0 and span.start - j < 2:
            t = doc[j - 1]
            other = by_end.get(t.idx + len(t.text))
            if not _name_word_before(t) or (other is not None and not _swallowable(other, t)) \
                    or (other is None and any(t.idx >= c2.start and t.idx < c2.end for c2 in cands)):
                break
            if other is not None and other in cands:
                cands.remove(other)
            j -= 1
        c.start = doc[j].idx


def _name_word_before(t: Any) -> bool:
    w = t.lower_
    hyphened = t.i > 0 and t.nbor(-1).text == "-" and not t.nbor(-1).whitespace_   # "out-Roe Ann Roe"
    return t.is_alpha and t.is_title and t.pos_ == "PROPN" and t.whitespace_ == " " and not hyphened \
        and (w not in STOP_WORDS or w in lx.NAME_LIKE_STOP_WORDS) \
        and not is_title_word(t.text) and t.text not in lx.TITLE_OBJECT_WORDS and w not in lx.ROLE_NOUNS and w not in times_lx.MONTHS \
        and w not in places.COUNTRY_VARIANTS and w not in places.DEMONYMS and w not in lx.NORP_WORDS


def _swallowable(other: Cand, t: Any) -> bool:
    """A one-word span the model typed wrongly inside a longer name."""
    return other.label in ("PERSON", "ORG", "GPE") and other.start == t.idx


def _vote_single_words(text: str, cands: list[Cand]) -> None:
    """A one-word name tagged PERSON once but something else more often is that something else."""
    votes: dict[str, Counter] = {}
    for c in cands:
        votes.setdefault(c.text(text), Counter())[c.label] += 1
    for c in cands:
        s = c.text(text)
        if c.label != "PERSON" or " " in s:
            continue
        label, n = votes[s].most_common(1)[0]
        if label != "PERSON" and n > votes[s]["PERSON"]:
            c.label = label


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def resolve_overlaps(cands: list[Cand]) -> list[Cand]:
    """Keep non-overlapping spans: laws and digit-names first, then the longer span."""
    rank = {"LAW": 0}

    def key(c: Cand) -> tuple:
        return (rank.get(c.label, 1) - (c.label == "LAW" and c.rule), -(c.end - c.start), c.start)

    ordered = sorted(cands, key=key)
    if any(c.end <= c.start for c in cands):     # an empty span breaks the order the search below needs
        kept: list[Cand] = []
        for c in ordered:
            if not any(spans_overlap((c.start, c.end), (k.start, k.end)) for k in kept):
                kept.append(c)
        return sorted(kept, key=lambda c: c.start)
    # Kept spans never overlap, so by start they are by end too: of those starting before c
    # ends, only the last can reach into c.
    kept, starts = [], []
    for c in ordered:
        i = bisect_left(starts, c.end)
        if i and kept[i - 1].end > c.start:
            continue
        kept.insert(i, c)
        starts.insert(i, c.start)
    return kept


def mark_owners(text: str, cands: list[Cand]) -> None:
    """'Cambodia's Interior Ministry' tagged as two spans: the country owns the org."""
    by_end = {c.end: c for c in cands if c.label in ("GPE", "NORP")}
    for c in cands:
        if c.label != "ORG" or c.qualifier:
            continue
        owner = next((o for e, o in by_end.items()
                      if e < c.start and lx.OWNER_GAP.fullmatch(text[e:c.start])), None)
        if owner is None:
            continue
        s = owner.text(text).lower()
        country = places.COUNTRY_VARIANTS.get(s) or places.DEMONYMS.get(s)
        if country or "'" in text[owner.end:c.start] or "\u2019" in text[owner.end:c.start]:
            c.qualifier, c.qual_span = country or owner.text(text), (owner.start, owner.end)


def drop_lone_misfits(doc: Any, text: str, cands: list[Cand]) -> list[Cand]:
    """Photo credits, and one-word 'people' that are really part of another name ("McDonnell
    Douglas" ... "Douglas") or follow a lower-case "the" ("the Worldliner"), unless a full
    personal name explains them."""
    in_names = {w.lower() for c in cands if c.label == "PERSON" for w in c.text(text).split()[1:]}
    in_names |= {c.text(text).split()[0].lower() for c in cands if c.label == "PERSON" and " " in c.text(text)}
    in_other = {w.lower() for e in doc.ents if e.label_ != "PERSON" and len(e) > 1 for w in e.text.split()}
    out = []
    for c in cands:
        s = c.text(text)
        if c.label == "PERSON" and (lx.CREDIT_AFTER.match(text, c.end)
                                    or lx.CREDIT_BEFORE.search(text[max(0, c.start - 20):c.start])):
            continue
        lone = c.label == "PERSON" and " " not in s and s.lower() not in in_names
        if lone and (s.lower() in in_other or re.search(r"\bthe\s+$", text[max(0, c.start - 5):c.start])):
            continue
        if lone and re.search(r"\b%s\b" % re.escape(s.lower()), text):
            continue  # a common word capitalized in a title-case headline ("Teacher Sentenced")
        out.append(c)
    return out
