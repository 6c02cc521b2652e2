#!/usr/bin/env python
"""A quick quote-only loop for error analysis: extract entities (kept on disk after the first
run) and quotes from an evaluation set, write a small export, and score it with score.py.

    python scripts/quote_loop.py SET [--cache DIR] [--out EXPORT.json] [--limit N]
    python scripts/quote_errors.py /tmp/quote_loop_SET.json ../shared/eval/dev/SET/gold --show fp_nogold_long

Figures differ slightly from scripts/dev_eval.py: entities are the document's own (no
cross-document resolution, which adds aliases). Use dev_eval.py for the figures you report.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import dev_eval  # noqa: E402
from casefile import nlp  # noqa: E402
from casefile.extract import entities, make_parsed, quotes  # noqa: E402
from casefile.ingest import documents_from  # noqa: E402
from casefile.ingest.sources import iter_inputs  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("set")
    ap.add_argument("--cache", type=Path, help="spaCy parse cache (as scripts/dev_eval.py --cache)")
    ap.add_argument("--ents", type=Path, default=Path("/tmp/quote_loop_entities"),
                    help="where the entities of each document are kept between runs")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    if args.cache:
        dev_eval.cached_parse(args.cache)
    args.ents.mkdir(parents=True, exist_ok=True)
    inputs, gold_dir, _ = dev_eval.SETS[args.set]
    docs = [d for d in documents_from(iter_inputs([str(p) for p in inputs])) if hasattr(d, "text")]
    docs = docs[:args.limit] if args.limit else docs
    export = {"documents": [], "entities": [], "quotes": []}
    for n, (doc, parsed_doc) in enumerate(zip(docs, nlp.parse(d.text for d in docs))):
        parsed = make_parsed(doc, parsed_doc)
        key = args.ents / (hashlib.sha256(doc.text.encode()).hexdigest()[:24] + ".pkl")
        if key.exists():
            ents = pickle.loads(key.read_bytes())
        else:
            ents = entities.extract(parsed)
            key.write_bytes(pickle.dumps(ents))
        did = f"d{n}"
        export["documents"].append({"id": did, "source": doc.source, "text": doc.text})
        for e in ents:
            export["entities"].append({"id": f"{did}:{e.key}", "name": e.name, "type": e.type,
                                       "aliases": e.aliases, "documents": [did]})
        for q in quotes.extract(parsed, ents):
            sp = q.speaker
            export["quotes"].append({
                "document": did, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind, "cue": q.cue,
                "speaker": {"entity": f"{did}:{sp.entity}" if sp and sp.entity else None, "text": sp.text if sp else None},
                "sentence": doc.text[q.sentence_start:q.sentence_end]})
    out = args.out or Path(f"/tmp/quote_loop_{args.set}.json")
    out.write_text(json.dumps(export, ensure_ascii=False))
    sys.path.insert(0, str(SCORER))
    import score
    ex = score.Export(export)
    tot = {k: [0, 0, 0, 0] for k in ("direct", "indirect")}
    for path in Path(gold_dir).glob("*.json"):
        gold = json.loads(path.read_text())
        did = ex.doc_by_name.get(gold.get("document", path.stem))
        if did is None:
            continue
        res = score.score_doc(ex, did, gold)
        for k in tot:
            r = res.get(f"quotes_{k}")
            if r:
                tot[k][0] += round(r["precision"] * r["predicted"])
                tot[k][1] += r["predicted"]
                tot[k][2] += round(r["recall"] * r["gold"])
                tot[k][3] += r["gold"]
    for k, (tp, np_, tr, ng) in tot.items():
        p, r = tp / max(1, np_), tr / max(1, ng)
        print(f"{args.set} {k}: F1={2 * p * r / max(1e-9, p + r):.3f} P={tp}/{np_}={p:.3f} R={tr}/{ng}={r:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
