"""The one ingest engine: read -> clean + metadata -> dedup -> parse -> extract -> store -> resolve.

An ``IngestSession`` owns everything after the readers: it accepts documents (still to
parse, or parsed elsewhere), spots exact copies, batches, links near-duplicates, records
issues, keeps the report, and finally resolves what the new documents change. Serial
ingest (``ingest`` below), ``--workers N`` (``parallel``) and ``casefile load`` of a Spark
job (``spark_load``) only differ in where documents are parsed; all three feed a session.

Documents travel in batches: spaCy parses a batch with ``nlp.pipe`` and the store
writes it in one transaction, so an interrupted run leaves whole documents only, and
re-running it stores what is missing and nothing twice.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import nlp, resolve
from .extract import make_parsed
from .extract.chain import extract_all
from .ingest import dedup, documents_from
from .ingest.sources import iter_inputs
from .models import Document, IngestIssue
from .settings import Settings
from .store.db import Store
from .store.locks import writing
from .store.rows import document_rows, near_duplicate_rows, now
from .store.writer import write_batch

log = logging.getLogger(__name__)
Progress = Callable[[str, str], None]   # (what happened, item) -> None


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    rejected: int = 0
    warnings: int = 0
    issues: list[IngestIssue] = field(default_factory=list)
    stored_ids: list[str] = field(default_factory=list)
    received: int = 0                  # documents and issues that came out of the readers

    @property
    def lost(self) -> int:
        """Items that were neither stored, nor found to be copies, nor rejected with a reason."""
        return self.received - self.stored - self.duplicates - self.rejected

    def summary(self) -> str:
        return (f"stored {self.stored}, duplicates {self.duplicates}, near-duplicates {self.near_duplicates}, "
                f"rejected {self.rejected}, lost {self.lost}")


@dataclass
class Processed:
    """A parsed document: its rows (``store.rows.document_rows``), its MinHash signature and
    the extraction error that left it without facts, if any."""

    document: Document
    rows: dict[str, list[dict]]
    signature: list[int]
    bands: list[str]
    error: str | None = None


def configure(settings: Settings | None, options: dict) -> Settings:
    """The settings of a run: ``settings`` (or the defaults) with keyword options applied."""
    return (settings or Settings()).but(**options)


def process(documents: list[Document], model: str | None = None) -> list[Processed]:
    """Parse and extract a batch, and build each document's rows."""
    out = []
    stamp = now()
    for doc, parsed_doc in zip(documents, nlp.parse((d.text for d in documents), model=model)):
        error = None
        try:
            extraction = extract_all(make_parsed(doc, parsed_doc))
            extraction.sentences = [(s.start_char, s.end_char) for s in parsed_doc.sents]
        except Exception as exc:  # an extractor bug must not lose the document
            log.exception("extraction failed for %s", doc.source)
            extraction = None
            error = f"stored without extracted facts: extraction failed ({type(exc).__name__})"
        sig = dedup.signature(doc.text)
        bands = dedup.bands(sig)
        out.append(Processed(doc, document_rows(doc, extraction, sig, bands, stamp), sig, bands, error))
    return out


