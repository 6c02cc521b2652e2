"""Spans the model misses or mislabels: numbered laws, names written with digits, Vietnamese
names, acronyms defined in parentheses; and ``candidates``, which merges them with the NER spans.
"""
from __future__ import annotations

import re
from typing import Any

from unidecode import unidecode

from ..concepts import person_names
from .entities_edges import trim_unconfirmed_edges
from .entities_layout import drop_layout_noise
from .entities_orgs import add_convention_spans
from .entities_spans import Cand, spans_overlap, drop_lone_misfits, mark_owners, ner_spans, resolve_overlaps
from .lexicon import entities as lx
from .lexicon import times as times_lx


def law_spans(text: str) -> list[Cand]:
    """Legal instruments by rule; these win over the model's LAW spans, which run on into the
    words after them ("Article 9 since 2020") or join two articles ("Article 9 or Article 12")."""
    out = [Cand(m.start(), m.end(), "LAW", rule=True) for m in lx.LAW_PATTERN.finditer(text)]
    for m in lx.CODE_PATTERN.finditer(text):
        out.append(Cand(m.start(1), m.end(1), "LAW", rule=True))
    for m in lx.LAW_ON_PATTERN.finditer(text):
        out.append(Cand(m.start(), m.end(), "LAW", rule=True))
    for m in lx.LAW_TITLE_PATTERN.finditer(text):
        start, end = _drop_leading_stopwords(text, m.start(1), m.end(1))
        if end - start > 0 and " " in text[start:end]:
            out.append(Cand(start, end, "LAW", rule=True))
    return out


def _drop_leading_stopwords(text: str, start: int, end: int) -> tuple[int, int]:
    """'Under the Public Order Act' -> 'Public Order Act': a sentence may start on a function word."""
    for w in re.finditer(r"\S+", text[start:end]):
        if w.group().lower() not in lx.LAW_TITLE_STOPWORDS:
            return start + w.start(), end
    return start, start


def _numeric_ranges(doc: Any) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in lx.NUMERIC_LABELS]


def _org_context(doc: Any, text: str, start: int, end: int) -> bool:
    """Does the text around a digit-name say it is an organization?"""
    before = re.findall(r"[\w-]+", text[max(0, start - 40):start])
    if before and before[-1].lower() in lx.ORG_HEAD_NOUNS:
        return True  # "... rights group Project 9"
    after = text[end:end + 80]
    m = re.match(r",\s+(?:a|an|the)\s+((?:[\w-]+\s+){0,5}?)([\w-]+)\b", after)
    if m and m.group(2).lower() in lx.ORG_HEAD_NOUNS:
        return True  # "Project9, a rights group that ..."
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        root = span.root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in lx.AGENT_VERBS:
            return True  # products do not say or write things
    return False


def digit_name_spans(doc: Any, text: str, taken: list[Cand]) -> list[Cand]:
    """Names written with digits ("Group 77", "Project9") that context marks as organizations."""
    blocked = _numeric_ranges(doc) + [(c.start, c.end) for c in taken if c.label == "LAW"]
    found: list[tuple[int, int]] = []
    for m in lx.DIGIT_NAME_PATTERN.finditer(text):
        word = re.match(r"[A-Za-z]+", m.group()).group().lower()
        if word in times_lx.MONTHS or any(spans_overlap((m.start(), m.end()), b) for b in blocked):
            continue
        found.append((m.start(), m.end()))
    compact = lambda s, e: re.sub(r"\s+", "", text[s:e]).lower()  # noqa: E731
    known = {compact(s, e) for s, e in found if _org_context(doc, text, s, e)}
    known |= {compact(c.start, c.end) for c in taken if c.label == "ORG"}
    return [Cand(s, e, "ORG") for s, e in found if compact(s, e) in known]


def _capitalized_runs(doc: Any) -> list[list[Any]]:
    runs: list[list[Any]] = []
    cur: list[Any] = []
    for t in doc:
        word = t.is_alpha and t.text[0].isupper() and (len(t.text) == 1 or t.text[1:].islower())
        if word and cur and cur[-1].whitespace_ == " " and cur[-1].i == t.i - 1:
            cur.append(t)
            continue
        if cur:
            runs.append(cur)
        cur = [t] if word else []
    if cur:
        runs.append(cur)
    return runs


