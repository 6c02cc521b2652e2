"""Paragraphs and quotation-mark spans, found on the raw text before any parsing.

Quotation marks are read per paragraph because a quotation never crosses a paragraph
break without a fresh opening mark: an unclosed quotation at the end of a paragraph
continues only when the next paragraph opens with a mark (news convention).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import quotes as lx


# Every character the scan below acts on (a doubled mark starts with one of them too).
_MARKS = re.compile("[%s]" % re.escape(lx.DOUBLE_OPEN + lx.DOUBLE_CLOSE + lx.STRAIGHT_DOUBLE + lx.SINGLE_OPEN
                                       + lx.SINGLE_CLOSE + lx.STRAIGHT_SINGLE + "".join(m[0] for m in lx.DOUBLED_MARKS)))
_SINGLE_CLOSERS = re.compile("[%s]" % re.escape(lx.SINGLE_CLOSE + lx.STRAIGHT_SINGLE))


@dataclass
class MarkSpan:
    """A quotation inside one paragraph; start/end cover the words, not the marks."""

    start: int
    end: int
    open_at: int
    close_at: int | None        # None: the paragraph ended before a closing mark
    para: int
    chain: int                  # shared by the pieces of a multi-paragraph quotation
    whole_paragraph: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line; hard-wrapped lines are joined back."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start, end = start + lead, start + lead + len(stripped)
        if out and _is_wrapped(text, out[-1], start):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _is_wrapped(text: str, prev: tuple[int, int], start: int) -> bool:
    """A line that starts lower-case after a line with no closing punctuation is a hard wrap."""
    last = text[prev[1] - 1]
    gap = text[prev[1]:start]
    return gap.count("\n") == 1 and last.isalnum() and text[start].islower()


def _opens_straight(para: str, i: int, width: int = 1) -> bool:
    measure = lx.MEASURE_BEFORE_RE.search(para[max(0, i - lx.MEASURE_LOOKBACK_CHARS):i])
    if measure and not (measure.group(1) or " ")[:1].isupper():
        return False            # 15" is inches, not a quotation mark
    before = para[i - 1] if i else " "
    after = para[i + width] if i + width < len(para) else " "
    return (i == 0 or before in lx.OPENING_CONTEXT or before in lx.DOUBLE_OPEN) and not after.isspace()


def _closes_single(para: str, i: int) -> bool:
    before = para[i - 1] if i else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    return not before.isspace() and not after.isalnum()


def _opens_single(para: str, i: int, closers: list[int]) -> bool:
    after = para[i + 1] if i + 1 < len(para) else " "
    if not after.isalpha():
        return False
    before = para[i - 1] if i else " "
    if not (i == 0 or before in lx.OPENING_CONTEXT):
        return False
    # Only when a plausible closing mark follows: otherwise it is an apostrophe.
    k = bisect.bisect_left(closers, i + 2)
    return k < len(closers)


def _single_closers(para: str) -> list[int]:
    return [j for j in (m.start() for m in _SINGLE_CLOSERS.finditer(para))
            if _closes_single(para, j) and not _in_pair(para, j)]


def _in_pair(para: str, i: int) -> bool:
    """Part of a doubled apostrophe (''), which some wires and archives use for a double mark."""
    return para[i:i + 2] in lx.DOUBLED_MARKS or (i > 0 and para[i - 1:i + 1] in lx.DOUBLED_MARKS)


def _double_at(para: str, i: int) -> int:
    """Length of the double quotation mark starting at i (0: none)."""
    if para[i:i + 2] in lx.DOUBLED_MARKS:
        return 2
    return 1 if para[i] in lx.DOUBLE_OPEN + lx.DOUBLE_CLOSE + lx.STRAIGHT_DOUBLE else 0


def _scan(para: str) -> list[tuple[int, int, int | None]]:
    """(open index, open mark length, close index or None) of the top-level quotations in one
    paragraph."""
    found: list[tuple[int, int, int | None]] = []
    closers = _single_closers(para)
    open_at: int | None = None
    width, kind = 1, ""
    i = 0
    while True:
        mark = _MARKS.search(para, i)      # nothing happens at any other character
        if mark is None:
            break
        i = mark.start()
        c = para[i]
        step = _double_at(para, i) or 1
        if open_at is None:
            if step == 2 and _opens_straight(para, i, 2):
                open_at, width, kind = i, 2, "double"
            elif step == 1 and (c in lx.DOUBLE_OPEN or (c == lx.STRAIGHT_DOUBLE and _opens_straight(para, i, 1))):
                open_at, width, kind = i, 1, "double"
            elif step == 1 and c in (lx.SINGLE_OPEN + lx.STRAIGHT_SINGLE) and _opens_single(para, i, closers):
                open_at, width, kind = i, 1, "single"
        elif kind == "double" and ((width == 2 and step == 2) or (width == 1 and step == 1 and (
                c in lx.DOUBLE_CLOSE or c == lx.STRAIGHT_DOUBLE))):
            found.append((open_at, width, i))
            open_at = None
        elif kind == "single" and step == 1 and c in (lx.SINGLE_CLOSE + lx.STRAIGHT_SINGLE) \
                and _closes_single(para, i):
            found.append((open_at, width, i))
            open_at = None
        i += step
    if open_at is not None:
        found.append((open_at, width, None))
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in lx.INNER_TRIM:
        start += 1
    while end > start and text[end - 1] in lx.INNER_TRIM:
        end -= 1
    return start, end


def _only_punct(s: str) -> bool:
    return all(not c.isalnum() for c in s)


def mark_spans(text: str, paras: list[tuple[int, int]]) -> list[MarkSpan]:
    """Every top-level quotation, with multi-paragraph quotations chained together."""
    spans: list[MarkSpan] = []
    chain = 0
    dangling = False               # the previous paragraph ended inside a quotation
    for p, (ps, pe) in enumerate(paras):
        para = text[ps:pe]
        found = _scan(para)
        for k, (o, width, c) in enumerate(found):
            continues = dangling and k == 0 and o == 0
            if not continues:
                chain += 1
            start, end = _trimmed(text, ps + o + width, ps + (c if c is not None else len(para)))
            if end <= start:
                continue
            whole = _only_punct(para[:o]) and _only_punct(para[(c + width) if c is not None else len(para):])
            spans.append(MarkSpan(start, end, ps + o, None if c is None else ps + c, p, chain, whole))
        dangling = bool(found) and found[-1][2] is None
    return spans
