"""Multi-process ingest: ``casefile ingest --workers N``.

Worker processes each load the spaCy model once and turn their share of the input
into finished records: clean + metadata, parse, extract, MinHash signature, rows. The
parent only reads the inputs (single-article files are read by the workers too),
hands them out in chunks, and feeds the results, in input order, to the same
``pipeline.IngestSession`` a 1-process run feeds, so the store ends up the same. While
the parent resolves at the end, the idle workers encode the tie-break sentences
(``resolve.similarity.spread_over``), batch for batch as the parent would.

Limit: records of JSONL and WARC files are read by the parent (one stream cannot be
shared), so a single large WARC file has its HTML extraction done in one process;
the Spark job splits work by file instead.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import nlp
from .ingest import documents_from
from .ingest.sources import expand, format_by_name, iter_inputs, sniff
from .ingest.url import is_url
from .ingest.warc import is_gzip, is_warc
from .models import Document, IngestIssue, RawDocument
from .pipeline import IngestReport, IngestSession, Processed, Progress, configure, process
from .pipeline import ingest as serial
from .resolve import similarity
from .settings import Settings
from .store.db import Store

log = logging.getLogger(__name__)

STREAMED = frozenset({"jsonl", "warc"})    # many records per file: read once, in the parent
TASKS_IN_FLIGHT_PER_WORKER = 2             # enough to keep workers busy, bounded memory
SNIFF_BYTES = 4096

# One unit of input a worker handles: a RawDocument read by the parent, an argument
# (path or URL) the worker reads itself, or an issue passed through unchanged.
Item = RawDocument | IngestIssue | str
# What comes back: a parsed document, an issue, or a bare Document the worker found already
# stored (the session decides: a copy, or parsed in the parent if the store changed since).
Result = Processed | IngestIssue | Document


def ingest(inputs: Iterable[str], store: Store, settings: Settings | None = None, *,
           progress: Progress | None = None, **options) -> IngestReport:
    """``pipeline.ingest`` with ``settings.workers`` processes parsing; the same store contents."""
    settings = configure(settings, options)
    if settings.workers <= 1:
        return serial(inputs, store, settings, progress=progress)
    session = IngestSession(store, settings, progress)
    tasks = _chunks(plan(list(inputs), settings.allow_private), settings.batch_size)
    with _context().Pool(settings.workers, initializer=_start_worker,
                         initargs=(settings, _known_check_url(store))) as pool:
        for results in _ordered(pool, tasks, settings.workers * TASKS_IN_FLIGHT_PER_WORKER):
            for result in results:
                session.take(result)
        with similarity.spread_over(pool):  # the parsers are idle while the parent resolves
            return session.finish()


def plan(inputs: list[str], allow_private: bool = False) -> Iterator[Item]:
    """The input as work items, in the order a 1-process run reads it."""
    for arg in inputs:
        paths = [] if is_url(arg) else expand(arg)
        if not paths:                      # a URL, or a name that matches nothing: the worker says why
            yield arg
            continue
        for path in paths:
            if _streamed(path):
                yield from iter_inputs([str(path)], allow_private=allow_private)
            else:
                yield str(path)


def _streamed(path: Path) -> bool:
    fmt = format_by_name(path.name)
    if fmt is not None:
        return fmt in STREAMED or path.name.lower().endswith(".gz")
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return False                       # the worker's reader reports it
    return is_warc(head) or is_gzip(head) or sniff(head) in STREAMED


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ordered(pool, tasks: Iterator[list[Item]], window: int) -> Iterator[list[Result]]:
    """Results task by task in submission order, with at most ``window`` tasks queued.

    (``Pool.imap`` would drain the whole input into its queue before the first result.)
    """
    pending: deque = deque()
    for task in tasks:
        pending.append(pool.apply_async(_work, (task,)))
        if len(pending) >= window:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


def _context():
    # fork shares the imported libraries with the workers; spawn where fork does not exist
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def _known_check_url(store: Store) -> str | None:
    """A URL workers may open read-only to skip already-stored documents before parsing."""
    url = store.engine.url
    if url.drivername.startswith("sqlite"):
        database = url.database or ""
        return database if database and database != ":memory:" and not database.startswith("file:") else None
    return url.render_as_string(hide_password=False)


# -- in the worker ---------------------------------------------------------------------------

_WORKER: dict = {}


def _start_worker(settings: Settings, db: str | None) -> None:
    nlp.load(settings.model)               # once per process, before the first task
    _WORKER.update(settings=settings, db=db, store=None)


def _known(ids: list[str]) -> set[str]:
    if not _WORKER.get("db"):
        return set()
    if _WORKER["store"] is None:
        try:
            _WORKER["store"] = Store.open(_WORKER["db"], readonly=True)
        except Exception:                  # no store to ask: parse everything, the parent skips copies
            _WORKER["db"] = None
            return set()
    return _WORKER["store"].known(ids)


def _work(items: list[Item]) -> list[Result]:
    """Read what is still unread, build documents, parse and extract the ones not yet stored."""
    settings: Settings = _WORKER["settings"]
    raw: list[RawDocument | IngestIssue] = []
    for item in items:
        if isinstance(item, str):
            raw.extend(iter_inputs([item], allow_private=settings.allow_private))
        else:
            raw.append(item)
    built = list(documents_from(raw, settings.overrides))
    docs = [d for d in built if isinstance(d, Document)]
    known = _known([d.id for d in docs])
    todo = [d for d in docs if d.id not in known]
    finished = {id(p.document): p for p in (process(todo, settings.model) if todo else [])}
    return [finished.get(id(d), d) if isinstance(d, Document) else d for d in built]
