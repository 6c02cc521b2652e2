"""Migrations for cross-document records (resolution, clusters, conflicts). Owned by resolve."""
from __future__ import annotations

from sqlalchemy import Connection

from . import schema_cases


def m003_cases(conn: Connection, dialect: str) -> None:
    """Tables for entity links, overrides and audit, event clusters, claims and conflicts."""
    schema_cases.metadata.create_all(conn)
