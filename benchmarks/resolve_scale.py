"""Benchmark: cross-document entity resolution of 10k, 100k and 1M synthetic entity mentions,
on Spark ``local[2]`` and in one process.

    python benchmarks/resolve_scale.py                     # 10000,100000,1000000
    python benchmarks/resolve_scale.py --sizes 10000,100000 --modes one,blocks,spark [--names few]

The mentions are ``benchmarks/resolve.py``'s document entities, ten an article: people named
in full, with and without diacritics, and by one word alone; institutions with and without
their country. By default (``--names zipf``) people come from the long-tailed population of
benchmarks/incremental.py: made-up family and given names drawn by Zipf's law, a few people
named far more often than the rest. That is closer to news than ``--names few`` (the first
measurements: every person from 13 family and 24 given names, so that every lone name has
hundreds of bearers and the whole corpus is one block), but it is still not news: the word a
person is named by alone is drawn from 2,000 given names, the commonest borne by about one
person in eight, and made-up family and given names often coincide, so lone names link far
more people than a lone surname does in real news (measured on real news, "Resolution on Spark"
in the README). Each measurement runs in a fresh process: generating the mentions (and, for
Spark, writing them to Parquet and starting the session) is left out of the time; peak memory
is the PSS of that process and all its children (the JVM and Spark's Python workers) together.

- one: ``entities.resolve`` over every mention at once, as ``casefile resolve`` does;
- blocks: ``blocks.resolve_by_blocks`` in one process: the corpus typing counts, the blocks
  and their name-rule clusters, each lone name decided from its candidates' statistics, then
  each unit (a cluster and the lone names that chose it) joined (the same entities); the
  sizes of the blocks and units are printed;
- spark: ``spark_resolve.resolve_entities`` (typing counts, blocks as connected components,
  lone names from broadcast candidate statistics, units as connected components, each part
  resolved by the same functions), its output written as Parquet.

Prints a table and writes benchmarks/results/resolve_scale.json. Not a test.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from ingest import MemorySampler, _cpu_seconds  # noqa: E402
from resolve import synthetic  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "resolve_scale.json"


def measure(mode: str, n: int, names: str) -> dict:
    records, sizes = synthetic(n, names=names), {}
    with tempfile.TemporaryDirectory() as tmp:
        if mode == "spark":
            run, entities = _spark(records, Path(tmp))
        elif mode == "blocks":
            from casefile.resolve.blocks import resolve_by_blocks

            def run():
                return len({entity for _, entity in resolve_by_blocks(records, sizes)})
        else:
            from casefile.resolve.entities import resolve

            def run():
                return len(resolve(sorted(records, key=lambda r: r.order)).groups)
        sampler = MemorySampler()
        sampler.start()
        started, cpu = time.perf_counter(), _cpu_seconds()
        found = run()
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
        sampler.halt.set()
        sampler.join()
    return {"mode": mode, "names": names, "mentions": n, "entities": found, "seconds": round(seconds, 2),
            "cpu_seconds_driver": round(cpu, 2), "peak_mb": None if sampler.error else round(sampler.peak_mb),
            "blocks": len(sizes.get("blocks", ())), "largest_block": max(sizes.get("blocks", ()), default=0),
            "units": len(sizes.get("units", ())), "largest_unit": max(sizes.get("units", ()), default=0)}


def _spark(records, folder: Path):
    """(the timed job, None): mentions written as Parquet, the session started beforehand."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from casefile import spark, spark_resolve
    from casefile.spark_tables import RESOLVED, write_tables

    columns = {c: [] for c in spark_resolve.RECORD_COLUMNS}
    for r in records:
        for c, v in zip(spark_resolve.RECORD_COLUMNS, (r.document_id, r.key, r.name, r.type, r.seq,
                                                       json.dumps(r.aliases), json.dumps(r.descriptors))):
            columns[c].append(v)
    pq.write_table(pa.table(columns), folder / "records.parquet")
    del records[:]
    # Spark's Python workers import casefile from this checkout, as the driver does
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    session = spark.session("local[2]", "casefile-resolve-bench")

    def job() -> int:
        frame = session.read.parquet(str(folder / "records.parquet"))
        write_tables(session, spark_resolve.resolve_entities(session, frame), [spark_resolve.LINKS], folder / "out",
                     resolved=True)
        links = session.read.parquet(str(folder / "out" / RESOLVED / spark_resolve.LINKS))
        out = links.select("entity_id").distinct().count()
        session.stop()
        return out
    return job, None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--modes", default="one,blocks,spark")
    parser.add_argument("--names", default="zipf", choices=("zipf", "few"), help="how people are named (see above)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds a run may take before it is stopped")
    parser.add_argument("--output", default=str(RESULTS))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, n = args.child.split(":")
        print(json.dumps(measure(mode, int(n), args.names)))
        return
    runs = []
    print(f"names: {args.names}")
    print(f"{'mode':6} {'mentions':>9} {'entities':>9} {'seconds':>9} {'CPU s':>8} {'peak MB':>8} {'load':>5} "
          f"{'blocks':>7} {'largest':>8} {'units':>7} {'largest':>8}")
    for n in (int(s) for s in args.sizes.split(",")):
        for mode in args.modes.split(","):
            try:
                done = subprocess.run([sys.executable, __file__, "--child", f"{mode}:{n}", "--names", args.names],
                                      capture_output=True, text=True, timeout=args.timeout, env=os.environ | {"TQDM_DISABLE": "1"})
                r = json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else \
                    {"mode": mode, "mentions": n, "error": done.stderr[-2000:]}
            except subprocess.TimeoutExpired:
                r = {"mode": mode, "mentions": n, "error": f"stopped after {args.timeout:.0f} s"}
            r["load_average"] = round(os.getloadavg()[0], 1)
            runs.append(r)
            if "error" in r:
                print(f"{mode:6} {n:>9} failed: {r['error'].strip().splitlines()[-1]}", flush=True)
            else:
                print(f"{mode:6} {n:>9} {r['entities']:>9} {r['seconds']:>9.1f} {r['cpu_seconds_driver']:>8.1f} "
                      f"{str(r['peak_mb']):>8} {r['load_average']:>5} {r['blocks'] or '':>7} {r['largest_block'] or '':>8} "
                      f"{r['units'] or '':>7} {r['largest_unit'] or '':>8}",
                      flush=True)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps({"cpus": os.cpu_count(), "names": args.names, "runs": runs}, indent=1))


if __name__ == "__main__":
    main()
