"""Time expressions: find them (``times_grammar``), normalize them to TIMEX3 values
(``times_values``) against the publication date. What a value covers, and whether two values can
both be true, is ``concepts.dates`` (one meaning for extraction, resolution and the web).

``extract(parsed)`` returns ``TimeExpr`` records with exact offsets into the document text.
"""
from __future__ import annotations

import datetime as dt
import re

from ..models import TimeExpr
from . import Parsed
from .lexicon import times as L
from .times_grammar import Span, find
from .times_resolve import Context, clock_value
from .times_values import value

# A clock time written right before its day ("12:00 UTC Monday", "16:00 UTC today") is one expression.
_JOIN_TIME_DAY = re.compile(r"^\s+$")
_RESTATED = re.compile(r"\s*\(\s*")
_DAY_KINDS = ("weekday", "dayword")
_NAMED_DAYS = ("weekday", "dayword", "md", "mdy", "weekday_date", "holiday")
_JOIN_DURATIONS = re.compile(r",?\s+and\s+|,\s+")
_TIME_THEN_DAY = re.compile(r"[\s,]*(?:local time|\([^)]{1,12}\))?[\s,]*(?:on\s+)?")
# Kinds whose year, unless written or relative, is the one nearest the anchor: a guess.
_GUESSED_KINDS = ("md", "dm", "month", "weekday_date", "weekday_dmy", "quarter", "qn", "season")
_DAY_VALUE = re.compile(r"(\d{4}|XXXX)-(\d\d|WXX)-(\d\d|\d)")


def extract(parsed: Parsed) -> list[TimeExpr]:
    text = parsed.text
    ctx = Context(text=text, doc=parsed.doc, anchor=_anchor(parsed), year=None)
    ctx.year = ctx.anchor.year if ctx.anchor else parsed.year_hint
    spans = _join(text, [sp for sp in find(text) if not _counts_things(parsed.doc, sp)
                         and not _not_an_adjective(parsed.doc, sp)])
    default_anchor = ctx.anchor.isoformat() if ctx.anchor else (str(ctx.year) if ctx.year else None)
    out: list[TimeExpr] = []
    for sp in spans:
        ctx.counted_from, ctx.compared = None, False
        try:
            val, typ = value(sp, ctx)
            if "and_then" in sp.groups:
                val, typ = _add_durations(val, value(sp.groups["and_then"], ctx)[0]), "DURATION"
        except (ValueError, KeyError, OverflowError):
            # an odd calendar corner (a year out of range, a 30 February) must not stop the other extractors
            val, typ = None, "DATE"
        if "day_shift" in sp.groups and val and re.fullmatch(r"\d{4}-\d\d-\d\d", val):
            val = (dt.date.fromisoformat(val) + dt.timedelta(days=sp.groups["day_shift"])).isoformat()
        if "clock_groups" in sp.groups and val and _DAY_VALUE.match(val):
            clock = clock_value(Span(0, 0, "clock", sp.groups["clock_groups"]))
            if sp.groups["clock_groups"].get("noon", "").lower() == "midnight":
                clock = "24:00"                   # "midnight Friday" is where Friday ends (ISO 8601 24:00)
            val, typ = f"{val[:10]}T{clock}", "TIME"
        if val and sp.kind not in ("ref", "set", "vague", "vaguelong") and typ != "DURATION" and not ctx.compared:
            ctx.prior.append((sp.end, val))
            if sp.kind in _GUESSED_KINDS and not {"year", "rel", "yrel", "ofyrel", "qrel"} & sp.groups.keys():
                ctx.guessed.add(sp.end)
        out.append(TimeExpr(start=sp.start, end=sp.end, text=text[sp.start:sp.end], value=val, type=typ,
                            anchor=ctx.counted_from or default_anchor))
    _rebase_times(text, out)
    return out


def _counts_things(doc, sp: Span) -> bool:
    """A bare year-like number that the parse says counts a plural noun: "some 2000 people"."""
    if sp.kind != "year" or doc is None:
        return False
    span = doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    before = doc[tok.i - 1] if tok.i else None
    if before is not None and (before.lower_ == "the" or before.tag_ == "POS" or before.tag_ == "PRP$"):
        return False                              # "the 2023 elections", "the party's 2021 congress"
    return tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.i > tok.i


def _not_an_adjective(doc, sp: Span) -> bool:
    """"current" is a time only as an adjective ("the current system"), not as a noun ("a strong current")."""
    if sp.kind != "ref" or sp.groups["ref"].lower() not in L.ADJECTIVE_REFS or doc is None:
        return False
    span = doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if span is None:
        return True
    tok = span[0]
    return not (tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.i > tok.i)   # it modifies the noun after it


