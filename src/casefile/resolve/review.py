"""Human review of extracted facts: confirm or reject an event, a quote or an entity link, with a
note, and correct what was extracted (an event's type or date, a quote's speaker).

A decision is keyed by its fact's document (a content hash) and character offsets, so it
holds through a re-ingest of the same article and through ``casefile resolve``, which
rewrite row ids and clusters. Every decision keeps who made it and when, the values
extracted at the time, and a history row (``review_audit``). Readers (timeline, dossier,
briefs, export) ask ``decisions_for`` about the facts they show and ``apply`` the answer:
rejected facts leave, edited values show, the extracted ones are kept under ``original``.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, inspect, select, text

from ..concepts import dates as D
from ..errors import Ambiguous, Invalid, NotFound
from ..store import schema as s
from ..store import schema_review as r
from ..store.db import Store
from ..store.reads import LOCAL_SEP
from .lookup import find_entity, named_in

KINDS = ("event", "quote", "entity_link")
STATUSES = ("confirmed", "rejected", "unreviewed")
EDITABLE = {"event": ("type", "date_value"), "quote": ("speaker",), "entity_link": ()}
EVENT_TYPE = re.compile(r"[a-z][a-z_]{1,39}")
MAX_NOTE = 2000
MAX_NAME = 200
CHUNK = 500


def fact_key(kind: str, document_id: str, start: int | None = None, end: int | None = None,
             entity_key: str | None = None, event_type: str | None = None) -> str:
    """``event:<document>:<start>:<end>:<extracted type>`` (one trigger can report two events, "sentenced"
    a trial and a prison term), ``quote:<document>:<start>:<end>``, ``entity_link:<document>:<entity key>``."""
    if kind == "entity_link":
        return f"entity_link:{document_id}:{entity_key}"
    if kind == "event":
        return f"event:{document_id}:{start}:{end}:{event_type}"
    return f"{kind}:{document_id}:{start}:{end}"


def row_key(kind: str, row: dict) -> str:
    """The key of a fact row as the store holds it (an ``events`` or ``quotes`` row, or a ``doc_entities`` one)."""
    if kind == "entity_link":
        return fact_key(kind, row["document_id"], entity_key=row["key"])
    return fact_key(kind, row["document_id"], row["start"], row["end"], event_type=row.get("type"))


def parse_key(key: str) -> dict:
    kind, _, rest = key.partition(":")
    parts = rest.split(":")
    if kind == "entity_link" and len(parts) >= 2 and parts[0]:
        return {"kind": kind, "document_id": parts[0], "entity_key": ":".join(parts[1:])}
    size = 4 if kind == "event" else 3
    if kind in ("event", "quote") and len(parts) == size and parts[0] and parts[1].isdigit() and parts[2].isdigit():
        out = {"kind": kind, "document_id": parts[0], "start": int(parts[1]), "end": int(parts[2])}
        return out | ({"type": parts[3]} if kind == "event" else {})
    raise Invalid("not a fact key (event:document:start:end:type, quote:document:start:end or "
                  "entity_link:document:key)", item=key)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# -- finding the fact a key names -----------------------------------------------------------------

def fact_rows(conn: Connection, key: str) -> list[dict]:
    """The stored rows a key names (several events may share one trigger); empty when none."""
    k = parse_key(key)
    if k["kind"] == "entity_link":
        de = s.doc_entities
        query = select(de).where(de.c.document_id == k["document_id"], de.c.key == k["entity_key"])
    else:
        t = s.events if k["kind"] == "event" else s.quotes
        query = select(t).where(t.c.document_id == k["document_id"], t.c.start == k["start"], t.c.end == k["end"])
        if k["kind"] == "event":
            query = query.where(t.c.type == k["type"])
    return [dict(x._mapping) for x in conn.execute(query)]


def key_for_id(store: Store, kind: str, row_id: str) -> str:
    """The fact key of an event or quote given by its row id (as exports and the JSON API show it),
    or of an entity link given as ``<document id>~<key>``; a key is returned as it is."""
    if kind not in KINDS:
        raise Invalid(f"unknown kind; choose one of {', '.join(KINDS)}", item=kind)
    if row_id.startswith(f"{kind}:"):
        return row_id
    if kind == "entity_link":
        if LOCAL_SEP not in row_id:
            raise Invalid("an entity link is <document id>~<entity key>", item=row_id)
        document_id, key = row_id.split(LOCAL_SEP, 1)
        return fact_key(kind, document_id, entity_key=key)
    t = s.events if kind == "event" else s.quotes
    with store.engine.connect() as conn:
        row = conn.execute(select(t).where(t.c.id == row_id)).first()
    if row is None:
        raise NotFound(f"no {kind} with this id", item=row_id)
    return row_key(kind, dict(row._mapping))


def _original(kind: str, row: dict) -> dict:
    if kind == "event":
        return {"type": row["type"], "date_value": row["date_value"], "text": row["text"]}
    if kind == "quote":
        return {"speaker": row["speaker_text"], "text": row["text"]}
    return {"name": row["name"], "entity_id": row["entity_id"]}


# -- deciding --------------------------------------------------------------------------------------

def decide(store: Store, key: str, *, reviewer: str, status: str | None = None, note: str | None = None,
           edits: dict | None = None) -> dict:
    """Record a reviewer's decision about one fact (status, note, corrected values); returns it.

    ``status`` None keeps the standing one (``unreviewed`` for a first decision); an edit
    given as "" clears that correction. Raises Invalid for a bad value, NotFound for a key
    that names no stored fact."""
    reviewer = (reviewer or "").strip()
    if not reviewer or len(reviewer) > MAX_NAME:
        raise Invalid("a reviewer's name is required (at most 200 characters)")
    if status is not None and status not in STATUSES:
        raise Invalid(f"unknown status; choose one of {', '.join(STATUSES)}", item=status)
    if note is not None and len(note) > MAX_NOTE:
        raise Invalid(f"a note is at most {MAX_NOTE} characters")
    k = parse_key(key)
    with store.engine.begin() as conn:
        r.metadata.create_all(conn)
        rows = fact_rows(conn, key)
        if not rows:
            raise NotFound(f"no {k['kind']} stored at this place", item=key)
        old = conn.execute(select(r.review_decisions).where(r.review_decisions.c.key == key)).first()
        old = dict(old._mapping) if old else None
        merged = _merged_edits(k["kind"], (old or {}).get("edits") or {}, edits or {})
        speaker = _speaker_anchor(conn, k["document_id"], merged.get("speaker"))
        row = {"key": key, "kind": k["kind"], "document_id": k["document_id"], "start": k.get("start"),
               "end": k.get("end"), "entity_key": k.get("entity_key"),
               "status": status or (old or {}).get("status") or "unreviewed",
               "note": note if note is not None else (old or {}).get("note"), "edits": merged,
               "original": (old or {}).get("original") or _original(k["kind"], rows[0]),
               "speaker_document": speaker[0], "speaker_key": speaker[1], "reviewer": reviewer, "at": _now()}
        if old:
            conn.execute(r.review_decisions.update().where(r.review_decisions.c.key == key).values(**row))
        else:
            conn.execute(r.review_decisions.insert().values(**row))
        conn.execute(r.review_audit.insert().values(key=key, at=row["at"], reviewer=reviewer, status=row["status"],
                                                    note=row["note"], edits=merged))
    return row


def _merged_edits(kind: str, old: dict, new: dict) -> dict:
    allowed = EDITABLE[kind]
    unknown = set(new) - set(allowed)
    if unknown:
        raise Invalid(f"a {kind} can have only {', '.join(allowed) or 'no values'} corrected",
                      item=", ".join(sorted(unknown)))
    out = dict(old)
    for name, value in new.items():
        value = (value or "").strip() if value is not None else None
        if value is None:
            continue
        if value == "":
            out.pop(name, None)
            continue
        if name == "type":        # "diplomatic visit" as a person writes it is the type diplomatic_visit
            value = "_".join(value.lower().split())
        if name == "type" and not EVENT_TYPE.fullmatch(value):
            raise Invalid("an event type is a lower-case word or words joined by _ (arrest, diplomatic_visit)",
                          item=value)
        if name == "date_value" and D.interval(value) is None:
            raise Invalid("a date is written as 2024, 2024-03 or 2024-03-05", item=value)
        if name == "speaker" and len(value) > MAX_NAME:
            raise Invalid("a speaker's name is at most 200 characters")
        out[name] = value
    return out


def _speaker_anchor(conn: Connection, document_id: str, name: str | None) -> tuple[str | None, str | None]:
    """The document entity a corrected speaker's name stands for: the one this document writes so
    (a reviewer names someone the article names; the name may also mean others elsewhere), else
    the entity the name finds, in this document when it is named there; (None, None) when the
    name finds no entity."""
    if not name:
        return None, None
    try:
        ref = named_in(conn, document_id, name) or find_entity(conn, name)
    except (NotFound, Ambiguous):
        return None, None
    if LOCAL_SEP in ref:
        doc, key = ref.split(LOCAL_SEP, 1)
        return doc, key
    de = s.doc_entities
    members = conn.execute(select(de.c.document_id, de.c.key).where(de.c.entity_id == ref)
                           .order_by(de.c.document_id, de.c.key)).all()
    if not members:
        return None, None
    own = [m for m in members if m.document_id == document_id]
    return tuple(own[0] if own else members[0])


# -- reading ---------------------------------------------------------------------------------------

def has_review(store: Store) -> bool:
    """Whether the store has the review tables. Only a yes is remembered: a store opened read-only
    before its first decision (which creates them) must see them once they exist."""
    if store.__dict__.get("_review_tables"):
        return True
    with store.engine.connect() as conn:
        found = inspect(conn).has_table(r.review_decisions.name)
    store.__dict__["_review_tables"] = found
    return found


def decisions_for(store: Store, keys: Iterable[str]) -> dict[str, dict]:
    """The standing decisions about these facts, by key (empty when none was made)."""
    keys = sorted(set(keys))
    if not keys or not has_review(store):
        return {}
    rd = r.review_decisions
    query = select(rd).where(rd.c.key.in_(bindparam("keys", expanding=True)))
    out = {}
    with store.engine.connect() as conn:
        for i in range(0, len(keys), CHUNK):
            out.update((x.key, dict(x._mapping)) for x in conn.execute(query, {"keys": keys[i:i + CHUNK]}))
    return out


def decisions_about(store: Store, document_ids: Iterable[str]) -> dict[str, dict]:
    """Every decision about a fact in these documents, or naming one of their entities as a quote's
    speaker, in one query (a dossier reads them at once: its query count must not grow)."""
    ids = sorted(set(document_ids))
    if not ids or not has_review(store):
        return {}
    rd = r.review_decisions
    query = select(rd).where(rd.c.document_id.in_(bindparam("a", expanding=True))
                             | rd.c.speaker_document.in_(bindparam("b", expanding=True)))
    with store.engine.connect() as conn:
        return {x.key: dict(x._mapping) for x in conn.execute(query, {"a": ids, "b": ids})}


def decision_map(store: Store) -> dict[str, dict]:
    """Every standing decision by key (an export reads them all at once)."""
    if not has_review(store):
        return {}
    with store.engine.connect() as conn:
        return {x.key: dict(x._mapping) for x in conn.execute(select(r.review_decisions))}


def exported(kind: str, key: str, decision: dict | None) -> dict:
    """A fact's review as the export carries it."""
    summary = _summary(kind, key, decision)
    return {k: summary[k] for k in ("status", "note", "reviewer", "at", "edits", "original")}


