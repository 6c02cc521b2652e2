"""Multi-process ingest: ``casefile ingest --workers N``.

Worker processes each load the spaCy model once and turn their share of the input
into finished records: clean + metadata, parse, extract, MinHash signature. The
parent only reads the inputs (single-article files are read by the workers too),
hands them out in chunks, and writes the results to the store in input order, one
transaction per batch. Ids come from content and results are written in the order
a 1-process run writes them, so the store ends up the same as with
``pipeline.ingest``.

Limit: records of JSONL and WARC files are read by the parent (one stream cannot be
shared), so a single large WARC file has its HTML extraction done in one process;
the Spark job splits work by file instead.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import nlp, resolve
from .ingest import documents_from
from .ingest import dedup
from .ingest.sources import expand, format_by_name, iter_inputs, sniff
from .ingest.url import is_url
from .ingest.warc import is_gzip, is_warc
from .models import Document, Extraction, IngestIssue, RawDocument
from .pipeline import IngestReport, Progress, _near_duplicates, _record_copies, process
from .store.db import Store

log = logging.getLogger(__name__)

STREAMED = frozenset({"jsonl", "warc"})    # many records per file: read once, in the parent
TASKS_IN_FLIGHT_PER_WORKER = 2             # enough to keep workers busy, bounded memory
SNIFF_BYTES = 4096

# One unit of input a worker handles: a RawDocument read by the parent, an argument
# (path or URL) the worker reads itself, or an issue passed through unchanged.
Item = RawDocument | IngestIssue | str


@dataclass
class Done:
    """A finished document: its extraction (or the error) and its MinHash signature."""

    document: Document
    extraction: Extraction | None
    error: str | None
    signature: list[int]
    bands: list[str]


Result = Done | IngestIssue | Document     # a bare Document: already stored, not parsed


def ingest(inputs: Iterable[str], store: Store, *, overrides: dict | None = None, allow_private: bool = False,
           batch_size: int = 32, model: str | None = None, progress: Progress | None = None,
           workers: int = 2) -> IngestReport:
    """``pipeline.ingest`` over ``workers`` processes; the same store contents as one process."""
    if workers <= 1:
        from .pipeline import ingest as serial

        return serial(inputs, store, overrides=overrides, allow_private=allow_private,
                      batch_size=batch_size, model=model, progress=progress)
    writer = _Writer(store, batch_size, model, progress)
    tasks = _chunks(plan(list(inputs), allow_private), batch_size)
    settings = (overrides, allow_private, model, _known_check_url(store))
    with _context().Pool(workers, initializer=_start_worker, initargs=settings) as pool:
        for results in _ordered(pool, tasks, workers * TASKS_IN_FLIGHT_PER_WORKER):
            writer.take(results)
    return writer.finish()


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


def _start_worker(overrides: dict | None, allow_private: bool, model: str | None, db: str | None) -> None:
    nlp.load(model)                        # once per process, before the first task
    _WORKER.update(overrides=overrides, allow_private=allow_private, model=model, db=db, store=None)


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
    raw: list[RawDocument | IngestIssue] = []
    for item in items:
        if isinstance(item, str):
            raw.extend(iter_inputs([item], allow_private=_WORKER["allow_private"]))
        else:
            raw.append(item)
    built = list(documents_from(raw, _WORKER["overrides"]))
    docs = [d for d in built if isinstance(d, Document)]
    known = _known([d.id for d in docs])
    todo = [d for d in docs if d.id not in known]
    finished = {}
    for doc, extraction, error in process(todo, _WORKER["model"]) if todo else []:
        sig = dedup.signature(doc.text)
        finished[id(doc)] = Done(doc, extraction, error, sig, dedup.bands(sig))
    return [finished.get(id(d), d) if isinstance(d, Document) else d for d in built]


# -- in the parent ---------------------------------------------------------------------------

class _Writer:
    """Takes results in input order and stores them exactly as ``pipeline.ingest`` would."""

    def __init__(self, store: Store, batch_size: int, model: str | None, progress: Progress | None):
        self.store = store
        self.batch_size = batch_size
        self.model = model
        self.notify = progress or (lambda what, item: None)
        self.report = IngestReport()
        self.batch: list[Done] = []
        self.pending: set[str] = set()
        self.copies: list[Document] = []

    def take(self, results: list[Result]) -> None:
        for result in results:
            # counted as pipeline.ingest counts, so the summary's "lost" means the same
            self.report.received += not isinstance(result, IngestIssue) or result.kind == "rejected"
            if isinstance(result, IngestIssue):
                self._issue(result)
                continue
            doc = result.document if isinstance(result, Done) else result
            if doc.id in self.pending or self.store.known([doc.id]) or not isinstance(result, Done):
                self._copy(doc, result)
                continue
            self.batch.append(result)
            self.pending.add(doc.id)
            if len(self.batch) >= self.batch_size:
                self._flush()
            if not self.pending:
                _record_copies(self.copies, self.store)

    def _issue(self, issue: IngestIssue) -> None:
        self.store.record_issue(issue.item, issue.reason, issue.kind)
        self.report.issues.append(issue)
        self.report.rejected += issue.kind == "rejected"
        self.notify("rejected", f"{issue.item}: {issue.reason}")

    def _copy(self, doc: Document, result: Result) -> None:
        if isinstance(result, Document) and doc.id not in self.pending and not self.store.known([doc.id]):
            # the worker saw it stored, yet it is not: only if the store changed under us; parse it here
            (d, extraction, error), = process([doc], self.model)
            sig = dedup.signature(doc.text)
            self.report.received -= 1      # take() counts it again
            self.take([Done(d, extraction, error, sig, dedup.bands(sig))])
            return
        self.copies.append(doc)
        self.report.duplicates += 1
        self.notify("duplicate", doc.source)

    def _flush(self) -> None:
        rows, signatures = [], {}
        for done in self.batch:
            near = _near_duplicates(self.store, done.signature, done.bands, signatures)
            signatures[done.document.id] = done.signature
            self.report.near_duplicates += bool(near)
            rows.append((done.document, done.extraction,
                         {"signature": done.signature, "bands": done.bands, "near": near}))
            if done.error:
                self.report.warnings += 1
                self.report.issues.append(IngestIssue(item=done.document.source, reason=done.error, kind="warning"))
        self.store.write_batch(rows)
        for done in self.batch:
            if done.error:
                self.store.record_issue(done.document.source, done.error, "warning")
            self.report.stored += 1
            self.report.stored_ids.append(done.document.id)
            self.notify("stored", done.document.source)
        self.batch, self.pending = [], set()

    def finish(self) -> IngestReport:
        if self.batch:
            self._flush()
        _record_copies(self.copies, self.store)
        if self.report.stored:
            resolve.run(self.store, self.report.stored_ids)
        return self.report
