"""An ingest re-clusters events from the old clusters around its new reports, and gets what a
full re-clustering gets, also when a new report takes a part of an old cluster away and what
is left of that cluster joins another old cluster no pair links to the new report; where a tie
decided a merge, it clusters the whole connected group again."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from casefile import resolve
from casefile.models import Document, Event, Extraction, LocalEntity, Mention, Participant
from casefile.resolve import event_region, events_store, similarity
from casefile.store import schema as s
from casefile.store import schema_cases as C
from casefile.store.db import Store

from .helpers.rows import rows_of


@pytest.fixture(autouse=True)
def no_sentence_model(monkeypatch):
    """Without the tie-breaker an ingest clusters from the old clusters around it (resolve/event_region.py)."""
    monkeypatch.setenv("CASEFILE_NO_EMBEDDINGS", "1")
    monkeypatch.setattr(similarity, "_state", {})


# (document, date, who took part): protests, so dates must agree (no tolerance for a case's dates)
TOLD = {"undated": (None, ["Rhea Vantor", "Kestrel Mining Company"]),
        "june": ("2020-06-01", ["Kestrel Mining Company"]),
        "rival": ("2020-06-01", ["Quill Marsden", "Kestrel Mining Company", "Harlow Shipping Company"]),
        "may": ("2020-05-01", ["Rhea Vantor", "Kestrel Mining Company"])}
# arrests: a case's reports may disagree on the date by a few weeks (merging.tolerant), not by months
ARRESTS = {"march": ("2020-03-02", ["Rhea Vantor"]), "march again": ("2020-03-02", ["Rhea Vantor"]),
           "april": ("2020-04-01", ["Rhea Vantor"]), "october": ("2020-10-05", ["Rhea Vantor"])}
# the rival names as few as the undated report: June fits both as well, a tie
TIED = dict(TOLD, rival=("2020-06-01", ["Quill Marsden", "Kestrel Mining Company"]))


@pytest.fixture
def settled(monkeypatch) -> list:
    """What each ingest's re-clustering around its new reports gave (None: whole groups instead)."""
    out = []
    settle = event_region.settle

    def noted(*args):
        out.append(settle(*args))
        return out[-1]
    monkeypatch.setattr(events_store, "settle", noted)
    return out


def article(name: str, told: dict = TOLD) -> tuple[Document, Extraction]:
    date, who = told[name]
    verb = "arrested" if told is ARRESTS else "protested"
    sentences = [f"{w} was named." for w in who] + [f"They {verb} that day."]
    text = " ".join(sentences)
    ents = []
    for n, w in enumerate(who):
        at = text.index(w)
        type_ = "ORG" if w.endswith("Company") else "PERSON"
        ents.append(LocalEntity(f"e{n}", w, type_, [w], [], [Mention(at, at + len(w), w, type_)]))
    at = text.index(f"They {verb}")
    event = Event(at + 5, at + 5 + len(verb), "arrest" if verb == "arrested" else "protest", verb, at, len(text),
                  [Participant("target", e.name, e.key) for e in ents], date)
    doc = Document(id=f"doc-{name}", source=f"test/{name}.txt", text=text, title=name, outlet=f"Outlet {name}")
    return doc, Extraction(doc.id, ents, [], [], [event], [], [])


def clusters(store: Store) -> set[frozenset[str]]:
    by_cluster: dict[str, set[str]] = {}
    with store.engine.connect() as conn:
        for r in conn.execute(select(s.events.c.document_id, s.events.c.cluster)):
            by_cluster.setdefault(r.cluster, set()).add(r.document_id.removeprefix("doc-"))
    return {frozenset(v) for v in by_cluster.values()}


def ingest(store: Store, names: list[str], incremental: bool = True, told: dict = TOLD) -> None:
    store.write_batch(rows_of(*[(*article(n, told), {}) for n in names]))
    resolve.run(store, [f"doc-{n}" for n in names] if incremental else None)


def test_a_new_report_that_takes_part_of_an_old_cluster_frees_the_rest_to_join_another(tmp_path, settled):
    grown = Store.open(str(tmp_path / "grown.db"))
    ingest(grown, ["undated", "june", "rival"])
    # the undated report names Rhea Vantor, so the June report it joined cannot take Quill Marsden's
    assert clusters(grown) == {frozenset({"undated", "june"}), frozenset({"rival"})}
    ingest(grown, ["may"])
    # the May report takes the undated one (they share everyone): June can no longer join them,
    # and joins the report that names the other person, though no pair links it to the May report
    assert clusters(grown) == {frozenset({"undated", "may"}), frozenset({"june", "rival"})}
    assert not settled[-1].tied and len(settled[-1].events) == 4
    whole = Store.open(str(tmp_path / "whole.db"))
    ingest(whole, ["undated", "june", "rival", "may"], incremental=False)
    assert clusters(whole) == clusters(grown)


