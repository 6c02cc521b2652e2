"""Values counted from another date the text names, not from the publication date: the report's
period a year back ("the year-ago quarter"), the day after the last day named ("the next day"),
the unit of the story's date ("that day", "later that year") and the one before it ("the year before").
"""
from __future__ import annotations

import datetime as dt

from .lexicon import times as L
from .times_grammar import Span
from .times_resolve import (Context, Value, add_months, last_day, month_value, month_year, period_reference, period_year,
                            reference, same_unit, shift_unit, week)


def v_compared(sp: Span, ctx: Context) -> Value:
    """The same period a year before the one the text is about ("the year-ago quarter"), or the
    named year's share of it ("the 1988 quarter"); the year before the anchor when none was named."""
    g = sp.groups
    unit = g.get("unit", "").lower() or None
    ctx.compared = True
    if "ord" in g:                                 # "the year-ago third quarter", "the 1988 third quarter"
        half = unit == "half"
        n = min(L.QUARTER_ORDINALS.get(g["ord"].lower(), 4), 2 if half else 4)
        code = f"-{'H' if half else 'Q'}{n}"
        if "year" in g:
            return g["year"] + code, "DATE"
        months = 6 if half else 3
        y = period_year((n - 1) * months + 1, months, ctx, sp.start)
        return (f"{y - 1:04d}{code}" if y else f"XXXX{code}"), "DATE"
    ref = period_reference(ctx, sp.start, unit)
    if "year" in g:
        return g["year"] + (ref[4:] if ref else ""), "DATE"
    if ref:
        return f"{int(ref[:4]) - 1:04d}{ref[4:]}", "DATE"
    return (f"{ctx.year - 1:04d}" if ctx.year else "XXXX"), "DATE"


def v_unitbefore(sp: Span, ctx: Context) -> Value:
    """"the year before": the unit before the date the story is at, else before the anchor."""
    unit = sp.groups["unit"].lower()
    ref = reference(ctx, sp.start) or (ctx.anchor.isoformat() if ctx.anchor else None)
    if ref and (counted := shift_unit(ref, unit, -1)):
        ctx.counted_from = ref
        return counted, "DATE"
    return {"week": f"{ctx.y}-WXX", "month": f"{ctx.y}-XX"}.get(unit, "XXXX"), "DATE"


def v_relday(sp: Span, ctx: Context) -> Value:
    """"the next day", "the day before", "the next morning": counted from the last day the text
    mentioned, else the anchor."""
    off = L.DAY_OFFSETS[(sp.groups.get("rel") or sp.groups["rel2"]).lower()]
    ref = last_day(ctx)
    base = dt.date.fromisoformat(ref) if ref else ctx.anchor
    ctx.counted_from = ref
    pod = "T" + L.PARTS_OF_DAY[sp.groups["pod"].lower()] if "pod" in sp.groups else ""
    day = (base + dt.timedelta(days=off)).isoformat() if base else f"{ctx.y}-XX-XX"
    return day + pod, "TIME" if pod else "DATE"


def v_sameday(sp: Span, ctx: Context) -> Value:
    """"that day", "the same month", "later that year": the unit of the last date the text named
    that is at least that fine; the anchor's when there is none."""
    unit = sp.groups["unit"].lower()
    for _, v in reversed(ctx.prior):
        if (found := same_unit(v, unit)) is not None:
            ctx.counted_from = v
            return found, "DATE"
    if ctx.anchor is None:
        return {"day": f"{ctx.y}-XX-XX", "week": f"{ctx.y}-WXX", "month": f"{ctx.y}-XX"}.get(unit, ctx.y), "DATE"
    return same_unit(ctx.anchor.isoformat(), unit), "DATE"


def v_latest(sp: Span, ctx: Context) -> Value:
    """"the latest quarter", "the latest period": the period the report is about when it named one,
    else the last one to have ended by the anchor (a report covers a period after it closes)."""
    unit = sp.groups["unit"].lower()
    if unit in ("quarter", "half", "period") and (ref := period_reference(ctx, sp.start, unit.replace("period", ""))):
        ctx.counted_from = ref
        return ref, "DATE"
    a = ctx.anchor
    if a is None:
        unknown = {"year": ctx.y, "month": f"{ctx.y}-XX", "week": f"{ctx.y}-WXX", "half": f"{ctx.y}-HX"}
        return unknown.get(unit, f"{ctx.y}-QX"), "DATE"
    if unit == "year":
        return f"{a.year - 1:04d}", "DATE"
    if unit == "month":
        d = add_months(a, -1)
        return month_value(d.year, d.month), "DATE"
    if unit == "week":
        return week(a - dt.timedelta(days=7)), "DATE"
    return _last_closed(a, 6 if unit == "half" else 3), "DATE"


def v_thequarter(sp: Span, ctx: Context) -> Value:
    """"the quarter" in a report: the one it named, else the last to have closed by the anchor;
    "the quarter ended July 31" (a fiscal quarter) is the calendar quarter holding most of its months."""
    if "month" in sp.groups:
        middle = (L.MONTHS[sp.groups["month"].lower().rstrip(".")] - 2) % 12 + 1
        first = (middle - 1) // 3 * 3 + 1
        y = period_year(first, 3, ctx, sp.start)
        return (f"{y:04d}" if y else "XXXX") + f"-Q{(middle - 1) // 3 + 1}", "DATE"
    if ref := period_reference(ctx, sp.start, "quarter"):
        ctx.counted_from = ref
        return ref, "DATE"
    return (_last_closed(ctx.anchor, 3) if ctx.anchor else f"{ctx.y}-QX"), "DATE"


def _last_closed(a: dt.date, size: int) -> str:
    """The last quarter (size 3) or half (6) to have ended by ``a``."""
    done = (a.month - 1) // size                   # periods of this year already closed
    y, n = (a.year, done) if done else (a.year - 1, 12 // size)
    return f"{y:04d}-{'H' if size == 6 else 'Q'}{n}"


def v_yearended(sp: Span, ctx: Context) -> Value:
    """"the year ended Dec. 31" is that calendar year; "the year ended March 31" is a fiscal year,
    which no calendar value names: a year's length, anchored at the end written after it."""
    g = sp.groups
    if "month" in g and L.MONTHS[g["month"].lower().rstrip(".")] == 12 and g["day"] == "31":
        y = int(g["year"]) if "year" in g else month_year(12, ctx, sp.start, 31)
        return (f"{y:04d}" if y else "XXXX"), "DATE"
    return "P1Y", "DURATION"
