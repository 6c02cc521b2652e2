"""One line about an event for a reader: where, who (named, or as the article describes them)
and how many ("attack, Dorvel: suicide bomber; six service members killed").

Read from the stored participants and the counts of people (amounts of kind ``count`` whose
unit says what happened to them); a count in the same sentence counts for every event of it,
since "22 were killed and 38 injured in the blast" describes the blast as much as the killing.
Each part keeps the event it came from, so the line stays traceable to its sentence.
"""
from __future__ import annotations

from sqlalchemy import bindparam, text

from . import names as N

# Roles shown as who: the one who did it, the one it was done to, and what (a law, a document).
WHO_ROLES = ("agent", "target", "recipient", "object")
MAX_WHO = 4
MAX_COUNTS = 3
# Units of counts that say what happened to people (extract.amounts gives them).
OUTCOMES = frozenset({"killed", "injured", "arrested", "imprisoned", "released", "abducted"})


def detail_sql(ids: str) -> str:
    """SQL giving (event_id, src, role, text, pos) rows for the events whose ids ``ids`` selects:
    src 'p' rows are participants (role, text as written), src 'c' rows the counts of people
    stored with any event of the same sentence (role is the count's unit). A page may join this
    to its own event query, so the details cost no query of their own."""
    units = ", ".join(f"'{u}'" for u in sorted(OUTCOMES))
    return (f"SELECT p.event_id, 'p' AS src, p.role, p.text, p.idx AS pos FROM participants p "
            f"WHERE p.event_id IN ({ids}) UNION ALL "
            f"SELECT x.id, 'c', a.unit, a.text, a.start FROM events x JOIN events y "
            f"ON y.document_id = x.document_id AND y.sentence_start = x.sentence_start "
            f"JOIN amounts a ON a.event_id = y.id "
            f"WHERE x.id IN ({ids}) AND a.kind = 'count' AND a.unit IN ({units})")


def fold(out: dict[str, dict], rows) -> dict[str, dict]:
    """Add detail rows (as detail_sql gives them, in order) to ``out``: event id -> details."""
    for event_id, src, role, written, _ in rows:
        if src is None:
            continue
        d = out.setdefault(event_id, {"places": [], "who": [], "counts": []})
        d.setdefault("agents", [])
        if src == "c":
            shown = written if written.lower().endswith(role) else f"{written} {role}"
            if shown not in d["counts"] and len(d["counts"]) < MAX_COUNTS:
                d["counts"].append(shown)
            continue
        slot = "places" if role == "place" else "who" if role in WHO_ROLES else None
        if slot and written not in d[slot]:
            d[slot].append(written)
        if role == "agent" and written not in d["agents"]:
            d["agents"].append(written)
    for d in out.values():
        shown = " ".join(d["counts"]).lower()
        d["who"] = one_per_person([w for w in d["who"] if w.lower() not in shown])  # "22" is in "22 killed"
        d["agents"] = one_per_person(d.get("agents", []))
    return out


def details(conn, event_ids: list[str]) -> dict[str, dict]:
    """For each event id: its places, its people as written, and the counts of its sentence."""
    if not event_ids:
        return {}
    out: dict[str, dict] = {e: {"places": [], "who": [], "counts": []} for e in event_ids}
    sql = text(detail_sql("SELECT id FROM events WHERE id IN :ids") + " ORDER BY 1, 2, 5")
    return fold(out, conn.execute(sql.bindparams(bindparam("ids", expanding=True)), {"ids": list(event_ids)}))


def merged(parts: list[dict]) -> dict:
    """The details of several reports of one event, first report first, without repeats."""
    out: dict[str, list[str]] = {"places": [], "who": [], "counts": [], "agents": []}
    for d in parts:
        for k in out:
            out[k] += [x for x in d.get(k, []) if x not in out[k]]
    out["who"], out["agents"] = one_per_person(out["who"]), one_per_person(out["agents"])
    return out


