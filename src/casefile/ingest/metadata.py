"""Document metadata, one function per field, each trying its best source first.

Order of trust for every field: what the user gave (command line, JSONL) > what the
page declares (HTML meta, JSON-LD, feed) > what the text itself says (an "Updated ..."
line, a copyright footer, a closing byline, the outlet that names itself as the
recipient of interviews). Each function returns ``(value, source)`` so the store can
say where a value came from.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from dateutil import parser as dateparser

from ..models import RawDocument
from .clean import Cleaned
from .metadata_cues import (BYLINE_BEAT, BYLINE_CLOSING, BYLINE_OPENING, COPYRIGHT_OWNER, DATE_PATTERN,
                            HEADER_DATE_MAX_CHARS, HEADER_DATE_MAX_OTHER_WORDS, HEADER_LINES, LAST_YEAR_CUES,
                            MASTHEAD_SEPARATORS, MEDIA_WORDS, MONTHS, OUTLET_POSSESSIVE, OUTLET_RECIPIENT,
                            PAREN_DATELINE, PUBLISHED_CUES, UPDATED_LINE, WIRE_DATELINE, YEAR)

Found = tuple[str, str] | None


@dataclass
class Context:
    raw: RawDocument
    cleaned: Cleaned
    overrides: dict


def _given(ctx: Context, field: str) -> Found:
    """A value the user passed, else one the source format declared."""
    if ctx.overrides.get(field):
        return str(ctx.overrides[field]), "user"
    value = getattr(ctx.raw, field, None)
    if value:
        return str(value), ctx.raw.format
    return None


def title(ctx: Context) -> Found:
    found = _given(ctx, "title")
    if found:
        return found
    for line in ctx.cleaned.text.split("\n"):
        s = line.strip()
        if not s:
            continue
        words = s.split()
        # A headline: short, no closing full stop, not a byline or dateline.
        if 3 <= len(words) <= 30 and len(s) <= 200 and not s.endswith((".", ":", ";", ",")) \
                and not BYLINE_OPENING.match(s):
            return s, "text:first-line"
        return None
    return None


def author(ctx: Context) -> Found:
    found = _given(ctx, "author")
    if found:
        return found
    lines = [line.strip() for line in ctx.cleaned.text.split("\n") if line.strip()]
    for line in lines[:6]:
        m = BYLINE_OPENING.match(line)
        if m:
            return m.group("name"), "text:byline"
    for line in reversed(lines[-4:]):
        m = BYLINE_CLOSING.match(line)
        if m:
            return m.group("name"), "text:closing-byline"
    return None


def outlet(ctx: Context) -> Found:
    found = _given(ctx, "outlet")
    if found:
        return found
    raw = ctx.cleaned.raw
    owners = [(m.start(), m.group("owner").strip()) for m in COPYRIGHT_OWNER.finditer(raw)]
    # A footer names the publisher; a header often names the site that re-hosts it.
    footer = [o for pos, o in owners if pos > len(raw) // 2]
    if footer:
        return footer[-1], "text:copyright-footer"
    wire = WIRE_DATELINE.search(ctx.cleaned.text[:2000])
    if wire:
        return wire.group("agency"), "text:wire-dateline"
    masthead = _masthead(_header_lines(ctx))
    if masthead:
        return masthead, "text:masthead"
    named = _self_references(ctx.cleaned.text)
    if named:
        return named, "text:self-reference"
    for line in reversed([x for x in ctx.cleaned.text.split("\n") if x.strip()][-4:]):
        for pattern in (BYLINE_CLOSING, BYLINE_BEAT):
            m = pattern.match(line.strip())
            org = m and (m.groupdict().get("org") or m.groupdict().get("owner"))
            if org:
                return org.rstrip("."), "text:closing-byline"
    if owners:
        return owners[0][1], "text:copyright-header"
    return None


def _header_lines(ctx: Context) -> list[str]:
    """The short lines above the story's first paragraph (headline, byline, dateline, masthead)."""
    out = []
    for line in ctx.cleaned.text.split("\n"):
        s = line.strip()
        if not s:
            continue
        if len(out) >= HEADER_LINES or (len(s) > 160 and out):
            break
        out.append(s)
    return out


def _masthead(lines: list[str]) -> str | None:
    """A publication name standing alone in the header, or beside the date: "Name | 14 August 2025"."""
    for line in lines[1:]:
        parts = MASTHEAD_SEPARATORS.split(line)
        if len(parts) == 2 and DATE_PATTERN.search(parts[1]) and _looks_like_outlet(parts[0]):
            return parts[0].strip()
        if len(line.split()) <= 5 and line[:1].isupper() and not line.endswith(".") \
                and not DATE_PATTERN.search(line) and _looks_like_outlet(line) and not BYLINE_OPENING.match(line):
            return line
    return None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _self_references(text: str) -> str | None:
    """The outlet that the article names as the recipient of its interviews."""
    counts: Counter[str] = Counter()
    for pattern in (OUTLET_RECIPIENT, OUTLET_POSSESSIVE):
        for m in pattern.finditer(text):
            name = m.group("name").strip().rstrip(".")
            if _looks_like_outlet(name):
                counts[name] += 1
    if not counts:
        return None
    # An acronym and its expansion are one outlet; report the expansion.
    groups: Counter[str] = Counter()
    for name, n in counts.items():
        full = next((f for f in counts if f != name and " " in f and _initials(f) == name), name)
        groups[full] += n
    return groups.most_common(1)[0][0]


