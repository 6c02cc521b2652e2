"""Latency of the main web pages over loopback on a 10,000-document synthetic store.

    .venv/bin/python benchmarks/web.py [--docs 10000] [--requests 40] [--db PATH] [--reuse]

``--reuse`` measures an existing store at --db instead of rebuilding it. Either way the
page indexes (migration m005) are added first, as a migrated store would have them.

Builds the store with bulk inserts (no spaCy: synthetic documents with entities,
mentions, quotes, times, events and participants laid at consistent offsets), serves it
with uvicorn (its own process) on a free 127.0.0.1 port, requests each page N times, and
prints p50/p95 wall-clock latency and the server's CPU time per request (which does not
grow when other programs load the machine, unlike wall-clock time).
Target: p95 under 100 ms for every page.
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import sys
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from casefile.store import schema as s  # noqa: E402
from casefile.store.db import Store  # noqa: E402

FIRST = ["Anna", "Boris", "Chen", "Dara", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jana", "Kofi", "Lena", "Milo",
         "Nadia", "Omar", "Pia", "Rafi", "Sana", "Tomas", "Uma", "Vera", "Wim", "Yara", "Zane"]
LAST = ["Aldren", "Brask", "Corvin", "Dunmar", "Eskel", "Falk", "Grent", "Holm", "Irske", "Jorvik", "Kestel",
        "Lund", "Marek", "Norr", "Ostrin", "Pell", "Quist", "Rask", "Sorel", "Tarn"]
TOWNS = ["Veskar", "Orlavia", "Pellon", "Dravnik", "Sutmar", "Kelvo", "Amrun", "Brisk", "Calder", "Dunlo"]
OUTLETS = ["Northern Ledger", "Coastal Courier", "Valley Post", "Daily Lantern", "Free Wire", "Harbor Times"]
EVENTS = [("arrest", "arrested"), ("charge", "charged"), ("trial", "tried"), ("imprisonment", "sentenced"),
          ("release", "released"), ("protest", "protested")]
FILLER = ("officials said the case drew wide attention across the region while lawyers prepared an appeal and "
          "relatives asked for visits").split()


def _sentence(rng: random.Random, person: str, town: str, verb: str, day: str) -> tuple[str, dict]:
    """One sentence and where its person, town, trigger and date sit inside it."""
    pre = f"Police in {town} said that "
    body = f"{person} was {verb} on {day}, "
    tail = " ".join(rng.choice(FILLER) for _ in range(rng.randint(8, 20))) + "."
    text = pre + body + tail
    at = {"person": (len(pre), len(pre) + len(person)), "town": (10, 10 + len(town))}
    trig = len(pre) + len(person) + 5
    at["trigger"] = (trig, trig + len(verb))
    at["date"] = (trig + len(verb) + 4, trig + len(verb) + 4 + len(day))
    return text, at


def _document(rng: random.Random, i: int, people: list[str]) -> dict:
    rows: dict[str, list] = {k: [] for k in ("doc_entities", "mentions", "quotes", "times", "events", "participants")}
    doc_id, parts, pos, keys = f"doc{i:06d}", [], 0, {}
    for n in range(rng.randint(4, 8)):
        person, town = rng.choice(people), rng.choice(TOWNS)
        etype, verb = rng.choice(EVENTS)
        y, m, d = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
        day = f"{y}-{m:02d}-{d:02d}"
        text, at = _sentence(rng, person, town, verb, day)
        s0, s1 = pos, pos + len(text)
        for name, etype_ in ((person, "PERSON"), (town, "GPE")):
            if name not in keys:
                keys[name] = f"e{len(keys) + 1}"
                rows["doc_entities"].append({"document_id": doc_id, "key": keys[name], "name": name, "type": etype_,
                                             "aliases": [], "descriptors": [], "entity_id": f"ent-{name}"})
        for what, name in (("person", person), ("town", town)):
            a, b = at[what]
            rows["mentions"].append({"id": f"{doc_id}-m{n}{what}", "document_id": doc_id, "start": s0 + a,
                                     "end": s0 + b, "text": name, "sentence_start": s0, "sentence_end": s1,
                                     "entity_key": keys[name], "label": None})
        ev = f"{doc_id}-ev{n}"
        a, b = at["trigger"]
        rows["events"].append({"id": ev, "document_id": doc_id, "start": s0 + a, "end": s0 + b, "text": verb,
                               "sentence_start": s0, "sentence_end": s1, "type": etype, "date_value": day,
                               "date_text": day, "modality": "asserted", "cluster": f"cl-{person}-{etype}-{day}"})
        rows["participants"].append({"event_id": ev, "idx": 0, "document_id": doc_id, "role": "target",
                                     "text": person, "entity_key": keys[person], "start": s0 + at["person"][0],
                                     "end": s0 + at["person"][1]})
        a, b = at["date"]
        rows["times"].append({"id": f"{doc_id}-t{n}", "document_id": doc_id, "start": s0 + a, "end": s0 + b,
                              "text": day, "sentence_start": s0, "sentence_end": s1, "value": day, "type": "DATE",
                              "anchor": None})
        if n % 3 == 0:
            rows["quotes"].append({"id": f"{doc_id}-q{n}", "document_id": doc_id, "start": s0, "end": s1 - 1,
                                   "text": text[:-1], "sentence_start": s0, "sentence_end": s1, "kind": "indirect",
                                   "speaker_text": "police", "speaker_key": None, "speaker_start": None,
                                   "speaker_end": None, "cue": "said"})
        parts.append(text)
        pos = s1 + 1
    body = " ".join(parts)
    published = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    doc = {"id": doc_id, "source": f"synthetic/{doc_id}.txt", "url": None, "format": "text",
           "title": f"Case report {i}: {rows['doc_entities'][0]['name']}", "outlet": rng.choice(OUTLETS),
           "author": None, "published": published, "updated": None, "text": body, "raw_text": None,
           "word_count": len(body.split()), "date_hint": {}, "provenance": {}, "removed": None,
           "ingested_at": "2026-01-01T00:00:00"}
    return {"documents": [doc], **rows}


def build(db: str, n_docs: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    people = [f"{f} {last}" for f in FIRST for last in LAST]          # 480 people, some far more cited
    weights = [1 / (k + 1) for k in range(len(people))]
    store = Store.open(db)
    tables = ("documents", "doc_entities", "mentions", "quotes", "times", "events", "participants")
    with store.engine.begin() as conn:
        for start in range(0, n_docs, 500):
            batch: dict[str, list] = {t: [] for t in tables}
            for i in range(start, min(start + 500, n_docs)):
                chosen = rng.choices(people, weights, k=8)
                for table, rows in _document(rng, i, chosen).items():
                    batch[table] += rows
            for table in tables:
                conn.execute(getattr(s, table).insert(), batch[table])
        names = {r.entity_id: (r.name, r.type) for r in conn.execute(
            s.doc_entities.select().with_only_columns(s.doc_entities.c.entity_id, s.doc_entities.c.name,
                                                      s.doc_entities.c.type).distinct())}
        conn.execute(s.entities.insert(), [{"id": k, "name": v[0], "type": v[1], "aliases": [], "descriptors": []}
                                           for k, v in names.items()])
    store.close()


def _page_indexes(db: str) -> None:
    """The page indexes (migration m005), also on a store built before they were registered."""
    from casefile.store.migrations_search import m005_page_indexes

    store = Store.open(db)
    with store.engine.begin() as conn:
        m005_page_indexes(conn, store.dialect)
    store.close()


def _serve(db: str) -> tuple[str, subprocess.Popen]:
    """uvicorn in its own process, so its CPU time per request can be read apart from the client's."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code = ("import sys, uvicorn; from casefile.web.app import create_app; "
            "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code, db, str(port)],
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/static/casefile.css", timeout=1)
            return base, proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), independent of how busy the machine is."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(base: str, paths: dict[str, str], n: int, pid: int) -> list[tuple[str, float, float, float]]:
    out = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, path in paths.items():
            client.get(path).raise_for_status()                      # warm-up
            times = []
            cpu0 = _cpu_seconds(pid)
            for _ in range(n):
                t0 = time.perf_counter()
                client.get(path).raise_for_status()
                times.append((time.perf_counter() - t0) * 1000)
            cpu = (_cpu_seconds(pid) - cpu0) * 1000 / n
            times.sort()
            out.append((name, statistics.median(times), times[max(0, int(round(0.95 * n)) - 1)], cpu))
    return out


