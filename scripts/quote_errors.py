#!/usr/bin/env python
"""Bucket quote errors of a kept export against a gold folder, for error analysis.

    python scripts/quote_errors.py EXPORT.json GOLD_DIR [--kind direct] [--show BUCKET] [--n 20]

Every predicted quote is a hit, neutral (a partial quote inside a gold indirect attribution
with the gold's speaker, as score.py counts it) or a false positive of one bucket; every
gold quote is found, or missed with a cause. Scoring is score.py's own.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
import score  # noqa: E402

PRONOUNS = {"he", "she", "they", "it", "him", "her", "them"}


def span_hit(p: str, g: str) -> bool:
    return score.covered(g, p) >= score.OVERLAP or score.covered(p, g) >= score.OVERLAP


def speaker_ok(ex, p, g) -> bool:
    return bool(ex.ref_names(p.get("speaker")) & {score.norm(s) for s in g["speaker"]})


def words(s: str) -> int:
    return sum(score.tokens(s).values())


def _in_sentence(p, g=None) -> str:
    """Why the speaker is wrong: a phrase cut elsewhere than the gold's, a speaker taken from
    inside the quotation, else where the predicted speaker's words stand (in the quote's
    sentence, or found elsewhere through a pronoun, a title or a continuing paragraph)."""
    sp = (p.get("speaker") or {}).get("text") or ""
    sent = p.get("sentence") or ""
    if g is not None and sp:
        a = score.norm(sp)
        for s in g["speaker"]:
            b = score.norm(s)
            if len(min(a, b, key=len)) > 3 and (a.startswith(b) or b.startswith(a)):
                return "boundary"
    if sp and sp in (p.get("text") or ""):
        return "inside_quote"
    return "named_in_sentence" if sp and sp in sent else "from_elsewhere"


def classify(ex, doc_id: str, gold: dict, kind: str):
    gq = [g for g in gold.get("quotes", []) if g["kind"] == kind]
    gi = [g for g in gold.get("quotes", []) if g["kind"] != kind]
    pq = [q for q in ex.quotes if q.get("document") == doc_id and q.get("kind", "direct") == kind]
    other = [q for q in ex.quotes if q.get("document") == doc_id and q.get("kind", "direct") != kind]
    preds, golds = [], []
    for p in pq:
        t = p.get("text", "")
        if any(span_hit(t, g["text"]) and speaker_ok(ex, p, g) for g in gq):
            preds.append(("hit", p, None))
            continue
        inside = [g for g in gi if score.covered(t, g["text"]) >= score.OVERLAP]
        if kind == "direct" and any(speaker_ok(ex, p, g) for g in inside):
            preds.append(("neutral", p, None))
            continue
        same = [g for g in gq if span_hit(t, g["text"])]
        if same:
            preds.append((f"fp_speaker_{_in_sentence(p, same[0])}", p, same[0]))
        elif inside:
            preds.append((f"fp_in_{'indirect' if kind == 'direct' else 'direct'}_speaker", p, inside[0]))
        else:
            n = words(t)
            preds.append(("fp_nogold_short" if n <= 4 else "fp_nogold_long", p, None))
    for g in gq:
        if any(span_hit(p.get("text", ""), g["text"]) and speaker_ok(ex, p, g) for p in pq):
            golds.append(("found", g, None))
            continue
        same = [p for p in pq if span_hit(p.get("text", ""), g["text"])]
        if same:
            golds.append((f"miss_speaker_{_in_sentence(same[0], g)}", g, same[0]))
            continue
        as_other = [p for p in other if span_hit(p.get("text", ""), g["text"])]
        if as_other:
            ok = any(speaker_ok(ex, p, g) for p in as_other)
            golds.append((f"miss_as_other_kind_{'right' if ok else 'wrong'}_speaker", g, as_other[0]))
        else:
            golds.append(("miss_span", g, None))
    return preds, golds


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("export")
    ap.add_argument("gold")
    ap.add_argument("--kind", default="direct")
    ap.add_argument("--show", action="append", default=[])
    ap.add_argument("--n", type=int, default=15)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    ex = score.Export(json.loads(Path(args.export).read_text()))
    pb, gb = Counter(), Counter()
    examples = defaultdict(list)
    for path in sorted(Path(args.gold).glob("*.json")):
        gold = json.loads(path.read_text())
        doc_id = ex.doc_by_name.get(gold.get("document", path.stem))
        if doc_id is None:
            continue
        preds, golds = classify(ex, doc_id, gold, args.kind)
        for b, p, g in preds:
            pb[b] += 1
            examples[b].append((path.stem, p, g))
        for b, g, p in golds:
            gb[b] += 1
            examples[b].append((path.stem, p, g))
    n_pred = sum(pb.values()) - pb["neutral"]
    print(f"predicted {args.kind} (scored {n_pred}):", dict(pb.most_common()))
    print(f"gold {args.kind} ({sum(gb.values())}):", dict(gb.most_common()))
    rng = random.Random(args.seed)
    for b in args.show:
        items = examples.get(b, [])
        print(f"\n== {b}: {len(items)}")
        for name, p, g in rng.sample(items, min(args.n, len(items))):
            print("-", name[:40])
            if p:
                sp = p.get("speaker") or {}
                print(f"   PRED [{sp.get('text')}] cue={p.get('cue')}: {p.get('text', '')[:160]!r}")
                print(f"   SENT {p.get('sentence', '')[:300]!r}")
            if g:
                print(f"   GOLD {g['speaker']}: {g['text'][:160]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
