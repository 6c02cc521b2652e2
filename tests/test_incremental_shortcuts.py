"""The shortcuts that keep an incremental run small still give what a full resolution gives.

A name-parts group (a first initial and a surname) is followed only to the names that agree
with a re-resolved one; a document naming two known people of one group appends both unless
names of theirs agree. Fictional names; documents built by hand (no spaCy).
"""
from __future__ import annotations

import pytest

from casefile import resolve
from casefile.models import Document, Extraction, LocalEntity, Mention
from casefile.resolve import entity_update, middle_groups, people
from casefile.resolve import names as N
from casefile.resolve.records import DocEntity
from casefile.store.db import Store

from .helpers.rows import rows_of
from .test_incremental import snapshot, whole
from .test_lone_stats import article, entity_of, grow


def strong(name: str) -> str:
    return middle_groups.PERSON + " ".join(N.person_tokens(name))


GROUP = ["Selka Varn", "Selka M. Varn", "S. Varn", "Selka B. Varn", "Sorin Varn", "Selka Mara Varn", "Mira Varn"]


@pytest.mark.parametrize("asked, agreeing", [
    ("Selka M. Varn", {"Selka M. Varn", "Selka Varn", "S. Varn", "Selka Mara Varn"}),   # not B., not Sorin
    ("Selka Varn", {"Selka Varn", "Selka M. Varn", "S. Varn", "Selka B. Varn", "Selka Mara Varn"}),
    ("Sorin Varn", {"Sorin Varn", "S. Varn"}),          # same initial and surname, another given name
    ("Mira Varn", {"Mira Varn"}),                       # another group altogether
])
def test_a_name_parts_group_is_followed_only_to_the_names_that_agree(tmp_path, asked, agreeing):
    store = grow(str(tmp_path / "g.db"), [[article(i, [name]) for i, name in enumerate(GROUP)]])
    with store.engine.connect() as conn:
        assert middle_groups.agreeing(conn, {strong(asked)}) == {strong(n) for n in agreeing}


FAMOUS = [article(i, ["Selka Varn"]) for i in range(8)]


def seeds_of(monkeypatch) -> list[set[str]]:
    """The records each incremental run re-resolves through the name rules (not appended)."""
    seen: list[set[str]] = []
    original = entity_update._join_region

    def spy(conn, seeds, *args):
        region, known = original(conn, seeds, *args)
        seen.append({r.name for r in region})
        return region, known

    monkeypatch.setattr(entity_update, "_join_region", spy)
    return seen


@pytest.mark.parametrize("known, added, region", [
    # a new full name whose parts disagree with the famous one's: the famous records stay out
    (["Sorin Varn"], ["Sorin Tal Varn"], {"Sorin Tal Varn", "Sorin Varn"}),
    # a new name that agrees with the famous one (a middle initial): all of them come in
    ([], ["Selka B. Varn"], {"Selka B. Varn", "Selka Varn"}),
])
def test_a_new_name_brings_in_only_the_records_whose_names_agree(tmp_path, monkeypatch, known, added, region):
    store = grow(str(tmp_path / "g.db"), [FAMOUS + [article(20 + i, [n]) for i, n in enumerate(known)]])
    seen = seeds_of(monkeypatch)
    batch = [article(40, added)]
    store.write_batch(rows_of(*[(d, e, {}) for d, e in batch]))
    resolve.run(store, [d.id for d, _ in batch])
    assert seen and seen[-1] == region
    docs = FAMOUS + [article(20 + i, [n]) for i, n in enumerate(known)] + batch
    assert snapshot(store) == snapshot(whole(str(tmp_path / "w.db"), docs, store, False))


KNOWN = FAMOUS + [article(30 + i, [n]) for i, n in enumerate(["Selka B. Varn", "S. Varn", "Sorin Varn"] * 2)]


@pytest.mark.parametrize("other, appended", [
    ("Sorin Varn", True),       # one group, names that disagree: both simply join their people
    ("Selka B. Varn", False),   # names that agree: the middle-name rule weighs them, so the full rules run
])
def test_a_document_naming_two_people_of_one_group_appends_both_only_when_their_names_disagree(
        tmp_path, monkeypatch, other, appended):
    grow(str(tmp_path / "g.db"), [KNOWN]).close()
    seen = seeds_of(monkeypatch)
    batch = [article(50, ["Selka Varn", other])]
    store = grow(str(tmp_path / "g.db"), [batch])
    assert ("Selka Varn" not in seen[-1]) is appended
    assert snapshot(store) == snapshot(whole(str(tmp_path / "w.db"), KNOWN + batch, store, False))


JOINED = FAMOUS + [article(60 + i, ["Varn"]) for i in range(4)]      # lone surnames that joined her


def areas_of(monkeypatch) -> list[list[str]]:
    """The names of the records each incremental run rebuilds entities from."""
    seen: list[list[str]] = []
    original = entity_update.area_of

    def spy(*args):
        area, kept_whole = original(*args)
        seen.append(sorted(r.name for r in area))
        return area, kept_whole

    monkeypatch.setattr(entity_update, "area_of", spy)
    return seen


