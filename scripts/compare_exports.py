"""Compare the JSON exports two source trees make of the same inputs.

    python scripts/compare_exports.py BEFORE_TREE [--after TREE] [--cache DIR] [--out DIR] [--sets ...]
                                      [--reuse] [--drop FIELD ...]

Each tree (a checkout, e.g. ``git worktree add /tmp/before a3f1701``) ingests each set into a
fresh SQLite store with ``casefile ingest`` and writes ``casefile export --format json``, in a
process that imports that tree alone. ``--cache`` reuses spaCy parses through the tree's own
``scripts/dev_eval.py`` (its key covers nlp.py and nlp_rules.py, so two trees share parses only
when those files agree). The exports are then compared record by record.

Normalised, because they would be meant to differ between two runs: an export creation time
at the top level and ``ingested_at`` of documents, should an export carry them (export
version 1 carries neither, so today nothing is normalised and the line says whether the two
files are byte-identical). Ids, names, offsets and order all count.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
VOLATILE_TOP = {"generated_at", "exported_at", "created_at"}
VOLATILE_DOC = {"ingested_at"}


def set_inputs(name: str, workdir: Path) -> list[str]:
    """The inputs of a named set; ``polnear300`` is the first 300 articles of PolNeAR train."""
    if name == "seeds":
        return [str(SHARED / "corpus" / "seeds")]
    if name == "examples":
        return [str(ROOT / "examples")]
    if name == "meantime":
        return [str(SHARED / "eval" / "meantime" / "docs.jsonl")]
    if name == "polnear300":
        path = workdir / "polnear300.jsonl"
        lines = (SHARED / "eval" / "dev" / "polnear_train" / "docs.jsonl").read_text(encoding="utf-8").splitlines()
        path.write_text("\n".join(lines[:300]) + "\n", encoding="utf-8")
        return [str(path)]
    raise SystemExit(f"unknown set {name}")


def export_one(tree: Path, inputs: list[str], out: Path, cache: Path | None) -> None:
    """In this process: ingest with ``tree``'s casefile and write its JSON export to ``out``."""
    sys.path.insert(0, str(tree / "src"))
    if cache:
        spec = importlib.util.spec_from_file_location("tree_dev_eval", tree / "scripts" / "dev_eval.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.cached_parse(cache)
    import casefile
    from casefile.cli import main
    assert Path(casefile.__file__).resolve().is_relative_to(tree.resolve()), casefile.__file__
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "store.db")
        for args in (["ingest", *inputs, "--db", db, "-q"], ["export", "--format", "json", "--db", db, "-o", str(out)]):
            try:
                main(args, standalone_mode=False)
            except SystemExit as stop:      # ingest exits 1 when an input was rejected: still export
                if stop.code not in (0, 1, None):
                    raise


def normalise(data: dict, dropped: set[str] = frozenset()) -> dict:
    """Without the export's time and documents' ingest times, and without ``dropped`` fields
    in any record (fields a later feature added, named on the command line)."""
    data = {k: v for k, v in data.items() if k not in VOLATILE_TOP}
    for table, rows in data.items():
        if isinstance(rows, list):
            drop = dropped | (VOLATILE_DOC if table == "documents" else set())
            data[table] = [{k: v for k, v in r.items() if k not in drop} if isinstance(r, dict) else r for r in rows]
    return data


def summary(lines: list[str], shown: int = 3) -> list[str]:
    """Differences of one kind (table, field, before -> after) counted, a few shown."""
    kinds: dict[tuple, list[str]] = {}
    for line in lines:
        head, _, change = line.partition(": ")
        table, _, rest = head.partition(" ")
        if not rest:                                  # about a whole table
            kinds[(line,)] = [line]
            continue
        field = rest.rsplit(".", 1)[-1] if "=" in rest else rest
        kinds.setdefault((table, field, change if len(change) < 120 else "(various)"), []).append(line)
    out = []
    for kind, group in kinds.items():
        if len(kind) == 1:
            out.append(kind[0])
            continue
        table, field, change = kind
        out.append(f"{len(group)} x {table} {field}: {change}")
        out += ["    e.g. " + g[:300] for g in group[:shown]] if change == "(various)" or len(group) <= shown else []
    return out


