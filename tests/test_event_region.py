"""An ingest re-clusters events from the old clusters around its new reports, and gets what a
full re-clustering gets, also when a new report takes a part of an old cluster away and what
is left of that cluster joins another old cluster no pair links to the new report."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from casefile import resolve
from casefile.models import Document, Event, Extraction, LocalEntity, Mention, Participant
from casefile.resolve import similarity
from casefile.store import schema as s
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
        "rival": ("2020-06-01", ["Quill Marsden", "Kestrel Mining Company"]),
        "may": ("2020-05-01", ["Rhea Vantor", "Kestrel Mining Company"])}


def article(name: str) -> tuple[Document, Extraction]:
    date, who = TOLD[name]
    sentences = [f"{w} was named." for w in who] + ["They protested that day."]
    text = " ".join(sentences)
    ents = []
    for n, w in enumerate(who):
        at = text.index(w)
        type_ = "ORG" if w.endswith("Company") else "PERSON"
        ents.append(LocalEntity(f"e{n}", w, type_, [w], [], [Mention(at, at + len(w), w, type_)]))
    at = text.index("They protested")
    event = Event(at + 5, at + 14, "protest", "protested", at, len(text),
                  [Participant("target", e.name, e.key) for e in ents], date)
    doc = Document(id=f"doc-{name}", source=f"test/{name}.txt", text=text, title=name, outlet=f"Outlet {name}")
    return doc, Extraction(doc.id, ents, [], [], [event], [], [])


def clusters(store: Store) -> set[frozenset[str]]:
    by_cluster: dict[str, set[str]] = {}
    with store.engine.connect() as conn:
        for r in conn.execute(select(s.events.c.document_id, s.events.c.cluster)):
            by_cluster.setdefault(r.cluster, set()).add(r.document_id.removeprefix("doc-"))
    return {frozenset(v) for v in by_cluster.values()}


def ingest(store: Store, names: list[str], incremental: bool = True) -> None:
    store.write_batch(rows_of(*[(*article(n), {}) for n in names]))
    resolve.run(store, [f"doc-{n}" for n in names] if incremental else None)


def test_a_new_report_that_takes_part_of_an_old_cluster_frees_the_rest_to_join_another(tmp_path):
    grown = Store.open(str(tmp_path / "grown.db"))
    ingest(grown, ["undated", "june", "rival"])
    # the undated report names Rhea Vantor, so the June report it joined cannot take Quill Marsden's
    assert clusters(grown) == {frozenset({"undated", "june"}), frozenset({"rival"})}
    ingest(grown, ["may"])
    # the May report takes the undated one (they share everyone): June can no longer join them,
    # and joins the report that names the other person, though no pair links it to the May report
    assert clusters(grown) == {frozenset({"undated", "may"}), frozenset({"june", "rival"})}
    whole = Store.open(str(tmp_path / "whole.db"))
    ingest(whole, ["undated", "june", "rival", "may"], incremental=False)
    assert clusters(whole) == clusters(grown)


def test_a_new_report_that_cannot_join_the_old_cluster_it_pairs_with_leaves_it_as_it_was(tmp_path):
    store = Store.open(str(tmp_path / "kept.db"))
    ingest(store, ["undated", "june"])
    ingest(store, ["rival"])
    assert clusters(store) == {frozenset({"undated", "june"}), frozenset({"rival"})}
