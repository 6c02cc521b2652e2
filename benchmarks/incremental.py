"""Benchmark: the resolve step after adding 20 articles to stores of 1,000 and 10,000 articles.

    .venv/bin/python benchmarks/incremental.py [--sizes 1000,10000] [--add 20] [--rounds 5] [--warmup 1] [--keep DIR]
                                               [--names zipf|few]

The stores are built from synthetic extraction records written through the engine's own
row builder and batch writer (no spaCy: parsing 10,000 articles would take hours on two
shared cores and says nothing about resolution). People's names are long-tailed by default
(``--names zipf``: made-up family and given names drawn by Zipf's law, and a few people named
far more often than the rest); ``--names few`` draws them from the 13 family and 24 given names
of benchmarks/resolve.py, everyone as often named, as the first measurements did. Either way
there are spelling variants with and without diacritics, lone given names, and institutions
(benchmarks/resolve.py's) with and without their country; each article also
reports events about its people and places, some with durations, and quotes them (quotes
are new word sequences, or, three times in ten, the words of a recent quote again).

An article names each entity once (spellings of one name folded together), as the
per-document entity module leaves them. Each store is resolved in full once. Then,
``--rounds`` times (after ``--warmup`` rounds that are not counted: the first reads of a
fresh copy come from disk), a copy of it takes 20 new articles (different ones each round)
and the time of ``resolve.run(store, new ids)`` is measured: the step an ingest ends with.
A full ``casefile resolve`` of the same store is timed too, for comparison (it is what every
ingest ran before resolution became incremental). Target: the incremental step grows at most
1.5x from 1,000 to 10,000 articles. Wall time and CPU time are both given: on a machine
shared with other work, CPU time is the steadier of the two. CASEFILE_NO_EMBEDDINGS is set
(rules only), as in benchmarks/resolve.py. Not a test.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from resolve import COUNTRIES, FAMILY, GIVEN, MIDDLE, ORGS  # noqa: E402  (benchmarks/resolve.py)
from unidecode import unidecode  # noqa: E402

from casefile import resolve  # noqa: E402
from casefile.models import (Amount, Descriptor, Document, Event, Extraction, LocalEntity, Mention,  # noqa: E402
                             Participant, Quote, Speaker)
from casefile.store.db import Store  # noqa: E402
from casefile.store.rows import document_rows, near_duplicate_rows, now  # noqa: E402

EVENTS = [("arrest", "arrested"), ("trial", "tried"), ("imprisonment", "jailed"), ("release", "freed"),
          ("protest", "protested")]
WORDS = ("court family evidence letters ministry trial press public sentence speaking prison lawyer appeal "
         "judge hearing charges police station village city province border journalist report rights "
         "freedom detention release visit months years week night morning silence answer question "
         "land farmers workers students teachers church temple market river road bridge school").split()
QUOTED_AGAIN = 0.3            # a quote another article already printed (wire copies, repeated statements)
OUTLETS = [f"Outlet {i}" for i in range(40)]


SYLLABLES = [c + v for c in "bdfghklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "or", "en")]


def invented_names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct made-up names of two or three syllables ("Kavo", "Tirenma")."""
    out: dict[str, None] = {}
    while len(out) < count:
        out["".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()] = None
    return list(out)


def zipf(n: int, s: float) -> list[float]:
    """Cumulative weights of ranks 1..n under Zipf's law with exponent ``s``."""
    total, out = 0.0, []
    for rank in range(1, n + 1):
        total += rank ** -s
        out.append(total)
    return out


