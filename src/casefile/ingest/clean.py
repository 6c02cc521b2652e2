"""Remove site furniture from article text, keeping paragraphs and a map back to the original.

The cleaner works on whole lines: a line is either kept verbatim or dropped with a
reason. Dropping whole lines means every kept character has one original position,
so offsets into the cleaned text can always be mapped back to the raw text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .furniture import FURNITURE, MAX_FURNITURE_CHARS, MIN_DUPLICATE_CHARS

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Cleaned:
    text: str
    raw: str
    removed: list[tuple[int, int, str]] = field(default_factory=list)   # raw offsets + reason
    segments: list[tuple[int, int, int]] = field(default_factory=list)  # (clean_start, raw_start, length)

    def to_raw(self, offset: int) -> int:
        """The raw-text offset of a cleaned-text offset."""
        for clean_start, raw_start, length in self.segments:
            if clean_start <= offset <= clean_start + length:
                return raw_start + offset - clean_start
        return len(self.raw)


def normalize(raw: str) -> str:
    """Unicode NFC, \\n newlines, no control characters, no trailing spaces on lines."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).replace("\u00a0", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def furniture_reason(line: str) -> str | None:
    """Why a line is site furniture, or None when it is article text."""
    s = line.strip()
    if not s or len(s) > MAX_FURNITURE_CHARS:
        return None
    for reason, pattern in FURNITURE:
        if pattern.fullmatch(s):
            return reason
    return None


def _lines(text: str):
    """(start, end, line) for each line, end excluding the newline."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def clean(raw: str) -> Cleaned:
    """Cleaned text: furniture lines and repeated paragraphs out, blank-line paragraphs kept."""
    text = normalize(raw)
    result = Cleaned(text="", raw=text)
    seen: set[str] = set()
    kept: list[tuple[int, int]] = []
    for start, end, line in _lines(text):
        reason = furniture_reason(line)
        key = " ".join(line.split())
        if reason is None and len(key) >= MIN_DUPLICATE_CHARS:
            if key in seen:
                reason = "duplicate"
            seen.add(key)
        if reason:
            result.removed.append((start, end, reason))
        else:
            kept.append((start, end))
    _assemble(result, kept)
    return result


def _assemble(result: Cleaned, kept: list[tuple[int, int]]) -> None:
    """Join kept lines with \n; where blank lines separated them, with one blank line."""
    out: list[str] = []
    pos = 0
    gap = False
    for start, end in kept:
        line = result.raw[start:end]
        if not line.strip():
            gap = True
            continue
        if out:
            sep = "\n\n" if gap else "\n"
            out.append(sep)
            pos += len(sep)
        result.segments.append((pos, start, end - start))
        out.append(line)
        pos += end - start
        gap = False
    result.text = "".join(out)
