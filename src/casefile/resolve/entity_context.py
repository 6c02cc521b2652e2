"""What an incremental entity update reads of the resolution kept in the store.

Records of the re-resolved region carry their name-rule cluster (``base``) from this run;
every other record carries the one ``entity_state`` kept, which is still right: a cluster
outside the region has all its records outside it. Lookups go by key or by document, so
their cost follows the records involved, not the size of the store.

A key many clusters stand under (a common given name) is never read whole: once ``BIG``
clusters that this run did not touch are found under it, a *plain* lone name asking under
it has at least two candidates however the rest turns out (its one document, with at most
``MAX_DOCUMENT_RECORDS`` entities, can rule out no more than that many), so it links to none.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, func, select, text

from ..store import schema as s
from ..store import schema_cases as c
from . import keys as K
from .entities import DocEntity
from .entities_store import chunks, records_where, ref_of, rows_of_records, split_ref

MAX_DOCUMENT_RECORDS = 32
BIG = MAX_DOCUMENT_RECORDS + 2


def persisted(conn: Connection, refs: Iterable[str], forms: bool = False) -> dict[str, tuple]:
    """ref -> (base, target, lone[, forms]) as the last run kept them, for the refs it resolved."""
    st = c.entity_state
    cols = [st.c.base, st.c.target, st.c.lone] + ([st.c.forms] if forms else [])
    return {ref_of(r.document_id, r.key): tuple(r[2:]) for r in rows_of_records(conn, st, st.c.key, refs, *cols)}


def members_of_bases(conn: Connection, roots: set[str], bases: dict[str, str]) -> set[str]:
    """Records of the clusters named by ``roots``: this run's for the region (``bases``), kept ones else."""
    kept = records_where(conn, c.entity_state.c.base, roots) - set(bases)
    return {ref for ref, base in bases.items() if base in roots} | kept


def joiners_of(conn: Connection, roots: set[str], targets: dict[str, str | None]) -> set[str]:
    """Lone names that chose one of the clusters ``roots``: this run's choices, kept ones else."""
    kept = records_where(conn, c.entity_state.c.target, roots) - set(targets)
    return {ref for ref, target in targets.items() if target in roots} | kept


def records_per_document(conn: Connection, docs: Iterable[str]) -> dict[str, int]:
    de = s.doc_entities
    out = {}
    for batch in chunks(docs):
        out.update(conn.execute(select(de.c.document_id, func.count()).where(de.c.document_id.in_(batch))
                                .group_by(de.c.document_id)).all())
    return out


