"""One line about an event for a reader: where, who (named, or as the article describes them)
and how many ("attack, Bagram: suicide bomber; six service members killed").

Read from the stored participants and the counts of people (amounts of kind ``count`` whose
unit says what happened to them); a count in the same sentence counts for every event of it,
since "22 were killed and 38 injured in the blast" describes the blast as much as the killing.
Each part keeps the event it came from, so the line stays traceable to its sentence.
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from ..store import schema as s

# Roles shown as who: the one who did it, the one it was done to, and what (a law, a document).
WHO_ROLES = ("agent", "target", "recipient", "object")
MAX_WHO = 4
MAX_COUNTS = 3
# Units of counts that say what happened to people (extract.amounts gives them).
OUTCOMES = frozenset({"killed", "injured", "arrested", "imprisoned", "released", "abducted"})


def details(conn, event_ids: list[str]) -> dict[str, dict]:
    """For each event id: its places, its people as written, and the counts of its sentence."""
    if not event_ids:
        return {}
    out: dict[str, dict] = {e: {"places": [], "who": [], "counts": []} for e in event_ids}
    p = s.participants
    for r in conn.execute(select(p.c.event_id, p.c.role, p.c.text).where(p.c.event_id.in_(event_ids))
                          .order_by(p.c.event_id, p.c.idx)):
        slot = "places" if r.role == "place" else "who" if r.role in WHO_ROLES else None
        if slot and r.text not in out[r.event_id][slot]:
            out[r.event_id][slot].append(r.text)
    for eid, counts in _counts(conn, event_ids).items():
        out[eid]["counts"] = counts
        shown = " ".join(counts).lower()
        out[eid]["who"] = [w for w in out[eid]["who"] if w.lower() not in shown]  # "22" is in "22 killed"
    return out


def _counts(conn, event_ids: list[str]) -> dict[str, list[str]]:
    e, a = s.events, s.amounts
    where = {}
    for r in conn.execute(select(e.c.id, e.c.document_id, e.c.sentence_start).where(e.c.id.in_(event_ids))):
        where[r.id] = (r.document_id, r.sentence_start)
    by_sentence: dict[tuple, list[str]] = defaultdict(list)
    docs = {d for d, _ in where.values()}
    query = (select(a.c.text, a.c.unit, e.c.document_id, e.c.sentence_start).join(e, e.c.id == a.c.event_id)
             .where(a.c.kind == "count", e.c.document_id.in_(docs)).order_by(a.c.start))
    for r in conn.execute(query):
        if r.unit in OUTCOMES:
            shown = r.text if r.text.lower().endswith(r.unit) else f"{r.text} {r.unit}"
            if shown not in by_sentence[(r.document_id, r.sentence_start)]:
                by_sentence[(r.document_id, r.sentence_start)].append(shown)
    return {eid: by_sentence[key][:MAX_COUNTS] for eid, key in where.items() if by_sentence.get(key)}


def merged(parts: list[dict]) -> dict:
    """The details of several reports of one event, first report first, without repeats."""
    out: dict[str, list[str]] = {"places": [], "who": [], "counts": []}
    for d in parts:
        for k in out:
            out[k] += [x for x in d.get(k, []) if x not in out[k]]
    return out


def line(etype: str, d: dict) -> str:
    """"attack, Bagram: suicide bomber; six service members killed"."""
    head = etype + (", " + ", ".join(d["places"][:2]) if d["places"] else "")
    who = "; ".join(filter(None, [", ".join(d["who"][:MAX_WHO]), ", ".join(d["counts"][:MAX_COUNTS])]))
    return f"{head}: {who}" if who else head
