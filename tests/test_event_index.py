"""An ingest finds the reports a new one can pair with from the kept blocks (``event_blocks``),
without reading the others, and finds exactly those the participant rule would not refuse."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from casefile import resolve
from casefile.resolve import event_index
from casefile.resolve.event_rows import load
from casefile.resolve.events import EventRecord, shared_participants
from casefile.store import schema as s
from casefile.store import schema_cases as C
from casefile.store.db import Store

from .helpers.resolve_corpus import corpus
from .helpers.rows import rows_of
from .pg import pg_server, pg_url  # noqa: F401  (fixtures)


def report(rid: str, *names: str, type_: str = "arrest") -> EventRecord:
    """A report naming these entities; "P:" ones are people."""
    return EventRecord(id=rid, document_id=f"doc-{rid}", type=type_, order=(0, 0, rid), entities=frozenset(names),
                       persons=frozenset(n for n in names if n.startswith("P:")))


STORED = [
    report("both", "P:Ilsa Brandt", "O:Harbour Guild"),
    report("alone", "P:Ilsa Brandt"),                                   # holds one entity
    report("other person", "P:Ilsa Brandt", "P:Tomas Weir"),            # shares one of two
    report("guild alone", "O:Harbour Guild"),
    report("guild and place", "O:Harbour Guild", "G:Port Lenna"),
    report("another case", "P:Tomas Weir", "O:Harbour Guild", "G:Port Lenna"),  # shares two, names someone else
    report("same case", "P:Ilsa Brandt", "O:Harbour Guild", "G:Port Lenna"),
    report("big only", "O:Crown Office"),                               # only in a block too big to ask
    report("big and person", "P:Ilsa Brandt", "O:Crown Office"),
    report("a trial", "P:Ilsa Brandt", type_="trial"),                  # another type: another block
]
BIG = ("arrest", "O:Crown Office")

# (the new report, the stored reports it may pair with)
CASES = [
    (report("new", "P:Ilsa Brandt"),
     {"both", "alone", "other person", "same case", "big and person"}),      # one entity: its whole block
    (report("new", "P:Ilsa Brandt", "O:Harbour Guild"),
     {"both", "alone", "guild alone", "same case"}),                         # both, or one of one
    (report("new", "O:Harbour Guild", "G:Port Lenna", "P:Rafe Oduya"),
     {"guild alone", "guild and place"}),                                    # "another case" names someone else
    (report("new", "O:Harbour Guild", "G:Port Lenna"),
     {"guild alone", "guild and place", "another case", "same case"}),       # not "both": one of two
    (report("new", "P:Ilsa Brandt", "O:Crown Office"),
     {"alone", "big and person"}),                                           # shares the big block besides
    (report("new", "O:Crown Office"), set()),                                # its only block proposes nothing
]


@pytest.fixture(params=["sqlite", "postgresql"])
def empty(request, tmp_path) -> Store:
    """An empty store, in SQLite and in PostgreSQL (the queries are written for both)."""
    return Store.open(str(tmp_path / "index.db") if request.param == "sqlite" else request.getfixturevalue("pg_url"))


@pytest.fixture
def store(empty) -> Store:
    """The stored reports."""
    store = empty
    with store.engine.begin() as conn:
        C.metadata.create_all(conn)
        event_index.rebuild(conn, STORED)
    return store


def pairable(store: Store, reports: list[EventRecord]) -> dict[str, set[str]]:
    keys = {(r.type, e) for r in reports for e in r.entities} - {BIG}
    with store.engine.connect() as conn:
        return event_index.pairable(conn, reports, keys)


@pytest.mark.parametrize("new, partners", CASES)
def test_a_new_report_finds_the_reports_that_share_enough_participants(store, new, partners):
    assert pairable(store, [new]) == {"new": partners}


@pytest.mark.parametrize("new, partners", CASES)
def test_what_is_found_is_what_the_participant_rule_lets_pair(new, partners):
    """The table above says what the rule itself says, report by report."""
    open_blocks = {(new.type, e) for e in new.entities} - {BIG}
    assert {r.id for r in STORED if {(r.type, e) for e in r.entities} & open_blocks
            and shared_participants(new, r) is not None} == partners


def test_reports_asked_about_in_several_queries_find_the_same(store, monkeypatch):
    """Each report's blocks are asked about in one query, however few entities a query takes."""
    news = [report(f"new {n}", *case.entities) for n, (case, _) in enumerate(CASES)]
    together = pairable(store, news)
    monkeypatch.setattr(event_index, "CHUNK", 3)
    assert pairable(store, news) == together
    assert together == {f"new {n}": partners for n, (_, partners) in enumerate(CASES)}


def test_a_report_written_again_replaces_its_rows(store):
    """An ingest rewrites the rows of the reports whose record changed, and clears rows an
    interrupted ingest left under its new documents."""
    moved = report("both", "P:Tomas Weir", "O:Harbour Guild")
    left = report("left over", "P:Ilsa Brandt")
    with store.engine.begin() as conn:
        event_index.refresh(conn, [left], [])
        event_index.refresh(conn, [moved], [left.document_id])
        sizes = event_index.sizes(conn, {("arrest", "P:Ilsa Brandt"), ("arrest", "P:Tomas Weir")})
    assert sizes == {("arrest", "P:Ilsa Brandt"): 4, ("arrest", "P:Tomas Weir"): 3}


def test_a_report_read_from_its_kept_blocks_is_the_report_its_participants_make(empty):
    """People, places and other entities, vague participants left out: the same record either way."""
    store = empty
    docs = corpus(40, 7, 8)
    store.write_batch(rows_of(*[(d, e, {}) for d, e in docs]))
    resolve.run(store)
    with store.engine.connect() as conn:
        ids = set(conn.execute(select(s.events.c.id)).scalars())
        through_participants, _ = load(conn, ids, sentences=False)
        kept, _ = load(conn, ids, sentences=False, kept=True)
    assert kept == through_participants
    assert any(r.persons for r in kept) and any(r.places for r in kept)
    assert any(r.entities - r.persons - r.places for r in kept)