def decisions(store: Store, status: str | None = None, kind: str | None = None) -> list[dict]:
    """Every decision (newest first), each with its fact's text, document and sentence offset."""
    if status is not None and status not in STATUSES:
        raise Invalid(f"unknown status; choose one of {', '.join(STATUSES)}", item=status)
    if not has_review(store):
        return []
    rd = r.review_decisions
    query = select(rd).order_by(rd.c.at.desc(), rd.c.key)
    if status:
        query = query.where(rd.c.status == status)
    if kind:
        query = query.where(rd.c.kind == kind)
    with store.engine.connect() as conn:
        out = [dict(x._mapping) for x in conn.execute(query)]
        for d in out:
            rows = fact_rows(conn, d["key"])
            d["stored"] = bool(rows)
            d["sentence_start"] = rows[0].get("sentence_start") if rows else None
    return out


def history(store: Store, key: str | None = None) -> list[dict]:
    """Every change made by review, oldest first (of one fact, when ``key`` is given)."""
    if not has_review(store):
        return []
    query = select(r.review_audit).order_by(r.review_audit.c.id)
    if key:
        query = query.where(r.review_audit.c.key == key)
    with store.engine.connect() as conn:
        return [dict(x._mapping) for x in conn.execute(query)]


def rejected_links(store: Store, members: Iterable[tuple[str, str]], found: dict | None = None) -> set[tuple[str, str]]:
    """The (document, entity key) pairs among ``members`` whose link to their entity was rejected."""
    members = list(members)
    keys = {(d, k): fact_key("entity_link", d, entity_key=k) for d, k in members}
    found = decisions_for(store, keys.values()) if found is None else found
    return {m for m in members if found.get(keys[m], {}).get("status") == "rejected"}


