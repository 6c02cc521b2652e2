"""A named case's own timeline, brief and export (the case itself: ``resolve.case_groups``)."""
from __future__ import annotations

from .briefs import Citations, md_text, source_lines
from .export import build
from .resolve import case_groups
from .resolve.timeline import TimelineQuery, timeline
from .store.db import Store
from .store.reads import doc_meta
from .web.facts import source_link


def case_data(store: Store, name: str) -> dict:
    """The case (its entities and added events) with its timeline (``TimelineQuery(case=...)``)."""
    case = case_groups.show(store, name)
    return case | {"timeline": timeline(store, TimelineQuery(case=case["name"]))}


def brief_data(store: Store, name: str) -> dict:
    """The case with a footnote on every report of its timeline, and the footnotes."""
    data = case_data(store, name)
    reports = [r for c in data["timeline"]["clusters"] for r in c["reports"]]
    meta = doc_meta(store, {r["document_id"] for r in reports})
    cites = Citations()
    for r in reports:
        m = meta.get(r["document_id"], {})
        r["note"] = cites.cite(r | {"url": m.get("url"), "source": m.get("source"),
                                    "link": source_link(r["document_id"], r["sentence_start"])})
    return data | {"footnotes": cites.notes}


def markdown(store: Store, name: str) -> str:
    d = brief_data(store, name)
    lines = [f"# {md_text(d['name'])}", "", "## Who the case follows", ""]
    lines += [f"- {md_text(e['name'])} ({md_text(e['type'])})" for e in d["entities"]] or ["- No entities."]
    lines += ["", "## What happened", ""]
    for c in d["timeline"]["clusters"]:
        notes = "".join(f"[^{r['note']}]" for r in c["reports"])
        what = c.get("summary") or c["type"]
        lines.append(f"- **{md_text(c['date_value'] or 'undated')}** {md_text(what)} "
                     f"({md_text(c['corroboration'])}; {md_text(', '.join(c['outlets']))}){notes}")
    if not d["timeline"]["clusters"]:
        lines.append("- No events.")
    return "\n".join(lines + source_lines(d["footnotes"])) + "\n"


def export(store: Store, name: str) -> dict:
    """The export object (SCHEMA.md, with each fact's review) narrowed to the case: its events, the
    entities it follows or that take part in them, their quotes, and the documents these come from."""
    case = case_groups.show(store, name)
    event_ids = set(case_groups.event_ids(store, case["name"]))
    data = build(store)
    events = [e for e in data["events"] if e["id"] in event_ids]
    followed = {e["entity"] for e in case["entities"] if e["entity"]}
    entity_ids = followed | {p["entity"] for e in events for p in e["participants"] if p["entity"]}
    quotes = [q for q in data["quotes"] if q["speaker"]["entity"] in followed]
    docs = {e["document"] for e in events} | {q["document"] for q in quotes}
    return {"version": data["version"], "case": {"name": case["name"], "created_at": case["created_at"],
                                                 "entities": sorted(followed)},
            "documents": [d for d in data["documents"] if d["id"] in docs],
            "entities": [e for e in data["entities"] if e["id"] in entity_ids], "quotes": quotes,
            "times": [t for t in data["times"] if t["document"] in docs], "events": events}
