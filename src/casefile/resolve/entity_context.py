"""What an incremental entity update reads of the resolution kept in the store.

Records of the re-resolved region carry their name-rule cluster (``base``) from this run;
every other record carries the one ``entity_state`` kept, which is still right: a cluster
outside the region has all its records outside it. Lookups go by key or by document, so
their cost follows the records involved, not the size of the store. Records read from the
store are typed as the corpus types them now (``Typing``).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, func, select

from ..store import schema_cases as c
from . import entities_store as store
from . import keys as K
from . import lone_stats, people
from .entities_store import records_where, ref_of, rows_of_records, split_ref
from .records import DocEntity


def persisted(conn: Connection, refs: Iterable[str], forms: bool = False) -> dict[str, tuple]:
    """ref -> (base, target, rule[, forms]) as the last run kept them, for the refs it resolved."""
    st = c.entity_state
    cols = [st.c.base, st.c.target, st.c.rule] + ([st.c.forms] if forms else [])
    return {ref_of(r.document_id, r.key): tuple(r[2:]) for r in rows_of_records(conn, st, st.c.key, refs, *cols)}


def kept_target(state: tuple | None) -> tuple[str, str] | None:
    """(target, rule) a lone name chose as the last run kept it (``persisted``'s row), or None."""
    return (state[1], state[2]) if state and state[1] else None


def members_of_bases(conn: Connection, roots: set[str], bases: dict[str, str]) -> set[str]:
    """Records of the clusters named by ``roots``: this run's for the region (``bases``), kept ones else."""
    kept = records_where(conn, c.entity_state.c.base, roots) - set(bases)
    return {ref for ref, base in bases.items() if base in roots} | kept


def joiners_of(conn: Connection, roots: set[str], targets: dict[str, tuple | None]) -> set[str]:
    """Lone names that chose one of the clusters ``roots``: this run's choices, kept ones else."""
    kept = records_where(conn, c.entity_state.c.target, roots) - set(targets)
    return {ref for ref, t in targets.items() if t and t[0] in roots} | kept


class Typing:
    """How the corpus types one-word records (``people.corpus_type``), from the counts of
    ``entity_keys`` "T:" keys, as they stand after the new records were added."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self._counts: dict[str, int] = {}

    def counts(self, words: set[str]) -> dict[str, int]:
        """Records per typing key ("p|word", "o|word", ...)."""
        ek = c.entity_keys
        missing = sorted(words - set(self._counts))
        for i in range(0, len(missing), 500):
            found = dict(self.conn.execute(select(ek.c.key, func.count()).where(
                ek.c.key.in_([K.TYPED + w for w in missing[i:i + 500]])).group_by(ek.c.key)).all())
            self._counts.update({w: found.get(K.TYPED + w, 0) for w in missing[i:i + 500]})
        return {w: self._counts[w] for w in words}

    def apply(self, records: list[DocEntity]) -> set[int]:
        """Type the records as the corpus does now; returns those made people."""
        counts = self.counts({k for r in records for k in people.typing_keys(r)})
        return people.apply_types(records, lambda k: counts.get(k, 0))

    def flipped(self, new: list[DocEntity]) -> set[str]:
        """Words the new records moved across a typing threshold, one way or the other."""
        added = Counter(w for r in new for w in K.typing_words(r))
        words = {w.split("|", 1)[1] for w in added}
        counts = self.counts({k for w in words for k in people.word_typing_keys(w)})
        return {w for w in words if people.word_typing(w, counts.__getitem__)
                != people.word_typing(w, lambda k: counts[k] - added[k])}


class StoreContext:
    """``lone_names.LoneContext`` over the region in memory and the rest of the store by index."""

    def __init__(self, conn: Connection, bases: dict[str, str], records: dict[str, DocEntity], typing: Typing,
                 forms: dict[str, list[str]]):
        self.conn, self.typing, self.forms = conn, typing, forms
        self.bases = bases                   # this run's clusters: the region and records appended
        self.records = dict(records)         # records read so far, typed
        self.region_docs: dict[str, set[str]] = defaultdict(set)
        for ref in bases:
            self.region_docs[split_ref(ref)[0]].add(ref)
        self._under: dict[str, set[str]] = {}
        self._members: dict[str, list[DocEntity]] = {}
        self._ranked: dict[str, tuple] = {}      # by key set, once ``candidate_roots`` holds this run's clusters
        self._doc_roots: dict[str, set[str]] = {}    # document -> the clusters with a record in it
        # the clusters read so far, as ``people.Evidence`` reads clusters: members and documents by root
        self._listed: list[DocEntity] = []
        self.members: dict[str, list[int]] = {}      # root -> indexes into the records read
        self.docs: dict[str, set[str]] = {}
        self.evidence = people.Evidence(self._listed, self)     # reads ``members`` and ``docs`` as a union-find's

    def _base_of(self, refs: set[str]) -> dict[str, str]:
        kept = persisted(self.conn, refs - set(self.bases))
        return {r: self.bases[r] if r in self.bases else kept[r][0] for r in refs if r in self.bases or r in kept}

    def _with_keys(self, keys: set[str]) -> set[str]:
        ek = c.entity_keys
        return records_where(self.conn, ek.c.key, keys, ek.c.entity_key)

    def roots_under(self, key: str) -> set[str]:
        if key not in self._under:
            self._under[key] = set(self._base_of(self._with_keys({K.INDEX + key})).values())
        return self._under[key]

    def roots_with_words(self, words: set[str]) -> set[str]:
        return set(self._base_of(self._with_keys({K.WORD + w for w in words})).values())

    def prefetch(self, roots: set[str]) -> None:
        """The records of these clusters, read at once."""
        wanted = {r for r in roots if r not in self._members}
        if not wanted:
            return
        members = members_of_bases(self.conn, wanted, self.bases)
        bases = self._base_of(members)
        self.read(members)
        found: dict[str, list[DocEntity]] = defaultdict(list)
        for ref in members:
            found[bases[ref]].append(self.records[ref])
        for root in wanted:
            self._members[root] = sorted(found.get(root, []), key=lambda r: r.order)
            self.members[root] = list(range(len(self._listed), len(self._listed) + len(self._members[root])))
            self._listed.extend(self._members[root])
            self.docs[root] = {r.document_id for r in self._members[root]}

    def read(self, refs: set[str]) -> None:
        """Read (and type) these records if not read yet."""
        missing = refs - set(self.records)
        if missing:
            kept = {ref: st[3] for ref, st in persisted(self.conn, missing, forms=True).items()}
            loaded = store.records_of(self.conn, missing, kept | self.forms)
            self.typing.apply(loaded)
            self.records.update((r.ref, r) for r in loaded)

    def cluster(self, root: str) -> list[DocEntity]:
        if root not in self._members:
            self.prefetch({root})
        return self._members[root]

    def documents_of(self, root: str) -> set[str]:
        if root not in self.docs:
            self.prefetch({root})
        return self.docs[root]

    def same_document(self, root: str, document_id: str) -> list[DocEntity]:
        refs = self._in_documents({document_id})
        bases = self._base_of(refs)
        self.read({r for r in refs if bases.get(r) == root})
        return sorted((self.records[r] for r in refs if bases.get(r) == root), key=lambda r: r.order)

    def _in_documents(self, documents: set[str]) -> set[str]:
        """Every record of these documents: this run's and those the store keeps."""
        kept = records_where(self.conn, c.entity_state.c.document_id, documents)
        return kept | {ref for d in documents for ref in self.region_docs.get(d, ())}

    def candidates(self, keys: list[str]) -> set[str]:
        return lone_stats.candidates(self.conn, keys)

    def ranking(self, keys: list[str]) -> tuple[int, str | None, bool]:
        qset = K.QSET_SEP.join(sorted(keys))
        if qset not in self._ranked:
            self._ranked[qset] = lone_stats.ranking(self.conn, keys)
        return self._ranked[qset]

    def known_rankings(self, rankings: dict[str, tuple[int, str | None, bool]]) -> None:
        """Rankings of key sets already read (``lone_stats.refresh``), as they stand now."""
        self._ranked.update(rankings)

    def local_candidates(self, keys: list[str], documents: set[str]) -> set[str]:
        return lone_stats.among(self.conn, self.roots_in(documents), keys)

    def roots_in(self, documents: set[str]) -> set[str]:
        """The clusters with a record in one of ``documents``; the documents not asked about
        before are read at once (a run asks about the lone names' own documents one by one)."""
        missing = documents - set(self._doc_roots)
        if missing:
            refs = self._in_documents(missing)
            for d in missing:
                self._doc_roots[d] = set()
            for ref, root in self._base_of(refs).items():
                self._doc_roots[split_ref(ref)[0]].add(root)
        return set().union(*(self._doc_roots[d] for d in documents))

    def gender(self, root: str) -> str | None:
        self.cluster(root)
        return self.evidence.gender(root)

    def offices(self, root: str) -> Counter:
        self.cluster(root)
        return self.evidence.offices(root)

    def documents(self, root: str) -> int:
        self.cluster(root)
        return self.evidence.documents(root)
