"""The one row builder: a document and its Extraction as table rows (ids from content,
sentence offsets added). ``casefile ingest``, ``--workers`` and the Spark job all store
what this module builds, so the three give the same rows."""
from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_right

from ..models import Document, Extraction
from . import schema as s


# A record id is its document's id prefix, then a hash of what the record is. Still a
# content id (same document, same record, same id), but a document's records sit side by
# side in every id index: with bare hashes each inserted row lands on a random index page,
# and once the indexes outgrow the page cache the cost of a write grew with the corpus.
ID_DOCUMENT_PREFIX = 8
ID_HASH_CHARS = 12


def _id(document_id: str, kind: str, *parts) -> str:
    key = "|".join([document_id, kind, *map(str, parts)])
    return document_id[:ID_DOCUMENT_PREFIX] + hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_HASH_CHARS]


def local_entity_id(document_id: str, key: str) -> str:
    """The corpus-level id an entity has before cross-document resolution merges it."""
    return "e" + _id(document_id, "entity", key)


class _Sentences:
    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]

    def around(self, start: int) -> tuple[int | None, int | None]:
        i = bisect_right(self.starts, start) - 1
        if i < 0:
            return None, None
        return self.spans[i]


def extraction_rows(doc: Document, ex: Extraction) -> list[tuple[str, list[dict]]]:
    d = doc.id
    sent = _Sentences(ex.sentences)
    out: dict[str, list[dict]] = {k: [] for k in (
        "doc_entities", "entities", "mentions", "quotes", "times", "events", "participants", "amounts")}
    for e in ex.entities:
        eid = local_entity_id(d, e.key)
        descriptors = [x.as_dict() for x in e.descriptors]
        out["doc_entities"].append({"document_id": d, "key": e.key, "name": e.name, "type": e.type,
                                    "aliases": e.aliases, "descriptors": descriptors, "entity_id": eid})
        out["entities"].append({"id": eid, "name": e.name, "type": e.type, "aliases": e.aliases,
                                "descriptors": sorted({x.text for x in e.descriptors}), "reason": "one document"})
        for m in e.mentions:
            ss, se = sent.around(m.start)
            out["mentions"].append({"id": _id(d, "mention", m.start, m.end, e.key), "document_id": d,
                                    "start": m.start, "end": m.end, "text": m.text, "sentence_start": ss,
                                    "sentence_end": se, "entity_key": e.key, "label": m.label})
    for q in ex.quotes:
        sp = q.speaker
        out["quotes"].append({"id": _id(d, "quote", q.start, q.end, q.kind), "document_id": d, "start": q.start,
                              "end": q.end, "text": q.text, "sentence_start": q.sentence_start,
                              "sentence_end": q.sentence_end, "kind": q.kind, "speaker_text": sp.text if sp else None,
                              "speaker_key": sp.entity if sp else None, "speaker_start": sp.start if sp else None,
                              "speaker_end": sp.end if sp else None, "cue": q.cue})
    for t in ex.times:
        ss, se = sent.around(t.start)
        out["times"].append({"id": _id(d, "time", t.start, t.end), "document_id": d, "start": t.start, "end": t.end,
                             "text": t.text, "sentence_start": ss, "sentence_end": se, "value": t.value,
                             "type": t.type, "anchor": t.anchor})
    event_ids = []
    for i, ev in enumerate(ex.events):
        eid = _id(d, "event", ev.start, ev.end, ev.type, i)
        event_ids.append(eid)
        out["events"].append({"id": eid, "document_id": d, "start": ev.start, "end": ev.end, "text": ev.trigger,
                              "sentence_start": ev.sentence_start, "sentence_end": ev.sentence_end, "type": ev.type,
                              "date_value": ev.date_value, "date_text": ev.date_text, "modality": ev.modality,
                              "cluster": eid})
        for j, p in enumerate(ev.participants):
            out["participants"].append({"event_id": eid, "idx": j, "document_id": d, "role": p.role, "text": p.text,
                                        "entity_key": p.entity, "start": p.start, "end": p.end})
    for a in ex.amounts:
        ss, se = sent.around(a.start)
        out["amounts"].append({"id": _id(d, "amount", a.start, a.end), "document_id": d, "start": a.start,
                               "end": a.end, "text": a.text, "sentence_start": ss, "sentence_end": se,
                               "kind": a.kind, "value": a.value, "unit": a.unit,
                               "event_id": event_ids[a.event] if a.event is not None and a.event < len(event_ids)
                               else None})
    return list(out.items())


def now() -> str:
    """The wall-clock time stored with a write (the only values two runs may disagree on)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


_DOC_COLUMNS = [c.name for c in s.documents.c if c.name != "seq"]


def document_rows(doc: Document, extraction: Extraction | None, signature: list[int] | None,
                  bands: list[str], now: str) -> dict[str, list[dict]]:
    """Every row one document adds to the store, by table; near-duplicate links are added at
    write time (``near_duplicate_rows``), since they depend on what is stored by then."""
    row = {name: getattr(doc, name) for name in _DOC_COLUMNS if hasattr(doc, name)}
    row.update(word_count=len(doc.text.split()), ingested_at=now)
    out: dict[str, list[dict]] = {"documents": [row], "document_sources": [dict(
        document_id=doc.id, source=doc.source, outlet=doc.outlet, url=doc.url, first_seen=now)]}
    if signature is not None:
        out["minhash_signatures"] = [dict(document_id=doc.id, signature=signature)]
        out["minhash_bands"] = [{"band": b, "document_id": doc.id} for b in bands]
    if extraction is not None:
        out.update(extraction_rows(doc, extraction))
    return out


def near_duplicate_rows(document_id: str, near: list[tuple[str, float]]) -> list[dict]:
    return [dict(document_id=document_id, duplicate_of=other, similarity=similarity, method="minhash")
            for other, similarity in near]
