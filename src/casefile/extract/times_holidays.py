"""The day a named holiday falls on in a given year ("Thanksgiving", "Easter", "Christmas Eve").

The names and their rules are in ``lexicon.times.HOLIDAYS``; this module turns a rule and a year
into a date. Which year a holiday said without one means is decided like a month's (nearest the
anchor on the side the tense points to).
"""
from __future__ import annotations

import datetime as dt
import re

from .lexicon import times as L
from .times_grammar import Span
from .times_resolve import Context, Value, nearest, week


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th ISO weekday of a month; n = -1 for the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday(name: str, year: int) -> dt.date:
    """The day ``name`` (a key of ``HOLIDAYS``) falls on in ``year``."""
    rule = L.HOLIDAYS[name]
    kind = rule[0]
    if kind == "fixed":
        return dt.date(year, rule[1], rule[2])
    if kind == "nth":
        return _nth_weekday(year, rule[1], rule[2], rule[3])
    if kind == "easter":
        return easter(year) + dt.timedelta(days=rule[1])
    # "election": the Tuesday after the first Monday of November
    return _nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)


def v_holiday(sp: Span, ctx: Context) -> Value:
    """"Thanksgiving", "last Christmas", "Easter week": the day (or week) in the year the text means."""
    g = sp.groups
    name = re.sub(r"\s+", " ", g["holiday"].lower().replace("’", "'"))
    a = ctx.anchor
    if "year" in g:
        day = holiday(name, int(g["year"]))
    elif not a:
        return None if ctx.year is None else holiday(name, ctx.year).isoformat(), "DATE"
    else:
        cands = [holiday(name, y) for y in (a.year - 1, a.year, a.year + 1)]
        rel = g.get("rel", "").lower()
        if rel in ("last", "past", "previous", "this past"):
            day = max(c for c in cands if c < a)
        elif rel in ("next", "coming", "this coming"):
            day = min(c for c in cands if c > a)
        elif rel == "this":
            day = cands[1]
        else:
            day = nearest(cands, ctx, sp.start)
    return (week(day) if "hweek" in g else day.isoformat()), "DATE"
