"""p95 latency of every page of the web UI on the 10,000-article benchmark store.

    .venv/bin/python benchmarks/pages.py [--docs 10000] [--requests 40] [--db PATH] [--reuse]

The store is benchmarks/web.py's synthetic one (bulk inserts, no spaCy: 10,000 documents,
480 fictional people of whom a few are named in thousands of documents, dates over ten
years). Every page a researcher opens is requested: the case overview, the document list,
a document, search, the entity list, the most-cited person's dossier (first and a later page
of each section) and a rarely cited one's, the brief, the timeline (latest events, the whole
span, a zoomed month, by entity name, in entity lanes), the name suggestions, comparison,
exports and the API page. Prints p50/p95 wall-clock and the server's CPU time per request;
target p95 under 100 ms. Not a test: figures depend on the machine and its load.
"""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web import main  # noqa: E402  (benchmarks/web.py: builds, serves and times the store)


def paths(base: str) -> dict[str, str]:
    people = httpx.get(base + "/api/entities?type=PERSON&limit=400", timeout=120).json()
    top, rare = people[0], people[-1]
    ref, name = quote(top["ref"], safe=""), quote(top["name"])
    return {
        "home (case overview)": "/", "documents": "/documents", "documents page 50": "/documents?page=50",
        "document": "/documents/doc004321", "search": "/search?q=sentenced+Veskar",
        "search+facets": "/search?q=released&outlet=Valley+Post&event_type=release", "entities": "/entities",
        "dossier (most cited)": f"/entities/{ref}",
        "dossier (most cited, p.5)": f"/entities/{ref}?events_page=5&quotes_by_page=3&documents_page=4",
        "dossier (rare)": f"/entities/{quote(rare['ref'], safe='')}", "brief (most cited)": f"/entities/{ref}/brief",
        "timeline (latest)": "/timeline", "timeline (whole span)": "/timeline?date_from=2015-01-01&date_to=2024-12-31",
        "timeline (a month)": "/timeline?date_from=2019-05-01&date_to=2019-05-31",
        "timeline (by name)": f"/timeline?entity={name}", "timeline (entity lanes)": "/timeline?lanes=entity",
        "timeline (type)": "/timeline?event_type=release", "suggest names": "/api/suggest/entities?q=an",
        "compare docs": "/compare?a=doc000001&b=doc000002",
        "compare outlets": "/compare?outlet_a=Valley+Post&outlet_b=Free+Wire",
        "exports": "/exports", "api page": "/docs",
    }


if __name__ == "__main__":
    main(paths, __doc__)
