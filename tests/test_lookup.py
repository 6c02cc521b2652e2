"""One answer to a name: every page, command and export shows an entity under the same name and type
(``lookup.shown``), the same name finds the same entity everywhere, and an ambiguous name is an
error that lists the candidates (exit status 2, HTTP 409).

The store is written directly (no spaCy): three fictional reports in which documents spell
their entities differently from the name resolution settles on.
"""
from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from casefile import resolve
from casefile.cli import main
from casefile.export import build
from casefile.models import Document, Event, Extraction, LocalEntity, Mention, Participant
from casefile.resolve.lookup import find_entity, shown
from casefile.store.db import Store
from casefile.web.app import create_app

from .helpers.rows import rows_of

# (document id, published, text); each text names a person and a place, the person is arrested.
DOCS = [
    ("doc1aaaa00000001", "2024-03-02", "Police in Vell Province arrested Teodor Kalvan on March 1, 2024."),
    ("doc2bbbb00000002", "2024-03-03", "KALVAN was arrested in VELL PROVINCE on March 1, 2024, his sister said."),
    ("doc3cccc00000003", "2024-03-04", "Vell, a reporter, visited Vell on March 3, 2024."),
]


def _entity(text: str, key: str, name: str, type_: str, aliases=()) -> LocalEntity:
    start = text.index(name)
    return LocalEntity(key=key, name=name, type=type_, aliases=list(aliases) or [name],
                       mentions=[Mention(start, start + len(name), name, type_)])


def _arrest(text: str, who: str, key: str, date: str) -> Event:
    at = text.index("arrested")
    person = text.index(who)
    return Event(start=at, end=at + 8, type="arrest", trigger="arrested", sentence_start=0, sentence_end=len(text),
                 participants=[Participant("target", who, key, person, person + len(who))], date_value=date)


def _extraction(doc_id: str, text: str) -> Extraction:
    if doc_id.startswith("doc1"):
        ents = [_entity(text, "e1", "Vell Province", "LOC"), _entity(text, "e2", "Teodor Kalvan", "PERSON")]
        events = [_arrest(text, "Teodor Kalvan", "e2", "2024-03-01")]
    elif doc_id.startswith("doc2"):
        ents = [_entity(text, "e1", "KALVAN", "PERSON"), _entity(text, "e2", "VELL PROVINCE", "GPE")]
        events = [_arrest(text, "KALVAN", "e1", "2024-03-01")]
    else:   # a person and a place both called Vell: two entities under one name
        first, second = text.index("Vell"), text.rindex("Vell")
        ents = [LocalEntity("e1", "Vell", "PERSON", ["Vell"], mentions=[Mention(first, first + 4, "Vell", "PERSON")]),
                LocalEntity("e2", "Vell", "GPE", ["Vell"], mentions=[Mention(second, second + 4, "Vell", "GPE")])]
        events = []
    return Extraction(document=doc_id, entities=ents, events=events, sentences=[(0, len(text))])


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("lookup") / "lookup.db")
    store = Store.open(path)
    for doc_id, published, text in DOCS:
        doc = Document(id=doc_id, source=f"{doc_id}.txt", text=text, title=text[:30], outlet=f"Outlet {doc_id[3]}",
                       published=published)
        store.write_batch(rows_of((doc, _extraction(doc_id, text), {})))
    resolve.run(store)
    store.close()
    return path


@pytest.fixture(scope="module")
def store(db) -> Store:
    return Store.open(db, readonly=True)


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db))


def _ids(store: Store, name: str) -> str:
    with store.engine.connect() as conn:
        return find_entity(conn, name)


def test_documents_spell_the_entities_differently_from_the_names_resolution_settles_on(store):
    kalvan, vell = _ids(store, "Teodor Kalvan"), _ids(store, "Vell Province")
    with store.engine.connect() as conn:
        names = shown(conn, [kalvan, vell])
    assert names[kalvan] == {"name": "Teodor Kalvan", "type": "PERSON"}
    assert names[vell] == {"name": "Vell Province", "type": "LOC"}
    spelled = {(r["name"], r["type"]) for r in store.rows("doc_entities") if r["entity_id"] in (kalvan, vell)}
    assert ("KALVAN", "PERSON") in spelled and ("VELL PROVINCE", "GPE") in spelled


