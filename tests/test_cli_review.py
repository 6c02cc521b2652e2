"""`casefile review` and `casefile case` from the command line: decisions made, the articles
ingested again and the corpus resolved again, and the decisions still hold."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from casefile.cli import main
from tests.test_web_helpers import FICTION_ARTICLE


@pytest.fixture
def ingested(tmp_path):
    source = tmp_path / "article.jsonl"
    source.write_text(json.dumps(FICTION_ARTICLE) + "\n", encoding="utf-8")
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(source), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    return runner, db, source


def _run(runner, *args):
    result = runner.invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _export(runner, db):
    return json.loads(_run(runner, "export", "--db", db))


def test_a_rejected_event_and_a_fixed_speaker_hold_through_reingest_and_resolve(ingested):
    runner, db, source = ingested
    data = _export(runner, db)
    trial = next(e for e in data["events"] if e["type"] == "trial")
    quote = next(q for q in data["quotes"] if q["text"].startswith("A court in the city"))
    _run(runner, "review", "set", "--event", trial["id"], "--status", "rejected", "--note", "a sentencing",
         "--by", "Ana", "--db", db)
    _run(runner, "review", "set", "--quote", quote["id"], "--speaker", "Teodor Kalvan", "--status", "confirmed",
         "--by", "Ana", "--db", db)

    assert "stored 0, duplicates 1" in _run(runner, "ingest", str(source), "--db", db, "-q")
    _run(runner, "resolve", "--db", db)

    after = _export(runner, db)
    event = next(e for e in after["events"] if e["id"] == trial["id"])
    assert event["review"]["status"] == "rejected" and event["review"]["reviewer"] == "Ana"
    said = next(q for q in after["quotes"] if q["id"] == quote["id"])
    assert said["speaker"]["text"] == "Teodor Kalvan" and said["review"]["original"]["speaker"] == "his wife"
    him = next(e["id"] for e in after["entities"] if e["name"] == "Teodor Kalvan")
    assert said["speaker"]["entity"] == him
    assert "trial" not in _run(runner, "timeline", "--db", db)
    listed = json.loads(_run(runner, "review", "list", "--format", "json", "--db", db))
    assert sorted((d["kind"], d["status"]) for d in listed) == [("event", "rejected"), ("quote", "confirmed")]
    rejected = _run(runner, "review", "list", "--status", "rejected", "--db", db)
    assert "event:" in rejected and "quote:" not in rejected and "a sentencing" in rejected


@pytest.mark.parametrize("args, message", [
    (["review", "set", "--by", "Ana", "--status", "rejected"], "exactly one of"),
    (["review", "set", "--event", "nosuchid", "--by", "Ana", "--status", "rejected"], "no event with this id"),
    (["review", "set", "--link", "no-tilde", "--by", "Ana"], "entity link"),
])
def test_a_review_that_names_no_fact_fails_with_a_message(ingested, args, message):
    runner, db, _ = ingested
    result = runner.invoke(main, [*args, "--db", db])
    assert result.exit_code != 0 and message in result.output


def test_a_case_groups_entities_and_events_with_its_own_timeline_brief_and_export(ingested):
    runner, db, _ = ingested
    data = _export(runner, db)
    abuse = next(e for e in data["events"] if e["type"] == "detention_abuse")
    _run(runner, "case", "create", "detained bloggers", "--db", db)
    assert runner.invoke(main, ["case", "create", "Detained Bloggers", "--db", db]).exit_code != 0
    _run(runner, "case", "add", "detained bloggers", "--entity", "Ilsa Kalvan", "--event", abuse["id"], "--db", db)
    assert "detained bloggers  1 entity, 1 event(s)" in _run(runner, "case", "list", "--db", db)
    shown = json.loads(_run(runner, "case", "show", "detained bloggers", "--format", "json", "--db", db))
    types = {c["type"] for c in shown["timeline"]["clusters"]}
    assert "detention_abuse" in types and "arrest" not in types    # Ilsa Kalvan takes part in no arrest
    assert "detention" in _run(runner, "case", "brief", "detained bloggers", "--db", db)
    exported = json.loads(_run(runner, "case", "export", "detained bloggers", "--db", db))
    assert [e["id"] for e in exported["events"]] == [abuse["id"]]
    assert {d["id"] for d in exported["documents"]} == {abuse["document"]}
    _run(runner, "case", "remove", "detained bloggers", "--event", abuse["id"], "--db", db)
    shown = json.loads(_run(runner, "case", "show", "detained bloggers", "--format", "json", "--db", db))
    assert shown["events"] == []
