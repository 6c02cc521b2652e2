"""Migrations for cross-document records (resolution, clusters, conflicts). Owned by resolve."""
from __future__ import annotations

from sqlalchemy import Connection

from . import schema, schema_cases


def m003_cases(conn: Connection, dialect: str) -> None:
    """Tables for entity links, overrides and audit, event clusters, claims and conflicts."""
    schema_cases.metadata.create_all(conn)


def m006_incremental_state(conn: Connection, dialect: str) -> None:
    """What incremental resolution keeps between runs, and the documents it has yet to take in."""
    schema.metadata.create_all(conn, tables=[schema.unresolved])
    schema_cases.metadata.create_all(conn)
    for index in schema_cases.DOCUMENT_INDEXES:    # create_all leaves a table that exists as it is
        index.create(conn, checkfirst=True)
