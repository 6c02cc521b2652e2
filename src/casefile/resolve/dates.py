"""Date values as intervals, for clustering, conflicts and timelines.

Uses ``casefile.extract.times.granularity`` when that module provides it; the interval
arithmetic is kept here so that resolution works on its own.
"""
from __future__ import annotations

import datetime as dt
import re

try:
    from ..extract.times import granularity as _granularity
except ImportError:  # the times module may not offer it
    _granularity = None

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_PATTERNS = [
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?"), "day"),
    (re.compile(r"(\d{4})-(\d\d)"), "month"),
    (re.compile(r"(\d{4})-([QH])([1-4])"), "quarter"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), "season"),
    (re.compile(r"(\d{4})-W(\d\d)(?:-\d|-WE)?"), "week"),
    (re.compile(r"(\d{4})"), "year"),
]


def granularity(value: str | None) -> str:
    if not value:
        return "unknown"
    if _granularity is not None:
        return _granularity(value)
    for rx, name in _PATTERNS:
        if rx.fullmatch(value):
            return name
    return "unknown"


def _month_end(y: int, m: int) -> dt.date:
    y2, m2 = (y + (m - 1) // 12, (m - 1) % 12 + 1)
    nxt = dt.date(y2 + m2 // 12, m2 % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a date value covers; None for durations, references and unknown parts."""
    if not value:
        return None
    for rx, name in _PATTERNS:
        m = rx.fullmatch(value)
        if not m:
            continue
        try:
            y = int(m.group(1))
            if name == "day":
                d = dt.date(y, int(m.group(2)), int(m.group(3)))
                return d, d
            if name == "month":
                mo = int(m.group(2))
                return dt.date(y, mo, 1), _month_end(y, mo)
            if name == "quarter":
                size = 6 if m.group(2) == "H" else 3
                n = int(m.group(3))
                return dt.date(y, (n - 1) * size + 1, 1), _month_end(y, n * size)
            if name == "season":
                first, last = _SEASONS[m.group(2)]
                return dt.date(y, first, 1), _month_end(y, last)
            if name == "week":
                monday = dt.date.fromisocalendar(y, int(m.group(2)), 1)
                return monday, monday + dt.timedelta(days=6)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        except ValueError:
            return None
    return None


def compatible(a: str | None, b: str | None) -> bool:
    """Two dates can describe the same time when their intervals overlap (a month and a day in it)."""
    ia, ib = interval(a), interval(b)
    return ia is None or ib is None or (ia[0] <= ib[1] and ib[0] <= ia[1])


def gap_days(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two intervals; 0 when they overlap."""
    return max(0, (max(a[0], b[0]) - min(a[1], b[1])).days)


def sort_key(value: str | None) -> tuple:
    """Order by the start of the interval, a wider interval before the narrower ones inside it,
    undated last; the value itself keeps its precision (a month stays a month)."""
    iv = interval(value)
    if iv is None:
        return (1, dt.date.max, 0)
    return (0, iv[0], -(iv[1] - iv[0]).days)
