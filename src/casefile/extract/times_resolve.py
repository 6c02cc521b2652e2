"""Turn grammar spans into TIMEX3 values against an anchor (publication date or year hint).

Partial dates ("March 8", "in February", "Wednesday") take the year or week that puts them
nearest the anchor on the side the clause's tense points to; relative counts ("two months
later") count from the date the text last mentioned.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from .lexicon import times as L
from .lexicon.quotes import INDIRECT_VERBS
from .times_grammar import Span
from .times_tense import tense, verb_at


Value = tuple[str | None, str]    # (TIMEX3 value, type): what every value function returns


@dataclass
class Context:
    text: str
    doc: Any = None                          # spaCy Doc over text, for tense
    anchor: dt.date | None = None
    year: int | None = None                  # anchor year, or the year hint
    prior: list[tuple[int, str]] = field(default_factory=list)   # (end offset, value) of dates so far
    guessed: set[int] = field(default_factory=set)   # end offsets of the prior dates whose year was inferred
    counted_from: str | None = None          # set when a value was counted from another date in the text
    compared: bool = False                   # set when a value is the year-before twin of a period named earlier

    @property
    def y(self) -> str:
        return f"{self.year:04d}" if self.year else "XXXX"


# ---- calendar helpers -------------------------------------------------------------------------

def make_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    last = (dt.date(y + (m + 1) // 12, (m + 1) % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m + 1, min(d.day, last))


def week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def nearest(cands: list[dt.date], ctx: Context, start: int) -> dt.date:
    """The candidate nearest the anchor on the side the tense points to."""
    a = ctx.anchor
    t = tense(ctx, start)
    slack = dt.timedelta(days=L.TENSE_SLACK_DAYS)
    ok = [c for c in cands if (t != "past" or c <= a + slack) and (t != "future" or c >= a - slack)]
    return min(ok or cands, key=lambda c: abs((c - a).days))


def month_year(month: int, ctx: Context, start: int, day: int | None = None) -> int | None:
    """The year of a month (and day) given without one: from a date earlier in the same sentence
    ("In 2019, he was arrested in March"), else the one nearest the anchor that the tense allows."""
    if (y := _sentence_year(ctx, start, month, day)) is not None:
        return y
    if not ctx.anchor:
        return ctx.year
    a = ctx.anchor
    cands = [c for y in (a.year - 1, a.year, a.year + 1) if (c := make_date(y, month, day or 15))]
    if day is None and month == a.month:
        return a.year
    return nearest(cands, ctx, start).year if cands else a.year


def _sentence_year(ctx: Context, start: int, month: int, day: int | None = None) -> int | None:
    """The year written for a date earlier in the same sentence, when this month can follow it."""
    found = _sentence_date(ctx, start)
    same = found[1] if found and _frames(ctx, found[0] - 1, start) else None
    if same and (len(same) == 4 or not ctx.anchor or int(same[:4]) != ctx.anchor.year):
        m = re.match(r"\d{4}-(\d\d)(?:-(\d\d))?", same)
        if not m or (month, day or 0) >= (int(m.group(1)), int(m.group(2) or 0)):
            return int(same[:4])                   # "In 2019, ... in March"; "on May 2, 2019, and June 5"
    return None


def period_year(first_month: int, months: int, ctx: Context, start: int) -> int | None:
    """The year of a quarter or half given without one ("the third quarter"): the one nearest the
    anchor, not after it in a past-tense clause. A quarter is reported on after it ends, so a
    future-tense clause ("expects to report third-quarter results") still means the latest one."""
    if (y := _sentence_year(ctx, start, first_month)) is not None:
        return y
    if not ctx.anchor:
        return ctx.year
    a = ctx.anchor
    past = tense(ctx, start) == "past"
    best: tuple[int, int] | None = None
    for y in (a.year - 1, a.year, a.year + 1):
        lo = dt.date(y, first_month, 1)
        hi = add_months(lo, months) - dt.timedelta(days=1)
        if past and lo > a:
            continue
        dist = 0 if lo <= a <= hi else min(abs((lo - a).days), abs((hi - a).days))
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else a.year


def _sentence_date(ctx: Context, start: int) -> tuple[int, str] | None:
    """(end, value) of the last dated expression earlier in the same sentence that names a year; a
    year inferred for "Jan. 2" is passed over, so that it does not spread to "Dec. 15" after it."""
    for end, value in reversed(ctx.prior):
        if re.search(r"[.!?]\s|\n", ctx.text[end:start]):
            return None
        if end not in ctx.guessed:
            return (end, value) if re.match(r"\d{4}(?!\d)", value) else None
    return None


def _frames(ctx: Context, earlier: int, at: int) -> bool:
    """Whether the date at ``earlier`` sets the year for the one at ``at``: it belongs to the same
    clause or to one above it ("In 2019, he was arrested in March"), not to a clause of its own
    ("a law passed in 2015 was used in March")."""
    if ctx.doc is None:
        return True
    above, here = verb_at(ctx, earlier), verb_at(ctx, at)
    return above is None or here is None or above == here or above.is_ancestor(here)


def narrative_date(ctx: Context, start: int) -> str | None:
    """The date a past narrative speaks from, for "last month" or "yesterday" inside what someone
    said on a date written earlier in the same sentence ("On March 3, 2019, the ministry said the
    raid took place last week": the week before March 3, 2019, not before the publication date).
    Only reported speech moves the reference: in "a law passed in March 2019 was used last month"
    the relative date still counts from the publication date."""
    if ctx.doc is None:
        return None
    for end, value in reversed(ctx.prior):
        if re.search(r"[.!?]\s|\n", ctx.text[end:start]):
            return None
        if end not in ctx.guessed and re.fullmatch(r"\d{4}-\d\d(-\d\d)?", value):
            break
    else:
        return None
    said = verb_at(ctx, end - 1)
    here = verb_at(ctx, start)
    if said is None or here is None or said == here or said.lemma_ not in INDIRECT_VERBS:
        return None
    return value if said.is_ancestor(here) else None


def reference(ctx: Context, start: int) -> str | None:
    """The last day- or month-level date the text mentioned shortly before ``start``."""
    for end, value in reversed(ctx.prior):
        if start - end > L.REFERENCE_WINDOW:
            break
        if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?|-Q[1-4]|-H[12]|-(SP|SU|FA|WI))?", value):
            return value
    return None


def last_day(ctx: Context) -> str | None:
    """The last calendar day the text named, for "the next day" and "the previous Friday"."""
    return next((v[:10] for _, v in reversed(ctx.prior) if re.fullmatch(r"\d{4}-\d\d-\d\d.*", v)), None)


def period_reference(ctx: Context, start: int, unit: str | None = None) -> str | None:
    """The period a comparison with "a year ago" is about ("third-quarter profit rose from $3 million
    a year earlier"): the last one named in the same sentence, else the first one the text named
    around the anchor, as a report states its period up front and mentions others ("after a flat
    second quarter", "the third quarter of 1984") in passing. A bare comparison (no unit) only
    takes a quarter or half: a month or day said earlier is usually another event."""
    pattern = {"quarter": r"Q[1-4]", "half": r"H[12]", "month": r"\d\d",
               "period": r"Q[1-4]|H[12]|\d\d"}.get(unit or "", r"Q[1-4]|H[12]")
    periods = [(end, v) for end, v in ctx.prior if re.fullmatch(rf"\d{{4}}-(?:{pattern})", v)]
    same = [v for end, v in periods if not re.search(r"[.!?]\s|\n", ctx.text[end:start])]
    if same:
        return same[-1]
    near = [v for _, v in periods if ctx.year is None or abs(int(v[:4]) - ctx.year) <= 1]
    return near[0] if near else None


def same_unit(value: str, unit: str) -> str | None:
    """``value`` cut to the day, week, month or year it lies in; None when it is coarser than that."""
    if not re.match(r"\d{4}", value):
        return None
    if unit == "year":
        return value[:4]
    if unit == "month":
        return value[:7] if re.match(r"\d{4}-\d\d", value) else None
    if not re.match(r"\d{4}-\d\d-\d\d", value):
        return value[:8] if unit == "week" and re.match(r"\d{4}-W\d\d", value) else None
    return week(dt.date.fromisoformat(value[:10])) if unit == "week" else value[:10]


def shift_unit(ref: str, unit: str, off: int) -> str | None:
    """The year, month or week ``off`` units from the one ``ref`` lies in ("the following month")."""
    if unit not in ("year", "month", "week") or (base := same_unit(ref, unit)) is None:
        return None
    if unit == "year":
        return f"{int(base) + off:04d}"
    if unit == "month":
        d = add_months(dt.date(int(base[:4]), int(base[5:7]), 1), off)
        return month_value(d.year, d.month)
    return week(dt.date.fromisocalendar(int(base[:4]), int(base[6:8]), 1) + dt.timedelta(days=7 * off))


# ---- numbers and durations --------------------------------------------------------------------

def number(word: str) -> float | None:
    """A count written in digits or words; None for vague ones ("several")."""
    w = word.lower().replace("-", " ").replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", w):
        return float(w)
    if m := re.fullmatch(r"(\d+)\s+1/2", w):        # "2 1/2 years"
        return int(m.group(1)) + 0.5
    if w in L.VAGUE_QUANTITIES:
        return None
    if w in L.NUMBER_WORDS:
        return L.NUMBER_WORDS[w]
    if w.startswith("half"):
        return 0.5
    parts = w.split()
    if len(parts) == 2 and all(p in L.NUMBER_WORDS for p in parts):
        return L.NUMBER_WORDS[parts[0]] + L.NUMBER_WORDS[parts[1]]
    return None


def _num(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration(n: float | None, unit: str) -> str:
    """P18M, P2W, PT30M, PXY; decades and centuries in years as the gold writes them."""
    unit = unit.lower().rstrip("s") if unit.lower() not in ("hrs", "mins") else unit.lower()[:-1]
    unit = {"centurie": "century", "centuri": "century"}.get(unit, unit)
    letter, is_time = L.UNITS.get(unit, ("X", False))
    if unit in L.UNIT_MULTIPLIER:
        if n is None:                              # "for decades": years, as a decade is written
            return "PXY" if unit == "decade" else "PXCE"
        n, letter = n * L.UNIT_MULTIPLIER[unit], L.UNIT_AS[unit]
    if n == 0.5 and letter == "Y":
        n, letter = 6, "M"
    return ("PT" if is_time else "P") + _num(n) + letter


def shift(ref: str, n: float, unit_letter: str, sign: int) -> str | None:
    """The date ``n`` units before/after ``ref``, at the coarser of the two granularities."""
    k = int(n) * sign
    if unit_letter == "Y":                        # "a year earlier" than a quarter is that quarter a year back
        return f"{int(ref[:4]) + k:04d}{ref[4:]}"
    if not re.fullmatch(r"\d{4}(-\d\d){0,2}", ref):
        return None
    parts = [int(p) for p in ref.split("-")]
    d = dt.date(parts[0], parts[1] if len(parts) > 1 else 7, parts[2] if len(parts) > 2 else 15)
    if unit_letter == "M":
        return month_value(*(lambda x: (x.year, x.month))(add_months(d, k)))
    if unit_letter in ("W", "D") and len(parts) == 3:
        return (d + dt.timedelta(days=k * (7 if unit_letter == "W" else 1))).isoformat()
    return None


def clock_value(sp: Span) -> str | None:
    g = sp.groups
    if "noon" in g:
        return "00:00" if g["noon"].lower() == "midnight" else "12:00"
    if "hm" in g:
        h, mi = int(g["hm"][:2]), int(g["hm"][2:])
    else:
        h, mi = int(g["h"]), int(g.get("mi", 0))
    ampm = g.get("ampm", "").lower()
    if ampm.startswith("p") and h < 12:
        h += 12
    elif ampm.startswith("a") and h == 12:
        h = 0
    return f"{h:02d}:{mi:02d}" + ("Z" if g.get("tz") in L.UTC_ZONES else "")
