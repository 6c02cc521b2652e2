"""Why a sentence gave an event or none: every trigger word with the decision taken on it.

``explain_text`` runs the extractors on a text (``explain_document`` on a stored document)
and returns the decisions of the event extractor; ``format_decisions`` lays them out by
sentence for ``casefile explain``.
"""
from __future__ import annotations

from ...models import Document
from .build import Decision, explain


def explain_text(text: str, published: str | None = None) -> list[Decision]:
    """The event decisions for a text, parsed and extracted as ingest would."""
    from ... import nlp
    from .. import entities, make_parsed, times

    doc = Document(id="explain", source="explain", text=text, published=published)
    parsed = make_parsed(doc, next(iter(nlp.parse([text]))))
    return explain(parsed, entities.extract(parsed), times.extract(parsed))


def explain_document(store, document_id: str) -> tuple[str, list[Decision]]:
    """The text of a stored document and the event decisions on it."""
    row = store.document(document_id)
    return row["text"], explain_text(row["text"], row.get("published"))


def format_decisions(text: str, decisions: list[Decision], etype: str | None = None,
                     dropped_only: bool = False) -> str:
    """One block per sentence with a trigger word: the sentence, then one line per decision."""
    lines: list[str] = []
    last = None
    for d in decisions:
        if etype and d.type != etype or dropped_only and d.kept:
            continue
        if d.sentence_start != last:
            last = d.sentence_start
            lines.append(" ".join(text[d.sentence_start:d.sentence_end].split()))
        verdict = "event " if d.kept else "no event"
        lines.append(f"  {verdict:8} {d.type:<15} {d.trigger!r}: {d.reason}")
    return "\n".join(lines)
