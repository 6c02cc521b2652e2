"""How stored values read on a page: dates written for people, event types by name, documents by
title (or, without one, their first line). Registered as template filters, so no page shows a
TIMEX code, a type's code name or a file path where a person expects words."""
from __future__ import annotations

import datetime as dt
import re

from ..concepts import dates as D
from ..resolve.event_details import PHRASES, label

FIRST_LINE_CHARS = 90
_SPACE = re.compile(r"\s+")


def human_date(value: str | None) -> str:
    """A date value, or a publication date (which may carry a clock time in any form), for people."""
    if value and D.interval(value) is None and D.interval(value[:10]) is not None:
        return D.human(value[:10])
    return D.human(value)


def human_time(stamp: str | None) -> str:
    """When a reviewer acted (stored as ISO 8601) for people: "7 December 2026, 13:14 UTC"."""
    try:
        t = dt.datetime.fromisoformat(stamp or "")
    except ValueError:
        return stamp or ""
    t = t.astimezone(dt.UTC) if t.tzinfo else t
    return f"{human_date(t.date().isoformat())}, {t:%H:%M}" + (" UTC" if t.tzinfo else "")


def type_label(etype: str | None) -> str:
    return label(etype)


def event_types() -> list[tuple[str, str]]:
    """(code, name) of every event type, by name: the choices of a type filter."""
    return sorted(((t, label(t)) for t in PHRASES), key=lambda x: x[1])


def first_line(text: str | None) -> str | None:
    """A document's first non-empty line, cut at a word near FIRST_LINE_CHARS."""
    for line in (text or "").splitlines():
        line = _SPACE.sub(" ", line).strip()
        if line:
            if len(line) <= FIRST_LINE_CHARS:
                return line
            return line[:FIRST_LINE_CHARS].rsplit(" ", 1)[0] + "…"
    return None


def doc_title(doc: dict) -> str:
    """The title; else the first line (read by the page as ``first_line``, or from the text it
    holds); else 'Untitled document'. Never the file path."""
    return doc.get("title") or doc.get("first_line") or first_line(doc.get("text")) or "Untitled document"


FILTERS = {"human_date": human_date, "human_time": human_time, "type_label": type_label, "doc_title": doc_title}
