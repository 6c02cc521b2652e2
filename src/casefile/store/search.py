"""Search over documents, entities and quotes, with facets (outlet, entity type, event type, dates).

SQLite uses the ``*_fts`` tables (FTS5); PostgreSQL uses ``to_tsvector`` over the same
columns. Every query is bounded by a LIMIT so a page stays fast on a large store.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text

from .db import Store

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
FACET_LIMIT = 30
SNIPPET_TOKENS = 12
POOL_FACTOR = 5          # filtered quote/entity search ranks this many times the limit first


@dataclass
class SearchFilters:
    outlet: str | None = None
    entity_type: str | None = None
    event_type: str | None = None
    date_from: str | None = None      # ISO date prefix, compared as text (dates are stored ISO)
    date_to: str | None = None

    @classmethod
    def given(cls, *values: str | None) -> SearchFilters:
        """Filters from a form or query string, in field order: blank values filter nothing."""
        return cls(*(v.strip() or None if isinstance(v, str) else None for v in values))


@dataclass
class SearchResult:
    query: str
    filters: SearchFilters
    documents: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    facets: dict[str, list[dict]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"query": self.query, "filters": self.filters.__dict__, "documents": self.documents,
                "entities": self.entities, "quotes": self.quotes, "facets": self.facets}


def words(query: str) -> list[str]:
    """The words of a free-text query; punctuation and FTS syntax are dropped, not interpreted."""
    return [w for w in "".join(c if c.isalnum() else " " for c in query).split() if w][:20]


def _match(query: str) -> str:
    return " ".join(f'"{w}"' for w in words(query))


def _doc_filters(f: SearchFilters, alias: str = "d") -> tuple[str, dict]:
    clauses, params = [], {}
    if f.outlet:
        clauses.append(f"{alias}.outlet = :outlet")
        params["outlet"] = f.outlet
    if f.date_from:
        clauses.append(f"{alias}.published >= :date_from")
        params["date_from"] = f.date_from
    if f.date_to:
        clauses.append(f"{alias}.published < :date_to_end")
        params["date_to_end"] = f.date_to + "\uffff"     # the whole day/month/year named
    if f.event_type:
        clauses.append(f"EXISTS (SELECT 1 FROM events ev WHERE ev.document_id = {alias}.id AND ev.type = :event_type)")
        params["event_type"] = f.event_type
    if f.entity_type:
        clauses.append(f"EXISTS (SELECT 1 FROM doc_entities de WHERE de.document_id = {alias}.id "
                       "AND de.type = :entity_type)")
        params["entity_type"] = f.entity_type
    return "".join(f" AND {c}" for c in clauses), params


def search(store: Store, query: str, filters: SearchFilters | None = None, limit: int = DEFAULT_LIMIT) -> SearchResult:
    """Documents, entities and quotes matching ``query`` (all words), best first, with facet counts."""
    filters = filters or SearchFilters()
    limit = max(1, min(limit, MAX_LIMIT))
    result = SearchResult(query=query, filters=filters)
    if not words(query) and not any(filters.__dict__.values()):
        return result
    with store.engine.connect() as conn:
        sqlite = store.dialect == "sqlite"
        result.documents = _documents(conn, query, filters, limit, sqlite)
        if words(query):
            result.entities = _entities(conn, query, filters, limit, sqlite)
            result.quotes = _quotes(conn, query, filters, limit, sqlite)
        result.facets = _facets(conn, [d["id"] for d in result.documents], result.entities)
    return result


def _documents(conn, query: str, f: SearchFilters, limit: int, sqlite: bool) -> list[dict]:
    where, params = _doc_filters(f)
    params |= {"q": _match(query) if sqlite else " ".join(words(query)), "n": limit}
    cols = "d.id, d.title, d.outlet, d.published, d.source"
    if not words(query):
        sql = f"SELECT {cols}, NULL AS snippet FROM documents d WHERE 1=1{where} ORDER BY d.published DESC LIMIT :n"
    elif sqlite and not where:
        # Ranking inside the FTS table alone lets FTS5 keep only the best :n instead of sorting every match.
        sql = (f"SELECT {cols}, f.snippet FROM (SELECT rowid, rank, snippet(documents_fts, 1, '\u2063', '\u2064', "
               f"' … ', {SNIPPET_TOKENS}) AS snippet FROM documents_fts WHERE documents_fts MATCH :q ORDER BY rank "
               "LIMIT :n) AS f JOIN documents d ON d.seq = f.rowid ORDER BY f.rank")
    elif sqlite:
        sql = (f"SELECT {cols}, snippet(documents_fts, 1, '\u2063', '\u2064', ' … ', {SNIPPET_TOKENS}) AS snippet "
               "FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid "
               f"WHERE documents_fts MATCH :q{where} ORDER BY rank LIMIT :n")
    else:
        sql = (f"SELECT {cols}, NULL AS snippet FROM documents d WHERE to_tsvector('simple', "
               f"coalesce(d.title, '') || ' ' || d.text) @@ plainto_tsquery('simple', :q){where} LIMIT :n")
    return [dict(r._mapping) for r in conn.execute(text(sql), params)]


def _entities(conn, query: str, f: SearchFilters, limit: int, sqlite: bool) -> list[dict]:
    params = {"q": _match(query) if sqlite else " ".join(words(query)), "n": limit}
    where = ""
    if f.entity_type:
        where = " AND e.type = :entity_type"
        params["entity_type"] = f.entity_type
    if sqlite:
        params["pool"] = params["n"] * (1 if not where else POOL_FACTOR)
        sql = ("SELECT e.id, e.name, e.type, e.aliases FROM (SELECT rowid, rank FROM entities_fts WHERE entities_fts "
               f"MATCH :q ORDER BY rank LIMIT :pool) AS f JOIN entities e ON e.rowid = f.rowid WHERE 1=1{where} "
               "ORDER BY f.rank LIMIT :n")
    else:
        sql = ("SELECT e.id, e.name, e.type, e.aliases FROM entities e WHERE to_tsvector('simple', "
               "coalesce(e.name, '') || ' ' || coalesce(e.aliases::text, '') || ' ' || "
               f"coalesce(e.descriptors::text, '')) @@ plainto_tsquery('simple', :q){where} LIMIT :n")
    return [dict(r._mapping) for r in conn.execute(text(sql), params)]


def _quotes(conn, query: str, f: SearchFilters, limit: int, sqlite: bool) -> list[dict]:
    where, params = _doc_filters(f)
    params |= {"q": _match(query) if sqlite else " ".join(words(query)), "n": limit}
    cols = ("q.id, q.document_id, q.text, q.speaker_text, q.kind, q.sentence_start, q.start, "
            "d.title, d.outlet, d.published")
    if sqlite:
        # Best matches first inside FTS5 (fast), then the document filters over a few times more than needed.
        params["pool"] = params["n"] * (1 if not where else POOL_FACTOR)
        sql = (f"SELECT {cols} FROM (SELECT rowid, rank FROM quotes_fts WHERE quotes_fts MATCH :q ORDER BY rank "
               f"LIMIT :pool) AS f JOIN quotes q ON q.rowid = f.rowid JOIN documents d ON d.id = q.document_id "
               f"WHERE 1=1{where} ORDER BY f.rank LIMIT :n")
    else:
        sql = (f"SELECT {cols} FROM quotes q JOIN documents d ON d.id = q.document_id WHERE to_tsvector('simple', "
               "coalesce(q.text, '') || ' ' || coalesce(q.speaker_text, '')) @@ plainto_tsquery('simple', :q)"
               f"{where} LIMIT :n")
    return [dict(r._mapping) for r in conn.execute(text(sql), params)]


def _facets(conn, doc_ids: list[str], entities: list[dict]) -> dict[str, list[dict]]:
    """Counts over the matched documents, so each facet value says how many results it keeps."""
    facets: dict[str, list[dict]] = {"outlet": [], "entity_type": [], "event_type": []}
    if doc_ids:
        marks = ", ".join(f":d{i}" for i in range(len(doc_ids)))
        params = {f"d{i}": d for i, d in enumerate(doc_ids)} | {"n": FACET_LIMIT}
        for name, sql in (
            ("outlet", f"SELECT outlet AS value, COUNT(*) AS n FROM documents WHERE id IN ({marks}) "
                       "AND outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC LIMIT :n"),
            ("event_type", f"SELECT type AS value, COUNT(DISTINCT document_id) AS n FROM events WHERE document_id "
                           f"IN ({marks}) GROUP BY type ORDER BY n DESC, type LIMIT :n"),
            ("entity_type", f"SELECT type AS value, COUNT(DISTINCT document_id) AS n FROM doc_entities WHERE "
                            f"document_id IN ({marks}) GROUP BY type ORDER BY n DESC, type LIMIT :n"),
        ):
            facets[name] = [dict(r._mapping) for r in conn.execute(text(sql), params)]
    if entities and not facets["entity_type"]:
        counts: dict[str, int] = {}
        for e in entities:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
        facets["entity_type"] = [{"value": k, "n": v} for k, v in sorted(counts.items())]
    return facets
