"""The date of an event: the time expression of its sentence nearest the trigger in the parse."""
from __future__ import annotations

from ...models import Event, TimeExpr
from ..lexicon import events as L
from .context import Context


def attach_date(ctx: Context, ev: Event, times: list[TimeExpr]) -> None:
    """The time expression of the sentence nearest the trigger in the parse."""
    trig = ctx.doc.char_span(ev.start, ev.end, alignment_mode="expand")
    if trig is None:
        return
    trig_tok = trig.root
    found = []
    for t in times:
        if not (ev.sentence_start <= t.start and t.end <= ev.sentence_end) or not t.value:
            continue
        if t.type in ("DURATION", "SET") or t.value.startswith(L.DURATION_PREFIX):
            continue
        if L.DATELINE.match(ctx.text[ev.sentence_start:t.end]) and L.DATELINE_END.match(ctx.text[t.end:t.end + 4]):
            continue  # "(City, May 12, 2025) – ...": when the piece was filed, not when it happened
        span = ctx.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        dist = _tree_distance(trig_tok, span.root)
        if dist <= L.MAX_TREE_DISTANCE_FOR_DATE:
            found.append((not trig_tok.is_ancestor(span.root), dist, t))
    if found:
        # dates inside the trigger's own phrase first, then the nearest; a more precise date that
        # refines it a step or two further wins ("two months later, on Sept. 10")
        own = min(found, key=lambda f: (f[0], f[1]))
        pool = [f for f in found if f[0] == own[0] and f[1] <= own[1] + L.DATE_PRECISION_SLACK]
        best = max(pool, key=lambda f: (f[2].value.startswith(own[2].value or "") and len(f[2].value), -f[1]))[2]
        ev.date_value, ev.date_text = best.value, best.text


def _tree_distance(a, b) -> int:
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            return n + ids_b[t.i]
    return 99
