"""Score casefile against gold annotations with the shared scorer (``score.py``).

The scorer is an external, standard-library script; casefile runs it as it would
be run by hand, on an export of a fresh store, so the figures are the real ones.
``evaluation_sets`` says where each set lives beside a checkout; ``scripts/dev_eval.py``
(``make score``) and the quality gates in the test suite both score through ``score``.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .errors import CasefileError
from .export import build
from .pipeline import ingest
from .store.db import Store


def evaluation_sets(shared: Path) -> dict[str, tuple[list[Path], Path, Path]]:
    """name -> (inputs, gold, scorer) for every evaluation set under ``shared`` (``../shared``)."""
    ev, dev = shared / "eval", shared / "eval" / "dev"
    sets = {"seeds": ([shared / "corpus" / "seeds"], ev / "gold", ev / "score.py"),
            "meantime": ([ev / "meantime" / "docs.jsonl"], ev / "meantime" / "gold", ev / "score.py"),
            "wikievents": ([dev / "wikievents" / "docs.jsonl"], dev / "wikievents" / "events.jsonl",
                           ev / "score_events.py")}
    for name in ("polnear", "polnear_train", "timebank"):
        sets[name] = ([dev / name / "docs.jsonl"], dev / name / "gold", ev / "score.py")
    return sets


def score(inputs: list[str], gold_dir: str, scorer: str, keep: Path | None = None) -> dict:
    """Ingest ``inputs`` into a temporary store, export it, and return score.py's JSON report;
    ``keep`` is where to leave the export (for error analysis)."""
    if not Path(scorer).is_file():
        raise CasefileError("scorer not found", item=scorer)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "eval.db"))
        ingest(inputs, store)
        export_path = keep or Path(tmp) / "export.json"
        export_path.parent.mkdir(parents=True, exist_ok=True)
        export_path.write_text(json.dumps(build(store), ensure_ascii=False), encoding="utf-8")
        store.close()
        done = subprocess.run([sys.executable, scorer, str(export_path), gold_dir, "--json"],
                              capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise CasefileError(f"scorer failed: {done.stderr.strip()[-500:]}", item=scorer)
    return json.loads(done.stdout)


def figures(report: dict) -> dict[str, float]:
    """Flat figures the quality gate compares against its floors."""
    if "target_recall" in report:
        return event_figures(report)
    out: dict[str, float] = {f"summary.{k}": v for k, v in report.get("summary", {}).items()}
    docs = [r for r in report.get("documents", {}).values() if isinstance(r, dict)]
    if docs:
        out["entity_recall.min"] = min((r["entity_recall"] for r in docs if r.get("entity_recall") is not None),
                                       default=0.0)
        out["persons_f1.min"] = min((r["persons"]["f1"] for r in docs if r["persons"]["gold"]), default=0.0)
        out["scare_quotes_attributed.total"] = float(sum(r.get("scare_quotes_attributed", 0) for r in docs))
        ev = [r["events"] for r in docs if r["events"]["gold"]]
        if ev:
            tp_p = sum(round(e["precision"] * e["predicted"]) for e in ev)
            tp_r = sum(round(e["recall"] * e["gold"]) for e in ev)
            out["events.precision"] = round(tp_p / max(1, sum(e["predicted"] for e in ev)), 3)
            out["events.recall"] = round(tp_r / max(1, sum(e["gold"] for e in ev)), 3)
        meta = [v for r in docs for v in r.get("metadata", {}).values()]
        if meta:
            out["metadata.share_true"] = round(sum(map(bool, meta)) / len(meta), 3)
    for key, value in (report.get("corpus") or {}).items():
        num, _, den = str(value).partition("/")
        if den:
            out[f"corpus.{key}"] = int(num) / int(den)
    return out


def event_figures(report: dict) -> dict[str, float]:
    """score_events.py's report (an event set such as dev/wikievents) as flat figures:
    events.f1/precision/recall, target_recall and each group's f1 (justice, violence, ...)."""
    out = {f"events.{k}": report["events"][k] for k in ("f1", "precision", "recall")}
    if report.get("target_recall") is not None:
        out["target_recall"] = report["target_recall"]
    for group, res in report.items():
        if isinstance(res, dict) and group != "events" and "f1" in res:
            out[f"{group}.f1"] = res["f1"]
    return out
