"""A date axis for the span shown: ticks of years, quarters, months or days, whichever is the finest
whose labels fit side by side without touching, so a span of 1883-2018 and one of a fortnight
both read cleanly.

A label's width is estimated from its characters at the chart's font size (11 px); the estimate
errs wide, so labels that fit here do not overlap in a browser (the browser test measures them).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..concepts.dates import MONTH_NAMES

CHAR_W = 7.0            # px per character of an 11 px sans-serif label, rounded up
GAP = 10.0              # px between neighbouring labels at the least
MAX_TICKS = 14


def _short_month(d: dt.date) -> str:
    return MONTH_NAMES[d.month - 1][:3]


def _years(step: int) -> tuple[Callable, Callable]:
    def first(lo: dt.date) -> dt.date:
        year = lo.year + ((lo.month, lo.day) != (1, 1))
        return dt.date(year + (-year) % step, 1, 1)

    def following(d: dt.date) -> dt.date:
        return dt.date(d.year + step, 1, 1)

    return first, following


def _months(step: int) -> tuple[Callable, Callable]:
    def first(lo: dt.date) -> dt.date:
        index = lo.year * 12 + lo.month - 1 + (lo.day != 1)
        index += (-index) % step
        return dt.date(index // 12, index % 12 + 1, 1)

    def following(d: dt.date) -> dt.date:
        index = d.year * 12 + d.month - 1 + step
        return dt.date(index // 12, index % 12 + 1, 1)

    return first, following


def _days(step: int) -> tuple[Callable, Callable]:
    def first(lo: dt.date) -> dt.date:
        if step == 7:                     # weeks start on Monday
            return lo + dt.timedelta(days=(7 - lo.weekday()) % 7)
        return lo

    def following(d: dt.date) -> dt.date:
        return d + dt.timedelta(days=step)

    return first, following


# Finest first: (name, first tick on or after a day, the tick after a tick, label).
SCALES = [
    ("day", *_days(1), lambda d: f"{d.day} {_short_month(d)} {d.year}"),
    ("2 days", *_days(2), lambda d: f"{d.day} {_short_month(d)} {d.year}"),
    ("week", *_days(7), lambda d: f"{d.day} {_short_month(d)} {d.year}"),
    ("month", *_months(1), lambda d: f"{_short_month(d)} {d.year}"),
    ("quarter", *_months(3), lambda d: f"Q{(d.month - 1) // 3 + 1} {d.year}"),
    ("half", *_months(6), lambda d: f"{_short_month(d)} {d.year}"),
    *[(f"{n} years", *_years(n), lambda d: str(d.year)) for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)],
]


def ticks(lo: dt.date, hi: dt.date, x: Callable[[dt.date], float]) -> list[tuple[float, str]]:
    """(x, label) of the ticks between ``lo`` and ``hi`` on the finest scale whose labels fit."""
    for _, first, following, text in SCALES:
        found = []
        try:
            d = first(lo)
            while d <= hi and len(found) <= MAX_TICKS:
                found.append((x(d), text(d)))
                d = following(d)
        except (ValueError, OverflowError):        # past year 9999
            pass
        if len(found) <= MAX_TICKS and _apart(found):
            return found
    return []


def _apart(found: list[tuple[float, str]]) -> bool:
    """Every two neighbouring labels, centred on their ticks, keep GAP between them."""
    return all(b[0] - a[0] >= (len(a[1]) + len(b[1])) / 2 * CHAR_W + GAP for a, b in zip(found, found[1:]))
