"""Many-row inserts straight through the database driver.

The corpus-level tables are rewritten on every run, and a large corpus has tens of thousands
of conflict rows: building SQLAlchemy's parameters row by row costs more than the insert. For
tables whose columns need no conversion (text and integers) one prepared statement takes
plain tuples; anything else goes through SQLAlchemy as before.
"""
from __future__ import annotations

from operator import itemgetter

from sqlalchemy import Connection, Integer, Table, Text

_MARKERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def insert_many(conn: Connection, table: Table, rows: list[dict]) -> None:
    if not rows:
        return
    marker = _MARKERS.get(conn.dialect.paramstyle)
    keys = [c.name for c in table.columns if c.name in rows[0]]
    plain = all(type(table.c[k].type) in (Text, Integer) for k in keys)
    if marker is None or not plain or set(map(len, rows)) != {len(keys)}:
        conn.execute(table.insert(), rows)
        return
    quote = conn.dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {conn.dialect.identifier_preparer.format_table(table)} "
           f"({', '.join(quote(k) for k in keys)}) VALUES ({', '.join([marker] * len(keys))})")
    values = itemgetter(*keys)     # one key: a bare value, not a tuple
    conn.exec_driver_sql(sql, [tuple(r[k] for k in keys) for r in rows] if len(keys) == 1 else list(map(values, rows)))
