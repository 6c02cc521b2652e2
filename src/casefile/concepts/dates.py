"""What a TIMEX3 date value means: the days it covers, and whether two values can both be true.

One meaning for every layer: the times extractor's values, event clustering and conflicts in
``resolve``, and the web's timeline and comparison all read dates through this module, so a
timeline never marks a conflict that ``casefile conflicts`` does not report.

The days a value covers:

- a day ``2024-03-08`` (a clock time ``2024-03-08T10:30`` is its day); a month ``2024-03``;
- a quarter ``2024-Q1`` (Jan-Mar), a half ``2024-H2`` (Jul-Dec);
- a season, as weather services count them: ``SP`` March-May, ``SU`` June-August, ``FA``
  September-November, ``WI`` December of that year to February of the next (the extractor's
  "last winter" said in March 2024 is ``2023-WI``);
- an ISO week ``2024-W10`` (Monday-Sunday), its weekend ``2024-W10-WE``, one of its days ``2024-W10-5``;
- a year ``2024``, a decade ``199`` (1990-1999), a century ``19`` (1900-1999);
- a year with an unknown part (``2024-XX``, ``2024-QX``, ``2024-WXX``, ``2024-XX-XX``) covers the year.

Values that name no stretch of the calendar have no interval: a duration (``P2M``), a reference
(``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``, open on one side or both with no anchor to close
them), a month or day of an unknown year (``XXXX-02``), or anything unreadable.

Two values are compatible when both can be true of one event: their intervals share a day; a value
of an unknown year fits when it falls in some year the other covers (``XXXX-02`` and ``2024-02-10``,
not ``XXXX-02`` and ``2024-03-05``); a value without an interval contradicts nothing.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from . import numbers

Interval = tuple[dt.date, dt.date]

# Months each season covers: (first month, number of months); winter runs into the next year.
SEASON_MONTHS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}
QUARTERS = {"Q": 3, "H": 6}

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d\d)")
_PART = re.compile(r"(\d{4})-([QH])([1-4])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_WEEK = re.compile(r"(\d{4})-W(\d\d?)(?:-(WE|[1-7]))?")
_YEAR = re.compile(r"(\d{4})(?:-(?:XX|QX|HX|WXX)(?:-(?:XX|WE|[1-7]))?(?:T.*)?)?")
_DECADE = re.compile(r"(\d{3})")
_CENTURY = re.compile(r"(\d\d)")
_UNKNOWN_YEAR = re.compile(r"XXXX(-(?:\d\d|SP|SU|FA|WI|Q[1-4]|H[12])(?:-\d\d)?)(?:T.*)?")

_GRANULARITY = [
    (_DAY, "day"), (re.compile(r"\d{4}-W\d\d?-[1-7]"), "day"), (_MONTH, "month"), (re.compile(r"\d{4}-Q[1-4]"), "quarter"), (re.compile(r"\d{4}-H[12]"), "half"),
    (_SEASON, "season"), (_WEEK, "week"), (re.compile(r"\d{4}"), "year"), (_DECADE, "decade"),
    (_CENTURY, "century"), (re.compile(r"(PRESENT|PAST|FUTURE)_REF"), "ref"), (re.compile(r"P.*"), "duration"),
]


def granularity(value: str | None) -> str:
    """'day' | 'month' | 'quarter' | 'half' | 'season' | 'week' | 'year' | 'decade' | 'century' |
    'ref' | 'duration' | 'unknown'."""
    for rx, name in _GRANULARITY:
        if value and rx.fullmatch(value):
            return name
    return "unknown"


def _months(year: int, first: int, count: int) -> Interval:
    start = dt.date(year + (first - 1) // 12, (first - 1) % 12 + 1, 1)
    end_month = first - 1 + count                 # months after January of ``year``, exclusive
    after = dt.date(year + end_month // 12, end_month % 12 + 1, 1)
    return start, after - dt.timedelta(days=1)


def _week(year: int, week: int, day: str | None) -> Interval:
    monday = dt.date.fromisocalendar(year, week, 1)
    if day == "WE":
        return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
    if day:
        one = monday + dt.timedelta(days=int(day) - 1)
        return one, one
    return monday, monday + dt.timedelta(days=6)


@functools.lru_cache(maxsize=8192)
def interval(value: str | None) -> Interval | None:
    """The first and last day a date value covers; None when it names no stretch of the calendar."""
    if not value:
        return None
    try:
        if m := _DAY.fullmatch(value):
            one = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return one, one
        if m := _MONTH.fullmatch(value):
            return _months(int(m[1]), int(m[2]), 1) if 1 <= int(m[2]) <= 12 else None
        if m := _PART.fullmatch(value):
            size = QUARTERS[m[2]]
            return None if m[2] == "H" and m[3] > "2" else _months(int(m[1]), (int(m[3]) - 1) * size + 1, size)
        if m := _SEASON.fullmatch(value):
            return _months(int(m[1]), *SEASON_MONTHS[m[2]])
        if m := _WEEK.fullmatch(value):
            return _week(int(m[1]), int(m[2]), m[3])
        if m := _YEAR.fullmatch(value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := _DECADE.fullmatch(value):
            return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
        if m := _CENTURY.fullmatch(value):
            return dt.date(max(1, int(m[1]) * 100), 1, 1), dt.date(int(m[1]) * 100 + 99, 12, 31)
    except ValueError:                            # "2023-02-30", week 54, year 0
        return None
    return None


def overlap(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def gap_days(a: Interval, b: Interval) -> int:
    """Days between two intervals; 0 when they share a day."""
    return max(0, (max(a[0], b[0]) - min(a[1], b[1])).days)


def compatible(a: str | None, b: str | None) -> bool:
    """Can one event be dated by both values? See the module's docstring for the rule."""
    ia, ib = interval(a), interval(b)
    if ia is not None and ib is not None:
        return overlap(ia, ib)
    if ia is None and ib is None:
        return True
    known, other = (ia, b) if ia is not None else (ib, a)
    m = _UNKNOWN_YEAR.fullmatch(other or "")
    if m is None:
        return True                               # a duration, a reference, nothing: no claim on the calendar
    return any((iv := interval(f"{year:04d}{m[1]}")) is not None and overlap(iv, known)
               for year in range(known[0].year - 1, known[1].year + 1))


