"""Ingest benchmark: casefile end to end against raw spaCy ``nlp.pipe`` on the same corpus.

    python benchmarks/ingest.py                 # N = 2000 documents (each configuration twice), and 5N
    python benchmarks/ingest.py --n 200         # quicker
    python benchmarks/ingest.py --corpus real   # real news: 1,096 articles of ../shared/eval/dev

Builds N articles of real text by recombining sentences of the sample corpus
(../shared/corpus/seeds, else examples/), each one different so dedup keeps them all,
and measures, each run in a fresh process so peak memory is its own:

- raw: ``nlp.pipe`` with the same spaCy model as its package loads it, nothing else (the floor);
- nlp.pipe with casefile's own parse pipeline (nlp.load: sentence breaks at line ends,
  the attribute ruler matched by lookup), to show what those changes cost or save;
- casefile, 1 process: read, clean, extract, store, resolve, with each stage's share;
- casefile, 2 processes (``--workers 2``);
- casefile, 1 process on 5N documents (how cost grows).

``--corpus real`` measures the same configurations at N on real news instead: the 840
PolNeAR train articles (US election news, 2016) and the 256 TimeBank articles (1996-2000)
of ``../shared/eval/dev`` (only when ``../shared`` is beside the checkout), in that order,
the first N of them (all 1,096 unless ``--n`` says fewer). There are no more of them, so
there is no 5N run.

Model loading is left out of every timing (a warm-up ingest of one article first),
so the comparison is per-document work. Prints a table; writes
benchmarks/results/ingest.json.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
REAL_NEWS = [ROOT.parent / "shared" / "eval" / "dev" / name / "docs.jsonl" for name in ("polnear_train", "timebank")]
EXAMPLES = ROOT / "examples"
RESULTS = ROOT / "benchmarks" / "results" / "ingest.json"
SENTENCES_PER_DOC = (12, 28)        # a short-to-medium news article
SENTENCE_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“A-Z])")
PUBLISHED = "2024-03-01"
MIN_SENTENCE_CHARS = 25
MEMORY_SAMPLE_SECONDS = 0.25
DEFAULT_N = 2000


# -- the corpus ------------------------------------------------------------------------------

def sample_texts() -> list[str]:
    """Cleaned texts of the sample corpus."""
    sys.path.insert(0, str(ROOT / "src"))
    from casefile.ingest import load_documents

    folder = SEEDS if SEEDS.is_dir() and any(SEEDS.iterdir()) else EXAMPLES
    return [d.text for d in load_documents([str(folder)])]


def sentences(texts: list[str]) -> list[str]:
    out = []
    for text in texts:
        for paragraph in text.split("\n"):
            out.extend(s.strip() for s in SENTENCE_SPLIT.split(paragraph) if len(s.strip()) >= MIN_SENTENCE_CHARS)
    return list(dict.fromkeys(out))


def build_corpus(n: int, pool: list[str], seed: int = 7) -> list[dict]:
    """N articles: a headline and paragraphs of sentences drawn from the pool, all different."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        picked = rng.sample(pool, min(len(pool), rng.randint(*SENTENCES_PER_DOC)))
        paragraphs = [" ".join(picked[j:j + 3]) for j in range(0, len(picked), 3)]
        title = " ".join(picked[0].split()[:8]).rstrip(",.;:")
        docs.append({"title": title, "text": f"{title}\n\n" + "\n\n".join(paragraphs),
                     "published": PUBLISHED, "outlet": f"Outlet {i % 17}", "url": f"https://example.org/a/{i}"})
    return docs


def real_news(n: int | None) -> list[dict]:
    """The first ``n`` real articles (all when None), as the evaluation sets give them."""
    missing = [str(p) for p in REAL_NEWS if not p.exists()]
    if missing:
        raise SystemExit(f"--corpus real needs ../shared beside the checkout; missing: {', '.join(missing)}")
    docs = [json.loads(line) for path in REAL_NEWS for line in open(path, encoding="utf-8") if line.strip()]
    return docs[:n]


def write_corpus(docs: list[dict], folder: Path) -> Path:
    path = folder / f"corpus_{len(docs)}.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


# -- one measurement (run in a child process) ---------------------------------------------------

