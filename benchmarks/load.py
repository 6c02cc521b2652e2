"""Bounded load test of `casefile serve` over loopback: throughput, p99 latency, error rate.

    .venv/bin/python benchmarks/load.py [--docs 10000] [--seconds 60] [--workers 8] [--db PATH]

Builds (or reuses) a synthetic store with benchmarks/web.py's builder, starts the real
`casefile serve` process on a free 127.0.0.1 port, and drives it from worker threads in a
closed loop for a fixed time, over a mix of the main pages and API routes. Only loopback
is ever addressed; the loop stops by itself at the deadline.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "src"))

from web import build  # noqa: E402  (benchmarks/web.py)

CANDIDATE_PATHS = [
    "/", "/?page=3", "/search?q=arrested", "/search?q=police+court", "/timeline", "/api/documents?limit=20",
    "/documents/{doc}", "/api/documents/{doc}", "/entities/{entity}", "/api/entities/{entity}",
    "/api/search?q=sentenced",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sample_ids(db: str, n: int = 200) -> tuple[list[str], list[str]]:
    con = sqlite3.connect(db)
    docs = [r[0] for r in con.execute("select id from documents order by random() limit ?", (n,))]
    ents = [r[0] for r in con.execute("select id from entities order by random() limit ?", (n,))]
    con.close()
    return docs, ents


def usable_paths(base: str, docs: list[str], ents: list[str]) -> list[str]:
    """The candidate routes this build of the UI actually serves (others are reported and skipped)."""
    out = []
    for template in CANDIDATE_PATHS:
        path = template.format(doc=docs[0] if docs else "", entity=ents[0] if ents else "")
        status = httpx.get(base + path, timeout=30).status_code
        if status == 200:
            out.append(template)
        else:
            print(f"skipping {template}: {status}")
    return out


def worker(base: str, templates: list[str], docs, ents, deadline: float, results: list, seed: int) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=30) as client:
        while time.time() < deadline:
            path = rng.choice(templates).format(doc=rng.choice(docs or [""]), entity=rng.choice(ents or [""]))
            t0 = time.perf_counter()
            try:
                status = client.get(path).status_code
            except httpx.HTTPError:
                status = 0
            results.append((time.perf_counter() - t0, status))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000, help="documents in the synthetic store")
    ap.add_argument("--seconds", type=float, default=60.0, help="how long to apply load")
    ap.add_argument("--workers", type=int, default=8, help="concurrent client threads")
    ap.add_argument("--db", help="reuse this store instead of building one")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()

    db = args.db or str(Path(os.environ.get("TMPDIR", "/tmp")) / f"casefile-load-{args.docs}.db")
    if not Path(db).exists():
        print(f"building {args.docs} documents into {db} ...", flush=True)
        build(db, args.docs)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "casefile.cli", "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        docs, ents = sample_ids(db)
        templates = usable_paths(base, docs, ents)
        results: list[tuple[float, int]] = []
        deadline = time.time() + args.seconds
        threads = [threading.Thread(target=worker, args=(base, templates, docs, ents, deadline, results, i))
                   for i in range(args.workers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        server.terminate()
        server.wait(timeout=10)
    latencies = sorted(r[0] * 1000 for r in results)
    errors = sum(1 for _, status in results if status != 200)
    q = statistics.quantiles(latencies, n=100)
    figures = {"requests": len(results), "seconds": args.seconds, "workers": args.workers,
               "throughput_rps": round(len(results) / args.seconds, 1), "p50_ms": round(q[49], 1),
               "p95_ms": round(q[94], 1), "p99_ms": round(q[98], 1), "errors": errors,
               "error_rate": round(errors / max(1, len(results)), 5), "routes": templates,
               "cpus": os.cpu_count()}
    print(f"{figures['requests']} requests in {args.seconds:.0f} s with {args.workers} clients: "
          f"{figures['throughput_rps']} req/s, p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, "
          f"p99 {figures['p99_ms']} ms, errors {errors} ({figures['error_rate']:.2%})")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