def sort_key(value: str | None) -> tuple:
    """Order by the first day covered, a wider interval before the narrower ones inside it,
    undated last; the value itself keeps its precision (a month stays a month)."""
    iv = interval(value)
    if iv is None:
        return (1, dt.date.max, 0)
    return (0, iv[0], -(iv[1] - iv[0]).days)


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
ORDINAL_WORDS = {n: word for word, n in numbers.ORDINALS.items() if word.isalpha()}     # 1 -> "first"
REFERENCES = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
_DURATION = re.compile(r"P(\d+)([YMWD])")
TIMEX_UNIT_NAMES = {"Y": "year", "M": "month", "W": "week", "D": "day"}


def _day_text(day: dt.date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


@functools.lru_cache(maxsize=8192)
def human(value: str | None) -> str:
    """A date value as a person writes it: "2 April 2022", "March 2021", "summer 2023",
    "week of 14 May 2018", "2018" (for "2018-WXX-1"), "the 1990s"; never the code itself."""
    if not value:
        return "undated"
    kind, iv = granularity(value), interval(value)
    if iv is not None:
        first = iv[0]
        if kind == "day":
            return _day_text(first)
        if kind == "month":
            return f"{MONTH_NAMES[first.month - 1]} {first.year}"
        if kind in ("quarter", "half"):
            return f"{ORDINAL_WORDS[int(value[-1])]} {kind} of {value[:4]}"
        if kind == "season":
            season = value[5:7]
            year = f"{first.year}–{str(first.year + 1)[2:]}" if season == "WI" else value[:4]
            return f"{SEASON_NAMES[season]} {year}"
        if kind == "week":
            return f"{'weekend' if value.endswith('-WE') else 'week'} of {_day_text(first)}"
        if kind == "decade":
            return f"the {value}0s"
        if kind == "century":
            return f"the {value}00s"
        return str(first.year)           # a year, or a year with unknown parts
    if value in REFERENCES:
        return REFERENCES[value]
    if m := _DURATION.fullmatch(value):
        n, unit = int(m[1]), TIMEX_UNIT_NAMES[m[2]]
        return f"for {n} {unit}{'' if n == 1 else 's'}"
    if m := _UNKNOWN_YEAR.fullmatch(value):
        return f"{_unknown_year_text(m[1][1:])} (year not given)"
    return "date unclear"


def _unknown_year_text(part: str) -> str:
    """'02' -> 'February', '02-10' -> '10 February', 'SU' -> 'summer', 'Q1' -> 'first quarter'."""
    if part in SEASON_NAMES:
        return SEASON_NAMES[part]
    if part[0] in "QH":
        return f"{ORDINAL_WORDS[int(part[1])]} {'quarter' if part[0] == 'Q' else 'half'}"
    month, _, day = part.partition("-")
    name = MONTH_NAMES[int(month) - 1] if 1 <= int(month) <= 12 else "unknown month"
    return f"{int(day)} {name}" if day else name