def test_a_new_report_that_cannot_join_the_old_cluster_it_pairs_with_leaves_it_as_it_was(tmp_path, settled):
    store = Store.open(str(tmp_path / "kept.db"))
    ingest(store, ["undated", "june"])
    ingest(store, ["rival"])
    assert clusters(store) == {frozenset({"undated", "june"}), frozenset({"rival"})}
    assert not settled[-1].tied


def ties(store: Store) -> set[str]:
    """The documents of the reports noted as in a group where a tie decided a merge."""
    with store.engine.connect() as conn:
        ids = set(conn.execute(select(C.event_ties.c.event_id)).scalars())
        return {r.document_id.removeprefix("doc-") for r in conn.execute(select(s.events)) if r.id in ids}


def tied_then_may(tmp_path) -> tuple[Store, Store]:
    grown = Store.open(str(tmp_path / "grown.db"))
    ingest(grown, ["undated", "june", "rival"], told=TIED)
    # June could join either report: taking the undated one (earlier in the corpus) shut the rival out
    assert clusters(grown) == {frozenset({"undated", "june"}), frozenset({"rival"})}
    assert ties(grown) == {"undated", "june", "rival"}
    ingest(grown, ["may"], told=TIED)
    whole = Store.open(str(tmp_path / "whole.db"))
    ingest(whole, ["undated", "june", "rival", "may"], incremental=False, told=TIED)
    assert clusters(whole) == clusters(grown) == {frozenset({"undated", "may"}), frozenset({"june", "rival"})}
    return grown, whole


def test_where_a_tie_decided_a_merge_an_ingest_that_can_ask_the_tie_breaker_clusters_the_group_whole(
        tmp_path, monkeypatch, settled):
    monkeypatch.setattr(events_store, "may_break_ties", lambda: True)
    grown, whole = tied_then_may(tmp_path)
    assert settled[-1].tied
    # read whole, the group is found untied now (June's rival cannot join the May report): noted again
    assert ties(grown) == ties(whole) == set()


def test_an_ingest_that_cannot_ask_the_tie_breaker_merges_around_a_tie_and_notes_the_ties_are_unknown(
        tmp_path, settled):
    grown, _whole = tied_then_may(tmp_path)
    assert settled[-1].tied and ties(grown) == {"undated", "june", "rival"}
    with grown.engine.connect() as conn:
        assert sorted(conn.execute(select(C.resolve_meta.c.name)).scalars()) == ["event ties unknown", "state"]


@pytest.mark.parametrize("new, joins, read", [
    ("april", True, 3),        # a month after: the pair may merge, the old cluster is re-clustered
    ("october", False, 1),     # months after: no cluster holding them can join, the old one is not read
])
def test_an_old_cluster_a_new_report_pairs_with_only_across_months_is_left_as_it_is(tmp_path, settled, new, joins, read):
    grown = Store.open(str(tmp_path / "grown.db"))
    ingest(grown, ["march", "march again"], told=ARRESTS)
    ingest(grown, [new], told=ARRESTS)
    assert len(settled[-1].events) == read
    assert (frozenset({"march", "march again", new}) in clusters(grown)) == joins
    whole = Store.open(str(tmp_path / "whole.db"))
    ingest(whole, ["march", "march again", new], incremental=False, told=ARRESTS)
    assert clusters(whole) == clusters(grown)


def test_an_old_group_joined_only_across_months_still_tells_that_a_tie_decided_there(tmp_path, monkeypatch, settled):
    """The pair across months joins the new report's connected group to the old one, where the
    tie-breaker may be asked: the whole group is clustered, though the pair itself never merges."""
    monkeypatch.setattr(events_store, "may_break_ties", lambda: True)
    store = Store.open(str(tmp_path / "tied.db"))
    ingest(store, ["march", "march again"], told=ARRESTS)
    with store.engine.begin() as conn:      # as a full run notes a group where a tie decided a merge
        conn.execute(C.event_ties.insert(), [{"event_id": i} for i in conn.execute(select(s.events.c.id)).scalars()])
    ingest(store, ["october"], told=ARRESTS)
    assert settled[-1].tied
