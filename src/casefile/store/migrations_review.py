"""Migrations for human review and named cases. Owned by resolve.review and resolve.case_groups."""
from __future__ import annotations

from sqlalchemy import Connection

from . import schema_review


def m007_review(conn: Connection, dialect: str) -> None:
    """Review decisions with their history, and named cases with what they hold."""
    schema_review.metadata.create_all(conn)
