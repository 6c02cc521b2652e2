"""The time grammar skips a rule when the text lacks every word the rule needs; skipping must
never lose a match. Each test runs ``find`` twice, with the skip and with every rule."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.extract import times_grammar as G
from casefile.extract.lexicon import times as L

from .conftest import EXAMPLES, MEANTIME, ROOT, SEEDS


def _find_all_rules(text: str, monkeypatch) -> list:
    with monkeypatch.context() as m:
        m.setattr(G, "_rules_for", lambda _text: G.COMPILED)
        return G.find(text)


def _words_of_rules() -> list[str]:
    """Every word the anchored rules and the lexicon name, in the casings articles use."""
    words = {w for anchor, _exact in G._ANCHORS.values() for w in anchor}
    words |= set(L.WEEKDAYS) | set(L.SEASONS) | set(L.PARTS_OF_DAY) | set(L.SET_WORDS)
    words |= set(L.VAGUE_CUES) | set(L.VAGUE_QUANTITIES) | set(L.RELATIVE_OFFSETS)
    words |= {"over", "during", "at", "on", "recent", "past"}
    words |= {"year", "month", "week", "day", "decade", "century", "the", "of", "this", "last", "next", "a",
              "1990s", "'90s", "2020", "long", "year-long", "each", "every", "same", "that", "early", "late"}
    out = set()
    for w in words:
        out |= {w, w.lower(), w.upper(), w[:1].upper() + w[1:]}
    return sorted(out)


WORDS = _words_of_rules()


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
       st.lists(st.sampled_from([" ", " ", "-", ", ", ". ", "\n", "  ", " \n "]), min_size=12, max_size=12))
@settings(max_examples=400, deadline=None)
def test_skipping_rules_never_loses_a_match_on_generated_text(words, gaps):
    text = "".join(w + g for w, g in zip(words, gaps))
    filtered = G.find(text)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(G, "_rules_for", lambda _text: G.COMPILED)
        assert filtered == G.find(text), text


RULE_EXAMPLES = [
    ("weekday", "The court met on Tuesday and again on FRIDAY."),
    ("season", "Talks resumed in the Autumn of 2021."),
    ("holiday", "The prisoners were freed before Christmas Eve."),
    ("quarter", "Profits fell in the second quarter."),
    ("compared", "Sales rose from the year-earlier period."),
    ("posunit", "He was freed at the end of the month."),
    ("weekend", "Police raided the office over the weekend."),
    ("latest", "Sales fell in the latest quarter."),
    ("thequarter", "The bank lost money in the quarter."),
    ("century", "The temple dates from the 11th century."),
    ("dayand", "The summit meets on April 24 and 25."),
    ("yearended", "Sales fell in the year ended March 31."),
    ("partof", "Sales will fall in the first two quarters of 2026."),
    ("daybefore", "He met the judge the day before last Tuesday's hearing."),
    ("thepod", "Police raided the house in the morning."),
    ("every", "She reports to the police every week."),
    ("weekof", "The hearing was moved to the week of May 4."),
    ("firstunit", "In the first week of detention he saw no lawyer."),
    ("dayword", "The verdict is due tomorrow."),
    ("thispod", "Protesters gathered this morning."),
    ("vague", "He has been held for years without trial."),
    ("vaguelong", "A months-long trial ended."),
    ("decade", "Born in the 1970s, she was jailed in the '90s."),
    ("noon", "The deadline passed at midnight."),
    ("set", "Inspections happen weekly."),
]


@pytest.mark.parametrize("text", ["Police raided the house in the  morning.", "He was freed a year\n ago.",
                                  "The hearing was moved to the week\tof May 4.", "Sales fell in the year  ended March 31."])
def test_a_run_of_spaces_or_a_line_break_inside_an_expression_does_not_skip_its_rule(text, monkeypatch):
    assert G.find(text) == _find_all_rules(text, monkeypatch) != []


def test_every_skippable_rule_has_an_example():
    assert {kind for kind, _text in RULE_EXAMPLES} == set(G._ANCHORS)


@pytest.mark.parametrize("kind, text", RULE_EXAMPLES)
def test_each_skippable_rule_still_fires_on_text_that_needs_it(kind, text, monkeypatch):
    found = G.find(text)
    assert kind in {span.kind for span in _find_all_rules(text, monkeypatch)}, "the example does not exercise the rule"
    assert found == _find_all_rules(text, monkeypatch)


def _articles() -> list[str]:
    texts = []
    for folder in (SEEDS, EXAMPLES, ROOT / "tests" / "heldout"):
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if (MEANTIME / "docs.jsonl").is_file():
        texts += [json.loads(line)["text"] for line in (MEANTIME / "docs.jsonl").read_text().splitlines()]
    return texts


def test_skipping_rules_never_loses_a_match_on_real_articles(monkeypatch):
    texts = _articles()
    assert texts
    for text in texts:
        assert G.find(text) == _find_all_rules(text, monkeypatch)


def test_anchors_name_only_rules_that_exist():
    assert set(G._ANCHORS) <= {kind for kind, _pattern, _prio in G.RULES}


@pytest.mark.parametrize("text", ["\u017fummer of 2020", "KELVIN \u212a", "\u0130 went on Monday"])
def test_text_with_letters_that_fold_to_ascii_runs_every_rule(text):
    assert G._rules_for(text) is G.COMPILED
