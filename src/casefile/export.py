"""Exports from the store: the SCHEMA.md JSON contract, JSON Lines, and CSV per table."""
from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import CasefileError
from .resolve import review as R
from .store.db import Store

DOCUMENT_FIELDS = ("id", "source", "url", "outlet", "title", "author", "published", "updated", "text")
FORMATS = ("json", "jsonl", "csv")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")   # what a spreadsheet reads as a formula


def build(store: Store) -> dict:
    """The export object of SCHEMA.md (version 1), every fact with its document and offsets."""
    docs = {d["id"]: d for d in store.rows("documents")}
    link = {(r["document_id"], r["key"]): r["entity_id"] for r in store.rows("doc_entities")}
    decided = R.decision_map(store)
    out = {"version": 1, "documents": [_document(d) for d in docs.values()],
           "entities": _entities(store, link, {d: r["seq"] for d, r in docs.items()}), "quotes": [], "times": [],
           "events": []}
    for q in store.rows("quotes"):
        key = R.row_key("quote", q)
        out["quotes"].append({
            "id": q["id"], "document": q["document_id"], "start": q["start"], "end": q["end"], "text": q["text"],
            "kind": q["kind"], "cue": q["cue"], "speaker": _speaker(q, link, decided.get(key)),
            "sentence": _sentence(docs, q), "review": R.exported("quote", key, decided.get(key))})
    for t in store.rows("times"):
        out["times"].append({k: t[k] for k in ("id", "start", "end", "text", "value", "type")}
                            | {"document": t["document_id"]})
    participants = defaultdict(list)
    for p in store.rows("participants"):
        participants[p["event_id"]].append(p)
    for e in store.rows("events"):
        key = R.row_key("event", e)
        edits = (decided.get(key) or {}).get("edits") or {}      # a reviewer's values, the extracted in review
        e = e | {k: edits[k] for k in ("type", "date_value") if k in edits}
        out["events"].append({
            "id": e["id"], "document": e["document_id"], "start": e["start"], "end": e["end"], "type": e["type"],
            "trigger": e["text"], "sentence": _sentence(docs, e),
            "participants": [{"entity": link.get((p["document_id"], p["entity_key"])), "text": p["text"],
                              "role": p["role"], "start": p["start"], "end": p["end"]}
                             for p in sorted(participants[e["id"]], key=lambda p: p["idx"])],
            "date": {"value": e["date_value"], "text": e["date_text"]}, "modality": e["modality"],
            "cluster": e["cluster"], "review": R.exported("event", key, decided.get(key))})
    _entity_reviews(out["entities"], link, decided)
    return out


def _speaker(q: dict, link: dict, decision: dict | None) -> dict:
    """The quote's speaker: a reviewer's correction (and the entity it names, if any), else the extracted one."""
    edits = (decision or {}).get("edits") or {}
    if "speaker" not in edits:
        return {"entity": link.get((q["document_id"], q["speaker_key"])), "text": q["speaker_text"]}
    return {"entity": link.get((decision["speaker_document"], decision["speaker_key"])), "text": edits["speaker"]}


def _entity_reviews(entities: list[dict], link: dict, decided: dict) -> None:
    """Each entity lists the reviewed links of its document entities (a rejected one says it does not belong)."""
    by_entity: dict[str, list[dict]] = defaultdict(list)
    for key, d in decided.items():
        if d["kind"] == "entity_link":
            eid = link.get((d["document_id"], d["entity_key"]))
            by_entity[eid].append({"document": d["document_id"], "key": d["entity_key"]}
                                  | R.exported("entity_link", key, d))
    for ent in entities:
        ent["reviewed_links"] = by_entity.get(ent["id"], [])


def _document(d: dict) -> dict:
    return {k: d.get(k) for k in DOCUMENT_FIELDS} | {"date_hint": d.get("date_hint") or {},
                                                      "provenance": d.get("provenance") or {}}


def _sentence(docs: dict, row: dict) -> str | None:
    doc = docs.get(row["document_id"])
    if doc is None or row.get("sentence_start") is None:
        return None
    return doc["text"][row["sentence_start"]:row["sentence_end"]]


