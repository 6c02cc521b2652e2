"""Cross-document resolution through the real pipeline, on articles written for these tests
(fictional people, places and outlets): conflicts, wire copies, shared family names,
diacritics, timelines, merges and splits, and reruns that change nothing."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from casefile import resolve
from casefile.cli import main as cli
from casefile.pipeline import ingest
from casefile.resolve import manage, similarity
from casefile.resolve.timeline import TimelineQuery, timeline
from casefile.store import schema_cases as C
from casefile.store.db import Store

HARBOR = """Blogger jailed after arrest in Port Alden

Police arrested the blogger Le Thi Hoa on March 3, 2024, in the coastal city of Port Alden, her family said.

A court in Port Alden sentenced Le Thi Hoa to eight years in prison on Tuesday for "spreading propaganda against the state," according to her lawyer, Pham Quoc Bao.

"She only wrote about the floods and the people who lost their homes," Pham Quoc Bao said after the hearing.
"""

RIVERSIDE = """Court jails blogger Le Thi Hoa

Le Thi Hoa, a blogger from Port Alden, was arrested on March 5, 2024, according to the rights group Open Shore.

Le Thi Hoa was sentenced to six years in prison on Tuesday, her husband Dang Van Minh told reporters.

"She only wrote about the floods and the people who lost their homes," Dang Van Minh said.
"""

WIRE = """Labor organizer detained in Dellamar

Security forces detained the labor organizer Kieu Van Sang in the port city of Dellamar on June 2, 2024, his colleagues said on Monday.
Kieu Van Sang had led a strike of dock workers demanding unpaid wages for three months, according to the union he founded.
Officers searched his home and took away two laptops and several notebooks, his wife, Ong Thi Bich, told reporters.
The provincial police did not respond to a request for comment. Rights groups called for his immediate release and said the detention was part of a wider campaign against independent unions in the province.
"""

INDEPENDENT = """Dellamar union leader held

