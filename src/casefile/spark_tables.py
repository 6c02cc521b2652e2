"""The Spark job's output format, shared by the job (``spark``) and the loader (``spark_load``).

One Parquet table per store table a document fills (``schema.DOCUMENT_TABLES``: same
names, same columns, JSON columns as JSON text), plus ``ingest_issues`` for inputs the
readers could not use. The documents table carries two columns of the job's own: the
input order and the extraction error, if any. A job that resolves across documents
(``--resolve``) adds, under ``resolved/``, the store tables resolution writes
(``RESOLVED_TABLES``) and each event's cluster (``event_cluster``).
"""
from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import JSON, Boolean, Column, Float, Integer, MetaData, Table, Text

from .store import schema as s
from .store import schema_cases as c

ORDER = "_order"                 # (file index, record index) as one sortable int
ERROR = "_error"                 # why a document was stored without extracted facts
RECORDS_PER_FILE = 10_000_000    # room for this many records per input file in ORDER
TABLES = (*(t.name for t in s.DOCUMENT_TABLES), s.ingest_issues.name)
JOB_COLUMNS = {"documents": (ORDER, ERROR)}
RESOLVED = "resolved"            # the folder of a resolving job's tables
event_cluster = Table("event_cluster", MetaData(), Column("id", Text), Column("cluster", Text))
RESOLVED_TABLES = {t.name: t for t in (s.entities, c.entity_links, event_cluster, c.event_clusters,
                                       c.cluster_claims, c.conflicts)}


def columns(table: str, resolved: bool = False) -> list:
    if resolved:
        return list(RESOLVED_TABLES[table].c)
    return [col for col in getattr(s, table).c if not (table == "documents" and col.name == "seq")]


def spark_schema(table: str, resolved: bool = False):
    """The Spark schema of one output table: the store table's columns (JSON as text)."""
    from pyspark.sql.types import BooleanType, DoubleType, LongType, StringType, StructField, StructType

    def kind(column):
        if isinstance(column.type, Boolean):
            return BooleanType()
        if isinstance(column.type, Integer):
            return LongType()
        if isinstance(column.type, Float):
            return DoubleType()
        return StringType()

    fields = [StructField(col.name, kind(col), nullable=True) for col in columns(table, resolved)]
    if table == "documents":
        fields += [StructField(ORDER, LongType(), nullable=False), StructField(ERROR, StringType(), nullable=True)]
    return StructType(fields)


def as_tuple(table: str, row: dict, resolved: bool = False) -> tuple:
    """A row in the column order of ``spark_schema(table)``, JSON values encoded."""
    return tuple(json.dumps(row.get(col.name), ensure_ascii=False) if isinstance(col.type, JSON) and
                 row.get(col.name) is not None else row.get(col.name) for col in columns(table, resolved)) + tuple(
        row.get(name) for name in JOB_COLUMNS.get(table, ()) if not resolved)


def write_tables(spark, tagged, tables, directory: str | Path, resolved: bool = False) -> None:
    """Write an RDD of (table, row tuple) as one Parquet table per table name (``resolved``: under
    ``resolved/``, in the schemas of ``RESOLVED_TABLES``)."""
    root = Path(directory) / RESOLVED if resolved else Path(directory)
    for table in tables:
        rows = tagged.filter(lambda r, t=table: r[0] == t).map(lambda r: r[1])
        spark.createDataFrame(rows, spark_schema(table, resolved)).write.mode("overwrite").parquet(str(root / table))


def read_table(directory: str | Path, table: str, resolved: bool = False) -> list[dict]:
    """One output table's rows, JSON columns decoded; [] when the job wrote none."""
    import pyarrow.parquet as pq

    path = Path(directory) / (f"{RESOLVED}/{table}" if resolved else table)
    if not path.exists():
        return []
    rows = pq.read_table(path).to_pylist()
    json_columns = [col.name for col in columns(table, resolved) if isinstance(col.type, JSON)]
    for row in rows:
        for name in json_columns:
            if row.get(name) is not None:
                row[name] = json.loads(row[name])
    return rows