def _entities(store: Store, link: dict, seq: dict[str, int]) -> list[dict]:
    """Entities in order of first appearance in the corpus (the order of their earliest document
    entity), so the same documents give the same export however many ingests brought them."""
    first: dict[str, tuple] = {}
    for (doc, key), eid in link.items():
        order = (seq.get(doc) or 0, doc, len(key), key)
        if eid not in first or order < first[eid]:
            first[eid] = order
    by_entity: dict[str, dict] = {}
    for e in store.rows("entities"):
        by_entity[e["id"]] = {"id": e["id"], "name": e["name"], "type": e["type"], "aliases": e["aliases"] or [],
                              "descriptors": e["descriptors"] or [], "documents": [], "mentions": []}
    for m in store.rows("mentions"):
        eid = link.get((m["document_id"], m["entity_key"]))
        if eid in by_entity:
            ent = by_entity[eid]
            if m["document_id"] not in ent["documents"]:
                ent["documents"].append(m["document_id"])
            ent["mentions"].append({"document": m["document_id"], "start": m["start"], "end": m["end"],
                                    "text": m["text"]})
    listed = [e for e in by_entity.values() if e["documents"]]
    return sorted(listed, key=lambda e: first.get(e["id"], (float("inf"),)))


def jsonl_records(data: dict) -> Iterator[dict]:
    """One record per line, each tagged with its kind; lossless against ``build``."""
    for kind in ("documents", "entities", "quotes", "times", "events"):
        for record in data[kind]:
            yield {"kind": kind[:-1]} | record


CSV_COLUMNS = {
    "documents": ["id", "source", "url", "outlet", "title", "author", "published", "updated"],
    "entities": ["id", "name", "type", "aliases", "descriptors", "documents"],
    "quotes": ["id", "document", "start", "end", "kind", "text", "speaker", "cue", "sentence", "review"],
    "times": ["id", "document", "start", "end", "text", "value", "type"],
    "events": ["id", "document", "start", "end", "type", "trigger", "participants", "date", "modality",
               "cluster", "sentence", "review"],
}


def _cell(value) -> str:
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        if "role" in value:
            return f"{value['role']}: {value.get('text')}"
        if "value" in value:
            return value.get("value") or ""
        if "status" in value:      # a fact's review
            return value["status"]
        return value.get("text") or ""
    return "" if value is None else str(value)


def csv_rows(data: dict, table: str) -> Iterator[list[str]]:
    """One table of an export (``build``) as CSV rows, header first, every cell spreadsheet-safe."""
    columns = CSV_COLUMNS[table]
    yield columns
    for record in data[table]:
        yield [spreadsheet_safe(_cell(record.get(c))) for c in columns]


def csv_text(data: dict, table: str) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(csv_rows(data, table))
    return out.getvalue()


def spreadsheet_safe(cell: str) -> str:
    """Article text opened in a spreadsheet must not run as a formula (CSV injection)."""
    if cell[:1] in FORMULA_STARTS and not _is_number(cell):
        return "'" + cell
    return cell


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def write(store: Store, fmt: str, output: str | None, stream: IO[str]) -> list[str]:
    """Write the export; returns the files written (empty when written to ``stream``)."""
    if fmt not in FORMATS:
        raise CasefileError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    data = build(store)
    if fmt == "csv":
        if not output:
            raise CasefileError("CSV export writes one file per table: give a folder with -o")
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for table in CSV_COLUMNS:
            path = folder / f"{table}.csv"
            with path.open("w", newline="", encoding="utf-8") as fh:
                csv.writer(fh).writerows(csv_rows(data, table))
            written.append(str(path))
        return written
    body = (json.dumps(data, ensure_ascii=False, indent=1) if fmt == "json"
            else "\n".join(json.dumps(r, ensure_ascii=False) for r in jsonl_records(data)))
    if output:
        Path(output).write_text(body + "\n", encoding="utf-8")
        return [output]
    stream.write(body + "\n")
    return []