def _key(row) -> str:
    if isinstance(row, dict):
        for field in ("id", "quote_id", "event_id", "entity_id", "time_id"):
            if field in row:
                return f"{field}={row[field]}"
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def differences(before: dict, after: dict) -> list[str]:
    """One line per differing record (or top-level field), record lists matched by id."""
    out = []
    for table in sorted(set(before) | set(after)):
        a, b = before.get(table), after.get(table)
        if a == b:
            continue
        if not (isinstance(a, list) and isinstance(b, list)):
            out.append(f"{table}: {json.dumps(a, ensure_ascii=False)[:300]} -> {json.dumps(b, ensure_ascii=False)[:300]}")
            continue
        old, new = {_key(r): r for r in a}, {_key(r): r for r in b}
        for k in sorted(set(old) | set(new)):
            if k not in new:
                out.append(f"{table} {k}: removed {json.dumps(old[k], ensure_ascii=False)[:400]}")
            elif k not in old:
                out.append(f"{table} {k}: added {json.dumps(new[k], ensure_ascii=False)[:400]}")
            elif old[k] != new[k]:
                fields = sorted(f for f in set(old[k]) | set(new[k]) if old[k].get(f) != new[k].get(f)) \
                    if isinstance(old[k], dict) else ["(value)"]
                for f in fields:
                    x, y = (old[k].get(f), new[k].get(f)) if isinstance(old[k], dict) else (old[k], new[k])
                    out.append(f"{table} {k}.{f}: {json.dumps(x, ensure_ascii=False)[:300]} -> "
                               f"{json.dumps(y, ensure_ascii=False)[:300]}")
        if [_key(r) for r in a if _key(r) in new] != [_key(r) for r in b if _key(r) in old]:
            out.append(f"{table}: the same records in another order")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before", type=Path, help="the source tree before")
    ap.add_argument("--after", type=Path, default=ROOT, help="the source tree after (default: this checkout)")
    ap.add_argument("--sets", nargs="+", default=["seeds", "examples", "meantime", "polnear300"])
    ap.add_argument("--cache", type=Path, help="spaCy parse cache (as dev_eval.py --cache)")
    ap.add_argument("--out", type=Path, help="where the exports go (default: a new folder under the temp dir, "
                                             "so two runs at once never share files)")
    ap.add_argument("--reuse", action="store_true", help="keep exports already in --out (needs --out)")
    ap.add_argument("--drop", action="append", default=[], metavar="FIELD",
                    help="leave this field out of every record (one a later feature added); repeatable")
    ap.add_argument("--export-one", nargs=3, metavar=("TREE", "OUT", "INPUTS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.export_one:
        tree, out, inputs = args.export_one
        export_one(Path(tree), json.loads(inputs), Path(out), args.cache)
        return 0
    if args.reuse and args.out is None:
        ap.error("--reuse needs --out: the folder whose exports to keep")
    if args.out is None:
        args.out = Path(tempfile.mkdtemp(prefix="compare_exports-"))
        print(f"exports in {args.out}")
    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    for name in args.sets:
        inputs = set_inputs(name, args.out)
        exports, raw = {}, {}
        for side, tree in (("before", args.before), ("after", args.after)):
            path = args.out / f"{name}.{side}.json"
            if not (args.reuse and path.exists()):
                cmd = [sys.executable, __file__, str(tree), "--export-one", str(tree.resolve()), str(path),
                       json.dumps(inputs)] + (["--cache", str(args.cache)] if args.cache else [])
                env = dict(os.environ, PYTHONPATH=str(tree.resolve() / "src"))
                subprocess.run(cmd, check=True, env=env, cwd=str(tree))
            raw[side] = path.read_bytes()
            exports[side] = normalise(json.loads(raw[side]), set(args.drop))
        diffs = differences(exports["before"], exports["after"])
        sizes = Counter({t: len(v) for t, v in exports["after"].items() if isinstance(v, list)})
        same = "byte-identical" if raw["before"] == raw["after"] else \
            f"not byte-identical{'; without ' + ', '.join(args.drop) if args.drop else ''}"
        print(f"== {name}: {len(diffs)} difference(s) ({same}); after: "
              + ", ".join(f"{n} {t}" for t, n in sorted(sizes.items())), flush=True)
        for line in summary(diffs):
            print("  " + line)
        total += len(diffs)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
