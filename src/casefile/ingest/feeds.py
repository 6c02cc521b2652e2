"""RSS and Atom reader: one RawDocument per feed entry, from the content the feed carries.

Entry links are recorded, never fetched. feedparser is handed a byte stream, not
a string: given a string that looks like a URL or a file name it would open it.
"""
from __future__ import annotations

import io
import time
import warnings
from typing import Any, Iterator

import feedparser

from casefile.errors import InputError
from casefile.ingest.html import iso_date, read_html
from casefile.ingest.text import check_size
from casefile.models import IngestIssue, RawDocument

# Root elements that make an XML document a feed.
FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:RDF", b"<RDF")


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of an XML document open an RSS, Atom or RDF feed."""
    return any(marker in head for marker in FEED_MARKERS)


def read_feed(data: bytes, source: str) -> Iterator[RawDocument | IngestIssue]:
    """Each entry with usable content becomes a document; others become issues."""
    check_size(len(data))
    if not data.strip():
        raise InputError("empty file")
    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    if not entries:
        if not parsed.get("version") and parsed.get("bozo"):
            raise InputError(f"malformed feed: {_bozo_reason(parsed)}")
        raise InputError("a feed with no entries" if parsed.get("version") else "XML but not an RSS or Atom feed")
    outlet = _clean(parsed.feed.get("title"))
    for number, entry in enumerate(entries, start=1):
        item = f"{source}#entry{number}"
        try:
            yield _entry_document(entry, item, outlet)
        except InputError as err:
            yield IngestIssue(item=item, reason=err.message)
    if parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), feedparser.CharacterEncodingOverride):
        # feedparser recovered what it could; the reader still deserves to know.
        yield IngestIssue(item=source, reason=f"feed is not well-formed, read what could be: {_bozo_reason(parsed)}",
                          kind="warning")


def _entry_document(entry: Any, item: str, outlet: str | None) -> RawDocument:
    body = _entry_html(entry)
    if not body:
        raise InputError("feed entry has no content or summary")
    overrides = {
        "title": _clean(entry.get("title")),
        "author": _clean(entry.get("author")),
        "published": _entry_date(entry, "published") or _entry_date(entry, "created"),
        "updated": _entry_date(entry, "updated"),
        "outlet": outlet,
        "url": entry.get("link"),
    }
    try:
        doc = read_html(f"<html><body>{body}</body></html>", item, fmt="rss", overrides=overrides)
    except InputError as err:
        if err.message.startswith(("too short", "no readable")):
            raise InputError("feed entry holds only a short summary, not the article") from None
        raise
    doc.html = body
    if doc.updated and doc.updated == doc.published:
        doc.updated = None  # feedparser copies an RSS pubDate into "updated"
    return doc


def _entry_html(entry: Any) -> str:
    """The fullest body the entry offers: content:encoded / Atom content, then summary."""
    contents = entry.get("content") or []
    best = max((c.get("value") or "" for c in contents), key=len, default="")
    summary = entry.get("summary") or ""
    body = best if len(best) >= len(summary) else summary
    if body and "<" not in body:
        body = "".join(f"<p>{para}</p>" for para in body.split("\n\n") if para.strip())
    return body


def _entry_date(entry: Any, key: str) -> str | None:
    """The entry's own date string, offset kept; the parsed UTC value when the string is odd."""
    with warnings.catch_warnings():  # feedparser warns when "updated" falls back to "published"
        warnings.simplefilter("ignore", DeprecationWarning)
        raw = entry.get(key)
        parsed = entry.get(f"{key}_parsed")
    value = iso_date(raw) if isinstance(raw, str) else None
    if value:
        return value
    if parsed:
        return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)
    return None


def _clean(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _bozo_reason(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    message = getattr(exc, "getMessage", lambda: str(exc))() if exc else "unknown error"
    return str(message).split("\n")[0][:120]
