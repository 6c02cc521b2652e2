"""An entity's facts as review left them: what the dossier (and so the brief) shows.

Rejected events and quotes leave; a document entity whose link to the entity was rejected
takes its document's facts out of the dossier (unless another of the entity's document
entities is named there); a quote whose speaker a reviewer corrected moves to the
dossier of the speaker named, and leaves the one it was extracted under.
"""
from __future__ import annotations

from urllib.parse import quote as urlquote

from sqlalchemy import select

from ..store import schema as s
from ..store.db import Store
from . import review as R
from .event_details import line


def reviewed_facts(store: Store, ref: str, rows: list[dict], events: list[dict], quotes_by: list[dict],
                   quotes_about: list[dict]) -> dict:
    """{"rows", "events", "quotes_by", "quotes_about", "links"} after review; ``links`` are the
    entity's document entities with their link's review (rejected ones too, so they can be undone)."""
    members = {(x["document_id"], x["key"]) for x in rows}
    found = R.decisions_about(store, {f["document_id"] for f in [*rows, *events, *quotes_by, *quotes_about]})
    rejected = R.rejected_links(store, members, found)
    kept = members - rejected
    gone = {d for d, _ in rejected} - {d for d, _ in kept}
    links = R.apply(store, "entity_link", [{"document_id": x["document_id"], "key": x["key"], "name": x["name"]}
                                           for x in rows], keep_rejected=True, found=found)
    events = R.apply(store, "event", [e for e in events if e["document_id"] not in gone], found=found)
    for e in events:
        if "type" in e["review"]["edits"] and "details" in e:    # the summary names the corrected type
            e["summary"] = line(e["type"], e["details"])
    quotes_by = [q for q in R.apply(store, "quote", [q for q in quotes_by if q["document_id"] not in gone],
                                    found=found) if _still_theirs(q, kept)]
    quotes_by += _quotes_given_to(store, R.corrected_speakers(found, kept), {q["id"] for q in quotes_by}, found)
    quotes_about = R.apply(store, "quote", [q for q in quotes_about if q["document_id"] not in gone], found=found)
    back = f"/entities/{urlquote(ref, safe='')}"
    for fact in [*events, *quotes_by, *quotes_about, *links]:
        fact["review"]["next"] = back
    return {"rows": [x for x in rows if (x["document_id"], x["key"]) in kept], "events": events,
            "quotes_by": quotes_by, "quotes_about": quotes_about, "links": links}


def _still_theirs(q: dict, members: set[tuple[str, str]]) -> bool:
    """A quote stays under its extracted speaker unless a reviewer named someone else."""
    if "speaker" not in q["review"]["edits"]:
        return True
    member = q["review"].get("speaker_member")
    return member is not None and tuple(member) in members


def _quotes_given_to(store: Store, given: list[dict], have: set[str], found: dict) -> list[dict]:
    """Quotes a reviewer attributed to one of the entity's document entities (``given``: those decisions)."""
    wanted = [d for d in given if d["status"] != "rejected"]
    if not wanted:
        return []
    q = s.quotes
    rows = []
    with store.engine.connect() as conn:
        for d in wanted:
            rows += [dict(x._mapping) for x in conn.execute(select(q).where(
                q.c.document_id == d["document_id"], q.c.start == d["start"], q.c.end == d["end"]))]
    return R.apply(store, "quote", [x for x in rows if x["id"] not in have], found=found)
