"""The Spark job: the same per-document extraction over a corpus too big for one machine.

``run(inputs, output)`` spreads the input files over Spark partitions; each partition
loads the spaCy model once (per Python worker) and runs read -> clean -> parse ->
extract on its files with the very functions ``casefile ingest`` uses, then writes
one Parquet table per store table (same names, same columns; JSON columns as JSON
text). ``load(output, store)`` puts those rows into any store in input order,
finds near-duplicates and runs the cross-document step, so the store ends up as
``casefile ingest`` on the same files would leave it.

Work is split by file: a corpus of many WARC files (CC-NEWS ships ~1 GB files)
spreads well; a single huge file does not.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from sqlalchemy import JSON, Float, Integer

from .ingest import dedup, documents_from
from .ingest.sources import expand, iter_inputs
from .ingest.url import is_url
from .models import Document, IngestIssue
from .store import schema as s
from .store.rows import extraction_rows

DEFAULT_MASTER = "local[*]"
ORDER = "_order"                 # extra documents column: (file index, record index) as one sortable int
RECORDS_PER_FILE = 10_000_000    # room for this many records per input file in ORDER
LOAD_BATCH = 64                  # documents per load transaction
# Tables the job writes; near_duplicates is found at load time, in input order.
TABLES = ("documents", "document_sources", "minhash_signatures", "minhash_bands", "doc_entities", "entities",
          "mentions", "quotes", "times", "events", "participants", "amounts", "ingest_issues")
FACT_TABLES = TABLES[4:12]


@dataclass(frozen=True)
class JobSettings:
    overrides: dict | None = None
    allow_private: bool = False
    model: str | None = None
    batch_size: int = 32


def _columns(table: str) -> list:
    return [c for c in getattr(s, table).c if not (table == "documents" and c.name == "seq")]


def spark_schema(table: str):
    """The Spark schema of one output table: the store table's columns (JSON as text)."""
    from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

    def kind(column):
        if isinstance(column.type, Integer):
            return LongType()
        if isinstance(column.type, Float):
            return DoubleType()
        return StringType()

    fields = [StructField(c.name, kind(c), nullable=True) for c in _columns(table)]
    if table == "documents":
        fields.append(StructField(ORDER, LongType(), nullable=False))
    return StructType(fields)


def _as_tuple(table: str, row: dict) -> tuple:
    return tuple(json.dumps(row.get(c.name), ensure_ascii=False) if isinstance(c.type, JSON) and
                 row.get(c.name) is not None else row.get(c.name) for c in _columns(table)) + (
        (row[ORDER],) if table == "documents" else ())


# -- per partition (on the executors) ---------------------------------------------------------

def document_rows(doc: Document, extraction, error: str | None, order: int, now: str) -> Iterator[tuple[str, dict]]:
    """Every row one document adds to the store, as ``Store.write_batch`` builds them."""
    row = {c.name: getattr(doc, c.name) for c in s.documents.c if hasattr(doc, c.name) and c.name != "seq"}
    row.update(word_count=len(doc.text.split()), ingested_at=now)
    row[ORDER] = order
    yield "documents", row
    yield "document_sources", {"document_id": doc.id, "source": doc.source, "outlet": doc.outlet,
                               "url": doc.url, "first_seen": now}
    sig = dedup.signature(doc.text)
    yield "minhash_signatures", {"document_id": doc.id, "signature": sig}
    for band in dedup.bands(sig):
        yield "minhash_bands", {"band": band, "document_id": doc.id}
    if extraction is not None:
        for table, rows in extraction_rows(doc, extraction):
            for r in rows:
                yield table, r
    if error:
        yield "ingest_issues", _issue_row(IngestIssue(item=doc.source, reason=error, kind="warning"), now)


def _issue_row(issue: IngestIssue, now: str) -> dict:
    return {"item": issue.item, "reason": issue.reason, "kind": issue.kind, "first_seen": now, "last_seen": now}


