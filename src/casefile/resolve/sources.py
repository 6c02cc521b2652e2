"""Who reports what: the outlets behind documents and how many of them are independent.

Two documents are one source when they come from the same outlet or when one is a
near-duplicate (a wire copy) of the other; an exact copy stored once under several
inputs is already one document. Without an outlet name, the URL's site stands in;
without either, a document stands for itself.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlalchemy import Connection, or_, select

from ..store import schema as s
from . import names as N


@dataclass
class Sources:
    outlets: dict[str, list[str]] = field(default_factory=dict)        # document -> outlets, main first
    near: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    seq: dict[str, int] = field(default_factory=dict)

    def outlet(self, document_id: str) -> str | None:
        names = self.outlets.get(document_id) or []
        return names[0] if names else None

    def outlets_of(self, documents) -> list[str]:
        return list(dict.fromkeys(o for d in documents for o in self.outlets.get(d, [])))

    def independent(self, documents) -> int:
        """Number of independent sources among ``documents``."""
        docs = list(dict.fromkeys(documents))
        parent = {d: d for d in docs}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        by_outlet: dict[str, str] = {}
        for d in docs:
            for o in self.outlets.get(d, []):
                key = N.fold(o)
                if key in by_outlet:
                    parent[find(d)] = find(by_outlet[key])
                else:
                    by_outlet[key] = d
            for other in self.near.get(d, ()):
                if other in parent:
                    parent[find(d)] = find(other)
        return len({find(d) for d in docs})


def outlet_name(outlet: str | None, url: str | None) -> str | None:
    """The outlet a document names, or the web site its URL belongs to when it names none."""
    host = urlsplit(url or "").hostname or ""
    return outlet or host.removeprefix("www.") or None


def load(conn: Connection, documents: Iterable[str] | None = None) -> Sources:
    """Outlets, order and near copies of ``documents`` (None: all), read by document."""
    out = Sources()
    d, ds, nd = s.documents, s.document_sources, s.near_duplicates
    batches = [None] if documents is None else [list(b) for b in _chunks(sorted(set(documents)))]
    for batch in batches:
        def only(query, *columns):
            return query if batch is None else query.where(or_(*(col.in_(batch) for col in columns)))
        for r in conn.execute(only(select(d.c.id, d.c.outlet, d.c.url, d.c.seq), d.c.id)):
            name = outlet_name(r.outlet, r.url)
            out.outlets[r.id] = [name] if name else []
            out.seq[r.id] = r.seq or 0
        # in the order the copies were found, the same however many documents are read
        query = select(ds.c.document_id, ds.c.outlet, ds.c.url).order_by(ds.c.document_id, ds.c.first_seen,
                                                                          ds.c.source)
        for r in conn.execute(only(query, ds.c.document_id)):
            name = outlet_name(r.outlet, r.url)
            if name and r.document_id in out.outlets and name not in out.outlets[r.document_id]:
                out.outlets[r.document_id].append(name)
        for r in conn.execute(only(select(nd.c.document_id, nd.c.duplicate_of), nd.c.document_id, nd.c.duplicate_of)):
            out.near[r.document_id].add(r.duplicate_of)
            out.near[r.duplicate_of].add(r.document_id)
    return out


def _chunks(items: list[str], size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]