def unlinked_documents(store: Store, ref: str) -> set[str]:
    """Documents whose every link to the entity ``ref`` (a corpus-level id) was rejected: their
    facts are not the entity's (an entity timeline leaves them out, as the dossier does)."""
    if not has_review(store) or LOCAL_SEP in ref:
        return set()
    sql = ("SELECT de.document_id, de.key, rd.status FROM doc_entities de LEFT JOIN review_decisions rd ON "
           "rd.kind = 'entity_link' AND rd.document_id = de.document_id AND rd.entity_key = de.key "
           "WHERE de.entity_id = :ref AND de.document_id IN (SELECT r.document_id FROM review_decisions r "
           "JOIN doc_entities d ON d.document_id = r.document_id AND d.key = r.entity_key "
           "WHERE r.kind = 'entity_link' AND r.status = 'rejected' AND d.entity_id = :ref)")
    kept: dict[str, bool] = {}
    with store.engine.connect() as conn:
        for x in conn.execute(text(sql), {"ref": ref}):
            kept[x.document_id] = kept.get(x.document_id, False) or x.status != "rejected"
    return {d for d, k in kept.items() if not k}


def corrected_speakers(found: dict[str, dict], members: Iterable[tuple[str, str]]) -> list[dict]:
    """Decisions (of ``found``) that name one of these document entities as a quote's corrected speaker."""
    members = set(members)
    return [d for d in found.values() if d["kind"] == "quote" and (d["speaker_document"], d["speaker_key"]) in members]


