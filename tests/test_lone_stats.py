"""A plain lone name ("Varn" alone) chooses from the kept statistics what the full rule chooses,
and an incremental run asks it again exactly when its choice can change.

Fictional names; documents built by hand (no spaCy) or drawn from tests/helpers/resolve_corpus.py.
"""
from __future__ import annotations

import pytest
from sqlalchemy import select

from casefile import resolve
from casefile.models import Document, Extraction, LocalEntity, Mention
from casefile.resolve import entities_store as es
from casefile.resolve import keys as K
from casefile.resolve import lone_stats, people
from casefile.resolve.lone_names import MemoryContext, lone_fit, plain_fit
from casefile.resolve.name_rules import base_clusters
from casefile.resolve.records import DocEntity
from casefile.store import schema_cases as C
from casefile.store.db import Store

from .helpers.resolve_corpus import corpus
from .helpers.rows import rows_of
from .pg import pg_server, pg_url  # noqa: F401  (fixtures)
from .test_incremental import snapshot, whole


@pytest.mark.parametrize("seed, n, variety", [(1, 120, 4), (3, 150, 8), (5, 150, 20), (84, 90, 12)])
def test_a_plain_lone_name_chooses_what_the_rule_that_reads_every_candidate_chooses(tmp_path, seed, n, variety):
    store = Store.open(str(tmp_path / "s.db"))
    store.write_batch(rows_of(*[(d, e, {}) for d, e in corpus(n, seed, variety)]))
    with store.engine.connect() as conn:
        records = es.load_records(conn, None, es.titled_forms(conn, None))
    uf, _ = base_clusters(records, retyped=people.retype(records))
    ctx = MemoryContext(records, uf)
    plain = [i for i, r in enumerate(records) if K.is_plain(r)]
    chosen = 0
    for i in plain:
        own = (ctx.root(i), uf.docs[uf.find(i)])
        fit, _ = plain_fit(records[i], *own, ctx)
        assert fit == lone_fit(records[i], *own, ctx), records[i].name
        chosen += fit is not None
    assert len(plain) >= 10
    assert chosen >= 1 or variety < 12       # with few names to go round, no bearer stands out


@pytest.mark.parametrize("name, plain", [
    ("Varn", True),                 # a bare surname or given name
    ("Interior Ministry", True),    # a generic institution
    ("Mrs. Varn", False),           # an honorific weighs the candidates' own honorifics
    ("President Varn", False),      # so does a title
    ("FVF", False),                 # an acronym weighs how widely each candidate is named
    ("Selka Varn", False),          # not a lone name
])
def test_which_lone_names_are_plain(name, plain):
    r = DocEntity("d1", "e1", name, "ORG" if name.isupper() or "Ministry" in name else "PERSON", seq=1,
                     aliases=[name], descriptors=[])
    assert K.is_plain(r) is plain


def article(i: int, names: list[str]) -> tuple[Document, Extraction]:
    """A document that names these people, one sentence each."""
    text, ents = "", []
    for k, name in enumerate(names):
        at = len(text)
        text += f"{name} spoke. "
        ents.append(LocalEntity(f"e{k + 1}", name, "PERSON", [name], [], [Mention(at, at + len(name), name, "PERSON")]))
    doc_id = f"{i:04d}" + "ab" * 6
    doc = Document(id=doc_id, source=f"hand/{i}.txt", text=text.strip(), title=f"Note {i}", outlet="Vell Daily",
                   published="2024-05-01")
    sentences = [(m.mentions[0].start, m.mentions[0].end + 7) for m in ents]
    return doc, Extraction(document=doc_id, entities=ents, quotes=[], events=[], amounts=[], sentences=sentences)


def grow(path: str, batches: list[list[tuple[Document, Extraction]]]) -> Store:
    store = Store.open(path)
    for batch in batches:
        store.write_batch(rows_of(*[(d, e, {}) for d, e in batch]))
        resolve.run(store, [d.id for d, _ in batch])
    return store


def entity_of(store: Store, name: str) -> set[str]:
    return {r["entity_id"] for r in store.rows("doc_entities") if r["name"] == name}


