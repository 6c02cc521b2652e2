"""Per-document extraction: pure functions from a parsed document to typed records.

``chain.extract_all`` is the one place the extractors are chained; each module can be
called on its own (``times.extract(parsed)``) and knows nothing of the store. This
package module holds only what every extractor takes (``Parsed``), so that extractors
can import it without importing each other.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..models import Document


@dataclass
class Parsed:
    """A cleaned document with its spaCy parse and the date it is anchored on."""

    document: Document
    doc: Any                                  # spacy.tokens.Doc over document.text
    anchor: dt.date | None = None             # publication date, when known
    year_hint: int | None = None              # year inferred from the text when no date
    cache: dict[str, Any] = field(default_factory=dict)  # shared work between extractors

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def id(self) -> str:
        return self.document.id


def anchor_of(document: Document) -> tuple[dt.date | None, int | None]:
    """The date relative expressions resolve against: published, else updated, else a year hint."""
    for value in (document.published, document.updated):
        if value:
            try:
                return dt.date.fromisoformat(str(value)[:10]), None
            except ValueError:
                continue
    year = (document.date_hint or {}).get("year")
    return None, int(year) if year else None


def make_parsed(document: Document, doc: Any) -> Parsed:
    anchor, year = anchor_of(document)
    return Parsed(document=document, doc=doc, anchor=anchor, year_hint=year)
