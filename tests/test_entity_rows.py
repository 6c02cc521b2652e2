"""An entity's row made from a kept tally and new records is the row its records make at once.

An entity that only takes new records (``entity_appends``) is rewritten from the tally kept for
it (``entity_rows``); the name, the aliases in their order, the descriptors and the reason must
come out as a full resolution makes them. Fictional names; documents built by hand.
"""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from casefile.resolve.entity_rows import Tally
from casefile.resolve.records import DocEntity
from casefile.store import schema_cases as C

from .test_incremental import snapshot, whole
from .test_incremental_shortcuts import seeds_of
from .test_lone_stats import article, grow


def rec(i: int, name: str, type_: str = "PERSON", aliases=(), descriptors=()) -> DocEntity:
    return DocEntity(f"d{i:02d}", "e1", name, type_, seq=i, aliases=list(aliases),
                     descriptors=[{"text": d} for d in descriptors])


ROWS = [  # records in corpus order -> the name and the first aliases the whole set gives
    ([rec(1, "Selka Varn"), rec(2, "Sélka Varn")], "Sélka Varn", ["Selka Varn"]),       # diacritics kept
    ([rec(1, "Varn"), rec(2, "Selka Varn"), rec(3, "Varn")], "Selka Varn", ["Varn"]),    # a full name first
    ([rec(1, "Harbor Trust", "ORG"), rec(2, "Harbor Trust", "GPE"), rec(3, "Harbor Trust", "ORG")],
     "Harbor Trust", []),
    ([rec(1, "Selka Varn", aliases=["S. Varn"]), rec(2, "S. Varn"), rec(3, "Selka Mara Varn")],
     "Selka Mara Varn", ["S. Varn", "Selka Varn"]),          # as often written: the fuller; aliases most written first
    ([rec(3, "Selka Varn"), rec(4, "Selka Varn"), rec(5, "Selka Mara Varn")], "Selka Varn", ["Selka Mara Varn"]),
]


@pytest.mark.parametrize("records, name, aliases", ROWS)
def test_a_tally_kept_and_grown_makes_the_row_the_records_make_at_once(records, name, aliases):
    whole_row = Tally().add(records, ["same full name"]).row("x")
    assert whole_row["name"] == name and whole_row["aliases"][:len(aliases)] == aliases
    for cut in range(1, len(records)):
        kept = Tally(json.loads(Tally().add(records[:cut], ["same full name"]).as_json()))
        assert kept.add(records[cut:]).row("x") == whole_row


def test_descriptors_and_the_type_most_documents_give_come_from_the_tally():
    records = [rec(1, "Harbor Trust", "GPE", descriptors=["port"]), rec(2, "Harbor Trust", "ORG", descriptors=["bank"]),
               rec(3, "Harbor Trust", "ORG", descriptors=["bank"])]
    row = Tally(json.loads(Tally().add(records[:1]).as_json())).add(records[1:]).row("x")
    assert row["type"] == "ORG" and row["descriptors"] == ["bank", "port"] and row["reason"] == "one document"


KNOWN = [article(i, ["Selka Varn"]) for i in range(3)]
ACCENTED = [article(10 + i, ["Sélka Varn"]) for i in range(2)]


@pytest.mark.parametrize("tallied", [True, False])    # False: the store was written before tallies were kept
def test_an_entity_renamed_by_appended_records_gets_a_full_resolutions_row(tmp_path, monkeypatch, tallied):
    grow(str(tmp_path / "g.db"), [KNOWN]).close()
    if not tallied:
        store = grow(str(tmp_path / "g.db"), [])
        with store.engine.begin() as conn:
            conn.execute(C.entity_tallies.delete())
        store.close()
    seen = seeds_of(monkeypatch)
    store = grow(str(tmp_path / "g.db"), [ACCENTED])
    assert all("Sélka Varn" not in names for names in seen)           # appended, not re-resolved
    names = {r["name"] for r in store.rows("entities")}
    assert "Sélka Varn" in names and "Selka Varn" not in names
    assert snapshot(store) == snapshot(whole(str(tmp_path / "w.db"), KNOWN + ACCENTED, store, False))
    with store.engine.connect() as conn:
        assert len(conn.execute(select(C.entity_tallies)).all()) == 1
