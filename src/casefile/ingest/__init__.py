"""Ingest: readers turn inputs into RawDocuments; this module turns those into Documents.

``build_document`` is the whole per-document path before the NLP: clean the text, read
the metadata (best source first), hash the content into a stable id.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from ..errors import InputError
from ..models import Document, IngestIssue, RawDocument
from ..settings import MAX_TEXT_CHARS, MIN_ARTICLE_CHARS
from . import metadata
from .clean import clean


def content_id(text: str) -> str:
    """A stable id from the article's words: the same text anywhere gets the same id."""
    canonical = " ".join(text.split()).casefold()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def build_document(raw: RawDocument, overrides: dict | None = None) -> Document:
    """A cleaned, dated Document from a RawDocument; InputError when it holds no article."""
    overrides = overrides or {}
    if not raw.text or not raw.text.strip():
        raise InputError("no article text", item=raw.source)
    cleaned = clean(raw.text[: MAX_TEXT_CHARS * 2])
    if len(cleaned.text) > MAX_TEXT_CHARS:
        raise InputError(f"article text longer than {MAX_TEXT_CHARS:,} characters", item=raw.source)
    if len(cleaned.text.strip()) < MIN_ARTICLE_CHARS:
        raise InputError("too little text to be an article after cleaning", item=raw.source)
    ctx = metadata.Context(raw=raw, cleaned=cleaned, overrides=overrides)
    fields: dict[str, str | None] = {}
    provenance: dict[str, str] = {}
    found = {
        "title": metadata.title(ctx),
        "author": metadata.author(ctx),
        "outlet": metadata.outlet(ctx),
        "updated": metadata.updated(ctx),
    }
    found["published"] = metadata.published(ctx, found["updated"][0] if found["updated"] else None)
    for name, value in found.items():
        fields[name] = value[0] if value else None
        if value:
            provenance[name] = value[1]
    hint = {} if fields["published"] else metadata.date_hint(cleaned.text)
    return Document(
        id=content_id(cleaned.text), source=raw.source, text=cleaned.text, format=raw.format,
        url=raw.url, date_hint=hint, provenance=provenance, raw_text=cleaned.raw,
        removed=[list(r) for r in cleaned.removed], **fields)


def documents_from(items: Iterable[RawDocument | IngestIssue],
                   overrides: dict | None = None) -> Iterator[Document | IngestIssue]:
    """Documents, and an IngestIssue for each item that holds no article."""
    for item in items:
        if isinstance(item, IngestIssue):
            yield item
            continue
        try:
            yield build_document(item, overrides)
        except InputError as exc:
            yield IngestIssue(item=item.source, reason=exc.message)


def load_documents(paths: list[str], overrides: dict | None = None) -> Iterator[Document]:
    """Documents from paths/URLs, skipping what cannot be read (for scripts and the dev harness)."""
    from .sources import iter_inputs

    for item in documents_from(iter_inputs(paths), overrides):
        if isinstance(item, Document):
            yield item
