"""Loading a Spark job's Parquet output into a store, as ``casefile ingest`` would have written it.

Documents go in input order (the job's ``_order``), so ``seq``, the choice of which
copy is the original, and near-duplicate links come out as in a 1-process ingest.
One transaction per batch of documents; documents already in the store are noted
as copies, so loading twice changes nothing.
"""
from __future__ import annotations

from pathlib import Path

from . import resolve
from .models import IngestIssue
from .pipeline import IngestReport, _near_duplicates
from .spark import FACT_TABLES, ORDER, by_document, read_table
from .store import schema as s
from .store.db import Store

KEYS = {t.name: [c.name for c in t.primary_key.columns] for t in s.metadata.sorted_tables}
PER_DOCUMENT = ("document_sources", "minhash_signatures", "minhash_bands", *FACT_TABLES)


class Loader:
    def __init__(self, directory: str | Path, store: Store, batch_size: int, progress=None):
        self.directory = Path(directory)
        self.store = store
        self.batch_size = batch_size
        self.notify = progress or (lambda what, item: None)
        self.report = IngestReport()
        self.rows = by_document(self.directory, PER_DOCUMENT)

    def run(self) -> IngestReport:
        if not (self.directory / "documents").exists():
            from .errors import NotFound

            raise NotFound("no Spark output here (expected a documents/ folder)", item=str(self.directory))
        self._issues(read_table(self.directory, "ingest_issues"))
        batch: list[dict] = []
        seen: set[str] = set()
        copies: list[dict] = []
        for doc in sorted(read_table(self.directory, "documents"), key=lambda r: r[ORDER]):
            self.report.received += 1
            if doc["id"] in seen or self.store.known([doc["id"]]):
                copies.append(doc)
                self.report.duplicates += 1
                self.notify("duplicate", doc["source"])
                continue
            seen.add(doc["id"])
            batch.append(doc)
            if len(batch) >= self.batch_size:
                self._flush(batch)
                batch = []
        self._flush(batch)
        for doc in copies:
            self.store.add_source(doc["id"], doc["source"], doc["outlet"], doc["url"])
        if self.report.stored:
            resolve.run(self.store, self.report.stored_ids)
        return self.report

    def _issues(self, issues: list[dict]) -> None:
        for row in issues:
            self.store.record_issue(row["item"], row["reason"], row["kind"])
            self.report.issues.append(IngestIssue(item=row["item"], reason=row["reason"], kind=row["kind"]))
            self.report.rejected += row["kind"] == "rejected"
            self.report.received += row["kind"] == "rejected"
            self.report.warnings += row["kind"] == "warning"

    def _own_rows(self, table: str, doc: dict) -> list[dict]:
        """This document's rows, once each: copies of a document produced the same rows again."""
        if table == "entities":     # before resolution each document has its own entity rows
            links = self._own_rows("doc_entities", doc)
            rows = [r for link in links for r in self.rows[table].get(link["entity_id"], [])]
        else:
            rows = self.rows[table].get(doc["id"], [])
        if table == "document_sources":
            return [r for r in rows if r["source"] == doc["source"]][:1]
        unique = {tuple(r[k] for k in KEYS[table]): r for r in reversed(rows)}
        return list(reversed(unique.values()))

    def _flush(self, batch: list[dict]) -> None:
        if not batch:
            return
        inserts: dict[str, list[dict]] = {t: [] for t in ("documents", "near_duplicates", *PER_DOCUMENT)}
        signatures: dict[str, list[int]] = {}
        for doc in batch:
            inserts["documents"].append({k: v for k, v in doc.items() if k != ORDER})
            for table in PER_DOCUMENT:
                inserts[table].extend(self._own_rows(table, doc))
            sig = next((r["signature"] for r in self._own_rows("minhash_signatures", doc)), None)
            if sig is not None:
                bands = [r["band"] for r in self._own_rows("minhash_bands", doc)]
                near = _near_duplicates(self.store, sig, bands, signatures)
                signatures[doc["id"]] = sig
                self.report.near_duplicates += bool(near)
                inserts["near_duplicates"].extend(
                    {"document_id": doc["id"], "duplicate_of": other, "similarity": similarity, "method": "minhash"}
                    for other, similarity in near)
        with self.store.engine.begin() as conn:
            for table in ("documents", "document_sources", "minhash_signatures", "minhash_bands",
                          "near_duplicates", *FACT_TABLES):
                if inserts[table]:
                    conn.execute(getattr(s, table).insert(), inserts[table])
        for doc in batch:
            self.report.stored += 1
            self.report.stored_ids.append(doc["id"])
            self.notify("stored", doc["source"])

