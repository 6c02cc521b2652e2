"""One value function per grammar rule: ``value(span, ctx) -> (value, type)``."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..concepts import numbers
from .lexicon import times as L
from .times_grammar import MONTH, YEAR, Span
from .times_counted import v_compared, v_latest, v_relday, v_sameday, v_thequarter, v_unitbefore, v_yearended
from .times_holidays import v_holiday
from .times_resolve import (Context, Value, add_months, clock_value, duration, last_day, make_date, month_value,
                            month_year, narrative_date, number, period_reference, period_year, reference, shift,
                            shift_unit, week)
from .times_tense import scheduled, tense


def _mon(g: dict) -> int:
    return L.MONTHS[g["month"].lower().rstrip(".")]


def _day(y: int | None, m: int, d: int) -> str | None:
    if y is None:
        return f"XXXX-{m:02d}-{d:02d}" if 1 <= d <= 31 else None
    return v.isoformat() if (v := make_date(y, m, d)) else None


def v_iso(sp: Span, ctx: Context) -> Value:
    g = sp.groups
    return _day(int(g["year"]), int(g["mon"]), int(g["day"])), "DATE"


def v_numeric(sp: Span, ctx: Context) -> Value:
    g = sp.groups
    a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
    if y < 100:
        y += 2000 if y <= (ctx.year or dt.date.today().year) % 100 + 1 else 1900
    m, d = (b, a) if a > 12 else (a, b)       # US order unless the first number cannot be a month
    return _day(y, m, d), "DATE"


def v_full(sp: Span, ctx: Context) -> Value:
    g = sp.groups
    m, d = _mon(g), int(g["day"])
    if "year" in g:
        y = int(g["year"])
    elif (off := L.RELATIVE_OFFSETS.get(g.get("rel", "").lower())) and ctx.anchor:   # "last Oct. 23"
        a = ctx.anchor
        y = a.year + (off if (off < 0) == ((m, d) >= (a.month, a.day)) else 0)
    else:
        y = month_year(m, ctx, sp.start, d)
    return _day(y, m, d), "DATE"


def v_weekof(sp: Span, ctx: Context) -> Value:
    """"the week of March 6": the week that day falls in."""
    day, _ = v_full(sp, ctx)
    return (week(dt.date.fromisoformat(day)) if day and day[:4].isdigit() else f"{ctx.y}-WXX"), "DATE"


def v_my(sp: Span, ctx: Context) -> Value:
    return month_value(int(sp.groups["year"]), _mon(sp.groups)), "DATE"


def v_month(sp: Span, ctx: Context) -> Value:
    g = sp.groups
    m = _mon(g)
    rel = g.get("rel", "").lower()
    if yrel := g.get("yrel") or g.get("ofyrel"):   # "June last year", "October of next year"
        y = ctx.year + L.RELATIVE_OFFSETS[yrel.lower()] if ctx.year else None
        return (month_value(y, m) if y else f"XXXX-{m:02d}"), "DATE"
    if rel and ctx.anchor:
        a = ctx.anchor
        off = L.RELATIVE_OFFSETS.get(rel, 0)
        y = a.year + (off if off else 0)
        if off < 0 and m < a.month or off > 0 and m > a.month:
            y = a.year                             # "last September" said in October
        return month_value(y, m), "DATE"
    y = _range_year(sp, ctx) or month_year(m, ctx, sp.start)
    return (month_value(y, m) if y else f"XXXX-{m:02d}"), "DATE"


_RANGE_END = re.compile(r"\s*(?:" + "|".join(map(re.escape, L.RANGE_WORDS)) + r")\s*(?:the\s+end\s+of\s+)?"
                        + MONTH + r",?\s+" + YEAR)


def _range_year(sp: Span, ctx: Context) -> int | None:
    """The year written once for a range of months: "from January to June 2023"."""
    m = _RANGE_END.match(ctx.text, sp.end)
    return int(m.group("year")) if m and L.MONTHS[m.group("month").lower().rstrip(".")] >= _mon(sp.groups) else None


def v_weekday(sp: Span, ctx: Context) -> Value:
    g = sp.groups
    wd = L.WEEKDAYS[g["weekday"].lower()]
    part = g.get("pod") or g.get("sharedpod")
    pod = "T" + L.PARTS_OF_DAY[part.lower()] if part else ""
    if {"every", "pods", "sharedpod"} & g.keys():   # "Tuesday nights": every Tuesday night
        return f"XXXX-WXX-{wd}{pod}", "SET"
    if not ctx.anchor:
        return f"{ctx.y}-WXX-{wd}{pod}", "DATE"
    a = ctx.anchor
    rel = g.get("rel", "").lower()
    if rel in L.ANAPHORIC_RELS and (ref := last_day(ctx)):   # "the previous Friday": before the day the story is at
        a, ctx.counted_from = dt.date.fromisoformat(ref), ref
    back = (a.isoweekday() - wd) % 7
    if rel in ("last", "past", "previous", "prior", "this past"):
        d = a - dt.timedelta(days=back or 7)
    elif rel in ("next", "coming", "following", "this coming") or (not rel and not _possessive(sp, ctx) and (
            (t := tense(ctx, sp.start)) == "future" or (t == "present" and scheduled(ctx, sp.start))
            or (t == "open" and (wd - a.isoweekday()) % 7 < back))):      # open: the nearer side
        d = a + dt.timedelta(days=(wd - a.isoweekday()) % 7 or (7 if rel else 0))
    elif rel == "this":
        d = a + dt.timedelta(days=wd - a.isoweekday())
    else:
        d = a - dt.timedelta(days=back)
    return d.isoformat() + pod, "TIME" if pod else "DATE"


def _possessive(sp: Span, ctx: Context) -> bool:
    """"Friday's ruling": a day named for what happened on it, which the story reports as known; the
    clause's tense belongs to another verb ("vowed to fight Wednesday's ruling")."""
    return ctx.text.startswith(("'s", "’s"), sp.end)


