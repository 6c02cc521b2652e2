"""Event clusters made component by component, as Spark makes them (``resolve.event_blocks``), are
the clusters, corroboration and conflicts of the whole corpus at once."""
from __future__ import annotations

import random

import pytest

from casefile.resolve import lexicon as L
from casefile.resolve import similarity
from casefile.resolve.conflicts import conflicts_in
from casefile.resolve.corroborate import cluster_rows
from casefile.resolve.event_blocks import block_keys, cluster_block
from casefile.resolve.events import EventRecord, cluster
from casefile.resolve.sources import Sources
from casefile.resolve.unionfind import Clusters


@pytest.fixture(autouse=True)
def no_sentence_model(monkeypatch):
    monkeypatch.setenv("CASEFILE_NO_EMBEDDINGS", "1")
    monkeypatch.setattr(similarity, "_state", {})


def report(i: int, doc: str, type_: str, date: str | None, *entities: str) -> EventRecord:
    return EventRecord(id=f"x{i:03}", document_id=doc, type=type_, order=(int(doc[1:]), i, f"x{i:03}"),
                       date_value=date, entities=frozenset(entities),
                       persons=frozenset(e for e in entities if e.startswith("p:")),
                       places=frozenset(e for e in entities if e.startswith("g:")))


def corpus(seed: int) -> list[EventRecord]:
    """Arrests and trials of a few people in a few places on a few dates, in many documents."""
    rng = random.Random(seed)
    people, places = ["p:ana", "p:ivo", "p:sela", "p:mara"], ["g:vell", "g:ostmark"]
    dates = ["2024-03-03", "2024-03", "2024-03-20", "2023", None]
    out = []
    for i in range(80):
        entities = rng.sample(people, rng.randint(0, 3)) + rng.sample(places, rng.randint(0, 2))
        out.append(report(i, f"d{i // 2}", rng.choice(["arrest", "trial"]), rng.choice(dates), *entities))
    return out


def sources_of(events: list[EventRecord]) -> Sources:
    docs = sorted({e.document_id for e in events}, key=lambda d: int(d[1:]))
    out = Sources(outlets={d: [f"Outlet {int(d[1:]) % 5}"] for d in docs}, seq={d: int(d[1:]) for d in docs})
    out.near["d1"].add("d2")
    out.near["d2"].add("d1")
    return out


def components(events: list[EventRecord]) -> list[list[EventRecord]]:
    """Reports joined through the blocks small enough to propose pairs (what Spark's joins find)."""
    members: dict[str, list[int]] = {}
    for i, e in enumerate(events):
        for key in block_keys(e):
            members.setdefault(key, []).append(i)
    uf = Clusters(events, [e.id for e in events])
    for items in members.values():
        if len(items) <= L.MAX_EVENT_BLOCK:
            for other in items[1:]:
                uf.join(items[0], other, force=True)
    return [[events[i] for i in group] for group in uf.groups()]


def oversized(events: list[EventRecord]) -> set[str]:
    counts: dict[str, int] = {}
    for e in events:
        for key in block_keys(e):
            counts[key] = counts.get(key, 0) + 1
    return {k for k, n in counts.items() if n > L.MAX_EVENT_BLOCK}


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("block_limit", [400, 6])     # 6: most blocks too big, some pairs only through them
def test_component_by_component_gives_the_clusters_rows_and_conflicts_of_the_whole(monkeypatch, seed, block_limit):
    monkeypatch.setattr(L, "MAX_EVENT_BLOCK", block_limit)
    events = sorted(corpus(seed), key=lambda e: e.order)
    sources = sources_of(events)
    whole = {events[g[0]].id: [events[m] for m in g] for g in cluster(events)}
    rows, claims = cluster_rows(whole, sources, {})
    spans = {e.id: (0, 10) for e in events}
    parts = [cluster_block(part, oversized(events), sources, {}, spans) for part in components(events)]
    assert {e: c for p in parts for e, c in p.cluster_of.items()} == {
        m.id: cid for cid, ms in whole.items() for m in ms}
    assert sorted(map(repr, (r for p in parts for r in p.clusters))) == sorted(map(repr, rows))
    assert sorted(map(repr, (r for p in parts for r in p.claims))) == sorted(map(repr, claims))
    assert sorted(map(repr, (r for p in parts for r in p.conflicts))) == sorted(
        map(repr, conflicts_in(whole, sources, {}, spans)))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_corpus_has_events_reported_more_than_once_and_blocks_too_big_at_6(monkeypatch, seed):
    events = sorted(corpus(seed), key=lambda e: e.order)
    assert any(len(g) > 1 for g in cluster(events))
    monkeypatch.setattr(L, "MAX_EVENT_BLOCK", 6)
    assert oversized(events) and len(components(events)) > 1


@pytest.mark.parametrize("too_big, clusters", [(set(), 1), ({"arrest|g:vell"}, 2)])
def test_a_block_too_big_in_the_whole_corpus_proposes_no_pair_inside_a_component(too_big, clusters):
    same_day = [report(1, "d1", "arrest", "2024-03-03", "g:vell"), report(2, "d2", "arrest", "2024-03-03", "g:vell")]
    assert len(cluster_block(same_day, too_big, sources_of(same_day), {}, {}).clusters) == clusters


@pytest.mark.parametrize("entities, keys", [
    (("p:ana", "g:vell"), {"arrest|p:ana", "arrest|g:vell"}),
    ((), set()),                                       # a report naming no one meets no other
])
def test_a_report_meets_others_through_its_type_and_each_entity(entities, keys):
    assert set(block_keys(report(1, "d1", "arrest", None, *entities))) == keys


def fake_similarities(pairs):
    """A stand-in for the sentence model: a fixed score per pair of sentences."""
    return [((len(a) * 7 + len(b) * 3) % 10) / 10 for a, b in pairs]


@pytest.mark.parametrize("seed", range(4, 40))
def test_each_connected_group_is_clustered_as_the_whole_corpus_clusters_it_even_when_ties_ask_the_model(
        monkeypatch, seed):
    """Whether a tie was contested is read per connected group of pairs: a contested tie in one
    group must not send another group's ties to the sentence model (nor the other way round)."""
    from casefile.resolve import events as E
    monkeypatch.setattr(E, "similarities", fake_similarities)
    rng = random.Random(seed)
    events = sorted(corpus(seed), key=lambda e: e.order)
    for e in events:
        e.sentence = "x" * rng.randint(1, 30)
    whole = {tuple(events[m].id for m in g) for g in cluster(events)}
    for part in components(events):
        part = sorted(part, key=lambda e: e.order)
        assert {tuple(part[m].id for m in g) for g in cluster(part)} <= whole