@pytest.mark.parametrize("added, area", [
    # a new lone surname joins the much-named person: her cluster stands in by its first record
    ([["Varn"]], ["Selka Varn", "Varn"]),
    # with her full name beside it in its document: that record is appended, and the surname joins too
    ([["Selka Varn", "Varn"]], ["Selka Varn", "Selka Varn", "Varn"]),
    # a name that agrees with hers re-resolves her records: her entity is rebuilt from all of them
    ([["Varn"], ["Selka B. Varn"]], sorted(["Selka Varn"] * 8 + ["Varn"] * 5 + ["Selka B. Varn"])),
])
def test_an_entity_that_only_takes_new_lone_names_is_not_read_whole(tmp_path, monkeypatch, added, area):
    grow(str(tmp_path / "g.db"), [JOINED]).close()
    seen = areas_of(monkeypatch)
    batch = [article(80 + i, names) for i, names in enumerate(added)]
    store = grow(str(tmp_path / "g.db"), [batch])
    assert seen[-1] == area
    assert len(entity_of(store, "Varn") | entity_of(store, "Selka Varn")) == 1     # every lone surname joined her
    assert snapshot(store) == snapshot(whole(str(tmp_path / "w.db"), JOINED + batch, store, False))


def institutions(i: int, names: list[list[str]]) -> tuple[Document, Extraction]:
    """A document naming these organizations (each a name and the other forms it gives it)."""
    text, ents = "", []
    for k, forms in enumerate(names):
        at = len(text)
        text += f"{forms[0]} spoke. "
        mention = Mention(at, at + len(forms[0]), forms[0], "ORG")
        ents.append(LocalEntity(f"e{k + 1}", forms[0], "ORG", forms, [], [mention]))
    doc_id = f"{i:04d}" + "cd" * 6
    doc = Document(id=doc_id, source=f"hand/{i}.txt", text=text.strip(), title=f"Note {i}", outlet="Vell Daily",
                   published="2024-05-01")
    return doc, Extraction(document=doc_id, entities=ents, quotes=[], events=[], amounts=[], sentences=[(0, len(text))])


# "VRL" alone joins by its full name the league that also goes by it, and so holds a lone name
LEAGUE = [institutions(0, [["Vell Rights League", "VRL"]]), institutions(1, [["VRL"]]),
          institutions(2, [["Valley Riders Lodge"]]), institutions(3, [["Valley Riders Lodge"]])]


def test_a_new_record_of_a_cluster_holding_a_lone_name_is_resolved_as_in_full(tmp_path):
    """The acronym weighs its rival against the documents of its own cluster: the league's one
    more document turns its choice (it joined the lodge, and no longer does)."""
    grow(str(tmp_path / "g.db"), [LEAGUE]).close()
    batch = [institutions(4, [["Vell Rights League"]])]
    store = grow(str(tmp_path / "g.db"), [batch])
    assert snapshot(store) == snapshot(whole(str(tmp_path / "w.db"), LEAGUE + batch, store, False))


def named(i: int, names: list[tuple[str, str]]) -> tuple[Document, Extraction]:
    """A document naming these (name, type) pairs, one sentence each."""
    text, ents = "", []
    for k, (name, kind) in enumerate(names):
        at = len(text)
        text += f"{name} spoke. "
        ents.append(LocalEntity(f"e{k + 1}", name, kind, [name], [], [Mention(at, at + len(name), name, kind)]))
    doc_id = f"{i:04d}" + "ef" * 6
    doc = Document(id=doc_id, source=f"hand/{i}.txt", text=text.strip(), title=f"Note {i}", outlet="Vell Daily",
                   published="2024-05-01")
    return doc, Extraction(document=doc_id, entities=ents, quotes=[], events=[], amounts=[], sentences=[(0, len(text))])


def pairing_documents_of(monkeypatch) -> set[str]:
    """The documents whose every record an incremental run reads to find same-document pairs."""
    seen: set[str] = set()
    original = entity_update._pairing_documents

    def spy(conn, refs):
        found = original(conn, refs)
        seen.update(found)
        return found

    monkeypatch.setattr(entity_update, "_pairing_documents", spy)
    return seen


# Selka Varn's documents also name a one-word organization; the fourth also "Varn" tagged an
# organization, which the corpus makes her ("Varn said", tagged ORG)
BESIDE = [named(50 + i, [("Selka Varn", "PERSON"), ("Tarnholt", "ORG")]) for i in range(3)] + \
    [named(53, [("Selka Varn", "PERSON"), ("Varn", "ORG")])] + \
    [named(54 + i, [("Selka Varn", "PERSON")]) for i in range(4)]


def test_a_full_named_persons_documents_are_read_whole_only_where_her_surname_stands_alone(tmp_path, monkeypatch):
    grow(str(tmp_path / "g.db"), [BESIDE]).close()
    read = pairing_documents_of(monkeypatch)
    batch = [article(90, ["Selka B. Varn"])]      # agrees with her name: her records are re-resolved
    store = grow(str(tmp_path / "g.db"), [batch])
    assert read == {BESIDE[3][0].id}             # not those of the other organization's one word
    assert entity_of(store, "Varn") == entity_of(store, "Selka Varn")
    assert snapshot(store) == snapshot(whole(str(tmp_path / "w.db"), BESIDE + batch, store, False))


def record(name: str, kind: str) -> DocEntity:
    return DocEntity(document_id="d", key="e1", name=name, type=kind, seq=0, aliases=[name], descriptors=[])


@pytest.mark.parametrize("name, kind, pairs", [
    ("Selka Varn", "PERSON", True),
    ("Varn", "PERSON", True),
    ("Tarnholt", "ORG", True),                   # a one-word organization: the corpus may call it a person
    ("President Varn", "ORG", True),             # a person's one word under a title, tagged otherwise
    ("Vell Rights League", "ORG", False),        # an institution's name of three words pairs with nothing
    ("Tarn Valley Post", "ORG", False),
    ("Foreign Ministry", "ORG", True),           # its title word falls away, as from a person's name
])
def test_only_people_and_one_word_names_may_be_paired_in_their_document(name, kind, pairs):
    assert people.may_pair_in_a_document(record(name, kind)) is pairs