Kieu Van Sang, who founded an independent dock workers' union, was detained in Dellamar on June 2, 2024, his lawyer said.
The lawyer, Mac Quang Huy, said he had not been allowed to see his client.
"""

FAMILY = ["An", "Binh", "Chau", "Dung", "Giang", "Ha", "Hai", "Hieu", "Hoa", "Hung",
          "Khanh", "Lam", "Linh", "Long", "Minh", "Nam", "Phuong", "Quang", "Son", "Tuan"]


def roll_call(people: list[str]) -> str:
    lines = ["Court hears appeals of detained activists\n"]
    for i, given in enumerate(people):
        lines.append(f"The activist Vo Van {given} was arrested in the town of Kessing in {2010 + i}, "
                     f"and his wife said he remains in prison.")
    return "\n\n".join(lines) + "\n"


DIACRITICS = [
    ("Lake Post", "The poet Lý Thị Nhàn was detained in Varrow on April 2, 2024, her publisher said.\n"),
    ("Hill Courier", "Police in Varrow detained the poet Ly Thi Nhan on April 2, 2024, according to her family.\n"),
    ("Valley Wire", "Friends of Lý Thị Nhàn said the poet had been detained in Varrow and was denied visits.\n"),
]


@pytest.fixture(autouse=True)
def no_sentence_model(monkeypatch):
    """Ties fall back to corpus order: the model takes long to load on a shared machine."""
    monkeypatch.setenv("CASEFILE_NO_EMBEDDINGS", "1")
    monkeypatch.setattr(similarity, "_state", {})


def _ingest(store: Store, folder, name: str, text: str, outlet: str, published: str) -> None:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    ingest([str(path)], store, outlet=outlet, published=published)


@pytest.fixture(scope="module")
def cases(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("cases")
    store = Store.open(str(folder / "cases.db"))
    mp = pytest.MonkeyPatch()
    mp.setenv("CASEFILE_NO_EMBEDDINGS", "1")
    _ingest(store, folder, "harbor.txt", HARBOR, "Harbor Times", "2024-05-10")
    _ingest(store, folder, "riverside.txt", RIVERSIDE, "Riverside Daily", "2024-05-11")
    _ingest(store, folder, "wire_a.txt", WIRE + "\nRead more stories at the Gulf Ledger.\n", "Gulf Ledger", "2024-06-04")
    _ingest(store, folder, "wire_b.txt", WIRE + "\nThis story first appeared on the wire.\n", "Coast Herald", "2024-06-04")
    _ingest(store, folder, "family1.txt", roll_call(FAMILY[:10]), "Lake Post", "2024-01-15")
    _ingest(store, folder, "family2.txt", roll_call(FAMILY[10:]), "Hill Courier", "2024-01-16")
    for i, (outlet, text) in enumerate(DIACRITICS):
        _ingest(store, folder, f"poet{i}.txt", text, outlet, "2024-04-05")
    yield store, folder
    mp.undo()
    store.close()


def rows(store: Store, table) -> list[dict]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(table))]


def entity_ids(store: Store, folded_name: str) -> set[str]:
    from casefile.resolve.names import fold
    return {r["entity_id"] for r in store.rows("doc_entities") if fold(r["name"]) == folded_name}


def test_two_outlets_disagreeing_on_an_arrest_date_and_a_sentence_length_are_both_flagged(cases):
    store, _ = cases
    found = {r["kind"]: r for r in manage.list_conflicts(store)}
    assert {found["date"]["value_a"], found["date"]["value_b"]} == {"2024-03-03", "2024-03-05"}
    assert {found["duration"]["outlet_a"], found["duration"]["outlet_b"]} == {"Harbor Times", "Riverside Daily"}
    assert {found["duration"]["value_a"], found["duration"]["value_b"]} == {"8 year", "6 year"}
    for side in ("a", "b"):
        doc = store.document(found["date"][f"document_{side}"])
        assert doc["text"][found["date"][f"start_{side}"]:found["date"][f"end_{side}"]] == found["date"][f"text_{side}"]


def test_the_same_quoted_words_from_two_different_speakers_are_a_conflict(cases):
    store, _ = cases
    quotes = [r for r in manage.list_conflicts(store, "quote_speaker")]
    assert len(quotes) == 1 and quotes[0]["text_a"] == quotes[0]["text_b"]
    assert {quotes[0]["outlet_a"], quotes[0]["outlet_b"]} == {"Harbor Times", "Riverside Daily"}
    for side in ("a", "b"):
        text = store.document(quotes[0][f"document_{side}"])["text"]
        assert text[quotes[0][f"start_{side}"]:quotes[0][f"end_{side}"]] == quotes[0][f"text_{side}"]


def test_a_wire_story_republished_by_two_sites_counts_as_one_source(cases, tmp_path):
    store, _ = cases
    clusters = [r for r in rows(store, C.event_clusters) if r["type"] == "arrest"
                and {"Gulf Ledger", "Coast Herald"} <= set(r["outlets"])]
    assert len(clusters) == 1
    assert clusters[0]["independent_sources"] == 1 and not clusters[0]["corroborated"]


def test_a_third_independent_outlet_corroborates_the_wire_story(tmp_path, nlp):
    store = Store.open(str(tmp_path / "wire.db"))
    _ingest(store, tmp_path, "a.txt", WIRE + "\nRead more stories at the Gulf Ledger.\n", "Gulf Ledger", "2024-06-04")
    _ingest(store, tmp_path, "b.txt", WIRE + "\nThis story first appeared on the wire.\n", "Coast Herald", "2024-06-04")
    _ingest(store, tmp_path, "c.txt", INDEPENDENT, "Dellamar Voice", "2024-06-05")
    arrests = [r for r in rows(store, C.event_clusters) if r["type"] == "arrest" and len(r["documents"]) == 3]
    assert len(arrests) == 1 and arrests[0]["independent_sources"] == 2 and arrests[0]["corroborated"]
    claims = [r for r in rows(store, C.cluster_claims) if r["cluster"] == arrests[0]["cluster"]]
    assert [(r["kind"], r["value"], r["independent_sources"]) for r in claims] == [("date", "2024-06-02", 2)]


def test_an_exact_copy_on_a_second_site_adds_an_outlet_but_not_a_source(tmp_path, nlp):
    store = Store.open(str(tmp_path / "copy.db"))
    _ingest(store, tmp_path, "a.txt", INDEPENDENT, "Dellamar Voice", "2024-06-05")
    (tmp_path / "mirror").mkdir()
    _ingest(store, tmp_path / "mirror", "a.txt", INDEPENDENT, "Gulf Ledger", "2024-06-05")
    arrest = next(r for r in timeline(store, TimelineQuery(type="arrest"))["clusters"])
    assert arrest["outlets"] == ["Dellamar Voice", "Gulf Ledger"]
    assert arrest["independent_sources"] == 1 and not arrest["corroborated"]


def test_twenty_people_sharing_a_family_name_are_twenty_entities(cases):
    store, _ = cases
    ids = {r["entity_id"] for r in store.rows("doc_entities") if r["name"].startswith("Vo Van ")}
    assert len(ids) == 20


def test_one_person_spelled_with_and_without_diacritics_in_three_documents_is_one_entity(cases):
    store, _ = cases
    ids = entity_ids(store, "ly thi nhan")
    assert len(ids) == 1
    docs = {r["document_id"] for r in store.rows("doc_entities") if r["entity_id"] in ids}
    assert len(docs) == 3
    show = manage.show_entity(store, next(iter(ids)))
    assert {m["rule"] for m in show["members"]} >= {"same_name"}


def test_the_timeline_of_a_person_lists_their_case_in_date_order_with_outlets(cases):
    store, _ = cases
    items = timeline(store, TimelineQuery(entity="Le Thi Hoa"))["clusters"]
    kinds = [(r["type"], r["date_value"]) for r in items if r["date_value"]]
    assert kinds[0][0] == "arrest" and kinds[0][1] in {"2024-03-03", "2024-03-05"}
    assert any(t == "imprisonment" for t, _ in kinds[1:])
    assert set(items[0]["outlets"]) == {"Harbor Times", "Riverside Daily"}


def test_running_resolution_again_changes_nothing(cases):
    store, _ = cases
    tables = (C.entity_links, C.event_clusters, C.cluster_claims, C.conflicts)
    before = [sorted(map(json.dumps, rows(store, t)), key=str) for t in tables]
    entities_before = sorted(map(str, store.rows("entities")))
    resolve.run(store)
    assert [sorted(map(json.dumps, rows(store, t)), key=str) for t in tables] == before
    assert sorted(map(str, store.rows("entities"))) == entities_before


def test_merge_and_split_by_hand_are_kept_audited_and_reversible(tmp_path, nlp):
    store = Store.open(str(tmp_path / "m.db"))
    for i, (outlet, text) in enumerate(DIACRITICS):
        _ingest(store, tmp_path, f"p{i}.txt", text, outlet, "2024-04-05")
    eid = next(iter(entity_ids(store, "ly thi nhan")))
    member = manage.show_entity(store, eid)["members"][-1]
    alone = manage.split(store, eid, member["document_id"][:10], member["key"])
    assert alone != eid and len(entity_ids(store, "ly thi nhan")) == 2
    resolve.run(store)
    assert len(entity_ids(store, "ly thi nhan")) == 2           # the split survives a rerun
    assert manage.merge(store, eid, alone) == eid
    assert len(entity_ids(store, "ly thi nhan")) == 1
    assert [a["action"] for a in manage.audit(store)] == ["split", "merge"]


def test_the_cli_shows_conflicts_timeline_and_entities(cases):
    store, folder = cases
    db = str(folder / "cases.db")
    runner = CliRunner()
    out = runner.invoke(cli, ["conflicts", "--db", db])
    assert out.exit_code == 0 and "2024-03-03" in out.output and "Riverside Daily" in out.output
    out = runner.invoke(cli, ["timeline", "--db", db, "--entity", "Ly Thi Nhan", "--format", "json"])
    assert out.exit_code == 0 and json.loads(out.output)[0]["date_value"] == "2024-04-02"
    out = runner.invoke(cli, ["entities", "list", "--db", db, "--query", "Nhan"])
    assert out.exit_code == 0 and "3 doc(s)" in out.output
    out = runner.invoke(cli, ["timeline", "--db", db, "--entity", "Nobody Here"])
    assert out.exit_code != 0 and "no entity" in out.output
    out = runner.invoke(cli, ["resolve", "--db", db])
    assert out.exit_code == 0 and "conflicts 3" in out.output
    out = runner.invoke(cli, ["entities", "merge", "Nobody Here", "Ly Thi Nhan", "--db", db])
    assert out.exit_code != 0 and "no entity with this id or name" in out.output