class IngestSession:
    """Accepts what the readers (or workers, or a Spark job) produce; ``finish`` returns the report."""

    def __init__(self, store: Store, settings: Settings | None = None, progress: Progress | None = None,
                 resolving: bool = True):
        self.store = store
        self.resolving = resolving             # False: the caller stores a resolution made elsewhere
        self.settings = settings or Settings()
        self.notify = progress or (lambda what, item: None)
        self.report = IngestReport()
        self.batch: list[Document | Processed] = []
        self.pending: set[str] = set()
        self.copies: list[Document] = []       # exact copies of documents still in the batch
        self.resourced: list[str] = []         # stored documents a copy gave another source (outlet)

    def take(self, item: IngestIssue | Document | Processed) -> None:
        """One item: an issue, a document still to parse, or a document parsed elsewhere."""
        self.report.received += not isinstance(item, IngestIssue) or item.kind == "rejected"
        if isinstance(item, IngestIssue):
            self.issue(item)
            return
        doc = item.document if isinstance(item, Processed) else item
        if doc.id in self.pending or self.store.known([doc.id]):
            self.copies.append(doc)
            self.report.duplicates += 1
            self.notify("duplicate", doc.source)
            return
        self.batch.append(item)
        self.pending.add(doc.id)
        if len(self.batch) >= self.settings.batch_size:
            self._flush()
        if not self.pending:
            self._record_copies()

    def issue(self, issue: IngestIssue) -> None:
        """An input that is not an article (or was read with a problem), kept with its reason."""
        self.store.record_issue(issue.item, issue.reason, issue.kind)
        self.report.issues.append(issue)
        self.report.rejected += issue.kind == "rejected"
        self.report.warnings += issue.kind == "warning"
        self.notify("rejected" if issue.kind == "rejected" else "warning", f"{issue.item}: {issue.reason}")

    def finish(self) -> IngestReport:
        """Write what is left, note the copies, and resolve what the new documents change."""
        if self.batch:
            self._flush()
        self._record_copies()
        changed = list(dict.fromkeys(self.report.stored_ids + self.resourced))
        if changed and self.resolving:     # a copy on another site changes who reports a stored document's events
            resolve.run(self.store, changed)
        return self.report

    def _record_copies(self) -> None:
        """Note each further input that held an already-stored document (after that one is written)."""
        for doc in self.copies:
            if self.store.add_source(doc.id, doc.source, doc.outlet, doc.url):
                self.resourced.append(doc.id)
        self.copies.clear()

    def _flush(self) -> None:
        todo = [item for item in self.batch if isinstance(item, Document)]
        parsed = iter(process(todo, self.settings.model) if todo else [])
        batch = [next(parsed) if isinstance(item, Document) else item for item in self.batch]
        # Under the write lock another ingest into the same store cannot commit between what
        # this one reads (which documents are stored, which are near copies) and its write.
        with writing(self.store.engine) as conn:
            stored = self.store.known([p.document.id for p in batch])
            fresh = [p for p in batch if p.document.id not in stored]
            signatures: dict[str, list[int]] = {}
            for p in fresh:
                near = near_duplicates(self.store, p.signature, p.bands, signatures)
                signatures[p.document.id] = p.signature
                self.report.near_duplicates += bool(near)
                p.rows["near_duplicates"] = near_duplicate_rows(p.document.id, near)
            write_batch(conn, [p.rows for p in fresh])
        for p in batch:
            if p.document.id in stored:      # another run stored it since ``take`` looked
                self.copies.append(p.document)
                self.report.duplicates += 1
                self.notify("duplicate", p.document.source)
                continue
            if p.error:
                self.issue(IngestIssue(item=p.document.source, reason=p.error, kind="warning"))
            self.report.stored += 1
            self.report.stored_ids.append(p.document.id)
            self.notify("stored", p.document.source)
        self.batch, self.pending = [], set()


def near_duplicates(store: Store, sig: list[int], bands: list[str],
                    in_batch: dict[str, list[int]]) -> list[tuple[str, float]]:
    """Stored documents (and earlier ones of this batch) this text is a near copy of, closest first."""
    candidates = dict(store.band_candidates(bands))
    candidates.update(in_batch)
    scored = [(other, dedup.similarity(sig, other_sig)) for other, other_sig in candidates.items()]
    return sorted(((o, round(v, 3)) for o, v in scored if v >= dedup.NEAR_DUPLICATE_JACCARD), key=lambda x: -x[1])


def ingest(inputs: Iterable[str], store: Store, settings: Settings | None = None, *,
           progress: Progress | None = None, **options) -> IngestReport:
    """Read every input in this process, store every article in it, and record a reason for
    everything else. ``options`` are ``Settings`` fields (``batch_size=8``, ``outlet=...``)."""
    settings = configure(settings, options)
    session = IngestSession(store, settings, progress)
    for item in documents_from(iter_inputs(list(inputs), allow_private=settings.allow_private), settings.overrides):
        session.take(item)
    return session.finish()
