"""The document page's article text with its records highlighted, as escaped HTML.

Records overlap freely, but HTML elements must nest. So spans are laid out in layers —
sentences, then quotes, then mentions/times/event triggers — each layer kept
non-overlapping, and a span is drawn only where it fits inside the layer above.
Every piece of article text passes through ``escape``; nothing from the article is
ever emitted as markup or as an unescaped attribute.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup, escape

from ..resolve import review
from ..store.db import Store
from .facts import ref_map


@dataclass
class Span:
    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    priority: int = 0          # within a layer, higher wins an overlap


def _non_overlapping(spans: list[Span]) -> list[Span]:
    """Greedy by (priority, length): keeps the most informative spans that do not collide."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda x: (-x.priority, -(x.end - x.start), x.start)):
        if span.end > span.start and all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda x: x.start)


def _render(text: str, start: int, end: int, layers: list[list[Span]]) -> str:
    if not layers:
        return str(escape(text[start:end]))
    inner = [sp for sp in layers[0] if sp.start >= start and sp.end <= end]
    out, pos = [], start
    for sp in inner:
        out.append(_render(text, pos, sp.start, layers[1:]))
        attrs = "".join(f' {k}="{escape(v)}"' for k, v in sp.attrs.items())
        out.append(f"<{sp.tag}{attrs}>{_render(text, sp.start, sp.end, layers[1:])}</{sp.tag}>")
        pos = sp.end
    out.append(_render(text, pos, end, layers[1:]))
    return "".join(out)


def _sentence_spans(rows: list[dict]) -> list[Span]:
    seen = {(r["sentence_start"], r["sentence_end"]) for r in rows if r.get("sentence_start") is not None}
    return _non_overlapping([Span(a, b, "span", {"id": f"s-{a}", "class": "sent"}) for a, b in seen])


def _quote_spans(quotes: list[dict]) -> list[Span]:
    spans = []
    for q in quotes:
        speaker = q.get("speaker_text") or "unknown speaker"
        spans.append(Span(q["start"], q["end"], "span", {
            "id": f"q-{q['start']}", "class": f"quote quote-{q['kind']}", "tabindex": "0",
            "data-speaker": f"{speaker} ({q.get('cue') or q['kind']})",
            "title": f"Speaker: {speaker}"}))
    return _non_overlapping(spans)


def _token_spans(doc_id: str, mentions: list[dict], times: list[dict], events: list[dict], refs: dict) -> list[Span]:
    spans = []
    for m in mentions:
        ent = refs.get((doc_id, m.get("entity_key")))
        if ent:
            spans.append(Span(m["start"], m["end"], "a", {
                "id": f"m-{m['start']}", "class": f"ent ent-{ent['type']}",
                "href": f"/entities/{quote(ent['ref'], safe='')}", "title": f"{ent['type']}: {ent['name']}"}, 1))
    for t in times:
        spans.append(Span(t["start"], t["end"], "span", {
            "id": f"t-{t['start']}", "class": "time", "title": f"time: {t.get('value') or 'unresolved'}"}, 2))
    for e in events:
        spans.append(Span(e["start"], e["end"], "mark", {
            "id": f"e-{e['start']}", "class": "event", "data-type": e["type"],
            "title": f"event: {e['type']} {e.get('date_value') or ''}".strip()}, 3))
    return _non_overlapping(spans)


def highlighted(store: Store, doc: dict) -> tuple[Markup, dict]:
    """The article as highlighted HTML, plus the records it drew from (for the side lists)."""
    doc_id, body = doc["id"], doc["text"]
    records = {name: list(store.rows(name, doc_id)) for name in ("mentions", "quotes", "times", "events")}
    found = review.decisions_about(store, [doc_id])     # the source shows every fact, rejected ones marked
    for kind, name in (("event", "events"), ("quote", "quotes")):
        records[name] = review.apply(store, kind, records[name], keep_rejected=True, found=found)
        for r in records[name]:
            r["review"]["next"] = f"/documents/{quote(doc_id, safe='')}"
    refs = ref_map(store, [doc_id])
    layers = [
        _sentence_spans([r for rows in records.values() for r in rows]),
        _quote_spans(records["quotes"]),
        _token_spans(doc_id, records["mentions"], records["times"], records["events"], refs),
    ]
    return Markup(_render(body, 0, len(body), layers)), records | {"refs": refs}
