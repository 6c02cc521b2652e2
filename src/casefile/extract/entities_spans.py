"""Candidate entity spans: spaCy NER, trimmed and re-typed, plus laws and names with digits.

Every span is a pair of character offsets into the document text; trimming only
ever moves the offsets inwards, so ``text[start:end]`` stays the surface form.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from unidecode import unidecode

from .lexicon import entities as lx


@dataclass
class Cand:
    """One mention before linking."""

    start: int
    end: int
    label: str
    qualifier: str | None = None            # the country owning an org ("Cambodia's Ministry ...")
    qual_span: tuple[int, int] | None = None

    def text(self, text: str) -> str:
        return text[self.start:self.end]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces/punctuation, a leading article and a trailing possessive."""
    while start < end and (text[start].isspace() or text[start] in "\"'\u201c\u201d\u2018\u2019([,;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"\u201c\u201d,;:)]!?"):
        end -= 1
    m = re.match(r"(?:the|The|THE)\s+", text[start:end])
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
    """An entity never spans a line break (captions and headings run into each other)."""
    out, pos = [], start
    for m in re.finditer(r"\n+", text[start:end]):
        out.append((pos, start + m.start()))
        pos = start + m.end()
    out.append((pos, end))
    return [(s, e) for s, e in out if e > s]


def _is_title_word(word: str) -> bool:
    w = word.rstrip(".").lower()
    return w in lx.HONORIFICS or (w in lx.OFFICE_ROLE_NOUNS and w not in lx.RELATION_NOUNS)


def _strip_person_titles(text: str, start: int, end: int) -> int:
    """Move the start of a PERSON span past its title: "President X", "Dr. X", and
    "Party General Secretary X Y" when the model put the whole title inside the name."""
    words = list(re.finditer(r"\S+", text[start:end]))
    cut = 0
    while cut < len(words) - 1 and _is_title_word(words[cut].group()):
        cut += 1
    inner = [k for k in range(cut, len(words) - 2) if _is_title_word(words[k].group())]
    if inner and not any(w.group().rstrip(".").lower() in lx.NAME_SUFFIXES for w in words[inner[-1] + 1:]):
        cut = inner[-1] + 1
    return start + words[cut].start() if cut else start


def _is_non_entity(text: str, label: str) -> bool:
    """Spans no reader would call a name."""
    s = text.strip()
    if not re.search(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]", s):
        return True
    if label != "NORP" and s == s.lower():
        return True
    if label == "PERSON":
        if re.search(r"\d", s):
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
    country = lx.COUNTRY_VARIANTS.get(owner.lower().strip())
    if not country:
        return [c]
    o_start, o_end = c.start, c.start + len(owner)
    org = Cand(c.start + m.start(2), c.end, "ORG", qualifier=country, qual_span=(o_start, o_end))
    return [Cand(o_start, o_end, "GPE"), org]


def _after_person_role(text: str, c: Cand) -> bool:
    """'lawyer X', 'her daughter, X': the text just before the span is a person's role noun."""
    m = lx.ROLE_BEFORE_NAME.search(text[max(0, c.start - 30):c.start])
    if not m or m.group(1) not in lx.ROLE_NOUNS:
        return False
    return "," not in m.group() or bool(re.search(r"(?:'s|\u2019s|\b(?:his|her|their|my|our))\s+(?:[\w-]+\s+)?"
                                                  + re.escape(m.group(1)) + r"\s*,\s*$",
                                                  text[max(0, c.start - 60):c.start]))


def _retype(text: str, c: Cand) -> Cand | None:
    s = c.text(text)
    words = s.split()
    if c.label in ("ORG", "GPE", "NORP") and not lx.COUNTRY_VARIANTS.get(s.lower()) \
            and words[-1] not in lx.ORG_NAME_HEADS and _after_person_role(text, c):
        c.label = "PERSON"
    if c.label in ("GPE", "LOC", "PERSON", "NORP") and words and words[-1] in lx.ORG_NAME_HEADS:
        c.label = "ORG"
    if c.label == "PERSON" and len(words) > 1 and words[-1] in lx.NOT_PERSON_HEADS:
        c.label = "ORG"
    if c.label == "ORG" and len(words) == 1 and s in lx.TITLE_OBJECT_WORDS \
            and re.search(r"\bof\s+(?:the\s+)?$", text[max(0, c.start - 12):c.start]):
        return None  # "Secretary of State": part of a title
    if c.label == "PERSON":
        c.start = _strip_person_titles(text, c.start, c.end)
    return c


def _extend_located(text: str, c: Cand, cands: list[Cand]) -> None:
    """'Embassy in Paris' is one organization name."""
    if c.label != "ORG" or c.text(text).split()[-1] not in lx.ORG_LOCATED_HEADS:
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
        if ent.label_ not in lx.KEEP_LABELS:
            continue
        toks = list(ent)
        while len(toks) > 1 and toks[0].pos_ in lx.NON_NAME_POS \
                and unidecode(toks[0].text).lower() not in lx.COMMON_FAMILY_NAMES:
            toks.pop(0)  # "Later the Foreign Ministry": sentence-initial words are not the name
        for s, e in _split_lines(text, toks[0].idx, ent.end_char):
            s, e = _strip_span(text, s, e)
            if e <= s:
                continue
            for c in _split_possessive_owner(text, Cand(s, e, ent.label_)):
                c = _retype(text, c)
                if c and c.end > c.start and not _is_non_entity(c.text(text), c.label):
                    out.append(c)
    for c in list(out):
        if c in out:
            _extend_located(text, c, out)
    _vote_single_words(text, out)
    return out


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