def _looks_vietnamese_name(run: list[Any]) -> bool:
    words = [unidecode(t.text).lower() for t in run]
    if not lx.VN_NAME_MIN_WORDS <= len(run) <= lx.VN_NAME_MAX_WORDS:
        return False
    if words[0] not in person_names.COMMON_VIETNAMESE_FAMILY_NAMES or any(t.text in lx.PLACE_WORDS for t in run):
        return False
    if any(" ".join(words[i:i + 2]) in lx.VIETNAMESE_PLACE_NAMES for i in range(len(words))):
        return False
    # the family name may be tagged as an English word ("Do", "Le") when a middle name follows
    rest = run[1:] if words[1] in lx.VN_MIDDLE_NAMES else run
    return all(len(t.text) <= lx.VN_NAME_MAX_WORD_LEN for t in run) \
        and all(t.pos_ == "PROPN" or not t.text.isascii() for t in rest)


def vietnamese_name_spans(doc: Any, cands: list[Cand]) -> list[Cand]:
    """PERSON spans for Vietnamese names the model missed; they replace spans they contain."""
    out = []
    for run in _capitalized_runs(doc):
        if not _looks_vietnamese_name(run):
            continue
        s, e = run[0].idx, run[-1].idx + len(run[-1].text)
        hit = [c for c in cands if spans_overlap((c.start, c.end), (s, e))]
        if any(c.start < s or c.end > e or (c.label == "PERSON" and c.start == s) for c in hit):
            continue
        for c in hit:
            cands.remove(c)
        out.append(Cand(s, e, "PERSON"))
    return out


def acronym_definition_spans(text: str, cands: list[Cand]) -> list[Cand]:
    """'Committee to Protect Journalists (CPJ)' when the model missed the name: the words before
    the parentheses whose initials spell the acronym."""
    out = []
    for m in lx.ACRONYM_DEFINITION.finditer(text):
        words = list(re.finditer(r"[\w'&.-]+", text[max(0, m.start() - 120):m.start()]))
        base, acr, need, first = max(0, m.start() - 120), m.group(1), len(m.group(1)), None
        got = ""
        for w in reversed(words):
            if w.group().lower() in lx.ACRONYM_SKIP_WORDS and got:
                continue
            if not w.group()[0].isupper():
                break
            got, first = w.group()[0] + got, w
            if len(got) == need:
                break
        if got != acr or first is None:
            continue
        start, end = base + first.start(), m.start() - 1
        if text[start:end].strip() and not any(spans_overlap((start, end), (c.start, c.end)) for c in cands):
            out.append(Cand(start, start + len(text[start:end].rstrip()), "ORG"))
    return out


def candidates(doc: Any, text: str) -> list[Cand]:
    cands = drop_lone_misfits(doc, text, ner_spans(doc, text))
    cands += vietnamese_name_spans(doc, cands)
    cands = add_convention_spans(doc, text, cands)
    cands += law_spans(text)
    cands += acronym_definition_spans(text, cands)
    digits = digit_name_spans(doc, text, cands)
    # a digit-name replaces whatever spaCy made of it (PRODUCT, CARDINAL, a bare word)
    cands = [c for c in cands if not any(spans_overlap((c.start, c.end), (d.start, d.end)) for d in digits)]
    out = drop_layout_noise(text, resolve_overlaps(cands + digits))
    trim_unconfirmed_edges(text, out)
    mark_owners(text, out)
    return out


def outlet_mentions(text: str, outlet: str | None, cands: list[Cand]) -> list[Cand]:
    """The publishing outlet (from the page's metadata) named in its own text ("... reports for
    the Daily Courier") is an organization even where the model saw a common noun."""
    if not outlet or len(outlet) < 3 or not outlet[0].isupper():
        return []
    out = []
    for m in re.finditer(r"(?<![\w-])%s(?![\w-])" % re.escape(outlet), text):
        if not any(spans_overlap((m.start(), m.end()), (c.start, c.end)) for c in cands):
            out.append(Cand(m.start(), m.end(), "ORG"))
    return out