def main(paths_of=None, doc: str = __doc__) -> None:
    """Build (or reuse) the store, serve it and time ``paths_of(base URL)`` (default: the main pages)."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--db", help="store to build (default: a temporary file)")
    ap.add_argument("--reuse", action="store_true", help="measure the store at --db as it is, if it exists")
    args = ap.parse_args()
    db = args.db or str(Path(tempfile.mkdtemp(prefix="casefile-bench-")) / "bench.db")
    if args.reuse and Path(db).exists():
        print(f"reusing {db}")
    else:
        t0 = time.perf_counter()
        build(db, args.docs)
        print(f"built {args.docs} documents in {time.perf_counter() - t0:.1f}s: {db}")
    _page_indexes(db)
    base, proc = _serve(db)
    try:
        _report(base, proc.pid, args.requests, (paths_of or _paths)(base))
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _paths(base: str) -> dict[str, str]:
    top = httpx.get(base + "/api/entities?type=PERSON&limit=1").json()[0]["ref"]
    rare = httpx.get(base + "/api/entities?type=PERSON&limit=1&offset=400").json()[0]["ref"]
    return {
        "home": "/", "documents page 50": "/documents?page=50", "document": "/documents/doc004321",
        "search": "/search?q=sentenced+Veskar",
        "search+facets": "/search?q=released&outlet=Valley+Post&event_type=release",
        "entities": "/entities", "dossier (most cited)": f"/entities/{top}", "dossier (rare)": f"/entities/{rare}",
        "timeline": "/timeline", "timeline (entity)": f"/timeline?entity={top}",
        "compare docs": "/compare?a=doc000001&b=doc000002",
        "compare outlets": "/compare?outlet_a=Valley+Post&outlet_b=Free+Wire",
        "api search": "/api/search?q=arrested", "api dossier": f"/api/entities/{rare}",
    }


def _report(base: str, pid: int, n: int, paths: dict[str, str]) -> None:
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'page':28} {'p50 ms':>8} {'p95 ms':>8} {'server CPU ms/req':>18}")
    worst = ("", 0.0)
    for name, p50, p95, cpu in measure(base, paths, n, pid):
        worst = max(worst, (name, p95), key=lambda w: w[1])
        print(f"{name:28} {p50:8.1f} {p95:8.1f} {cpu:18.1f}")
    print(f"worst p95: {worst[1]:.1f} ms ({worst[0]}; {'meets' if worst[1] < 100 else 'misses'} the 100 ms "
          f"target); load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