class StoreContext:
    """``entities.LoneContext`` over the region in memory and the rest of the store by index."""

    def __init__(self, conn: Connection, region: list[DocEntity], bases: dict[str, str], old_bases: dict[str, str]):
        self.conn = conn
        self.bases = bases                   # this run's clusters: the region and records appended
        self.changed = set(old_bases.values()) | set(bases.values())   # clusters this run re-made
        self.region_docs: dict[str, set[str]] = defaultdict(set)
        for ref in bases:
            self.region_docs[split_ref(ref)[0]].add(ref)
        self.counts: dict[str, int] = {}
        self._under: dict[str, set[str]] = {}
        self._big: dict[str, bool] = {}
        self._docs: dict[str, set[str]] = {}
        self._in_docs: dict[str, set[str]] = {}

    def _base_of(self, refs: set[str]) -> set[str]:
        kept = persisted(self.conn, refs - set(self.bases))
        return {self.bases[r] if r in self.bases else kept[r][0] for r in refs if r in self.bases or r in kept}

    def _with_keys(self, keys: set[str]) -> set[str]:
        ek = c.entity_keys
        out = set()
        for batch in chunks(keys):
            out |= {ref_of(r.document_id, r.entity_key) for r in self.conn.execute(
                select(ek.c.document_id, ek.c.entity_key).where(ek.c.key.in_(batch)))}
        return out

    def big(self, key: str) -> bool:
        """Whether at least BIG clusters this run did not re-make stand under ``key``."""
        if key not in self._big:
            sql = text("SELECT DISTINCT st.base FROM entity_keys ek JOIN entity_state st ON st.document_id = "
                       "ek.document_id AND st.key = ek.entity_key WHERE ek.key = :k LIMIT :n")
            found = set(self.conn.execute(sql, {"k": K.INDEX + key, "n": BIG + len(self.changed)}).scalars())
            self._big[key] = len(found - self.changed) >= BIG
        return self._big[key]

    def stable_under(self, key: str) -> set[str]:
        """Clusters this run did not re-make under a key that is not big (read whole)."""
        sql = text("SELECT DISTINCT st.base FROM entity_keys ek JOIN entity_state st ON st.document_id = "
                   "ek.document_id AND st.key = ek.entity_key WHERE ek.key = :k")
        return set(self.conn.execute(sql, {"k": K.INDEX + key}).scalars()) - self.changed

    def roots_under(self, key: str) -> set[str]:
        if key not in self._under:
            self._under[key] = self._base_of(self._with_keys({K.INDEX + key}))
        return self._under[key]

    def prefetch(self, roots: set[str]) -> None:
        """Documents of these clusters and the clusters of those documents, read at once."""
        wanted = roots - set(self._docs)
        members = members_of_bases(self.conn, wanted, self.bases)
        found: dict[str, set[str]] = defaultdict(set)
        kept = persisted(self.conn, members - set(self.bases))
        for ref in members:
            base = self.bases.get(ref) or kept[ref][0]
            found[base].add(split_ref(ref)[0])
        for root in wanted:
            self._docs[root] = found.get(root, set())
        docs = {d for root in roots for d in self._docs[root]} - set(self._in_docs)
        st = c.entity_state
        refs_by_doc: dict[str, set[str]] = defaultdict(set)
        for d in docs:
            refs_by_doc[d] |= self.region_docs.get(d, set())
        for batch in chunks(docs):
            for r in self.conn.execute(select(st.c.document_id, st.c.key).where(st.c.document_id.in_(batch))):
                refs_by_doc[r.document_id].add(ref_of(r.document_id, r.key))
        all_refs = {ref for refs in refs_by_doc.values() for ref in refs}
        kept = persisted(self.conn, all_refs - set(self.bases))
        for d in docs:
            self._in_docs[d] = {self.bases[r] if r in self.bases else kept[r][0] for r in refs_by_doc[d]
                                if r in self.bases or r in kept}
        self.counts.update(records_per_document(self.conn, docs - set(self.counts)))

    def docs_of_base(self, root: str) -> set[str]:
        if root not in self._docs:
            self.prefetch({root})
        return self._docs[root]

    def roots_in_docs(self, docs: set[str]) -> set[str]:
        missing = docs - set(self._in_docs)
        if missing:
            self._in_docs.update({d: set() for d in missing})
            st = c.entity_state
            refs = {ref for d in missing for ref in self.region_docs.get(d, ())}
            for batch in chunks(missing):
                refs |= {ref_of(r.document_id, r.key) for r in self.conn.execute(
                    select(st.c.document_id, st.c.key).where(st.c.document_id.in_(batch)))}
            kept = persisted(self.conn, refs - set(self.bases))
            for ref in refs:
                if ref in self.bases or ref in kept:
                    self._in_docs[split_ref(ref)[0]].add(self.bases[ref] if ref in self.bases else kept[ref][0])
        return set().union(*(self._in_docs[d] for d in docs)) if docs else set()

    def roots_with_words(self, words: set[str]) -> set[str]:
        return self._base_of(self._with_keys({K.WORD + w for w in words}))

    def surely_several(self, r: DocEntity, own_docs: set[str], keys: list[str]) -> bool:
        return is_plain(r, own_docs, self.counts) and any(self.big(k) for k in keys)


def plain_askers(conn: Connection, key: str) -> list[tuple[str, str]]:
    """(ref, document) of the plain lone names asking under ``key``."""
    sql = text("SELECT ek.document_id, ek.entity_key FROM entity_keys ek JOIN entity_state st ON st.document_id = "
               "ek.document_id AND st.key = ek.entity_key WHERE ek.key = :k AND st.lone = 'plain'")
    return [(ref_of(r.document_id, r.entity_key), r.document_id) for r in conn.execute(sql, {"k": K.QUERY + key})]


def clusters_in_documents(conn: Connection, clusters: set[str], docs: set[str]) -> dict[str, int]:
    """document -> how many of ``clusters`` have a record in it, for the documents that have any."""
    sql = text("SELECT document_id, COUNT(DISTINCT base) AS n FROM entity_state WHERE base IN :b AND "
               "document_id IN :d GROUP BY document_id").bindparams(bindparam("b", expanding=True),
                                                                    bindparam("d", expanding=True))
    out: dict[str, int] = defaultdict(int)
    for batch in chunks(docs):
        for r in conn.execute(sql, {"b": sorted(clusters) or [""], "d": batch}):
            out[r.document_id] += r.n
    return out


def is_plain(r: DocEntity, own_docs: set[str], counts: dict[str, int]) -> bool:
    """A lone name in one document, without descriptors, in an article of few entities."""
    return (len(own_docs) == 1 and not K.descriptor_words(r)
            and counts.get(next(iter(own_docs)), MAX_DOCUMENT_RECORDS + 1) <= MAX_DOCUMENT_RECORDS)