def _everywhere(store: Store, client: TestClient, db: str, ref: str) -> dict[str, tuple[str, str]]:
    """(name, type) of one entity as each page, command and export shows it."""
    runner = CliRunner()
    out: dict[str, tuple[str, str]] = {}
    listed = {e["ref"]: e for e in client.get("/api/entities?limit=500").json()}
    out["web entity list"] = (listed[ref]["name"], listed[ref]["type"])
    page = client.get("/entities").text
    out["web entity list page"] = (re.search(rf'href="/entities/{quote(ref, safe="")}"[^>]*>([^<]+)<', page)[1], "")
    d = client.get(f"/api/entities/{ref}").json()
    out["web dossier"] = (d["name"], d["type"])
    doc = next(r["document_id"] for r in store.rows("doc_entities") if r["entity_id"] == ref)
    titled = re.findall(r'href="/entities/' + re.escape(quote(ref, safe="")) + r'" title="([^:]+): ([^"]+)"',
                        client.get(f"/documents/{doc}").text)
    out["web document page"] = (titled[0][1], titled[0][0])
    brief = client.get(f"/api/entities/{ref}/brief").text
    out["brief"] = (brief.splitlines()[0].removeprefix("# "), brief.splitlines()[2].strip("*"))
    exported = {e["id"]: e for e in build(store)["entities"]}
    out["export"] = (exported[ref]["name"], exported[ref]["type"])
    shown_cli = json.loads(runner.invoke(main, ["entities", "show", ref, "--db", db, "--format", "json"]).output)
    out["entities show"] = (shown_cli["name"], shown_cli["type"])
    listed_cli = json.loads(runner.invoke(main, ["entities", "list", "--db", db, "--format", "json"]).output)
    mine = next(e for e in listed_cli if e["id"] == ref)
    out["entities list"] = (mine["name"], mine["type"])
    found = client.get(f"/api/search?q={quote(mine['name'])}").json()["entities"]
    out["search"] = next((e["name"], e["type"]) for e in found if e["id"] == ref)
    return out


@pytest.mark.parametrize("name", ["Teodor Kalvan", "Vell Province"])
def test_every_page_command_and_export_shows_the_entity_as_lookup_shows_it(store, client, db, name):
    ref = _ids(store, name)
    with store.engine.connect() as conn:
        expected = shown(conn, [ref])[ref]
    for where, (got_name, got_type) in _everywhere(store, client, db, ref).items():
        assert got_name == expected["name"], where
        assert got_type in ("", expected["type"]), where


def test_neighbours_lanes_and_comparisons_use_the_same_names(store, client):
    kalvan, vell = _ids(store, "Teodor Kalvan"), _ids(store, "Vell Province")
    neighbours = {n["ref"]: n["name"] for n in client.get(f"/api/entities/{kalvan}").json()["neighbours"]}
    assert neighbours[vell] == "Vell Province"
    lanes = {e["lane"] for e in client.get("/api/timeline?lanes=entity").json()["events"]}
    assert lanes == {"Teodor Kalvan"}
    compared = client.get(f"/api/compare?a={DOCS[0][0]}&b={DOCS[1][0]}").json()
    assert {(e["name"], e["type"]) for e in compared["entities_both"]} == {("Teodor Kalvan", "PERSON"),
                                                                         ("Vell Province", "LOC")}


@pytest.mark.parametrize("name", ["Teodor Kalvan", "teodor kalvan", "KALVAN", "Vell Province", "vell province"])
def test_one_name_finds_one_entity_in_every_command_and_page(store, client, db, name):
    ref = _ids(store, name)
    runner = CliRunner()
    shown_cli = json.loads(runner.invoke(main, ["entities", "show", name, "--db", db, "--format", "json"]).output)
    assert shown_cli["id"] == ref
    brief = runner.invoke(main, ["brief", name, "--db", db])
    assert brief.exit_code == 0 and brief.output.startswith(f"# {shown_cli['name']}\n")
    assert client.get(f"/api/entities/{quote(name)}").json()["ref"] == ref
    timeline = runner.invoke(main, ["timeline", "--entity", name, "--db", db, "--format", "json"])
    if name.lower().startswith(("teodor", "kalvan")):
        assert {c["cluster"] for c in json.loads(timeline.output)} == {
            e["cluster"] for e in store.rows("events")}      # both reports of the arrest
    else:
        assert timeline.exit_code == 0


def test_an_alias_finds_its_entity_only_when_no_entity_has_that_name(store):
    assert _ids(store, "KALVAN") == _ids(store, "Teodor Kalvan")          # an alias of one entity
    with pytest.raises(Exception, match="no entity"):
        _ids(store, "Kalvan Teodor")                                       # names nobody


@pytest.mark.parametrize("command", [
    ["entities", "show", "Vell"], ["brief", "Vell"], ["timeline", "--entity", "Vell"],
    ["entities", "merge", "Vell", "Teodor Kalvan"]])
def test_an_ambiguous_name_is_an_error_listing_the_candidates_with_exit_status_2(db, store, command):
    result = CliRunner().invoke(main, [*command, "--db", db])
    assert result.exit_code == 2, result.output
    assert "2 entities answer to this name" in result.output
    candidates = [r for r in store.rows("entities") if r["name"] == "Vell"]
    assert len(candidates) == 2
    for c in candidates:
        assert c["id"] in result.output and c["type"] in result.output
    assert "Traceback" not in result.output


def test_an_ambiguous_name_on_the_web_is_409_with_the_candidates(client, store):
    api = client.get("/api/entities/Vell")
    assert api.status_code == 409
    assert {c["type"] for c in api.json()["candidates"]} == {"PERSON", "GPE"}
    page = client.get("/entities/Vell")
    assert page.status_code == 409
    for c in api.json()["candidates"]:
        assert f'href="/entities/{c["id"]}"' in page.text


def test_an_unknown_name_is_404_on_the_web_and_exit_status_1_on_the_command_line(client, db):
    assert client.get("/api/entities/Nobody%20Known").status_code == 404
    result = CliRunner().invoke(main, ["entities", "show", "Nobody Known", "--db", db])
    assert result.exit_code == 1 and "no entity with this id or name" in result.output
