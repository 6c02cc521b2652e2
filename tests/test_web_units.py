"""The web layer's pure parts (highlighting, comparison) and its CLI commands (search, brief).
What a date value covers is tested in test_dates.py."""
from __future__ import annotations

import html
import re

import pytest
from click.testing import CliRunner

from casefile.cli import main
from casefile.web.compare import _pair
from casefile.web.highlight import Span, _non_overlapping, _render
from casefile.web.labels import human_time
from tests.test_web_helpers import web_store


def test_overlapping_spans_are_drawn_as_nested_elements_with_the_text_intact():
    text = 'Mara <Vell> said "go home" & left.'
    layers = [
        [Span(0, len(text), "span", {"id": "s-0"})],
        _non_overlapping([Span(17, 26, "span", {"class": "quote", "data-speaker": 'Mara "<Vell>"'})]),
        _non_overlapping([Span(0, 11, "a", {"href": "/entities/x"}, 1), Span(5, 11, "mark", {}, 0),
                          Span(18, 20, "mark", {}, 3), Span(15, 19, "span", {}, 0)]),
    ]
    out = _render(text, 0, len(text), layers)
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text
    assert "<Vell>" not in out and "&lt;Vell&gt;" in out
    assert 'data-speaker="Mara &#34;&lt;Vell&gt;&#34;"' in out
    assert out.count("<mark") == 1                 # the span crossing the quote's edge is dropped
    assert re.search(r'<span class="quote"[^>]*>&#34;<mark>go</mark>', out)


def _event(i, cluster, date, etype="arrest"):
    return {"id": i, "cluster": cluster, "date_value": date, "type": etype}


@pytest.mark.parametrize("left, right, both, conflicts", [
    ([_event("a", "c1", "2021-03-01")], [_event("b", "c1", "2021-03")], 1, 0),
    ([_event("a", "c1", "2021-03-01")], [_event("b", "c1", "2021-04-02")], 0, 1),
    ([_event("a", None, "2021-03-01")], [_event("b", None, "2021-03-01", "release")], 0, 0),
    ([_event("a", None, None)], [_event("b", None, None)], 0, 0),
    ([_event("a", None, "2021"), _event("a2", None, "2021-05-04")], [_event("b", None, "2021-05")], 1, 0),
])
def test_compare_pairs_same_facts_and_flags_conflicting_dates(left, right, both, conflicts):
    got_both, got_conflicts, only_a, only_b = _pair(left, right)
    assert (len(got_both), len(got_conflicts)) == (both, conflicts)
    assert len(only_a) == len(left) - both - conflicts and len(only_b) == len(right) - both - conflicts
    if len(left) == 2 and both:
        assert got_both[0]["a"]["id"] == "a2"      # the precise report wins the pair


@pytest.mark.parametrize("args, expected, absent", [
    (["search", "Kalvan"], "Blogger Teodor Kalvan sentenced", None),
    (["search", "Kalvan", "--outlet", "Nobody"], "documents (0)", "Blogger Teodor"),
    (["search", "--event-type", "arrest", "--json"], '"event_type": "arrest"', None),
    (["brief", "Teodor Kalvan"], "[^1]: Northern Ledger", None),
    (["brief", "teodor kalvan", "--format", "html"], '<ol class="footnotes">', "<script"),
])
def test_cli_search_and_brief_read_the_store(args, expected, absent):
    result = CliRunner().invoke(main, [*args, "--db", web_store()])
    assert result.exit_code == 0, result.output
    assert expected in result.output
    if absent:
        assert absent not in result.output


def test_cli_brief_of_an_unknown_entity_fails_with_a_message(tmp_path):
    result = CliRunner().invoke(main, ["brief", "Nobody Atall", "--db", web_store()])
    assert result.exit_code == 1
    assert "no entity" in result.output
    out = tmp_path / "b.md"
    ok = CliRunner().invoke(main, ["brief", "Teodor Kalvan", "-o", str(out), "--db", web_store()])
    assert ok.exit_code == 0 and out.read_text().startswith("# Teodor Kalvan")


@pytest.mark.parametrize("cell, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1+2", "'+1+2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("-3", "-3"), ("-2.5", "-2.5"), ("plain text", "plain text"), ("", ""), ("a=b", "a=b"),
])
def test_csv_cells_that_would_run_as_formulas_are_neutralised(cell, expected):
    from casefile.export import spreadsheet_safe

    assert spreadsheet_safe(cell) == expected


@pytest.mark.parametrize("stamp, expected", [
    ("2026-12-07T13:14:29+00:00", "7 December 2026, 13:14 UTC"),
    ("2026-12-07T15:14:29+02:00", "7 December 2026, 13:14 UTC"),      # shown in UTC, as stored
    ("2026-12-07T13:14:29", "7 December 2026, 13:14"),                # no zone given: none claimed
    ("not a time", "not a time"), (None, ""),
])
def test_a_reviewer_s_time_reads_as_words(stamp, expected):
    assert human_time(stamp) == expected
