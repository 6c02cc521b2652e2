"""Cross-document resolution on the two seed articles (read from ../shared at test time)."""
from __future__ import annotations

import importlib.util
import json

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from casefile import resolve
from casefile.export import build as build_export
from casefile.cli import main as cli
from casefile.pipeline import ingest
from casefile.resolve import similarity
from casefile.resolve.timeline import TimelineQuery, timeline
from casefile.store import schema_cases as C
from casefile.store.db import Store

from .conftest import GOLD, SEEDS, needs_seeds

pytestmark = needs_seeds


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, nlp):
    mp = pytest.MonkeyPatch()
    mp.setenv("CASEFILE_NO_EMBEDDINGS", "1")
    mp.setattr(similarity, "_state", {})
    path = tmp_path_factory.mktemp("seeds") / "rs.db"
    store = Store.open(str(path))
    ingest([str(SEEDS)], store)
    yield store, str(path)
    mp.undo()
    store.close()


def _scorer():
    spec = importlib.util.spec_from_file_location("shared_score", GOLD.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_scorer_finds_entities_merged_kept_apart_and_events_linked(seeded):
    store, _ = seeded
    score = _scorer()
    data = build_export(store)
    golds = {p.name: json.loads(p.read_text()) for p in GOLD.glob("0*.json")}
    corpus = json.loads((GOLD / "corpus.json").read_text())
    out = score.score_corpus(score.Export(data), corpus, golds)
    assert out == {"same_entity_merged": "6/6", "different_entity_kept_apart": "6/6",
                   "corroborated_events_linked": "4/4"}


def test_every_entity_mention_keeps_exact_offsets_after_merging(seeded):
    store, _ = seeded
    data = build_export(store)
    texts = {d["id"]: d["text"] for d in data["documents"]}
    merged = [e for e in data["entities"] if len(e["documents"]) > 1]
    assert merged
    for e in merged:
        for m in e["mentions"]:
            assert texts[m["document"]][m["start"]:m["end"]] == m["text"]


def test_the_timeline_lists_directive_then_partnership_and_visit_then_disclosure_with_outlets(seeded):
    store, db = seeded
    items = timeline(store, TimelineQuery(dated_only=True))["clusters"]

    def first(type_, entity_name):
        for i, r in enumerate(items):
            names = {n.lower() for n in r["label"].split(", ")}
            if r["type"] == type_ and any(entity_name in n for n in names):
                return i, r
        raise AssertionError(f"no {type_} about {entity_name}")

    i_dir, directive = first("policy_issued", "directive")
    i_up, upgrade = first("relations_upgraded", "biden")
    i_visit, visit = first("diplomatic_visit", "biden")
    i_leak, leak = first("document_disclosed", "directive")
    assert directive["date_value"].startswith("2023-07")
    assert upgrade["date_value"] == visit["date_value"] == "2023-09-10"
    assert leak["date_value"] == "2024-02"
    assert i_dir < min(i_up, i_visit) and max(i_up, i_visit) < i_leak
    for r in (directive, upgrade, visit, leak):
        assert len(r["outlets"]) == 2 and r["independent_sources"] == 2 and r["corroborated"]
        assert {rep["outlet"] for rep in r["reports"]} == set(r["outlets"])
    out = CliRunner().invoke(cli, ["timeline", "--db", db, "--dated"])
    lines = [ln for ln in out.output.splitlines() if ln[:1].isdigit()]
    order = [next(i for i, ln in enumerate(lines) if t in ln and key in ln.lower())
             for t, key in (("policy_issued", "directive"), ("diplomatic_visit", "biden"),
                            ("document_disclosed", "directive"))]
    assert order == sorted(order)


def test_the_seeds_have_no_conflicts(seeded):
    store, _ = seeded
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(C.conflicts)).scalar_one() == 0


def test_ingesting_the_seeds_twice_and_resolving_again_changes_no_row(seeded):
    store, _ = seeded

    def counts():
        with store.engine.connect() as conn:
            mine = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                    for t in C.metadata.sorted_tables}
        return store.counts() | mine

    before = counts()
    clusters = sorted((e["id"], e["cluster"]) for e in store.rows("events"))
    ingest([str(SEEDS)], store)
    resolve.run(store)
    assert counts() == before
    assert sorted((e["id"], e["cluster"]) for e in store.rows("events")) == clusters
