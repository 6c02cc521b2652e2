"""The shortcuts that keep the heavy pages fast must not change what they show.

A small synthetic store (the latency benchmark's generator: fictional people, towns and
outlets, no spaCy) stands in for a large one; each test checks a shortcut against the
slow, obvious computation it replaces.
"""
from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import jinja2
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, text

from casefile.store import schema as s
from casefile.store.db import Store
from casefile.store.migrations_search import m005_page_indexes
from casefile.store import memo
from casefile.web.app import create_app, templates
from casefile.web.compare import _candidates, _closeness, _same
from casefile.store.reads import owned_cte
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "web.py"
DATE_VALUES = [None, "2020", "2020-03", "2020-03-05", "2020-03-06", "2020-Q1", "2020-SU", "2020-H2", "2021-W10",
               "2019-12-31", "PRESENT_REF", "XXXX"]


def _build(db: str, n_docs: int = 150) -> str:
    """The benchmark's synthetic store (same seed, same content) with the page indexes."""
    spec = importlib.util.spec_from_file_location("bench_web", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.build(db, n_docs)
    store = Store.open(db)
    with store.engine.begin() as conn:
        m005_page_indexes(conn, store.dialect)
    store.close()
    return db


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> str:
    return _build(str(tmp_path_factory.mktemp("speed") / "synthetic.db"))


@pytest.fixture(scope="module")
def store(synthetic) -> Store:
    return Store.open(synthetic, readonly=True)


def _refs(store: Store) -> list[str]:
    """The most cited person, a rarely cited one, a document-local reference and an unknown one."""
    with store.engine.connect() as conn:
        ranked = list(conn.execute(text("SELECT entity_id FROM doc_entities WHERE type = 'PERSON' "
                                        "GROUP BY entity_id ORDER BY COUNT(*) DESC, entity_id")).scalars())
        local = conn.execute(text("SELECT document_id || '~' || key FROM doc_entities LIMIT 1")).scalar()
    return [ranked[0], ranked[-1], local, "ent-Nobody Anywhere"]


def _brute_candidates(left: list[dict], right: list[dict]) -> list[tuple]:
    return sorted({(_closeness(a, b), i, j) for i, a in enumerate(left) for j, b in enumerate(right) if _same(a, b)})


@pytest.mark.parametrize("left, right", [
    ([{"type": "arrest", "date_value": "2020-03-05", "cluster": None}],
     [{"type": "arrest", "date_value": "2020-03", "cluster": None},
      {"type": "arrest", "date_value": "2020-04-01", "cluster": None},     # must not match: other month
      {"type": "trial", "date_value": "2020-03-05", "cluster": None}]),    # must not match: other type
    ([{"type": "arrest", "date_value": "PRESENT_REF", "cluster": None}],
     [{"type": "arrest", "date_value": "2001", "cluster": None}, {"type": "arrest", "date_value": None, "cluster": None}]),
    ([{"type": "release", "date_value": None, "cluster": "c1"}],
     [{"type": "arrest", "date_value": "1999", "cluster": "c1"}, {"type": "release", "date_value": "2020", "cluster": "c2"}]),
    ([{"type": "trial", "date_value": "2020-03-06", "cluster": None}],
     [{"type": "trial", "date_value": "2020", "cluster": None}, {"type": "trial", "date_value": "2019-12-31", "cluster": None}]),
])
def test_pairing_by_date_window_finds_exactly_the_pairs_a_full_comparison_finds(left, right):
    assert _candidates(left, right) == _brute_candidates(left, right)


def test_pairing_by_date_window_agrees_with_a_full_comparison_on_random_reports():
    rng = random.Random(5)
    for _ in range(300):
        sides = [[{"type": rng.choice("ab"), "date_value": rng.choice(DATE_VALUES),
                   "cluster": rng.choice([None, "", "c1", "c2"])} for _ in range(rng.randint(0, 7))] for _ in "lr"]
        assert _candidates(*sides) == _brute_candidates(*sides)


@pytest.mark.parametrize("cap", [None, 3])
def test_the_owned_pairs_are_the_entitys_newest_document_keys(store, cap):
    with store.engine.connect() as conn:
        for ref in _refs(store):
            if "~" in ref:
                slow = {tuple(ref.split("~", 1))}
            else:
                rows = conn.execute(text("SELECT document_id, key FROM doc_entities WHERE entity_id = :r "
                                         "ORDER BY document_id DESC"), {"r": ref})
                slow = set(list(rows)[:cap] if cap else rows)
            owned, params = owned_cte(ref, cap)
            fast = set(conn.execute(text(f"WITH {owned} SELECT document_id, key FROM owned"), params))
            assert fast == slow
            assert bool(fast) is (ref != "ent-Nobody Anywhere")


def _count_statements(store: Store, call, touching: str = "") -> int:
    seen = []
    listener = lambda conn, cursor, statement, *rest: seen.extend([1] if touching in statement else [])  # noqa: E731
    event.listen(store.engine, "before_cursor_execute", listener)
    try:
        call()
    finally:
        event.remove(store.engine, "before_cursor_execute", listener)
    return len(seen)


def test_a_dossier_costs_the_same_number_of_queries_however_often_the_entity_is_cited(synthetic):
    from casefile.web.dossier import dossier

    store = Store.open(synthetic, readonly=True)
    top, rare, local, _ = _refs(store)
    dossier(store, local)                  # the first page also looks up which tables exist
    counts = {ref: _count_statements(store, lambda r=ref: dossier(store, r)) for ref in (top, rare, local)}
    # 14: the twelve reads of the page, the names of its neighbours as every page shows them, and the
    # review decisions about its facts (one read, resolve.review.decisions_about)
    assert counts[top] == counts[rare] <= 14, counts


def test_a_remembered_read_is_reused_until_the_store_changes(tmp_path):
    store = Store.open(str(tmp_path / "memo.db"))
    calls = []

    def compute() -> list[dict]:
        calls.append(1)
        return [{"n": len(calls)}]

    first = memo.remembered(store, ("t",), compute)
    first[0]["page added"] = True                       # a page's edits must not leak into the memo
    assert memo.remembered(store, ("t",), compute) == [{"n": 1}] and len(calls) == 1
    with store.engine.begin() as conn:
        conn.execute(s.documents.insert(), [{"id": "d-new", "source": "x.txt", "text": "A new article.",
                                             "ingested_at": "2026-01-01T00:00:00"}])
    assert memo.remembered(store, ("t",), compute) == [{"n": 2}] and len(calls) == 2
    assert memo.remembered(store, ("other",), compute) == [{"n": 3}]


def test_an_entity_timeline_is_read_once_and_then_shown_identically(synthetic):
    from casefile.web import timeline as tl

    store = Store.open(synthetic, readonly=True)
    top = _refs(store)[0]
    f = tl.TimelineFilter(top, lanes="entity")
    first = tl.timeline(store, f)
    assert _count_statements(store, lambda: tl.timeline(store, f), touching="JOIN participants") == 0
    assert tl.timeline(store, f) == first and first["events"]
    other = tl.TimelineFilter(top, event_type="arrest")
    # a new filter reads its window's events and its overview's counts, once each
    assert _count_statements(store, lambda: tl.timeline(store, other), touching="JOIN participants") == 2
    assert _count_statements(store, lambda: tl.timeline(store, other), touching="JOIN participants") == 0


@pytest.mark.parametrize("source, value, expected", [
    ("{{ x.name }}", {"name": "Dara <Holm>"}, "Dara &lt;Holm&gt;"),
    ("{{ x.missing }}|", {"name": "a"}, "|"),
    ("{{ x.items() | list | length }}", {"items": "not a method", "b": 2}, "2"),   # dict methods keep their meaning
    ("{{ x.real }}", 3, "3"),                                                       # objects keep attributes
])
def test_templates_read_dict_keys_first_and_keep_everything_else(source, value, expected):
    env = templates().env
    assert env.from_string(source).render(x=value) == expected
    assert isinstance(env, jinja2.Environment) and env.auto_reload is False


@pytest.mark.parametrize("path", ["/", "/static/casefile.css", "/no/such/page", "/api/no-such-endpoint"])
def test_every_response_still_carries_the_security_headers(synthetic, path):
    response = TestClient(create_app(synthetic)).get(path)
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    assert response.headers["x-frame-options"] == "DENY"


def test_the_server_sets_its_startup_objects_aside_from_garbage_collection(synthetic):
    import gc

    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    try:
        with TestClient(create_app(synthetic)) as client:      # runs the app's startup
            assert client.get("/").status_code == 200
            assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()


def _pages(store: Store) -> list:
    from casefile.web import timeline as tl
    from casefile.web.compare import compare
    from casefile.web.dossier import dossier

    top, rare, local, _ = _refs(store)
    out = [compare(store, outlet_a="Valley Post", outlet_b="Free Wire")]
    for ref in (top, rare, local):
        out += [dossier(store, ref), tl.timeline(store, tl.TimelineFilter(ref, lanes="entity"))]
    return out


def test_the_heavy_pages_show_the_same_on_postgresql_as_on_sqlite(synthetic, pg_url):
    def normal(value):
        """Row order among equal sort keys is up to each database; compare contents, not order."""
        if isinstance(value, dict):
            return {k: normal(v) for k, v in value.items()}
        if isinstance(value, list):
            return sorted((normal(v) for v in value), key=repr)
        return value

    pg = Store.open(_build(pg_url, 40))
    lite = Store.open(_build(synthetic.replace(".db", "-40.db"), 40), readonly=True)
    shown = _pages(lite)
    assert shown[0]["only_a"] and shown[0]["entities_both"] and all(page["events"] for page in shown[1:])
    assert normal(_pages(pg)) == normal(shown)