def law_spans(text: str) -> list[Cand]:
    out = [Cand(m.start(), m.end(), "LAW") for m in lx.LAW_PATTERN.finditer(text)]
    for m in lx.CODE_PATTERN.finditer(text):
        out.append(Cand(m.start(1), m.end(1), "LAW"))
    return out


def _numeric_ranges(doc: Any) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in lx.NUMERIC_LABELS]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


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
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in lx.REPORTING_VERBS:
            return True  # products do not say or write things
    return False


def digit_name_spans(doc: Any, text: str, taken: list[Cand]) -> list[Cand]:
    """Names written with digits ("Group 77", "Project9") that context marks as organizations."""
    blocked = _numeric_ranges(doc) + [(c.start, c.end) for c in taken if c.label == "LAW"]
    found: list[tuple[int, int]] = []
    for m in lx.DIGIT_NAME_PATTERN.finditer(text):
        word = re.match(r"[A-Za-z]+", m.group()).group().lower()
        if word in lx.MONTH_WORDS or any(_overlaps((m.start(), m.end()), b) for b in blocked):
            continue
        found.append((m.start(), m.end()))
    compact = lambda s, e: re.sub(r"\s+", "", text[s:e]).lower()  # noqa: E731
    known = {compact(s, e) for s, e in found if _org_context(doc, text, s, e)}
    known |= {compact(c.start, c.end) for c in taken if c.label == "ORG"}
    return [Cand(s, e, "ORG") for s, e in found if compact(s, e) in known]


def resolve_overlaps(cands: list[Cand]) -> list[Cand]:
    """Keep non-overlapping spans: laws and digit-names first, then the longer span."""
    rank = {"LAW": 0}

    def key(c: Cand) -> tuple:
        return (rank.get(c.label, 1), -(c.end - c.start), c.start)

    kept: list[Cand] = []
    for c in sorted(cands, key=key):
        if not any(_overlaps((c.start, c.end), (k.start, k.end)) for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _mark_owners(text: str, cands: list[Cand]) -> None:
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
        country = lx.COUNTRY_VARIANTS.get(s) or lx.DEMONYMS.get(s)
        if country or "'" in text[owner.end:c.start] or "\u2019" in text[owner.end:c.start]:
            c.qualifier, c.qual_span = country or owner.text(text), (owner.start, owner.end)


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
    if words[0] not in lx.COMMON_VIETNAMESE_FAMILY_NAMES or any(t.text in lx.PLACE_WORDS for t in run):
        return False
    if any(" ".join(words[i:i + 2]) in lx.VIETNAMESE_PLACE_NAMES for i in range(len(words))):
        return False
    return all(len(t.text) <= lx.VN_NAME_MAX_WORD_LEN and (t.pos_ == "PROPN" or not t.text.isascii()) for t in run)


def vietnamese_name_spans(doc: Any, cands: list[Cand]) -> list[Cand]:
    """PERSON spans for Vietnamese names the model missed; they replace spans they contain."""
    out = []
    for run in _capitalized_runs(doc):
        if not _looks_vietnamese_name(run):
            continue
        s, e = run[0].idx, run[-1].idx + len(run[-1].text)
        hit = [c for c in cands if _overlaps((c.start, c.end), (s, e))]
        if any(c.start < s or c.end > e or (c.label == "PERSON" and c.start == s) for c in hit):
            continue
        for c in hit:
            cands.remove(c)
        out.append(Cand(s, e, "PERSON"))
    return out


def _drop_lone_misfits(doc: Any, text: str, cands: list[Cand]) -> list[Cand]:
    """One-word 'people' that are really part of another name ("McDonnell Douglas" ... "Douglas")
    or come after a lower-case "the" ("the Worldliner"), unless a full personal name explains them."""
    in_names = {w.lower() for c in cands if c.label == "PERSON" for w in c.text(text).split()[1:]}
    in_names |= {c.text(text).split()[0].lower() for c in cands if c.label == "PERSON" and " " in c.text(text)}
    in_other = {w.lower() for e in doc.ents if e.label_ != "PERSON" and len(e) > 1 for w in e.text.split()}
    out = []
    for c in cands:
        s = c.text(text)
        lone = c.label == "PERSON" and " " not in s and s.lower() not in in_names
        if lone and (s.lower() in in_other or re.search(r"\bthe\s+$", text[max(0, c.start - 5):c.start])):
            continue
        out.append(c)
    return out


def acronym_definition_spans(text: str, cands: list[Cand]) -> list[Cand]:
    """'Committee to Protect Journalists (CPJ)' when the model missed the name: the words whose initials spell it."""
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
        if text[start:end].strip() and not any(_overlaps((start, end), (c.start, c.end)) for c in cands):
            out.append(Cand(start, start + len(text[start:end].rstrip()), "ORG"))
    return out


def candidates(doc: Any, text: str) -> list[Cand]:
    cands = _drop_lone_misfits(doc, text, ner_spans(doc, text))
    cands += vietnamese_name_spans(doc, cands)
    cands += law_spans(text)
    cands += acronym_definition_spans(text, cands)
    digits = digit_name_spans(doc, text, cands)
    # a digit-name replaces whatever spaCy made of it (PRODUCT, CARDINAL, a bare word)
    cands = [c for c in cands if not any(_overlaps((c.start, c.end), (d.start, d.end)) for d in digits)]
    out = resolve_overlaps(cands + digits)
    _mark_owners(text, out)
    return out