def process_files(files: Iterable[tuple[int, str]], settings: JobSettings) -> Iterator[tuple[str, tuple]]:
    """(table, row) for every record of every (index, path or URL): the body of mapPartitions."""
    from .pipeline import process

    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    for index, item in files:
        batch: list[tuple[int, Document]] = []
        found = documents_from(iter_inputs([item], allow_private=settings.allow_private), settings.overrides)
        for record, got in enumerate(found):
            if isinstance(got, IngestIssue):
                yield "ingest_issues", _as_tuple("ingest_issues", _issue_row(got, now))
                continue
            batch.append((index * RECORDS_PER_FILE + record, got))
            if len(batch) >= settings.batch_size:
                yield from _finish(batch, settings, now, process)
                batch = []
        yield from _finish(batch, settings, now, process)


def _finish(batch, settings: JobSettings, now: str, process) -> Iterator[tuple[str, tuple]]:
    if not batch:
        return
    orders = [order for order, _ in batch]
    for order, (doc, extraction, error) in zip(orders, process([d for _, d in batch], settings.model)):
        for table, row in document_rows(doc, extraction, error, order, now):
            yield table, _as_tuple(table, row)


# -- the driver --------------------------------------------------------------------------------

def input_files(inputs: Iterable[str]) -> list[str]:
    """Every file (or URL) the inputs name, in the order ``casefile ingest`` reads them."""
    out: list[str] = []
    for arg in inputs:
        paths = [] if is_url(arg) else expand(arg)
        out.extend([str(p.resolve()) for p in paths] if paths else [arg])
    return out


def session(master: str = DEFAULT_MASTER, app_name: str = "casefile"):
    from pyspark.sql import SparkSession

    # Executors must run this interpreter (it has casefile and the model); on a cluster,
    # install casefile on the executors and set PYSPARK_PYTHON there.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (SparkSession.builder.master(master).appName(app_name)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.python.worker.reuse", "true"))
    if master.startswith("local"):
        builder = builder.config("spark.pyspark.python", sys.executable).config("spark.driver.memory", "2g")
    return builder.getOrCreate()


def run(inputs: Iterable[str], output: str | Path, *, master: str = DEFAULT_MASTER,
        settings: JobSettings | None = None, partitions: int | None = None) -> dict[str, int]:
    """Run the extraction on Spark and write ``output/<table>/`` Parquet; rows written per table."""
    from pyspark import StorageLevel

    settings = settings or JobSettings()
    files = input_files(inputs)
    spark = session(master)
    try:
        sc = spark.sparkContext
        slices = max(1, min(len(files), partitions or sc.defaultParallelism))
        records = (sc.parallelize(list(enumerate(files)), slices)
                   .mapPartitions(lambda part: process_files(part, settings))
                   .persist(StorageLevel.MEMORY_AND_DISK))
        counts = dict(records.map(lambda r: (r[0], 1)).reduceByKey(lambda a, b: a + b).collect())
        for table in TABLES:
            rows = records.filter(lambda r, t=table: r[0] == t).map(lambda r: r[1])
            frame = spark.createDataFrame(rows, spark_schema(table))
            frame.write.mode("overwrite").parquet(str(Path(output) / table))
        records.unpersist()
        return {t: counts.get(t, 0) for t in TABLES}
    finally:
        spark.stop()


# -- loading -----------------------------------------------------------------------------------

def read_table(directory: str | Path, table: str) -> list[dict]:
    """One output table's rows, JSON columns decoded; [] when the job wrote none."""
    import pyarrow.parquet as pq

    path = Path(directory) / table
    if not path.exists():
        return []
    rows = pq.read_table(path).to_pylist()
    json_columns = [c.name for c in _columns(table) if isinstance(c.type, JSON)]
    for row in rows:
        for name in json_columns:
            if row.get(name) is not None:
                row[name] = json.loads(row[name])
    return rows


def load(directory: str | Path, store, *, batch_size: int = LOAD_BATCH, progress=None):
    """Put a job's Parquet output into ``store`` and run the cross-document step; an IngestReport."""
    from .spark_load import Loader

    return Loader(directory, store, batch_size, progress).run()


def by_document(directory: str | Path, tables: Iterable[str]) -> dict[str, dict[str, list[dict]]]:
    """{table: {document_id: rows}} for the per-document tables ({entity id: rows} for entities)."""
    out: dict[str, dict[str, list[dict]]] = {}
    for table in tables:
        grouped: dict[str, list[dict]] = defaultdict(list)
        for row in read_table(directory, table):
            grouped[row["document_id"] if "document_id" in row else row["id"]].append(row)
        out[table] = grouped
    return out

