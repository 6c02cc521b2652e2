"""Lines of a news text that are not prose: title-case headlines, shouted (all-capitals) runs
and datelines.

In a title-case headline every word is capitalized, so capitals no longer tell a name from
the words around it ("X Slams Y", "Attacking X"); in a shouted run not even the case of a name
is known. A mention there is kept only where the document's prose writes the same name: the
headline's words in between go. A dateline ("CITY, Region (Agency) —") says where the story
was filed: metadata, not a mention of a place or an agency.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from .entities_spans import Cand
from .lexicon import entities as lx

# A month's name is followed by its day or year ("May 3"); the modal is not ("May Run").
_NUMBER_AFTER = re.compile(r"\s+\d")
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
# Only spaces, quotation marks or dashes after a sentence end (or nothing) before a word.
_SENTENCE_START = re.compile(r"""(?:^|[.!?:]["\u201d\u2019')]*)[\s"\u201c\u2018'(\u2014\u2013-]*$""")
_EDGE = re.compile(r"^[\"'\u201c\u201d\u2018\u2019(\[]+|(?:['\u2019]s?|[\"'\u201c\u201d\u2018\u2019)\].,:;!?\u2014-])+$")


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line), line
        start += len(line) + 1


def _inner_words(line: str, most: int) -> list[re.Match]:
    """The words that open neither the line nor a sentence, the first ``most`` of them. A word's
    first character is a letter, which _SENTENCE_START cannot match, so the search for what
    comes before a word starts just after the previous word's first letter: from the line's
    start, a long paragraph cost the square of its length."""
    out, since = [], 0
    for m in _WORD.finditer(line):
        if not _SENTENCE_START.search(line, since, m.start()):
            out.append(m)
            if len(out) >= most:
                break
        since = m.start() + 1
    return out


def is_title_case(line: str) -> bool:
    """A title-case headline: most content words capitalized, and either a small word
    capitalized too ("Rival Says He Will Run") or no lower-case word at all. Words that open
    the line or a sentence are capitalized anyway and say nothing; so does a dateline."""
    if lx.BYLINE.match(line):
        return False   # "By Ann Roe, Harbor Correspondent": a name written as its owner writes it
    line = lx.DATELINE.sub("", line, count=1)
    found = _inner_words(line, lx.HEADLINE_MAX_WORDS + 1)    # one more than a headline has is enough to say no
    words = [m.group() for m in found]
    content = [w for w in words if w.lower() not in STOP_WORDS]
    if not lx.HEADLINE_MIN_WORDS <= len(words) <= lx.HEADLINE_MAX_WORDS or not content:
        return False
    share = sum(w[0].isupper() for w in content) / len(content)
    small_capital = any(m.group().istitle() and m.group().lower() in STOP_WORDS
                        and not (m.group().lower() in lx.MONTH_LIKE_STOP_WORDS and _NUMBER_AFTER.match(line, m.end()))
                        for m in found)
    no_lower = all(w[0].isupper() for w in words) and len(words) > lx.HEADLINE_MIN_WORDS
    return share >= lx.HEADLINE_CAPS_SHARE and (small_capital or no_lower)


def headline_ranges(text: str) -> list[tuple[int, int]]:
    """Title-case lines and runs of shouted words, as character ranges."""
    return list(_headline_ranges(text))


@lru_cache(maxsize=2)       # asked twice per document, by the mention filter and the descriptors
def _headline_ranges(text: str) -> tuple[tuple[int, int], ...]:
    out = [(s, e) for s, e, line in _lines(text) if is_title_case(line)]
    out += [(m.start(), m.end()) for m in lx.SHOUTED_RUN.finditer(text)]
    return tuple(sorted(out))


def dateline_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in lx.DATELINE.finditer(text)]


def _inside(c: Cand, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= c.start and c.end <= e for s, e in ranges)


def _touches(c: Cand, ranges: list[tuple[int, int]]) -> bool:
    return any(s < c.end and c.start < e for s, e in ranges)


def _bare(s: str) -> str:
    """A name without quotation marks, brackets, a possessive or closing punctuation."""
    return _EDGE.sub("", _EDGE.sub("", s.strip()))


def _prose_names(text: str, cands: list[Cand], away: list[tuple[int, int]]) -> dict[str, str]:
    """Names the prose writes -> their type; a person's surname stands for them too."""
    names: dict[str, str] = {}
    for c in cands:
        if _touches(c, away):
            continue
        name = _bare(c.text(text))
        names.setdefault(name, c.label)
        words = name.split()
        if c.label == "PERSON" and len(words) > 1:
            names.setdefault(words[-1], "PERSON")
    return names


def _blank(text: str, ranges: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in ranges:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def _known_parts(text: str, c: Cand, names: dict[str, str], prose: str) -> list[Cand]:
    """The longest runs of a headline span's words that the prose writes as a name: one the
    model found there, or two or more words the prose writes just so (a name the model only
    found in the headline)."""
    words = list(re.finditer(r"\S+", text[c.start:c.end]))
    out, i = [], 0
    while i < len(words):
        for j in range(len(words), i, -1):
            s, e = c.start + words[i].start(), c.start + words[j - 1].end()
            raw = text[s:e]
            bare = _bare(raw)
            label = names.get(bare)
            if label is None and j - i > 1 and bare and re.search(r"(?<!\w)%s(?!\w)" % re.escape(bare), prose):
                label = c.label
            if label is not None:
                lead = raw.index(bare)
                out.append(Cand(s + lead, s + lead + len(bare), label))
                i = j
                break
        else:
            i += 1
    return out


def drop_layout_noise(text: str, cands: list[Cand]) -> list[Cand]:
    """Mentions outside datelines; in headlines, only the names the prose confirms."""
    datelines = dateline_ranges(text)
    heads = headline_ranges(text)
    if not datelines and not heads:
        return cands
    names = _prose_names(text, cands, heads + datelines)
    prose = _blank(text, heads + datelines)
    out = []
    for c in cands:
        if _inside(c, datelines):
            continue
        if _touches(c, heads):
            out += _known_parts(text, c, names, prose)
        else:
            out.append(c)
    return out
