"""The Spark job: the same per-document step as ``casefile ingest`` over a corpus too big for one machine.

``run(inputs, output)`` spreads the input files over Spark partitions; each partition
loads the spaCy model once (per Python worker) and runs read -> clean -> parse ->
extract -> rows on its files with the very functions ``casefile ingest`` uses
(``pipeline.process``, which builds rows with ``store.rows.document_rows``), then writes
one Parquet table per store table (``spark_tables``). ``casefile load`` feeds that
output, in input order, to the ingest engine (``spark_load``), so the store ends up
as ``casefile ingest`` on the same files would leave it.

Work is split by file: a corpus of many WARC files (CC-NEWS ships ~1 GB files)
spreads well; a single huge file does not.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .ingest import documents_from
from .ingest.sources import expand, iter_inputs
from .ingest.url import is_url
from .models import Document, IngestIssue
from .settings import Settings
from .spark_tables import ERROR, ORDER, RECORDS_PER_FILE, TABLES, as_tuple, write_tables
from .store.rows import now

DEFAULT_MASTER = "local[*]"


# -- per partition (on the executors) ---------------------------------------------------------

def process_files(files: Iterable[tuple[int, str]], settings: Settings) -> Iterator[tuple[str, tuple]]:
    """(table, row) for every record of every (index, path or URL): the body of mapPartitions."""
    stamp = now()
    for index, item in files:
        batch: list[tuple[int, Document]] = []
        found = documents_from(iter_inputs([item], allow_private=settings.allow_private), settings.overrides)
        for record, got in enumerate(found):
            if isinstance(got, IngestIssue):
                yield "ingest_issues", as_tuple("ingest_issues", {
                    "item": got.item, "reason": got.reason, "kind": got.kind, "first_seen": stamp, "last_seen": stamp})
                continue
            batch.append((index * RECORDS_PER_FILE + record, got))
            if len(batch) >= settings.batch_size:
                yield from _finish(batch, settings)
                batch = []
        yield from _finish(batch, settings)


def _finish(batch: list[tuple[int, Document]], settings: Settings) -> Iterator[tuple[str, tuple]]:
    from .pipeline import process     # loads spaCy's modules: only on the executors

    if not batch:
        return
    for (order, _doc), done in zip(batch, process([d for _, d in batch], settings.model)):
        done.rows["documents"][0].update({ORDER: order, ERROR: done.error})
        for table, rows in done.rows.items():
            for row in rows:
                yield table, as_tuple(table, row)


# -- the driver --------------------------------------------------------------------------------

def input_files(inputs: Iterable[str]) -> list[str]:
    """Every file (or URL) the inputs name, in the order ``casefile ingest`` reads them."""
    out: list[str] = []
    for arg in inputs:
        paths = [] if is_url(arg) else expand(arg)
        out.extend([str(p.resolve()) for p in paths] if paths else [arg])
    return out


def local_cores(master: str) -> int:
    """The cores a ``local``, ``local[n]`` or ``local[*]`` master runs on."""
    inside = master[len("local["):-1].split(",")[0] if "[" in master else "1"
    return (os.cpu_count() or 1) if inside == "*" else int(inside)


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
        # a few shuffle partitions a core: Spark's default 200 is for clusters, and on one machine
        # each of its tasks costs more than the rows it holds (resolution runs hundreds of shuffles)
        builder = (builder.config("spark.pyspark.python", sys.executable).config("spark.driver.memory", "2g")
                   .config("spark.sql.shuffle.partitions", str(2 * local_cores(master))))
    return builder.getOrCreate()


def run(inputs: Iterable[str], output: str | Path, *, master: str = DEFAULT_MASTER,
        settings: Settings | None = None, partitions: int | None = None, resolve: bool = False) -> dict[str, int]:
    """Run the extraction on Spark and write ``output/<table>/`` Parquet; rows written per table.
    ``resolve``: then resolve entities (``spark_resolve``) and event clusters with their
    corroboration and conflicts (``spark_events``) across documents on Spark too."""
    from pyspark import StorageLevel

    settings = settings or Settings()
    files = input_files(inputs)
    spark = session(master)
    try:
        sc = spark.sparkContext
        slices = max(1, min(len(files), partitions or sc.defaultParallelism))
        records = (sc.parallelize(list(enumerate(files)), slices)
                   .mapPartitions(lambda part: process_files(part, settings))
                   .persist(StorageLevel.MEMORY_AND_DISK))
        counts = dict(records.map(lambda r: (r[0], 1)).reduceByKey(lambda a, b: a + b).collect())
        write_tables(spark, records, TABLES, output)
        records.unpersist()
        out = {t: counts.get(t, 0) for t in TABLES}
        if resolve:
            from . import spark_events, spark_resolve

            out["resolved entities"] = spark_resolve.run(output, spark)
            out["resolved clusters"] = spark_events.run(output, spark)
        return out
    finally:
        spark.stop()
