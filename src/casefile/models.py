"""Typed records that flow through casefile.

Every record that states a fact about a document carries the document id and
character offsets into that document's cleaned ``text``; the evidence sentence
is recoverable from those offsets, so provenance is never lost.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


class Record:
    """Mixin: ``as_dict`` for JSON/SQL, shared by every record type."""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]


@dataclass
class RawDocument(Record):
    """What a reader yields: text or HTML plus whatever metadata the source gave."""

    source: str                    # file path, URL, or "path#line" / "path#record"
    text: str | None = None        # plain text, when the source is text
    html: str | None = None        # HTML, when the source is a page
    format: str = "text"           # text | html | jsonl | rss | warc | url
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    updated: str | None = None
    url: str | None = None


@dataclass
class Document(Record):
    id: str
    source: str
    text: str
    format: str = "text"
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    updated: str | None = None
    url: str | None = None
    # What the text allows when no date was found, e.g. {"year": 2024, "why": "..."}
    date_hint: dict[str, Any] = field(default_factory=dict)
    # Where each metadata field came from, e.g. {"title": "html:og:title"}
    provenance: dict[str, str] = field(default_factory=dict)
    # Lines removed as site furniture: [[start, end, reason], ...] into raw_text
    removed: list[list[Any]] = field(default_factory=list)
    raw_text: str = ""


@dataclass
class IngestIssue(Record):
    """An input that could not be stored, with the reason in plain words."""

    item: str
    reason: str
    kind: str = "rejected"         # rejected | warning


@dataclass
class Mention(Record):
    start: int
    end: int
    text: str
    label: str = ""


@dataclass
class Descriptor(Record):
    text: str
    start: int
    end: int
    kind: str = "title"            # title | apposition | affiliation | role


@dataclass
class LocalEntity(Record):
    """One entity as one document names it; ``key`` is unique within the document."""

    key: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    descriptors: list[Descriptor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Speaker(Record):
    text: str
    entity: str | None = None      # LocalEntity.key
    start: int | None = None
    end: int | None = None


@dataclass
class Quote(Record):
    start: int
    end: int
    text: str
    kind: str                      # direct | indirect
    speaker: Speaker | None = None
    cue: str | None = None
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass
class TimeExpr(Record):
    start: int
    end: int
    text: str
    value: str | None
    type: str = "DATE"             # DATE | TIME | DURATION | SET
    anchor: str | None = None      # the value it was resolved against


@dataclass
class Participant(Record):
    role: str                      # agent | target | recipient | place | object
    text: str
    entity: str | None = None      # LocalEntity.key
    start: int | None = None
    end: int | None = None


@dataclass
class Event(Record):
    start: int                     # the trigger
    end: int
    type: str
    trigger: str
    sentence_start: int
    sentence_end: int
    participants: list[Participant] = field(default_factory=list)
    date_value: str | None = None
    date_text: str | None = None
    modality: str = "asserted"


@dataclass
class Amount(Record):
    start: int
    end: int
    text: str
    kind: str                      # money | duration | count | percent
    value: float | None = None
    unit: str | None = None
    event: int | None = None       # index into Extraction.events


@dataclass
class Extraction(Record):
    """Everything extracted from one document."""

    document: str
    entities: list[LocalEntity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)   # (start, end) of each sentence
