"""The one place the stages are chained: read -> clean + metadata -> dedup -> parse -> extract -> store.

Documents travel in batches: spaCy parses a batch with ``nlp.pipe`` and the store
writes it in one transaction, so an interrupted run leaves whole documents only, and
re-running it stores what is missing and nothing twice.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import nlp, resolve
from .extract import extract_all, make_parsed
from .ingest import documents_from
from .ingest import dedup
from .ingest.sources import iter_inputs
from .models import Document, Extraction, IngestIssue
from .store.db import Store

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


def ingest(inputs: Iterable[str], store: Store, *, overrides: dict | None = None, allow_private: bool = False,
           batch_size: int = 32, model: str | None = None, progress: Progress | None = None) -> IngestReport:
    """Read every input, store every article in it, and record a reason for everything else."""
    report = IngestReport()
    notify = progress or (lambda what, item: None)
    batch: list[Document] = []
    pending: set[str] = set()
    copies: list[Document] = []      # exact copies of documents still in the batch
    for item in documents_from(iter_inputs(list(inputs), allow_private=allow_private), overrides):
        report.received += isinstance(item, Document) or item.kind == "rejected"
        if isinstance(item, IngestIssue):
            store.record_issue(item.item, item.reason, item.kind)
            report.issues.append(item)
            report.rejected += item.kind == "rejected"
            notify("rejected", f"{item.item}: {item.reason}")
            continue
        if item.id in pending or store.known([item.id]):
            copies.append(item)
            report.duplicates += 1
            notify("duplicate", item.source)
            continue
        batch.append(item)
        pending.add(item.id)
        if len(batch) >= batch_size:
            _flush(batch, store, report, model, notify)
            batch, pending = [], set()
        if not pending:
            _record_copies(copies, store)
    if batch:
        _flush(batch, store, report, model, notify)
    _record_copies(copies, store)
    if report.stored:
        resolve.run(store, report.stored_ids)
    return report


def _record_copies(copies: list[Document], store: Store) -> None:
    """Note each further input that held an already-stored document."""
    for doc in copies:
        store.add_source(doc.id, doc.source, doc.outlet, doc.url)
    copies.clear()


def process(documents: list[Document], model: str | None = None) -> list[tuple[Document, Extraction | None, str | None]]:
    """Parse and extract a batch: (document, extraction or None, error message or None)."""
    out = []
    for doc, parsed_doc in zip(documents, nlp.parse((d.text for d in documents), model=model)):
        try:
            extraction = extract_all(make_parsed(doc, parsed_doc))
            extraction.sentences = [(s.start_char, s.end_char) for s in parsed_doc.sents]
            out.append((doc, extraction, None))
        except Exception as exc:  # an extractor bug must not lose the document
            log.exception("extraction failed for %s", doc.source)
            out.append((doc, None, f"stored without extracted facts: extraction failed ({type(exc).__name__})"))
    return out


def _flush(batch: list[Document], store: Store, report: IngestReport, model: str | None, notify: Progress) -> None:
    processed = process(batch, model)
    rows = []
    signatures: dict[str, list[int]] = {}
    for doc, extraction, error in processed:
        sig = dedup.signature(doc.text)
        bands = dedup.bands(sig)
        near = _near_duplicates(store, sig, bands, signatures)
        signatures[doc.id] = sig
        report.near_duplicates += bool(near)
        rows.append((doc, extraction, {"signature": sig, "bands": bands, "near": near}))
        if error:
            report.warnings += 1
            report.issues.append(IngestIssue(item=doc.source, reason=error, kind="warning"))
    store.write_batch(rows)
    for doc, _extraction, error in processed:
        if error:
            store.record_issue(doc.source, error, "warning")
        report.stored += 1
        report.stored_ids.append(doc.id)
        notify("stored", doc.source)


def _near_duplicates(store: Store, sig: list[int], bands: list[str],
                     in_batch: dict[str, list[int]]) -> list[tuple[str, float]]:
    candidates = dict(store.band_candidates(bands))
    candidates.update(in_batch)
    scored = [(other, dedup.similarity(sig, other_sig)) for other, other_sig in candidates.items()]
    return sorted(((o, round(v, 3)) for o, v in scored if v >= dedup.NEAR_DUPLICATE_JACCARD), key=lambda x: -x[1])