class Stages:
    """Wall time per stage, by wrapping the functions the pipeline calls."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    def wrap(self, owner, attr: str, name: str) -> None:
        inner = getattr(owner, attr)

        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                self.add(name, time.perf_counter() - start)
        setattr(owner, attr, timed)

    def wrap_generator(self, owner, attr: str, name: str) -> None:
        inner = getattr(owner, attr)
        stages = self

        def timed(*args, **kwargs):
            iterator = iter(inner(*args, **kwargs))
            while True:
                start = time.perf_counter()
                try:
                    item = next(iterator)
                except StopIteration:
                    stages.add(name, time.perf_counter() - start)
                    return
                stages.add(name, time.perf_counter() - start)
                yield item
        setattr(owner, attr, timed)


def instrument() -> Stages:
    import casefile.extract as extract_pkg
    import casefile.ingest as ingest_pkg
    from casefile import nlp, pipeline, resolve
    from casefile.extract import amounts, entities, events, quotes, times
    from casefile.ingest import dedup
    from casefile.store.db import Store

    stages = Stages()
    stages.wrap_generator(pipeline, "iter_inputs", "read")
    stages.wrap(ingest_pkg, "build_document", "clean+metadata")
    stages.wrap_generator(nlp, "parse", "parse (nlp.pipe)")
    for module, name in ((entities, "entities"), (times, "times"), (quotes, "quotes"), (events, "events"),
                         (amounts, "amounts")):
        stages.wrap(module, "extract", f"extract: {name}")
    stages.wrap(extract_pkg, "make_parsed", "extract: setup")
    for attr in ("signature", "bands"):
        stages.wrap(dedup, attr, "dedup: minhash")
    stages.wrap(pipeline, "near_duplicates", "dedup: near-duplicate lookup")
    stages.wrap(pipeline, "write_batch", "store: write_batch")     # the engine writes under the write lock
    for attr in ("known", "record_issue", "add_source"):
        stages.wrap(Store, attr, f"store: {attr}")
    stages.wrap(resolve, "run", "resolve (cross-document)")
    return stages


class MemorySampler(threading.Thread):
    """Peak memory of this process and its workers together, as PSS (shared pages counted once).

    RSS would count the model's pages, shared by forked workers, once per process. Read from
    /proc (Linux) so it needs no extra package; where /proc cannot tell, ``error`` says why
    and the figure is reported as not measured rather than as zero.
    """

    def __init__(self, interval: float = MEMORY_SAMPLE_SECONDS):
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_mb = 0.0
        self.error: str | None = None
        self.halt = threading.Event()

    def run(self) -> None:
        try:
            while True:
                self.peak_mb = max(self.peak_mb, sum(map(_pss_kb, _process_tree(os.getpid()))) / 1024)
                if self.halt.wait(self.interval):
                    return
        except OSError as exc:  # no /proc, or smaps_rollup unreadable: say so, do not report 0
            self.error = f"{type(exc).__name__}: {exc}"


def _process_tree(root: int) -> list[int]:
    """root and all its descendants, from each process's parent id in /proc/<pid>/stat."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # exited between listing and reading
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])  # the name may hold spaces and ')'
        parents.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += parents.get(pid, [])
    return tree


