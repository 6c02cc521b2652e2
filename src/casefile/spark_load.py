"""``casefile load``: a Spark job's Parquet output fed to the ingest engine, as ``casefile ingest`` would.

Documents go to a ``pipeline.IngestSession`` in input order (the job's ``_order``), so
``seq``, the choice of which copy is the original, near-duplicate links, batching and
the final resolution come out as in a 1-process ingest. Documents already in the store
are noted as copies, so loading twice changes nothing. The output of a job that resolved
across documents (``resolved/``) is stored as it is, not resolved again (``resolve.given``),
when it is loaded into an empty store.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import fields
from pathlib import Path

from sqlalchemy import select

from .errors import NotFound
from .models import Document, IngestIssue
from .pipeline import IngestReport, IngestSession, Processed, Progress, configure
from .settings import Settings
from .resolve.given import Given, store_given
from .spark_tables import ERROR, JOB_COLUMNS, ORDER, RESOLVED, read_table
from .store import schema as s
from .store.db import Store

log = logging.getLogger(__name__)
LOAD_BATCH = 64                  # documents per load transaction
KEYS = {t.name: [c.name for c in t.primary_key.columns] for t in s.DOCUMENT_TABLES}
PER_DOCUMENT = tuple(t.name for t in s.DOCUMENT_TABLES if t is not s.documents)
_DOCUMENT_FIELDS = [f.name for f in fields(Document)]


def load(directory: str | Path, store: Store, settings: Settings | None = None, *,
         progress: Progress | None = None, **options) -> IngestReport:
    """Put a job's output into ``store`` through the ingest engine; the report of the run."""
    directory = Path(directory)
    if not (directory / "documents").exists():
        raise NotFound("no Spark output here (expected a documents/ folder)", item=str(directory))
    given = _given(directory, store)
    session = IngestSession(store, configure(settings or Settings(batch_size=LOAD_BATCH), options), progress,
                            resolving=given is None)
    for row in read_table(directory, "ingest_issues"):
        session.take(IngestIssue(item=row["item"], reason=row["reason"], kind=row["kind"]))
    rows = _by_document(directory)
    for doc in sorted(read_table(directory, "documents"), key=lambda r: r[ORDER]):
        session.take(_processed(doc, rows))
    report = session.finish()
    if given is not None:
        log.info("stored the job's resolution as it is: %s", store_given(store, given))
    return report


def _given(directory: Path, store: Store) -> Given | None:
    """The job's resolution (``--resolve``), when it covers the whole store: into an empty store.
    Into a store that holds other documents, the engine resolves as after any ingest."""
    if not (directory / RESOLVED / "event_clusters").exists():
        return None
    with store.engine.connect() as conn:
        if conn.execute(select(s.documents.c.id).limit(1)).first() is not None:
            return None
    read = lambda table: read_table(directory, table, resolved=True)      # noqa: E731
    return Given(entities=read("entities"), links=read("entity_links"),
                 clusters={r["id"]: r["cluster"] for r in read("event_cluster")}, cluster_rows=read("event_clusters"),
                 claims=read("cluster_claims"), conflicts=read("conflicts"))


def _by_document(directory: Path) -> dict[str, dict[str, list[dict]]]:
    """{table: {document id: rows}} ({entity id: rows} for the entities a document starts with)."""
    out: dict[str, dict[str, list[dict]]] = {}
    for table in PER_DOCUMENT:
        grouped: dict[str, list[dict]] = defaultdict(list)
        for row in read_table(directory, table):
            grouped[row["document_id"] if "document_id" in row else row["id"]].append(row)
        out[table] = grouped
    return out


def _processed(doc: dict, rows: dict[str, dict[str, list[dict]]]) -> Processed:
    """One document of the job's output as the engine takes a document parsed elsewhere."""
    own = {"documents": [{k: v for k, v in doc.items() if k not in JOB_COLUMNS["documents"]}]}
    for table in sorted(PER_DOCUMENT, key=lambda t: t == "entities"):   # entities are found through doc_entities
        own[table] = _own_rows(table, doc, rows, own)
    sig = next((r["signature"] for r in own["minhash_signatures"]), None)
    document = Document(**{k: doc[k] for k in _DOCUMENT_FIELDS if doc.get(k) is not None})
    return Processed(document, own, sig, [r["band"] for r in own["minhash_bands"]], doc.get(ERROR))


def _own_rows(table: str, doc: dict, rows: dict, own: dict) -> list[dict]:
    """This document's rows, once each: a copy of a document in another input made the same rows again."""
    if table == "entities":     # before resolution each document has its own entity rows
        found = [r for link in own["doc_entities"] for r in rows[table].get(link["entity_id"], [])]
    else:
        found = rows[table].get(doc["id"], [])
    if table == "document_sources":
        return [r for r in found if r["source"] == doc["source"]][:1]
    unique = {tuple(r[k] for k in KEYS[table]): r for r in reversed(found)}
    return list(reversed(unique.values()))