SELKA = [article(i, ["Selka Varn"]) for i in range(0, 6)]
OTO = [article(i, ["Oto Varn"]) for i in range(10, 12)]
LONE = article(20, ["Varn", "Mira Kell"])


@pytest.mark.parametrize("batches, joins", [
    # one bearer: the lone name joins; a rival arrives in a document of its own: it no longer does
    ([SELKA[:1] + [LONE], OTO[:1]], False),
    # two bearers named as often: it joins neither; one comes to dominate the corpus: it joins that one
    ([SELKA[:2] + OTO + [LONE], SELKA[2:]], True),
    # the same, the dominant bearer named first
    ([SELKA + [LONE], OTO], True),
])
def test_a_lone_name_is_asked_again_when_its_candidates_change_far_from_it(tmp_path, batches, joins):
    grown = grow(str(tmp_path / "grown.db"), batches)
    docs = [a for batch in batches for a in batch]
    assert snapshot(grown) == snapshot(whole(str(tmp_path / "whole.db"), docs, grown, False))
    assert (entity_of(grown, "Varn") == entity_of(grown, "Selka Varn")) is joins


def test_an_unchanged_ranking_leaves_the_lone_names_under_it_alone(tmp_path, monkeypatch):
    """A new article about a bearer already named as often as others asks no far lone name again."""
    store = grow(str(tmp_path / "grown.db"), [SELKA[:2] + OTO + [LONE, article(21, ["Varn"])]])
    asked = []
    original = plain_fit

    def spy(r, *args):
        asked.append(r.document_id)
        return original(r, *args)

    monkeypatch.setattr("casefile.resolve.entity_update.plain_fit", spy)
    doc, extraction = article(30, ["Kell Arro"])
    store.write_batch(rows_of((doc, extraction, {})))
    resolve.run(store, [doc.id])
    assert asked == []
    with store.engine.connect() as conn:
        kept = {r.seq for r in conn.execute(select(C.entity_keys.c.seq).where(C.entity_keys.c.key.startswith(K.PLAIN)))}
    assert kept == {0}      # their own documents rule none of the Varns out


ROWS = [("p|varn", "a", 9), ("p|varn", "b", 2), ("p|varn", "c", 2), ("g|selka", "a", 9), ("g|selka", "d", 9),
        ("g|oto", "e", 4), ("g|oto", "f", 1), ("p|arro", "g", 2)]


@pytest.mark.parametrize("keys, expected", [
    (["p|varn"], (3, "a", True)),                  # nine documents against two: the top one dominates
    (["g|selka"], (2, "a", False)),                # a tie at the top: first by ref, and no one dominates
    (["p|varn", "g|selka"], (4, "a", False)),      # a cluster under both keys counts once; "d" ties with it
    (["g|oto"], (2, "e", True)),
    (["p|arro"], (1, "g", False)),                 # one candidate is never a dominant one
    (["p|kell"], (0, None, False)),                # no candidate at all
    (["p|arro", "p|kell"], (1, "g", False)),
])
def test_a_key_sets_ranking_counts_its_candidates_and_names_the_top_one(tmp_path, keys, expected):
    store = Store.open(str(tmp_path / "r.db"))
    with store.engine.begin() as conn:
        C.metadata.create_all(conn)
        conn.execute(C.candidate_roots.insert(), [{"key": k, "root": r, "documents": d} for k, r, d in ROWS])
        qsets = [K.QSET_SEP.join(keys), K.QSET_SEP.join(["p|varn"])]
        assert lone_stats.ranking(conn, keys) == expected
        assert lone_stats.rankings(conn, qsets)[qsets[0]] == expected      # many at once, the same answers


def near_by_cluster_records(conn, changed, grown, remade) -> set[str]:
    """What ``lone_stats.near`` answers, read the long way: every record of every cluster that
    spans a changed document, kept if it is a plain lone name asking under a changed key."""
    st, ek = C.entity_state, C.entity_keys
    spans = {root: set(docs) for root, docs in grown.items()}
    for r in conn.execute(select(st.c.document_id, st.c.base).where(st.c.document_id.in_(list(changed)))):
        if r.base not in remade:
            spans.setdefault(r.base, set()).add(r.document_id)
    out = set()
    for r in conn.execute(select(st.c.base, ek.c.document_id, ek.c.entity_key, ek.c.key).join(
            ek, (ek.c.document_id == st.c.document_id) & (ek.c.entity_key == st.c.key)).where(
            st.c.base.in_(list(spans)), ek.c.key.startswith(K.PLAIN))):
        asks = set(r.key.removeprefix(K.PLAIN).split(K.QSET_SEP))
        if any(asks & changed.get(d, set()) for d in spans[r.base]):
            out.add(es.ref_of(r.document_id, r.entity_key))
    return out