# -- applying --------------------------------------------------------------------------------------

def apply(store: Store, kind: str, facts: list[dict], keep_rejected: bool = False,
          found: dict[str, dict] | None = None) -> list[dict]:
    """Facts as review left them: each gets ``review`` (its key, status, note, who, when, the
    extracted values); corrected values replace extracted ones (kept under ``original``);
    rejected facts are left out unless ``keep_rejected``. Rows need document_id, start, end (and an
    event its type). ``found``: the decisions already read (``decisions_about``)."""
    keys = [row_key(kind, f) for f in facts]
    found = decisions_for(store, keys) if found is None else found
    out = []
    for f, key in zip(facts, keys):
        d = found.get(key)
        f["review"] = _summary(kind, key, d)
        if d is None:
            out.append(f)
            continue
        if d["status"] == "rejected" and not keep_rejected:
            continue
        edits = d["edits"] or {}
        if kind == "event":
            if "type" in edits:
                f["type"] = edits["type"]
            if "date_value" in edits:
                f["date_value"] = edits["date_value"]
        elif kind == "quote" and "speaker" in edits:
            f["speaker_text"] = edits["speaker"]
        out.append(f)
    return out


def _summary(kind: str, key: str, d: dict | None) -> dict:
    base = {"key": key, "kind": kind, "editable": EDITABLE[kind]}
    if d is None:
        return base | {"status": "unreviewed", "note": None, "reviewer": None, "at": None, "edits": {},
                       "original": None}
    return base | {k: d[k] for k in ("status", "note", "reviewer", "at", "edits", "original")} | {
        "speaker_member": [d["speaker_document"], d["speaker_key"]] if d.get("speaker_document") else None}
