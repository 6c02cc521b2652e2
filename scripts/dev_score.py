#!/usr/bin/env python
"""Developer harness: run extraction on files and write a SCHEMA.md export without the store.

    python scripts/dev_score.py OUT.json FILE... [--published 2024-03-01]

Uses the real ingest (read, clean, metadata) when it is importable; each document's
entities get per-document ids (no cross-document resolution).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from casefile import nlp  # noqa: E402
from casefile.extract import extract_all, make_parsed  # noqa: E402


def documents(paths):
    try:
        from casefile.ingest import load_documents  # the real ingest, once it exists
        yield from load_documents(paths)
        return
    except ImportError:
        pass
    from casefile.models import Document
    for p in paths:
        if p.endswith(".jsonl"):  # one article per line: text, source, published, title, outlet
            for i, line in enumerate(Path(p).read_text(encoding="utf-8").splitlines()):
                r = json.loads(line)
                yield Document(id=f"{Path(p).stem}-{i}", source=r.get("source", f"{p}#{i}"), text=r["text"],
                               published=r.get("published"), title=r.get("title"), outlet=r.get("outlet"))
            continue
        text = Path(p).read_text(encoding="utf-8")
        try:
            from casefile.ingest import build_document
            from casefile.models import RawDocument
            yield build_document(RawDocument(source=str(p), text=text))
        except ImportError:
            yield Document(id=Path(p).stem, source=str(p), text=text)


def to_schema(pairs):
    out = {"version": 1, "documents": [], "entities": [], "quotes": [], "times": [], "events": []}
    for doc, ex in pairs:
        out["documents"].append({k: getattr(doc, k) for k in ("id", "source", "outlet", "title", "author", "published", "updated", "text")})
        eid = lambda key: f"{doc.id}:{key}" if key else None  # noqa: E731
        for e in ex.entities:
            out["entities"].append({"id": eid(e.key), "name": e.name, "type": e.type, "aliases": e.aliases,
                                    "descriptors": [d.text for d in e.descriptors], "documents": [doc.id],
                                    "mentions": [{"document": doc.id, **m.as_dict()} for m in e.mentions]})
        for q in ex.quotes:
            sp = q.speaker
            out["quotes"].append({"document": doc.id, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
                                  "speaker": {"entity": eid(sp.entity) if sp else None, "text": sp.text if sp else None},
                                  "cue": q.cue})
        for t in ex.times:
            out["times"].append({"document": doc.id, **t.as_dict()})
        for i, ev in enumerate(ex.events):
            out["events"].append({"id": f"{doc.id}:ev{i}", "document": doc.id, "start": ev.start, "end": ev.end,
                                  "type": ev.type, "sentence": doc.text[ev.sentence_start:ev.sentence_end],
                                  "participants": [{"entity": eid(p.entity), "text": p.text, "role": p.role} for p in ev.participants],
                                  "date": {"value": ev.date_value, "text": ev.date_text}, "modality": ev.modality,
                                  "cluster": f"{doc.id}:ev{i}"})
    return out


def main(argv):
    out_path, *rest = argv
    published = None
    if "--published" in rest:
        i = rest.index("--published")
        published = rest[i + 1]
        rest = rest[:i] + rest[i + 2:]
    files = []
    for p in rest:
        pp = Path(p)
        files += sorted(x for x in pp.iterdir() if x.is_file()) if pp.is_dir() else [pp]
    docs = list(documents([str(f) for f in files]))
    for d in docs:
        if published and not d.published:
            d.published = published
    pairs = [(d, extract_all(make_parsed(d, sd))) for d, sd in zip(docs, nlp.parse(d.text for d in docs))]
    Path(out_path).write_text(json.dumps(to_schema(pairs), ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