def _season_year(code: str, rel: str, ctx: Context, start: int) -> int | None:
    if not ctx.anchor:
        return None if ctx.year is None else ctx.year - (1 if rel in ("last", "past", "previous") else 0)
    a = ctx.anchor
    mid = L.SEASON_MONTH[code]
    started = a.month > mid + 1 or (code == "WI" and a.month >= 3)
    if rel in ("last", "past", "previous"):
        return a.year if started and code != "WI" else a.year - 1
    if rel in ("next", "coming", "following"):
        return a.year + (1 if a.month >= mid - 1 or code == "WI" else 0)
    if rel == "this":
        return a.year
    return month_year(mid, ctx, start)


def v_season(sp: Span, ctx: Context) -> Value:
    g = sp.groups
    code = L.SEASONS[g["season"].lower()]
    y = int(g["year"]) if "year" in g else _season_year(code, g.get("rel", "").lower(), ctx, sp.start)
    return (f"{y:04d}" if y else "XXXX") + "-" + code, "DATE"


def v_quarter(sp: Span, ctx: Context) -> Value:
    g = sp.groups
    half = g["qh"].lower() in ("half", "h")
    word = g["ord"].lower()
    a = ctx.anchor
    if word == "last" and "year" not in g and "qrel" not in g and a and not half:
        q, y = (a.month - 1) // 3 or 4, a.year if a.month > 3 else a.year - 1
        return f"{y}-Q{q}", "DATE"
    n = int(word) if word.isdigit() else L.QUARTER_ORDINALS.get(word, 4)
    n = min(n, 2) if half else n
    if "year" in g:
        y = int(g["year"])
    elif "qrel" in g:
        y = (ctx.year + L.RELATIVE_OFFSETS.get(g["qrel"].lower(), 0)) if ctx.year else None
    else:
        months = 6 if half else 3
        y = period_year((n - 1) * months + 1, months, ctx, sp.start)
    return (f"{y:04d}" if y else "XXXX") + f"-{'H' if half else 'Q'}{n}", "DATE"