@pytest.mark.parametrize("seed, n, steps, variety", [(1, 60, 6, 4), (23, 120, 12, 6), (5, 80, 8, 16), (17, 100, 10, 4)])
def test_the_lone_names_near_a_change_are_found_by_their_key_sets_as_by_reading_every_cluster(
        tmp_path, monkeypatch, seed, n, steps, variety):
    """``near`` finds the plain lone names to ask again through the key sets under the changed
    keys, not through every record of the clusters spanning the changed documents; both ways
    find the same lone names, batch after batch."""
    near_as_by_reading_every_cluster(monkeypatch, str(tmp_path / "s.db"), seed, n, steps, variety)


def test_the_lone_names_near_a_change_are_found_alike_on_postgresql(monkeypatch, pg_url):  # noqa: F811
    near_as_by_reading_every_cluster(monkeypatch, pg_url, 1, 60, 6, 4)


def near_as_by_reading_every_cluster(monkeypatch, url: str, seed: int, n: int, steps: int, variety: int) -> None:
    answers = []
    original = lone_stats.near

    def both(conn, changed, grown, remade):
        found = original(conn, changed, grown, remade)
        answers.append((found, near_by_cluster_records(conn, changed, grown, remade)))
        return found
    monkeypatch.setattr(lone_stats, "near", both)
    docs = corpus(n, seed, variety)
    store = Store.open(url)
    for lo in range(0, n, n // steps):
        batch = docs[lo:lo + n // steps]
        store.write_batch(rows_of(*[(d, e, {}) for d, e in batch]))
        resolve.run(store, [d.id for d, _ in batch])
    assert any(reference for _, reference in answers)      # lone names were reached at all
    assert all(found == reference for found, reference in answers)


class Counted(list):
    """A statement's rows, fetched at once and counted."""
    def all(self):
        return list(self)

    def scalars(self):
        return [r[0] for r in self]


class CountingConnection:
    def __init__(self, conn):
        self.conn, self.rows = conn, 0

    def __getattr__(self, name):
        return getattr(self.conn, name)

    def execute(self, *args, **kwargs):
        result = self.conn.execute(*args, **kwargs)
        if not result.returns_rows:         # a write
            return result
        rows = Counted(result.all())
        self.rows += len(rows)
        return rows


def rows_fetched_by(step: str, store: Store, names: list[str]) -> int:
    """Rows ``lone_stats.<step>`` fetches while a new article naming ``names`` is resolved."""
    counts = []
    original = getattr(lone_stats, step)

    def counting(conn, *args):
        counted = CountingConnection(conn)
        out = original(counted, *args)
        counts.append(counted.rows)
        return out
    doc, extraction = article(90, names)
    store.write_batch(rows_of((doc, extraction, {})))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(lone_stats, step, counting)
        resolve.run(store, [doc.id])
    assert counts
    return sum(counts)


def rows_near_a_new_article(path: str, far: int) -> int:
    """Rows ``near`` fetches when a new article names "Selka Varn" beside ``far`` earlier lone "Varn"s,
    each in a document of its own, none in a cluster the new article touches."""
    lone = [article(40 + i, ["Varn", f"Dace Ilm{'o' * i}"]) for i in range(far)]
    return rows_fetched_by("near", grow(path, [SELKA[:2] + OTO + lone]), ["Selka Varn", "Kell Arro"])


def test_the_lone_names_near_a_change_are_read_only_in_the_clusters_it_touches(tmp_path):
    """Other lone names under the same key, far from the change, are not fetched: what ``near``
    reads stays the same however many of them the store holds."""
    assert rows_near_a_new_article(str(tmp_path / "few.db"), 3) == rows_near_a_new_article(str(tmp_path / "many.db"), 9)
