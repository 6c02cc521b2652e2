#!/usr/bin/env python
"""Score casefile on every evaluation set beside this checkout, train beside dev.

    python scripts/dev_eval.py [SET ...] [--cache DIR] [--keep DIR] [--json]

``make score`` runs it on the seeds, MEANTIME, TimeBank and WikiEvents.

SETs: seeds, meantime, wikievents, polnear, polnear_train, timebank (default: all
that are present). Each set is ingested into a fresh store, exported, and scored by
the shared scorer, exactly as ``casefile ingest`` + ``casefile export`` would.

``--cache DIR`` keeps spaCy's parses (DocBin, keyed by the model, casefile's parse
code and the text) so that re-running after a change to an extractor costs the
extraction only. It changes nothing in the figures. ``--keep DIR`` leaves each set's
export there for error analysis.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from casefile import nlp  # noqa: E402
from casefile.evaluate import evaluation_sets, score  # noqa: E402

SETS = evaluation_sets(ROOT.parent / "shared")   # name -> (inputs, gold, scorer)


def cached_parse(cache: Path):
    """``nlp.parse`` with parses kept on disk; the key covers everything that shapes a parse."""
    from spacy.tokens import Doc, DocBin

    code = b"".join((ROOT / "src" / "casefile" / f).read_bytes() for f in ("nlp.py", "nlp_rules.py"))
    cache.mkdir(parents=True, exist_ok=True)
    original = nlp.parse

    def parse(texts, *, model=None, batch_size=32):
        pipeline = nlp.load(model)
        salt = hashlib.sha256(code + pipeline.meta["name"].encode() + pipeline.meta["version"].encode()).digest()
        texts = list(texts)
        keys = [hashlib.sha256(salt + t.encode("utf-8", "surrogatepass")).hexdigest()[:32] for t in texts]
        paths = [cache / f"{k}.spacy" for k in keys]
        todo = [i for i, p in enumerate(paths) if not p.exists()]
        fresh = dict(zip(todo, original((texts[i] for i in todo), model=model, batch_size=batch_size)))
        for i, doc in fresh.items():
            tmp = paths[i].with_suffix(f".{os.getpid()}.tmp")   # renamed whole: a reader never sees half a file
            DocBin(docs=[doc], store_user_data=True).to_disk(tmp)
            tmp.replace(paths[i])
        for i, path in enumerate(paths):
            if i in fresh:
                yield fresh[i]
            else:
                (doc,) = DocBin().from_disk(path).get_docs(pipeline.vocab)
                yield doc if isinstance(doc, Doc) else doc

    nlp.parse = parse


def run(name: str, keep: Path | None) -> dict:
    inputs, gold, scorer = SETS[name]
    started = time.perf_counter()
    report = score([str(p) for p in inputs], str(gold), str(scorer), keep / f"{name}.json" if keep else None)
    report["_seconds"] = round(time.perf_counter() - started, 1)   # ingest, export and scoring
    return report


def summary(name: str, report: dict) -> str:
    if "summary" in report:
        line = "summary F1: " + " ".join(f"{k}={v}" for k, v in report["summary"].items())
        corpus = report.get("corpus") or {}
        return line + "".join(f"; {k} {v}" for k, v in corpus.items())
    e = report["events"]
    groups = " ".join(f"{g}_f1={report[g]['f1']}" for g in ("justice", "violence", "protest", "harassment"))
    return (f"summary: events_f1={e['f1']} precision={e['precision']} recall={e['recall']} "
            f"target_recall={report['target_recall']} {groups}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", metavar="SET", help=f"any of {', '.join(SETS)} (default: all present)")
    ap.add_argument("--cache", type=Path, help="keep parses here between runs")
    ap.add_argument("--keep", type=Path, help="leave each set's export here")
    ap.add_argument("--json", action="store_true", help="print the scorers' full reports")
    args = ap.parse_args()
    unknown = sorted(set(args.sets) - set(SETS))
    if unknown:
        ap.error(f"unknown set(s): {', '.join(unknown)}; choose from {', '.join(SETS)}")
    if args.cache:
        cached_parse(args.cache)
    names = args.sets or [n for n, (inputs, gold, _) in SETS.items() if gold.exists()]
    reports = {}
    for name in names:
        if not SETS[name][1].exists():
            print(f"{name}: not beside this checkout, skipped")
            continue
        reports[name] = run(name, args.keep)
        print(f"{name:14} {summary(name, reports[name])}  ({reports[name]['_seconds']} s)", flush=True)
    if args.json:
        print(json.dumps(reports, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