class Corpus:
    """Articles about a population that grows with the corpus (about six mentions per person).

    ``names="zipf"``: family names from 6,000 and given names from 2,000 made-up ones, each
    drawn by Zipf's law (the commonest given name is borne by about one person in eight, as
    the commonest first names are in large countries), and people named by Zipf's law too
    (a few in the news all the time, most once or twice). ``names="few"``: every person from
    13 family and 24 given names, each person as likely to be named as any other (the
    setting of the first measurements; a lone name then has hundreds of bearers)."""

    def __init__(self, articles: int, seed: int = 7, names: str = "zipf"):
        self.rng = random.Random(seed)
        rng = self.rng
        count = max(10, articles * 10 // 6)
        self.weights = None
        if names == "few":
            self.people = [" ".join(p for p in (rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)) if p)
                           for _ in range(count)]
        else:
            family, given = invented_names(rng, 6000), invented_names(rng, 2000)
            fw, gw = zipf(len(family), 1.0), zipf(len(given), 1.0)
            self.people = [" ".join(p for p in (rng.choices(family, cum_weights=fw)[0], rng.choice(MIDDLE),
                                                rng.choices(given, cum_weights=gw)[0]) if p) for _ in range(count)]
            self.weights = zipf(count, 0.8)
        self.places = [f"{rng.choice(['Port', 'Lake', 'Upper'])} {rng.choice(GIVEN)}" for _ in range(max(5, articles // 20))]
        self.quoted: list[str] = []

    def person(self) -> str:
        if self.weights is None:
            return self.rng.choice(self.people)
        return self.rng.choices(self.people, cum_weights=self.weights)[0]

    def article(self, i: int) -> tuple[Document, Extraction]:
        rng = self.rng
        text: list[str] = []
        ents: list[LocalEntity] = []
        named: dict[str, LocalEntity] = {}     # an article names each entity once, as the per-document
                                               # entity module leaves it (spellings folded together)

        def put(sentence: str) -> int:
            at = sum(len(t) + 1 for t in text)
            text.append(sentence)
            return at

        for _ in range(rng.randint(6, 10)):
            roll = rng.random()
            if roll < 0.6:
                name = self.person()
                if rng.random() < 0.4:
                    name = name.encode("ascii", "ignore").decode() or name   # a spelling without diacritics
                type_, aliases, descriptors = "PERSON", [name, name.split()[-1]], []
            elif roll < 0.7:
                name, type_, aliases, descriptors = self.person().split()[-1], "PERSON", [], []
            elif roll < 0.85:
                org = rng.choice(ORGS).format(n=rng.randint(1, 300), g=rng.choice(GIVEN))
                country = rng.choice(COUNTRIES)
                name = f"{country} {org}" if rng.random() < 0.5 else org
                type_, aliases = "ORG", []
                descriptors = [country] if rng.random() < 0.3 else []
            else:
                name, type_, aliases, descriptors = rng.choice(self.places), "GPE", [], []
            at = put(f"{name} was named in the report.")
            mention = Mention(at, at + len(name), name, type_)
            same = named.get(unidecode(name).lower())
            if same is not None:
                same.mentions.append(mention)
                continue
            key = f"e{len(ents) + 1}"
            ents.append(LocalEntity(key, name, type_, aliases or [name],
                                    [Descriptor(d, at, at + len(d), "affiliation") for d in descriptors], [mention]))
            named[unidecode(name).lower()] = ents[-1]
        events, amounts, quotes = self._facts(ents, put, text)
        body = " ".join(text)
        doc = Document(id=f"{i:08d}{rng.randrange(16 ** 8):08x}", source=f"synthetic/{i}.txt", text=body,
                       title=f"Report {i}", outlet=rng.choice(OUTLETS), published=f"20{rng.randint(18, 24)}-06-01")
        spans, at = [], 0
        for t in text:
            spans.append((at, at + len(t)))
            at += len(t) + 1
        return doc, Extraction(doc.id, ents, quotes, [], events, amounts, spans)

    def _facts(self, ents: list[LocalEntity], put, text: list[str]):
        rng = self.rng
        events, amounts, quotes = [], [], []
        people = [e for e in ents if e.type == "PERSON"]
        for _ in range(rng.randint(2, 4)):
            etype, verb = rng.choice(EVENTS)
            who = rng.sample(ents, k=min(len(ents), 2))
            at = put(f"They were {verb} on that day.")
            day = f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            events.append(Event(at + 10, at + 10 + len(verb), etype, verb, at, at + len(text[-1]),
                                [Participant("target", e.name, e.key) for e in who],
                                rng.choice([day, day[:7], day[:4], None])))
            if etype == "imprisonment" and rng.random() < 0.5:
                years = rng.randint(2, 12)
                span = f"{years} years"
                at = put(f"The term is {span}.")
                amounts.append(Amount(at + 12, at + 12 + len(span), span, "duration", float(years), "Y",
                                      len(events) - 1))
        for _ in range(rng.randint(0, 2)):
            if people:
                if self.quoted and rng.random() < QUOTED_AGAIN:
                    words = rng.choice(self.quoted[-200:])
                else:
                    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize()
                    self.quoted.append(words)
                speaker = rng.choice(people)
                at = put(f'"{words}," {speaker.name} said.')
                quotes.append(Quote(at + 1, at + 1 + len(words), words, "direct", Speaker(speaker.name, speaker.key),
                                    "said", at, at + len(text[-1])))
        return events, amounts, quotes


def write(store: Store, items: list[tuple[Document, Extraction]]) -> list[str]:
    stamp = now()
    batch = []
    for doc, ex in items:
        rows = document_rows(doc, ex, None, [], stamp)
        rows["near_duplicates"] = near_duplicate_rows(doc.id, [])
        batch.append(rows)
    return store.write_batch(batch)


def build(path: str, articles: int, names: str = "zipf") -> tuple[Corpus, float | None]:
    """The store of ``articles`` articles, resolved in full (the time that took); a store kept
    from an earlier run of the same size is reused (its articles are generated again, not written)."""
    corpus = Corpus(articles, names=names)
    if Path(path).exists():
        for i in range(articles):
            corpus.article(i)
        return corpus, None
    store = Store.open(path)
    for start in range(0, articles, 500):
        write(store, [corpus.article(i) for i in range(start, min(articles, start + 500))])
    started = time.perf_counter()
    resolve.run(store)
    full = time.perf_counter() - started
    store.close()
    return corpus, full


def measure(base: str, corpus: Corpus, articles: int, add: int, rounds: int, warmup: int) -> list[tuple[float, float]]:
    """(wall seconds, CPU seconds) of the resolve step, per round (the ``warmup`` first ones not kept)."""
    times = []
    for r in range(warmup + rounds):
        with tempfile.TemporaryDirectory() as tmp:
            path = str(Path(tmp) / "round.db")
            shutil.copy(base, path)
            store = Store.open(path)
            ids = write(store, [corpus.article(articles + r * add + i) for i in range(add)])
            started, cpu = time.perf_counter(), time.process_time()
            resolve.run(store, ids)
            times.append((time.perf_counter() - started, time.process_time() - cpu))
            store.close()
    return times[warmup:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--add", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1, help="rounds run first and not counted (cold caches)")
    ap.add_argument("--keep", help="build the stores here and keep them (reused when present)")
    ap.add_argument("--names", choices=("zipf", "few"), default="zipf",
                    help="zipf: long-tailed names and fame (default); few: 13 family and 24 given names, "
                         "everyone as famous (the first measurements)")
    args = ap.parse_args()
    os.environ.setdefault("CASEFILE_NO_EMBEDDINGS", "1")
    folder = Path(args.keep or tempfile.mkdtemp(prefix="casefile-incremental-"))
    folder.mkdir(parents=True, exist_ok=True)
    results = {}
    for size in (int(x) for x in args.sizes.split(",")):
        base = str(folder / f"store_{args.names}_{size}.db")
        started = time.perf_counter()
        corpus, full = build(base, size, args.names)
        built = time.perf_counter() - started
        times = measure(base, corpus, size, args.add, args.rounds, args.warmup)
        results[size] = (statistics.median(t for t, _ in times), statistics.median(c for _, c in times))
        made = "reused" if full is None else f"built and fully resolved in {built:.1f}s (full resolve {full:.2f}s)"
        print(f"{size:>6} articles: {made}; "
              f"+{args.add} articles, resolve step: median {results[size][0]:.3f}s wall, {results[size][1]:.3f}s CPU "
              f"(rounds: {[(round(t, 3), round(c, 3)) for t, c in times]})", flush=True)
    sizes = sorted(results)
    if len(sizes) >= 2:
        lo, hi = results[sizes[0]], results[sizes[-1]]
        print(f"growth {sizes[0]} -> {sizes[-1]} articles: {hi[0] / lo[0]:.2f}x wall, {hi[1] / lo[1]:.2f}x CPU "
              "(target <= 1.5x)")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