def _pss_kb(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except ProcessLookupError:
        return 0  # exiting (a zombie keeps its /proc entry but no memory)
    except FileNotFoundError:
        if Path(f"/proc/{pid}").exists():
            raise  # a live process without smaps_rollup (Linux < 4.14): PSS cannot be read here
        return 0  # a worker that has just exited holds no memory
    for line in rollup.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    raise OSError(f"no Pss line in /proc/{pid}/smaps_rollup")


def peak_rss_mb(sampler: MemorySampler) -> dict:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    pss = None if sampler.error else round(sampler.peak_mb, 1)
    return {"parent_mb": round(own, 1), "largest_worker_mb": round(child, 1),
            "all_processes_pss_mb": pss, "pss_error": sampler.error}


def measure(mode: str, corpus: Path, workers: int, warmup: Path) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from casefile import nlp

    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
    words = sum(len(t.split()) for t in texts)
    sampler = MemorySampler()
    sampler.start()
    started = time.perf_counter()
    cpu_start = _cpu_seconds()
    if mode in ("raw", "raw-casefile-pipeline"):
        # raw: the stock model as its package loads it, none of casefile's changes to the pipeline;
        # raw-casefile-pipeline: the pipeline casefile parses with (nlp.load), to show those changes
        model = importlib.import_module(nlp.model_name()).load() if mode == "raw" else nlp.load()
        list(model.pipe(json.loads(line)["text"] for line in open(warmup, encoding="utf-8")))
        started, cpu_start = time.perf_counter(), _cpu_seconds()
        for _doc in model.pipe(texts, batch_size=32):
            pass
        result = {}
    else:
        result = _measure_ingest(corpus, workers, warmup)
        started, cpu_start = result.pop("_started"), result.pop("_cpu_started")
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_start
    sampler.halt.set()
    sampler.join()
    return result | {"mode": mode, "workers": workers, "docs": len(texts), "words": words,
                     "seconds": round(seconds, 2), "docs_per_s": round(len(texts) / seconds, 2),
                     "words_per_s": round(words / seconds), "cpu_seconds": round(cpu, 2),
                     "docs_per_cpu_s": round(len(texts) / max(cpu, 1e-9), 2), "rss": peak_rss_mb(sampler)}


def _cpu_seconds() -> float:
    """CPU time of this process and its finished workers: on a shared machine wall time
    swings with other people's load, CPU time much less."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _measure_ingest(corpus: Path, workers: int, warmup: Path) -> dict:
    from casefile import parallel, pipeline
    from casefile.store.db import Store

    with tempfile.TemporaryDirectory() as tmp:
        pipeline.ingest([str(warmup)], Store.open(str(Path(tmp) / "warm.db")))   # loads every model once
        stages = instrument() if workers == 1 else None
        store = Store.open(str(Path(tmp) / "bench.db"))
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        report = parallel.ingest([str(corpus)], store, workers=workers)
        total = time.perf_counter() - started
    out = {"_started": started, "_cpu_started": cpu_started, "stored": report.stored,
           "near_duplicates": report.near_duplicates}
    if stages:
        out["stages"] = {k: round(v, 2) for k, v in sorted(stages.seconds.items(), key=lambda kv: -kv[1])}
        # no timed stage runs inside another, so what is left is the pipeline's own glue
        out["stages"]["other (untimed glue)"] = round(total - sum(stages.seconds.values()), 2)
    return out


# -- the driver ----------------------------------------------------------------------------------

def child(mode: str, corpus: Path, workers: int, warmup: Path) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--corpus-file", str(corpus), "--workers", str(workers),
           "--warmup", str(warmup)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=os.environ | {"TQDM_DISABLE": "1"})
    if done.returncode:
        raise SystemExit(f"{mode} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(n: int | None, scales: list[int], worker_counts: list[int], repeat: int = 1, real: bool = False) -> dict:
    """Every configuration at N, ``repeat`` times, interleaved (raw, then casefile, then raw
    again...) so a slow spell on a shared machine hits both sides; the larger corpora run once,
    between the first and second round at N, so the N figures bracket them in time."""
    pool = sentences(sample_texts())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        warmup = write_corpus(build_corpus(1, pool, seed=99), folder)
        if real:
            docs = real_news(n)
            n, scales = len(docs), [1]
            corpora = {1: write_corpus(docs, folder)}
        else:
            n = n or DEFAULT_N
            corpora = {scale: write_corpus(build_corpus(n * scale, pool), folder) for scale in scales}
        at_n = [("raw", 1), ("raw-casefile-pipeline", 1)] + [("casefile", w) for w in worker_counts]
        steps = [(1, mode, workers, 1) for mode, workers in at_n] if 1 in scales else []
        steps += [(scale, "casefile", 1, 1) for scale in scales if scale != 1]
        steps += [(1, mode, workers, round_) for round_ in range(2, repeat + 1) for mode, workers in at_n
                  if 1 in scales]
        runs = []
        for scale, mode, workers, round_ in steps:
            runs.append(child(mode, corpora[scale], workers, warmup) | {"round": round_})
            print(_line(runs[-1]), file=sys.stderr)
    return {"n": n, "corpus": "real news (dev/polnear_train + dev/timebank)" if real else "synthetic",
            "sentence_pool": len(pool), "cpus": os.cpu_count(), "load_average": os.getloadavg(),
            "repeat": repeat, "runs": runs, "checks": checks(runs, n)}


def checks(runs: list[dict], n: int) -> dict:
    """The issue's targets, from the median of the repeated runs of each configuration."""
    def find(mode, workers, docs):
        found = [r for r in runs if r["mode"] == mode and r["workers"] == workers and r["docs"] == docs]
        if not found:
            return None
        return {key: statistics.median(r[key] for r in found) for key in ("docs_per_s", "docs_per_cpu_s", "seconds")}
    raw, one, two, big = find("raw", 1, n), find("casefile", 1, n), find("casefile", 2, n), find("casefile", 1, 5 * n)
    out = {}
    same = find("raw-casefile-pipeline", 1, n)
    if raw and same:
        out["casefile's parse pipeline vs stock, nlp.pipe alone"] = round(same["docs_per_s"] / raw["docs_per_s"], 3)
    if raw and one:
        out["end_to_end_vs_raw (target >= 0.80)"] = round(one["docs_per_s"] / raw["docs_per_s"], 3)
        out["end_to_end_vs_raw, CPU time"] = round(one["docs_per_cpu_s"] / raw["docs_per_cpu_s"], 3)
    if raw and one and same:
        out["end_to_end_vs casefile's own parse pipeline"] = round(one["docs_per_s"] / same["docs_per_s"], 3)
    if one and two:
        out["two_vs_one_process (target >= 1.7)"] = round(two["docs_per_s"] / one["docs_per_s"], 3)
    if one and big:
        out["time_5N_over_N (<= 5.5)"] = round(big["seconds"] / one["seconds"], 3)
        out["time_5N_over_N, CPU time"] = round(one["docs_per_cpu_s"] / big["docs_per_cpu_s"] * 5, 3)
    # casefile's own runs: the raw nlp.pipe runs are the yardstick, not what the target is about
    # (every process of a run counted, by PSS); a multi-process run without PSS has no honest
    # total: the check says so instead of passing
    peaks = [_peak_mb(r) for r in runs if r["mode"] == "casefile"]
    out["peak_memory_mb (< 1536)"] = None if None in peaks else round(max(peaks), 1)
    raw_peaks = [_peak_mb(r) for r in runs if r["mode"] != "casefile"]
    if raw_peaks and None not in raw_peaks:
        out["peak_memory_mb, nlp.pipe alone"] = round(max(raw_peaks), 1)
    return out


def _peak_mb(r: dict) -> float | None:
    """All processes' PSS, or the parent's RSS where it alone ran; None where not measured."""
    pss = r["rss"]["all_processes_pss_mb"]
    if pss is None:
        return r["rss"]["parent_mb"] if r["workers"] == 1 else None
    return max(r["rss"]["parent_mb"], pss)


def _line(r: dict) -> str:
    names = {"raw": "raw nlp.pipe (stock)", "raw-casefile-pipeline": "nlp.pipe, casefile's"}
    what = names.get(r["mode"]) or f"casefile, {r['workers']} process{'es' * (r['workers'] > 1)}"
    peak = _peak_mb(r)
    rss = "n/a" if peak is None else round(peak)
    return (f"{what:24} {r['docs']:>6} {r['seconds']:>9.1f} {r['docs_per_s']:>8.1f} {r['words_per_s']:>9} "
            f"{r.get('cpu_seconds', 0):>8.1f} {rss:>8}")


def table(result: dict) -> str:
    lines = [f"{'run':24} {'docs':>6} {'seconds':>9} {'docs/s':>8} {'words/s':>9} {'CPU s':>8} {'peak MB':>8}"]
    lines += [_line(r) for r in result["runs"]]
    if result.get("repeat", 1) > 1:
        lines.append(f"(configurations at N ran {result['repeat']} times, interleaved; checks use the medians)")
    for r in result["runs"]:
        if "stages" in r and r.get("round", 1) == 1:
            lines.append(f"\nstages, casefile 1 process, {r['docs']} docs (seconds, share of {r['seconds']:.1f}s):")
            lines += [f"  {k:34} {v:>8.2f} {v / r['seconds']:>7.1%}" for k, v in r["stages"].items()]
    lines.append("")
    lines += [f"{k:34} {'not measured' if v is None else v}" for k, v in result["checks"].items()]
    lines.append(f"corpus: {result.get('corpus', 'synthetic')}")
    lines.append(f"machine: {result['cpus']} cores, load average at the end {result['load_average'][0]:.1f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, help=f"documents in the base corpus (default {DEFAULT_N}; "
                                              "with --corpus real, all 1,096)")
    parser.add_argument("--corpus", choices=("synthetic", "real"), default="synthetic",
                        help="synthetic articles from the seeds' sentences (default), or real news")
    parser.add_argument("--scales", default="1,5", help="corpus sizes as multiples of N (default 1,5)")
    parser.add_argument("--workers", default="1,2", help="process counts to measure at N (default 1,2)")
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs of each configuration at N, interleaved; checks use medians (default 2)")
    parser.add_argument("--output", default=str(RESULTS), help="where to write the JSON")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus-file", help=argparse.SUPPRESS)
    parser.add_argument("--warmup", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, Path(args.corpus_file), int(args.workers), Path(args.warmup))))
        return
    result = run(args.n, [int(s) for s in args.scales.split(",")], [int(w) for w in args.workers.split(",")],
                 args.repeat, real=args.corpus == "real")
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(result, indent=1))
    print(table(result))
    print(f"\nwrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
