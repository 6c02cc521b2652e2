"""The Spark job's output format, shared by the job (``spark``) and the loader (``spark_load``).

One Parquet table per store table a document fills (``schema.DOCUMENT_TABLES``: same
names, same columns, JSON columns as JSON text), plus ``ingest_issues`` for inputs the
readers could not use. The documents table carries two columns of the job's own: the
input order and the extraction error, if any.
"""
from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import JSON, Float, Integer

from .store import schema as s

ORDER = "_order"                 # (file index, record index) as one sortable int
ERROR = "_error"                 # why a document was stored without extracted facts
RECORDS_PER_FILE = 10_000_000    # room for this many records per input file in ORDER
TABLES = (*(t.name for t in s.DOCUMENT_TABLES), s.ingest_issues.name)
JOB_COLUMNS = {"documents": (ORDER, ERROR)}


def columns(table: str) -> list:
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

    fields = [StructField(c.name, kind(c), nullable=True) for c in columns(table)]
    if table == "documents":
        fields += [StructField(ORDER, LongType(), nullable=False), StructField(ERROR, StringType(), nullable=True)]
    return StructType(fields)


def as_tuple(table: str, row: dict) -> tuple:
    """A row in the column order of ``spark_schema(table)``, JSON values encoded."""
    return tuple(json.dumps(row.get(c.name), ensure_ascii=False) if isinstance(c.type, JSON) and
                 row.get(c.name) is not None else row.get(c.name) for c in columns(table)) + tuple(
        row.get(name) for name in JOB_COLUMNS.get(table, ()))


def read_table(directory: str | Path, table: str) -> list[dict]:
    """One output table's rows, JSON columns decoded; [] when the job wrote none."""
    import pyarrow.parquet as pq

    path = Path(directory) / table
    if not path.exists():
        return []
    rows = pq.read_table(path).to_pylist()
    json_columns = [c.name for c in columns(table) if isinstance(c.type, JSON)]
    for row in rows:
        for name in json_columns:
            if row.get(name) is not None:
                row[name] = json.loads(row[name])
    return rows
