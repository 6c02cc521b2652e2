"""Case briefs: one entity's dossier as Markdown or printable HTML, every fact footnoted.

A footnote cites the outlet, title, date, URL (or the source file) and the sentence the
fact was read from; facts drawn from the same sentence share one footnote.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from .concepts import dates as D
from .resolve.event_details import label

from .store.db import Store
from .web.dossier import dossier

TEMPLATES = Path(__file__).parent / "web" / "templates"
MAX_SENTENCE_CHARS = 400


@dataclass
class Citations:
    """Numbered footnotes, one per distinct (document, sentence)."""
    notes: list[dict] = field(default_factory=list)
    index: dict[tuple, int] = field(default_factory=dict)

    def cite(self, fact: dict) -> int:
        key = (fact.get("document_id"), fact.get("sentence") or fact.get("text"))
        if key not in self.index:
            sentence = (fact.get("sentence") or "").strip().replace("\n", " ")
            self.notes.append({"n": len(self.notes) + 1, "outlet": fact.get("outlet") or "Unknown outlet",
                               "title": fact.get("title") or "Untitled", "date": D.human((fact.get("published") or "")[:10]),
                               "where": fact.get("url") or fact.get("source") or fact.get("document_id"),
                               "sentence": sentence[:MAX_SENTENCE_CHARS], "link": fact.get("link")})
            self.index[key] = len(self.notes)
        return self.index[key]


def brief_data(store: Store, ref: str) -> dict:
    """The dossier with a footnote number on every fact, and the footnotes."""
    d = dossier(store, ref)
    cites = Citations()
    for e in d["events"]:
        e["note"] = cites.cite(e)
    for q in d["quotes_by"] + d["quotes_about"]:
        q["note"] = cites.cite(q)
    docs = {doc["id"]: doc for doc in d["documents"]}
    for desc in d["descriptors"]:
        doc = docs.get(desc["document_id"], {})
        desc["note"] = cites.cite({**doc, "document_id": desc["document_id"], "sentence": None,
                                   "text": f"descriptor: {desc['text']}", "link": desc["link"]})
    return d | {"footnotes": cites.notes}


def md_text(value) -> str:
    """Text safe inside Markdown: no accidental emphasis, links or HTML."""
    out = str(value if value is not None else "")
    for ch in "\\`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


def markdown(store: Store, ref: str) -> str:
    d = brief_data(store, ref)
    lines = [f"# {md_text(d['name'])}", "", f"*{md_text(d['type'])}*"]
    if d["aliases"]:
        lines += ["", f"Also known as: {', '.join(md_text(a) for a in d['aliases'])}"]
    lines += ["", "## Who they are", ""]
    seen = set()
    for desc in d["descriptors"]:
        if desc["text"] not in seen:
            seen.add(desc["text"])
            lines.append(f"- {md_text(desc['text'])} ({md_text(desc['kind'])})[^{desc['note']}]")
    if not seen:
        lines.append("- No titles or roles reported.")
    lines += ["", "## What happened", ""]
    for e in d["events"]:
        lines.append(f"- **{md_text(D.human(e['date_value']))}** {md_text(label(e['type']))} ({md_text(e['modality'])}, "
                     f"{md_text(e['corroboration'])}; {md_text(', '.join(e['outlets']))}): {md_text(e['text'])}[^{e['note']}]")
    if not d["events"]:
        lines.append("- No events reported.")
    for title, key in (("Quotes by them", "quotes_by"), ("Quotes about them", "quotes_about")):
        lines += ["", f"## {title}", ""]
        lines += [f"- \u201c{md_text(q['text'])}\u201d ({md_text(q['speaker_text'] or 'unknown')}, {md_text(q['kind'])})"
                  f"[^{q['note']}]" for q in d[key]] or ["- None."]
    if d["neighbours"]:
        lines += ["", "## Mentioned with", "", ", ".join(md_text(n["name"]) for n in d["neighbours"])]
    return "\n".join(lines + source_lines(d["footnotes"])) + "\n"


def source_lines(footnotes: list[dict]) -> list[str]:
    """The "Sources" section: one Markdown footnote per cited sentence."""
    lines = ["", "## Sources", ""]
    for n in footnotes:
        sentence = f" \u201c{md_text(n['sentence'])}\u201d" if n["sentence"] else ""
        lines.append(f"[^{n['n']}]: {md_text(n['outlet'])}, \u201c{md_text(n['title'])}\u201d, {md_text(n['date'])}, "
                     f"{md_text(n['where'])}.{sentence}")
    return lines


@functools.cache
def _template():
    """Compiled once per process: compiling the template cost more than the brief's queries."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, auto_reload=False)
    env.filters.update(human_date=D.human, type_label=label)
    return env.get_template("brief.html")


def html(store: Store, ref: str) -> str:
    """A standalone printable page (its own stylesheet link; no script)."""
    return _template().render(d=brief_data(store, ref))
