"""Pages read the resolver's verdicts (event_clusters, conflicts) when they exist, and cope when they don't."""
from __future__ import annotations

import shutil
import sqlite3

import pytest
from fastapi.testclient import TestClient

from casefile.web.app import create_app
from tests.test_web_helpers import visible_text, web_store


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """A copy of the test store with one recorded date conflict and one corroborated cluster."""
    db = str(tmp_path_factory.mktemp("cases") / "cases.db")
    shutil.copy(web_store(), db)
    con = sqlite3.connect(db)
    fiction = con.execute("SELECT id FROM documents WHERE title LIKE 'Blogger%'").fetchone()[0]
    hostile = con.execute("SELECT id FROM documents WHERE title LIKE 'Hostile%'").fetchone()[0]
    arrest = con.execute("SELECT cluster, sentence_start, date_value FROM events WHERE document_id = ? "
                         "AND type = 'arrest'", (fiction,)).fetchone()
    jailed = con.execute("SELECT cluster FROM events WHERE document_id = ? AND type = 'imprisonment'",
                         (fiction,)).fetchone()[0]
    con.execute("INSERT INTO conflicts (id, cluster, kind, value_a, value_b, document_a, document_b, outlet_a, "
                "outlet_b, start_a, text_a, start_b, text_b, detail) VALUES ('cx1', ?, 'date', ?, '2019-11-30', ?, ?, "
                "'Northern Ledger', 'Test Wire', ?, 'first version', 0, 'second version', 'arrest: dates differ')",
                (arrest[0], arrest[2], fiction, hostile, arrest[1]))
    con.execute("DELETE FROM event_clusters WHERE cluster = ?", (jailed,))
    con.execute("INSERT INTO event_clusters (cluster, type, date_value, events, documents, outlets, entities, "
                "independent_sources, corroborated) VALUES (?, 'imprisonment', '2021-06-18', 2, '[]', "
                "'[\"Northern Ledger\", \"Valley Post\"]', '[]', 2, 1)", (jailed,))
    con.commit()
    con.close()
    return TestClient(create_app(db)), fiction, hostile, arrest


def test_timeline_marks_a_conflict_the_resolver_recorded(setup):
    client, fiction, _, arrest = setup
    data = client.get("/api/timeline?date_from=2021&date_to=2021").json()
    marked = [e for e in data["events"] if e["cluster"] == arrest[0]]
    assert marked and "2019-11-30" in marked[0]["conflict"]
    assert any(c["kind"] == "date" and c["versions"][1]["date"] == "2019-11-30" for c in data["conflicts"])
    page = client.get("/timeline?date_from=2021&date_to=2021").text
    assert 'class="bar conflict"' in page and "30 November 2019" in page and "2019-11-30" not in visible_text(page)


def test_compare_lists_recorded_conflicts_between_the_two_sides(setup):
    client, fiction, hostile, _ = setup
    both_ways = [client.get(f"/api/compare?a={a}&b={b}").json() for a, b in ((fiction, hostile), (hostile, fiction))]
    assert all(len(c["recorded_conflicts"]) == 1 for c in both_ways)
    alone = client.get(f"/api/compare?a={fiction}&b={fiction}").json()
    assert alone["recorded_conflicts"] == []
    page = client.get(f"/compare?a={fiction}&b={hostile}").text
    assert "first version" in page and "second version" in page


def test_dossier_takes_corroboration_from_the_resolver(setup):
    client, *_ = setup
    ref = next(e["ref"] for e in client.get("/api/entities?limit=500").json() if e["name"] == "Teodor Kalvan")
    jailed = [e for e in client.get(f"/api/entities/{ref}").json()["events"] if e["type"] == "imprisonment"]
    assert jailed[0]["corroboration"] == "corroborated"
    assert jailed[0]["outlets"] == ["Northern Ledger", "Valley Post"]


def test_pages_work_on_a_store_without_corpus_level_tables(setup, tmp_path):
    db = str(tmp_path / "bare.db")
    shutil.copy(web_store(), db)
    con = sqlite3.connect(db)
    con.execute("DROP TABLE conflicts")
    con.execute("DROP TABLE event_clusters")
    con.commit()
    con.close()
    client = TestClient(create_app(db))
    ref = next(e["ref"] for e in client.get("/api/entities?limit=500").json() if e["name"] == "Teodor Kalvan")
    assert client.get(f"/entities/{ref}").status_code == 200
    assert client.get("/timeline").status_code == 200
    events = client.get(f"/api/entities/{ref}").json()["events"]
    assert events[0]["corroboration"] == "single source"
