from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from casefile.cli import main

from .conftest import SEEDS, needs_seeds

ARTICLE = """Court in Vell jails blogger for four years

A court in the Vell province of Kestria sentenced blogger Ivo Marren to four years in prison on Friday, his lawyer said.
"This verdict punishes journalism," the lawyer, Sela Durn, told reporters.
"""


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "vell.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_every_command_has_help(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    commands = [line.split()[0] for line in result.output.split("Commands:")[1].strip().splitlines() if line.strip()]
    assert {"ingest", "export", "stats", "errors", "serve"} <= set(commands)
    for command in commands:
        sub = runner.invoke(main, [command, "--help"])
        assert sub.exit_code == 0, command
        assert "Usage:" in sub.output and len(sub.output.splitlines()) > 3


def test_ingest_then_export_writes_the_schema_object(runner, article, tmp_path):
    db, out = str(tmp_path / "c.db"), tmp_path / "out.json"
    result = runner.invoke(main, ["ingest", str(article), "--db", db, "--outlet", "Kestria Post"])
    assert result.exit_code == 0, result.output
    assert "stored 1," in result.output and "lost 0" in result.output
    result = runner.invoke(main, ["export", "--db", db, "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert set(data) >= {"version", "documents", "entities", "quotes", "times", "events"}
    doc = data["documents"][0]
    assert doc["outlet"] == "Kestria Post" and doc["title"].startswith("Court in Vell")
    for quote in data["quotes"]:
        assert doc["text"][quote["start"]:quote["end"]] == quote["text"]


def test_jsonl_and_csv_exports(runner, article, tmp_path):
    db = str(tmp_path / "c.db")
    runner.invoke(main, ["ingest", str(article), "--db", db])
    result = runner.invoke(main, ["export", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0
    kinds = {json.loads(line)["kind"] for line in result.output.splitlines() if line.startswith("{")}
    assert "document" in kinds
    result = runner.invoke(main, ["export", "--db", db, "--format", "csv", "-o", str(tmp_path / "csv")])
    assert result.exit_code == 0
    assert (tmp_path / "csv" / "documents.csv").read_text().startswith("id,source")
    result = runner.invoke(main, ["export", "--db", db, "--format", "csv"])
    assert result.exit_code == 1 and "give a folder with -o" in result.output


def test_csv_export_neutralises_cells_a_spreadsheet_would_run(runner, tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(ARTICLE + '"=HYPERLINK(1) is all they wanted from us," the lawyer said.\n', encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert runner.invoke(main, ["ingest", str(hostile), "--db", db]).exit_code == 0
    result = runner.invoke(main, ["export", "--db", db, "--format", "csv", "-o", str(tmp_path / "csv")])
    assert result.exit_code == 0
    import csv

    cells = [cell for table in ("documents", "quotes", "entities", "events", "times")
             for row in csv.reader((tmp_path / "csv" / f"{table}.csv").open(encoding="utf-8")) for cell in row]
    assert any(cell.startswith("'=HYPERLINK(1)") for cell in cells)
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_a_bad_date_option_is_a_usage_error(runner, article, tmp_path):
    result = runner.invoke(main, ["ingest", str(article), "--db", str(tmp_path / "c.db"), "--published", "March"])
    assert result.exit_code == 2 and "not a date like 2024-03-01" in result.output


def test_reading_a_store_that_does_not_exist_is_a_clear_error(runner, tmp_path):
    for command in (["export"], ["stats"], ["errors"]):
        result = runner.invoke(main, [*command, "--db", str(tmp_path / "absent.db")])
        assert result.exit_code == 1
        assert "run `casefile ingest` first" in result.output
        assert "Traceback" not in result.output


def test_a_rejected_input_is_reported_and_makes_the_exit_status_non_zero(runner, article, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    db = str(tmp_path / "c.db")
    result = runner.invoke(main, ["ingest", str(article), str(empty), "--db", db])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "rejected 1" in result.output
    errors = runner.invoke(main, ["errors", "--db", db])
    assert "empty.txt" in errors.output
    stats = runner.invoke(main, ["stats", "--db", db, "--json"])
    assert json.loads(stats.output)["documents"] == 1


@needs_seeds
def test_ingesting_the_seeds_twice_leaves_every_table_unchanged(runner, tmp_path):
    db = str(tmp_path / "seeds.db")
    assert runner.invoke(main, ["ingest", str(SEEDS), "--db", db]).exit_code == 0
    first = json.loads(runner.invoke(main, ["stats", "--db", db, "--json"]).output)
    second_run = runner.invoke(main, ["ingest", str(SEEDS), "--db", db])
    assert second_run.exit_code == 0 and "duplicates 2" in second_run.output
    second = json.loads(runner.invoke(main, ["stats", "--db", db, "--json"]).output)
    assert first == second
    assert first["documents"] == 2 and first["mentions"] > 0
