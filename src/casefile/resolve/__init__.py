"""Across documents: entity resolution, event clusters, corroboration, conflicts, timelines.

``run(store, document_ids)`` is called by the pipeline after new documents are stored;
it reads the per-document records and writes the corpus-level ones.
"""
from __future__ import annotations


def run(store, document_ids: list[str] | None = None) -> None:
    """Bring corpus-level records up to date with the stored documents (placeholder)."""
    return None