def _looks_like_outlet(name: str) -> bool:
    words = name.split()
    if len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", name):
        return True
    return any(w.lower() in MEDIA_WORDS for w in words)


def updated(ctx: Context) -> Found:
    found = _given(ctx, "updated")
    if found:
        return iso(found[0]) or found[0], found[1]
    m = UPDATED_LINE.search(ctx.cleaned.raw)
    if m:
        day = parse_date(m.group("date"))
        if day:
            return day.isoformat(), "text:updated-line"
    return None


def published(ctx: Context, updated_value: str | None) -> Found:
    found = _given(ctx, "published")
    if found:
        return iso(found[0]) or found[0], found[1]
    ceiling = dt.date.fromisoformat(updated_value[:10]) if updated_value else None
    for cue in PUBLISHED_CUES:
        m = cue.search(ctx.cleaned.raw)
        if m:
            day = parse_date(m.group("date"), before=ceiling)
            if day:
                return day.isoformat(), "text:publication-cue"
    day = _header_date(ctx)
    if day:
        return day.isoformat(), "text:header-date"
    if updated_value:
        # Published no later than updated; the best date the page gives.
        return updated_value, "text:updated-line"
    return None


def _header_date(ctx: Context) -> dt.date | None:
    """A full date standing in the header ("March 9, 2025", "Name | 14 August 2025") or a dateline."""
    m = PAREN_DATELINE.search(ctx.cleaned.text[:3000])
    if m:
        day = parse_date(m.group("date"))
        if day:
            return day
    for line in _header_lines(ctx):
        if len(line) > HEADER_DATE_MAX_CHARS or UPDATED_LINE.match(line):
            continue
        m = DATE_PATTERN.search(line)
        if not m or not (m.group("y1") or m.group("y2") or m.group("iso")):
            continue
        rest = (line[:m.start()] + " " + line[m.end():]).split()
        if len(rest) <= HEADER_DATE_MAX_OTHER_WORDS:
            day = parse_date(line)
            if day:
                return day
    return None


def date_hint(text: str) -> dict:
    """What the text allows about its date when none is stated: the latest year it implies.

    The latest explicit year Y is a lower bound. A text that also speaks of "last year"
    while never writing "this year" and never giving a full date in Y was most likely
    written in Y + 1 (what happened "last year" is then what it dates to Y).
    """
    years = [int(y) for y in YEAR.findall(text) if 1900 <= int(y) <= dt.date.today().year + 1]
    if not years:
        return {}
    latest = max(years)
    last_year = LAST_YEAR_CUES.search(text)
    full_dates_in_latest = any((m.group("y1") or m.group("y2") or "") == str(latest) and (m.group("d1") or m.group("d2"))
                               for m in DATE_PATTERN.finditer(text))
    if last_year and not full_dates_in_latest and not re.search(r"\bthis year\b", text, re.IGNORECASE):
        return {"year": latest + 1, "why": f"latest explicit year {latest}; '{last_year.group(0)}' "
                                           f"implies the article was written the year after"}
    return {"year": latest, "why": f"latest explicit year {latest}"}


def iso(value: str) -> str | None:
    """An ISO date (or datetime, when a time is given) from a date string, else None."""
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            return None
    try:
        parsed = dateparser.parse(value, default=dt.datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    if parsed.year == 1900:
        return None
    has_time = bool(re.search(r"\d{1,2}:\d{2}", value))
    return parsed.isoformat() if has_time else parsed.date().isoformat()


def parse_date(text: str, before: dt.date | None = None) -> dt.date | None:
    """A calendar date from "March 11, 2024", "11 March 2024", "2024-03-11" or "March 1".

    A year-less date takes the latest year that keeps it on or before ``before``.
    """
    m = DATE_PATTERN.search(text)
    if not m:
        return None
    month = MONTHS.get((m.group("m1") or m.group("m2") or "").lower().rstrip(".")[:3])
    day = int(m.group("d1") or m.group("d2") or 0)
    year = m.group("y1") or m.group("y2")
    if m.group("iso"):
        return dt.date.fromisoformat(m.group("iso")) if _valid(m.group("iso")) else None
    if not month or not day:
        return None
    if year:
        return _make(int(year), month, day)
    if before is None:
        return None
    candidate = _make(before.year, month, day)
    if candidate and candidate > before:
        candidate = _make(before.year - 1, month, day)
    return candidate


def _valid(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
        return True
    except ValueError:
        return False


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