def one_per_person(written: list[str]) -> list[str]:
    """Names as written, each person once, as first written: reports of one event write one person
    "Ann B. Roe", "Ann Roe" and "Roe" (a capitalized lone word is a surname of a longer name)."""
    kept: list[tuple[str, ...]] = []
    out = []
    for name in written:
        toks = N.person_tokens(name)
        if toks and name[:1].isupper() and any(_one_person(toks, k) for k in kept):
            continue
        out.append(name)
        kept.append(toks)
    return out


def _one_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) == 1 or len(b) == 1:
        return len(a) != len(b) and a[-1] == b[-1]
    return N.person_names_agree(a, b) is not None


def line(etype: str, d: dict) -> str:
    """"attack, Dorvel: suicide bomber; six service members killed"."""
    head = etype + (", " + ", ".join(d["places"][:2]) if d["places"] else "")
    who = "; ".join(filter(None, [", ".join(d["who"][:MAX_WHO]), ", ".join(d["counts"][:MAX_COUNTS])]))
    return f"{head}: {who}" if who else head


# How each event type reads: (verb with a doer, headline verb without one, noun). One copy, used
# wherever an event is shown to a person; a type missing here reads by its noun from its name.
PHRASES = {
    "arrest": ("arrested", "arrested", "Arrest"),
    "charge": ("charged", "charged", "Charges"),
    "trial": ("put on trial", "on trial", "Trial"),
    "imprisonment": ("jailed", "jailed", "Imprisonment"),
    "detention_abuse": ("abused in detention", "abused in detention", "Abuse in detention"),
    "release": ("released", "released", "Release"),
    "disappearance": ("abducted", "missing", "Disappearance"),
    "killing": ("killed", "killed", "Killing"),
    "attack": ("attacked", "attacked", "Attack"),
    "protest": ("protested against", "protested against", "Protest"),
    "travel_restriction": ("barred from travel", "barred from travel", "Travel ban"),
    "harassment": ("harassed", "harassed", "Harassment"),
    "ban_organization": ("banned", "banned", "Ban on an organisation"),
    "diplomatic_visit": ("met", "visited", "Diplomatic visit"),
    "criticism": ("criticised", "criticised", "Criticism"),
    "trade_figure": ("reported trade with", "trade reported", "Trade figures"),
    "document_disclosed": ("disclosed", "disclosed", "Disclosure of a document"),
    "crackdown": ("cracked down on", "targeted in a crackdown", "Crackdown"),
    "surveillance": ("put under surveillance", "under surveillance", "Surveillance"),
    "policy_issued": ("issued", "issued", "Policy issued"),
    "no_comment": ("declined to comment to", "no comment", "No comment"),
    "appeal": ("appealed to", "appeal", "Appeal"),
    "statement": ("made a statement to", "statement", "Statement"),
    "relations_upgraded": ("upgraded relations with", "relations upgraded", "Relations upgraded"),
}


def label(etype: str | None) -> str:
    """An event type as a reader names it: "diplomatic_visit" -> "Diplomatic visit"."""
    if not etype:
        return "Event"
    return PHRASES[etype][2] if etype in PHRASES else etype.replace("_", " ").capitalize()


def sentence(etype: str, d: dict) -> str:
    """Who did what to whom, where, how many: "Police arrested Teodor Kalvan in Veskar",
    "3 men arrested in Veskar", "Arrest in Veskar"; names as the articles wrote them."""
    agents = d.get("agents", [])[:2]
    # "Biden" in one report and "Joe Biden" in another are one doer, not a doer and a target.
    others = [w for w in d.get("who", []) if not any(a == w or a.endswith(" " + w) for a in agents)][:MAX_WHO]
    places, counts = d.get("places", [])[:2], d.get("counts", [])[:MAX_COUNTS]
    with_doer, without, noun = PHRASES.get(etype, (None, None, label(etype)))
    if agents and others and with_doer:
        text = f"{_names(agents)} {with_doer} {_names(others)}"
    elif others and without:
        text = f"{_names(others)} {without}"
    elif agents:
        text = f"{noun} by {_names(agents)}"
    else:
        text = noun
    if places:
        text += f" in {_names(places)}"
    if counts:
        text += f"; {', '.join(counts)}"
    return text[0].upper() + text[1:]


def _names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