def _anchor(parsed: Parsed) -> dt.date | None:
    """The publication date; a published string the ingest could not read, or a dateline in the
    text, is tried here when the ingest found none."""
    if parsed.anchor:
        return parsed.anchor
    raw = parsed.document.published or parsed.document.updated
    if not raw:
        return _dateline(parsed.text)
    m = re.match(r"(\d{1,2})([-/.])(\d{1,2})[-/.](\d{4})", str(raw))
    if m:
        a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        # Ambiguous: slashes are usually US (month first), dashes and dots day first.
        orders = ((a, b), (b, a)) if m.group(2) == "/" else ((b, a), (a, b))
        for mo, d in orders:
            try:
                return dt.date(y, mo, d)
            except ValueError:
                continue
    return _dateline(parsed.text)


def _dateline(text: str) -> dt.date | None:
    """The publication date as a dateline near the top states it, when the metadata had none."""
    head = text[:L.DATELINE_HEAD_CHARS]
    for sp in find(head):
        if sp.kind not in ("mdy", "dmy", "iso", "weekday_date", "weekday_dmy") or "year" not in sp.groups:
            continue
        line_start = head.rfind("\n", 0, sp.start) + 1
        line_end = head.find("\n", sp.end) if "\n" in head[sp.end:] else len(head)
        line = head[line_start:line_end].strip()
        short = len(line) <= L.DATELINE_MAX_LINE and not line.endswith((".", "?", "!", '"'))
        if short or (L.DATELINE_DASH.match(head, sp.end) and sp.start - line_start < 40):
            val, _ = value(sp, Context(text=head))
            if val and re.fullmatch(r"\d{4}-\d\d-\d\d", val):
                return dt.date.fromisoformat(val)
    return None


def _join(text: str, spans: list[Span]) -> list[Span]:
    """Merge a clock time with the day word right after it into one TIME expression, and
    "eight years and six months" into one duration."""
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if (prev and prev.kind == sp.kind == "duration" and _JOIN_DURATIONS.fullmatch(text[prev.end:sp.start])
                and "gap" not in prev.groups and "gap" not in sp.groups and "and_then" not in prev.groups
                and _rank(sp) > _rank(prev)):
            prev.groups["and_then"] = sp
            prev.end = sp.end
            continue
        if prev and prev.kind == "daybefore" and sp.kind in _NAMED_DAYS and _JOIN_TIME_DAY.match(text[prev.end:sp.start]):
            day = Span(prev.start, sp.end, sp.kind, dict(sp.groups), sp.priority)
            day.groups["day_shift"] = L.DAY_OFFSETS[prev.groups["rel2"].lower()]
            out[-1] = day
            continue
        if prev and _is_clock(prev) and sp.kind in _DAY_KINDS and _JOIN_TIME_DAY.match(text[prev.end:sp.start]):
            day = Span(prev.start, sp.end, sp.kind, dict(sp.groups), sp.priority)
            day.groups["clock_groups"] = prev.groups
            out[-1] = day
            continue
        if (prev and _is_clock(prev) and _is_clock(sp) and _RESTATED.fullmatch(text[prev.end:sp.start])
                and text.startswith(")", sp.end)):
            continue                              # "10:35 a.m. (0735 GMT)": one moment, restated in another zone
        out.append(sp)
    return [sp for sp in out if sp.kind != "daybefore"]      # one that found no day after it names none


def _is_clock(sp: Span) -> bool:
    return sp.kind.startswith("clock") or sp.kind == "noon"


def _rank(sp: Span) -> int:
    """Position of a duration's unit from years down to seconds; -1 when unknown."""
    unit = sp.groups.get("unit", "").lower().rstrip("s")
    return L.UNIT_ORDER.index(unit) if unit in L.UNIT_ORDER else -1


def _add_durations(a: str | None, b: str | None) -> str | None:
    """P8Y + P6M -> P8Y6M; P1D + PT12H -> P1DT12H. None when either is vague or a date."""
    pa = re.fullmatch(r"P([\d.]+[YMWD])?(?:T([\d.]+[HMS]))?", a or "")
    pb = re.fullmatch(r"P([\d.]+[YMWD])?(?:T([\d.]+[HMS]))?", b or "")
    if not (pa and pb) or (pa.group(1) and pb.group(1) and pa.group(2)) or (pa.group(2) and pb.group(1)):
        return a
    date = (pa.group(1) or "") + (pb.group(1) or "")
    time = (pa.group(2) or "") + (pb.group(2) or "")
    return "P" + date + ("T" + time if time else "")


def _rebase_times(text: str, out: list[TimeExpr]) -> None:
    """A clock time that fell back on the anchor takes the day written right after it ("16:15 UTC, June 1st")."""
    for t, nxt in zip(out, out[1:]):
        if (t.type == "TIME" and t.value and t.anchor and t.value.startswith(t.anchor[:10] + "T")
                and _TIME_THEN_DAY.fullmatch(text[t.end:nxt.start]) and nxt.value and _DAY_VALUE.fullmatch(nxt.value)):
            t.value = nxt.value + t.value[10:]