def v_relunit(sp: Span, ctx: Context) -> Value:
    g = sp.groups
    rel, unit = g["rel"].lower(), g["unit"].lower()
    off = L.RELATIVE_OFFSETS[rel]
    if rel == "past" and "pos" not in g:
        return duration(1, unit if unit != "weekend" else "week"), "DURATION"
    if rel in L.ANAPHORIC_RELS:                    # "the following year": after the year the story is in
        ref = reference(ctx, sp.start)
    else:                                          # "last month" in what someone said on an earlier date
        ref = narrative_date(ctx, sp.start)
    if ref and (counted := shift_unit(ref, unit, off)):
        ctx.counted_from = ref
        return counted, "DATE"
    a = ctx.anchor
    if not a:
        if unit == "year" and ctx.year:
            return f"{ctx.year + off}", "DATE"
        return {"week": f"{ctx.y}-WXX", "weekend": f"{ctx.y}-WXX-WE", "month": f"{ctx.y}-XX",
                "quarter": f"{ctx.y}-QX"}.get(unit, "XXXX"), "DATE"
    if unit in ("week", "weekend"):
        return week(a + dt.timedelta(days=7 * off)) + ("-WE" if unit == "weekend" else ""), "DATE"
    if unit == "month":
        d = add_months(a, off)
        return month_value(d.year, d.month), "DATE"
    if unit == "quarter":
        q = (a.month - 1) // 3 + off
        y, q = a.year + (q // 4), q % 4 + 1
        return f"{y}-Q{q}", "DATE"
    if unit == "decade":
        return f"{(a.year // 10) + off:03d}", "DATE"
    if unit == "century":
        return f"{(a.year // 100) + off:02d}", "DATE"
    return f"{a.year + off}", "DATE"


def v_posunit(sp: Span, ctx: Context) -> Value:
    """"the end of the day", "the beginning of the year": the current unit around the anchor."""
    unit = sp.groups["unit"].lower()
    if unit == "day":
        return v_sameday(sp, ctx)
    a = ctx.anchor
    if unit == "year":
        return ctx.y, "DATE"
    if not a:
        return (f"{ctx.y}-XX" if unit == "month" else f"{ctx.y}-WXX"), "DATE"
    return (month_value(a.year, a.month) if unit == "month" else week(a)), "DATE"


def v_weekend(sp: Span, ctx: Context) -> Value:
    """The weekend the clause points to: the one just past, unless "next" or future tense."""
    a = ctx.anchor
    if not a:
        return f"{ctx.y}-WXX-WE", "DATE"
    prev = sp.groups["prev"].lower()
    ahead = prev == "next" or (prev != "last" and tense(ctx, sp.start) == "future")
    if ahead:
        d = a + dt.timedelta(days=(6 - a.isoweekday()) % 7)
    else:
        d = a - dt.timedelta(days=a.isoweekday() % 7) if a.isoweekday() < 6 else a
    if prev == "last" and a.isoweekday() >= 6:
        d = a - dt.timedelta(days=7)
    return week(d) + "-WE", "DATE"


def v_firstunit(sp: Span, ctx: Context) -> Value:
    """"the first month" (of a detention, of a term): one unit's length."""
    return duration(1, sp.groups["unit"]), "DURATION"


def v_every(sp: Span, ctx: Context) -> Value:
    if "month" in sp.groups:                       # "each July"
        return f"XXXX-{_mon(sp.groups):02d}", "SET"
    return L.EVERY_UNIT[sp.groups["unit"].lower()], "SET"


def v_dayword(sp: Span, ctx: Context) -> Value:
    g = sp.groups
    off = L.DAY_WORDS[g["dw"].lower()]
    part = g.get("pod") or g.get("pod0")            # "yesterday afternoon", "mid-afternoon yesterday"
    pod = "T" + L.PARTS_OF_DAY[part.lower()] if part else ("TNI" if g["dw"].lower() == "tonight" else "")
    base = ctx.anchor
    if (said := narrative_date(ctx, sp.start)) and len(said) == 10:   # "On May 3, 2019, he said yesterday..."
        base, ctx.counted_from = dt.date.fromisoformat(said), said
    if not base:
        return f"{ctx.y}-XX-XX{pod}", "DATE"
    return (base + dt.timedelta(days=off)).isoformat() + pod, "TIME" if pod else "DATE"


def v_thispod(sp: Span, ctx: Context) -> Value:
    g = sp.groups
    pod = L.PARTS_OF_DAY[g["pod"].lower()]
    if not ctx.anchor:
        return f"{ctx.y}-XX-XXT{pod}", "TIME"
    d = ctx.anchor - dt.timedelta(days=1 if g.get("rel", "").lower() == "last" else 0)
    return f"{d.isoformat()}T{pod}", "TIME"


def v_thepod(sp: Span, ctx: Context) -> Value:
    """"in the morning": of the last day the text named, else of the anchor."""
    pod = L.PARTS_OF_DAY[sp.groups["pod"].lower()]
    day = last_day(ctx) or (ctx.anchor.isoformat() if ctx.anchor else f"{ctx.y}-XX-XX")
    return f"{day}T{pod}", "TIME"


def v_duration(sp: Span, ctx: Context) -> Value:
    """A length of time; with "ago", or "later"/"earlier" after a dated expression, the date it points to."""
    g = sp.groups
    n = number(g["num"])
    if n is not None and "and a half" in ctx.text[sp.start:sp.end].lower():
        n += 0.5
    value = duration(n, g["unit"])
    if "rate" in g:                                   # "$2 million a year": how often, not how long
        return value, "SET"
    gap = g.get("gap")
    if gap == "ago" and n is None:                    # "a few years ago": some time back, no date to give
        return "PAST_REF", "DATE"
    if value == "P1D" and g["num"].lower() == "one" and not {"gap", "approx", "span"} & g.keys() and _some_day(sp, ctx):
        return ("PAST_REF" if tense(ctx, sp.start) == "past" else "FUTURE_REF"), "DATE"
    m = re.fullmatch(r"P(\d+)([YMWD])", value)       # whole calendar units only: no "1.5 years ago"
    if gap not in ("ago", "later", "earlier") or not m:
        return value, "DURATION"                      # "two months before his trip" measures a gap
    k, letter = float(m.group(1)), m.group(2)
    if k == 1 and letter == "Y" and gap in ("ago", "earlier"):
        ref = reference(ctx, sp.start) if gap == "earlier" else None
        if ref is None and (period := period_reference(ctx, sp.start)):   # "profit rose from $3 million a year ago"
            ctx.compared = True
            return f"{int(period[:4]) - 1:04d}{period[4:]}", "DATE"
        if ref is None and gap == "earlier" and ctx.year:
            return f"{ctx.year - 1:04d}", "DATE"
    if gap == "ago" and ctx.anchor:
        base = ctx.anchor.isoformat()[:{"Y": 4, "M": 7}.get(letter, 10)]   # as fine as the unit
        return (shifted, "DATE") if (shifted := shift(base, k, letter, -1)) else (value, "DURATION")
    ref = reference(ctx, sp.start) if gap != "ago" else None
    if ref and (shifted := shift(ref, k, letter, 1 if gap == "later" else -1)):
        ctx.counted_from = ref
        return shifted, "DATE"
    return value, "DURATION"


def _some_day(sp: Span, ctx: Context) -> bool:
    """"one day" as an adverb of indefinite time ("Islam will one day be ...", "One day, he left"),
    not a length ("for one day", "in the job one day")."""
    if ctx.doc is None:
        return False
    span = ctx.doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if span is None:
        return False
    before = ctx.doc[span.start - 1] if span.start > span.sent.start else None
    after = ctx.doc[span.end] if span.end < len(ctx.doc) else None
    if before is None:
        return after is not None and after.text == ","
    return before.tag_ == "MD" or (after is not None and after.tag_ in ("VB", "VBD", "VBP", "VBZ")
                                   and before.tag_ in ("PRP", "NNP", "NNS", "NN", "RB"))


def v_vague(sp: Span, ctx: Context) -> Value:
    return duration(None, sp.groups["unit"]), "DURATION"


def v_decade(sp: Span, ctx: Context) -> Value:
    g = sp.groups
    if "decw" in g:                                # "the nineties": the latest such decade by the anchor
        d = L.DECADE_WORDS[g["decw"].lower()]
        if ctx.year is None:
            return f"XX{d}", "DATE"
        century = ctx.year // 100 - (1 if (ctx.year // 100) * 100 + d * 10 > ctx.year else 0)
        return f"{century:02d}{d}", "DATE"
    return g.get("dec") or "19" + g["dec2"], "DATE"


def v_partof(sp: Span, ctx: Context) -> Value:
    """"the first two quarters of 1990" is 1990-H1, "the last three months of 1990" 1990-Q4; a span
    that is no half or quarter ("the first two months") stays a length."""
    g = sp.groups
    months = number(g["n"]) * (3 if g["unit"].lower() == "quarters" else 1)
    part = {6: "H", 3: "Q"}.get(int(months))
    if part is None:
        return duration(number(g["n"]), g["unit"]), "DURATION"
    return f"{g['year']}-{part}{1 if g['pos'].lower() == 'first' else (2 if part == 'H' else 4)}", "DATE"


def v_century(sp: Span, ctx: Context) -> Value:
    """"the 20th century" is the hundred years written 19xx: TIMEX3 "19"."""
    g = sp.groups
    n = int(g["cent"]) if "cent" in g else numbers.ORDINALS[g["centw"].lower().replace("-", " ")]
    return f"{n - 1:02d}", "DATE"


def v_shortyear(sp: Span, ctx: Context) -> Value:
    yy = int(sp.groups["yy"])
    return str((2000 if yy <= (ctx.year or dt.date.today().year) % 100 + 1 else 1900) + yy), "DATE"


def v_year(sp: Span, ctx: Context) -> Value:
    return sp.groups["year"], "DATE"


def v_clock(sp: Span, ctx: Context) -> Value:
    t = clock_value(sp)
    day = next((v for e, v in reversed(ctx.prior) if sp.start - e < 30 and len(v) >= 10), None)
    base = day[:10] if day else (ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX")
    return f"{base}T{t}", "TIME"


def v_ref(sp: Span, ctx: Context) -> Value:
    w = sp.groups["ref"].lower()
    val = L.REF_WORDS.get(w) or L.REF_PHRASES.get(w) or L.REF_PHRASES.get("the " + w)
    return val, "DURATION" if val and re.match(r"P[\dX]", val) else "DATE"


def v_thetime(sp: Span, ctx: Context) -> Value:
    return "PAST_REF", "DATE"


def v_set(sp: Span, ctx: Context) -> Value:
    return L.SET_WORDS[sp.groups["set"].lower()], "SET"


VALUES: dict[str, Callable[[Span, Context], Value]] = {
    "iso": v_iso, "numeric": v_numeric, "weekday_date": v_full, "weekday_dmy": v_full, "mdy": v_full, "dmy": v_full,
    "my": v_my, "md": v_full, "dm": v_full, "month": v_month, "weekday": v_weekday, "season": v_season,
    "quarter": v_quarter, "qn": v_quarter, "compared": v_compared, "latest": v_latest, "thequarter": v_thequarter, "yearended": v_yearended, "relunit": v_relunit, "dayword": v_dayword,
    "relday": v_relday, "weekof": v_weekof, "unitbefore": v_unitbefore, "holiday": v_holiday, "weekend": v_weekend, "every": v_every, "firstunit": v_firstunit, "thispod": v_thispod, "thepod": v_thepod, "posunit": v_posunit, "clockdot": v_clock, "duration": v_duration, "vague": v_vague, "vaguelong": v_vague,
    "decade": v_decade, "century": v_century, "partof": v_partof, "dayand": v_full, "shortyear": v_shortyear, "year": v_year, "clock": v_clock, "clockh": v_clock,
    "clock4": v_clock, "noon": v_clock, "ref": v_ref, "set": v_set, "thetime": v_thetime, "sameday": v_sameday,
}


def value(sp: Span, ctx: Context) -> Value:
    return VALUES[sp.kind](sp, ctx)
