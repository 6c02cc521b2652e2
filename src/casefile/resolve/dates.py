"""Date values as intervals, for clustering, conflicts and timelines.

The value arithmetic (granularity, the days a value covers) is the times extractor's;
what resolution adds is how two reports' dates are compared and ordered.
"""
from __future__ import annotations

import datetime as dt

from ..extract.times import granularity, interval

__all__ = ["compatible", "gap_days", "granularity", "interval", "sort_key"]


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
