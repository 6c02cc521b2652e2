"""Open a store (SQLite file or PostgreSQL URL), migrate it, and read and write it.

Writes happen in one transaction per batch of documents, so a document is stored
with all of its records or not at all, and repeating a write changes nothing.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, select, text
from sqlalchemy.exc import DBAPIError, OperationalError

from ..errors import NotFound, StoreError
from . import schema as s
from . import schema_cases as cases
from .locks import writing
from .migrations import migrate
from .rows import now
from .writer import write_batch

TABLES = [t for t in s.metadata.sorted_tables if t.name != "schema_migrations"]


def database_url(db: str) -> str:
    """A SQLAlchemy URL from a file path or a database URL."""
    if "://" in db:
        if db.startswith(("postgresql://", "postgres://")):
            return "postgresql+psycopg://" + db.split("://", 1)[1]
        return db
    return f"sqlite:///{Path(db).expanduser()}"


class Store:
    """The case store. ``Store.open("casefile.db")`` or ``Store.open("postgresql://...")``."""

    def __init__(self, engine: Engine, *, readonly: bool = False):
        self.engine = engine
        self.readonly = readonly
        self.dialect = engine.dialect.name
        self._signatures: dict[str, array | list[int]] = {}   # document id -> MinHash signature, which never changes

    @classmethod
    def open(cls, db: str, *, readonly: bool = False, create: bool = True) -> Store:
        url = database_url(db)
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            path = Path(url[len("sqlite:///"):])
            if not path.exists() and (readonly or not create):
                raise NotFound("no database here; run `casefile ingest` first", item=str(path))
            if readonly:
                url = f"sqlite:///file:{path}?mode=ro&uri=true"
        try:
            engine = create_engine(url, future=True)
        except Exception as exc:  # bad URL, missing driver
            raise StoreError(f"cannot open database: {exc}", item=db) from exc
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine, readonly=readonly)
        if not readonly:
            try:
                with writing(engine) as conn:     # two first runs must not both create the tables
                    migrate(conn)
            except (OperationalError, DBAPIError) as exc:
                raise StoreError(f"cannot prepare database: {exc.orig}", item=db) from exc
        return store

    def close(self) -> None:
        self.engine.dispose()

    # -- writing -------------------------------------------------------------------------

    def known(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        with self.engine.connect() as conn:
            return set(conn.execute(select(s.documents.c.id).where(s.documents.c.id.in_(ids))).scalars())

    def add_source(self, document_id: str, source: str, outlet: str | None = None, url: str | None = None) -> bool:
        """Record another input that held an already-stored document (idempotent); whether it was new."""
        with writing(self.engine) as conn:
            exists = conn.execute(select(s.document_sources.c.source).where(
                s.document_sources.c.document_id == document_id, s.document_sources.c.source == source)).first()
            if not exists:
                conn.execute(s.document_sources.insert().values(
                    document_id=document_id, source=source, outlet=outlet, url=url, first_seen=now()))
            return not exists

    def record_issue(self, item: str, reason: str, kind: str = "rejected") -> None:
        with writing(self.engine) as conn:
            where = (s.ingest_issues.c.item == item, s.ingest_issues.c.reason == reason)
            if conn.execute(select(s.ingest_issues.c.item).where(*where)).first():
                conn.execute(s.ingest_issues.update().where(*where).values(last_seen=now()))
            else:
                conn.execute(s.ingest_issues.insert().values(
                    item=item, reason=reason, kind=kind, first_seen=now(), last_seen=now()))

    def write_batch(self, batch: list[dict[str, list[dict]]]) -> list[str]:
        """Store documents with their rows (``rows.document_rows``), one transaction for the
        batch; returns the ids newly stored (see ``writer.write_batch``)."""
        with writing(self.engine) as conn:
            return write_batch(conn, batch)

    # -- near duplicates -------------------------------------------------------------------

    def band_candidates(self, bands: list[str]) -> dict[str, list[int]]:
        """Signatures of stored documents that share an LSH band with ``bands``.

        Signatures are kept in memory once read: a document's never changes, and when many
        stored articles share a band (a running story, boilerplate) each new one would
        otherwise read and decode the same signatures again."""
        if not bands:
            return {}
        with self.engine.connect() as conn:
            ids = set(conn.execute(select(s.minhash_bands.c.document_id).where(
                s.minhash_bands.c.band.in_(bands))).scalars())
            missing = [i for i in ids if i not in self._signatures]
            if missing:
                if len(self._signatures) + len(missing) > SIGNATURE_CACHE_LIMIT:
                    self._signatures.clear()
                for i in range(0, len(missing), 500):   # stay under the bound-parameter limit
                    rows = conn.execute(select(s.minhash_signatures).where(
                        s.minhash_signatures.c.document_id.in_(missing[i:i + 500])))
                    self._signatures.update((r.document_id, _compact(r.signature)) for r in rows)
        return {i: list(self._signatures[i]) for i in ids if i in self._signatures}

    # -- reading ---------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in TABLES}

    def documents(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        cols = [c for c in s.documents.c if c.name not in ("text", "raw_text", "removed")]
        query = select(*cols).order_by(s.documents.c.published.desc(), s.documents.c.seq).offset(offset)
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def document(self, document_id: str) -> dict:
        with self.engine.connect() as conn:
            row = conn.execute(select(s.documents).where(s.documents.c.id == document_id)).first()
            if row is None:
                raise NotFound("no such document", item=document_id)
            out = dict(row._mapping)
            out["sources"] = [dict(r._mapping) for r in conn.execute(
                select(s.document_sources).where(s.document_sources.c.document_id == document_id))]
            out["near_duplicates"] = self._near(conn, document_id)
            return out

    def _near(self, conn, document_id: str) -> list[dict]:
        nd = s.near_duplicates
        rows = conn.execute(select(nd).where((nd.c.document_id == document_id) | (nd.c.duplicate_of == document_id)))
        return [{"document_id": r.duplicate_of if r.document_id == document_id else r.document_id,
                 "similarity": r.similarity} for r in rows]

    def issues(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(
                select(s.ingest_issues).order_by(s.ingest_issues.c.last_seen.desc(), s.ingest_issues.c.item))]

    def rows(self, table: str, document_id: str | None = None) -> Iterator[dict]:
        t = table_named(table)
        query = select(t)
        if document_id is not None and "document_id" in t.c:
            query = query.where(t.c.document_id == document_id)
        if "start" in t.c:
            query = query.order_by(t.c.document_id, t.c.start, *([t.c.id] if "id" in t.c else []))
        elif "seq" in t.c:     # documents as stored; PostgreSQL has no implicit order
            query = query.order_by(t.c.seq)
        with self.engine.connect() as conn:
            for r in conn.execute(query):
                yield dict(r._mapping)

    def search_documents(self, query: str, limit: int = 50) -> list[dict]:
        """Documents matching words of ``query``, best first."""
        words = [w for w in "".join(c if c.isalnum() else " " for c in query).split() if w]
        if not words:
            return []
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                match = " ".join(f'"{w}"' for w in words)
                sql = text("SELECT d.id, d.title, d.outlet, d.published, snippet(documents_fts, 1, '[', ']', ' … ', 12)"
                           " AS snippet FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid"
                           " WHERE documents_fts MATCH :q ORDER BY rank LIMIT :n")
                return [dict(r._mapping) for r in conn.execute(sql, {"q": match, "n": limit})]
            sql = text("SELECT id, title, outlet, published, NULL AS snippet FROM documents WHERE "
                       "to_tsvector('simple', coalesce(title, '') || ' ' || text) @@ plainto_tsquery('simple', :q)"
                       " LIMIT :n")
            return [dict(r._mapping) for r in conn.execute(sql, {"q": " ".join(words), "n": limit})]


# A second writer waits this long for the first one's transaction (a batch write, or a
# resolution step of a large store) before it fails with "database is locked".
BUSY_TIMEOUT_MS = 120_000
SIGNATURE_CACHE_LIMIT = 100_000     # 64 unsigned 64-bit words each: about 60 MB at most

def _compact(signature: list[int]) -> array | list[int]:
    """A signature in an eighth of the memory a list of Python ints takes."""
    try:
        return array("Q", signature)
    except (OverflowError, TypeError):   # not one this version wrote: keep it as it is
        return list(signature)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", f"busy_timeout={BUSY_TIMEOUT_MS}", "synchronous=NORMAL"):
        try:
            cur.execute(f"PRAGMA {pragma}")
        except Exception:  # a read-only connection cannot switch journal mode; the rest still apply
            pass
    cur.close()


def table_named(name: str):
    """A store table by name, from either schema: documents and their facts, or the
    corpus-level records resolution writes (``schema_cases``)."""
    for metadata in (s.metadata, cases.metadata):
        if name in metadata.tables:
            return metadata.tables[name]
    raise KeyError(name)
