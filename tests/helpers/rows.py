"""Store rows for tests that write documents directly: (document, extraction, extra) as the engine builds them."""
from __future__ import annotations

from casefile.store.rows import document_rows, near_duplicate_rows, now


def rows_of(*items) -> list[dict[str, list[dict]]]:
    """``extra`` may hold ``signature``, ``bands`` and ``near`` ([(other id, similarity)])."""
    out = []
    for doc, extraction, extra in items:
        rows = document_rows(doc, extraction, extra.get("signature"), extra.get("bands", []), now())
        rows["near_duplicates"] = near_duplicate_rows(doc.id, extra.get("near", []))
        out.append(rows)
    return out
