"""The held-out gate: casefile measured on articles it was never tuned on.

tests/heldout/ holds ten fictional news articles (wire, public radio page, press
release, regional outlet, newspapers) with hand-made gold in the shared scorer's
format.  The seeds are what the extractors are tuned on; this set is the early
warning that a rule only works on them.  Floors live in heldout_floors.json and
only go up: raise one when casefile improves, never lower it to make a change pass.

The first tests check the gold itself (cheap, no model); the gate tests run the
whole pipeline once per module through the shared scorer.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from casefile.evaluate import figures, score

from .conftest import SEEDS, SHARED

HELDOUT = Path(__file__).parent / "heldout"
HELDOUT_GOLD = HELDOUT / "gold"
ARTICLES = sorted(HELDOUT.glob("*.txt"))
GOLDS = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(HELDOUT_GOLD.glob("*.json"))
         if p.name != "corpus.json"}
FLOORS = json.loads((Path(__file__).parent / "heldout_floors.json").read_text(encoding="utf-8"))
SCORER = SHARED / "eval" / "score.py"
EVENT_TYPES = {
    "arrest", "charge", "trial", "imprisonment", "detention_abuse", "release", "disappearance", "killing",
    "attack", "protest", "surveillance", "travel_restriction", "ban_organization", "crackdown", "harassment",
    "policy_issued", "document_disclosed", "diplomatic_visit", "relations_upgraded", "appeal", "statement",
    "criticism", "no_comment", "trade_figure",
}
SHINGLE = 8  # words in a row that may not be shared with a seed article


def _text(gold: dict) -> str:
    return (HELDOUT / gold["document"]).read_text(encoding="utf-8")


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


# --- the gold itself -------------------------------------------------------------------------

def test_every_heldout_article_has_exactly_one_gold_file():
    assert len(ARTICLES) == 10
    assert sorted(g["document"] for g in GOLDS.values()) == [a.name for a in ARTICLES]
    assert all(name == g["document"].replace(".txt", ".json") for name, g in GOLDS.items())


def _missing_spans(gold: dict) -> list[str]:
    text = _text(gold)
    spans = ([q["text"] for q in gold["quotes"]] + [t["text"] for t in gold["times"]]
             + gold.get("not_quotes", []) + gold.get("boilerplate", []))
    return [s for s in spans if s not in text]


@pytest.mark.parametrize("name", sorted(GOLDS))
def test_every_annotated_span_occurs_in_its_article(name):
    assert not _missing_spans(GOLDS[name])


@pytest.mark.parametrize("span, kind", [
    ("A fictional sentence that no heldout article contains.", "quotes"),
    ("on the fourteenth of Neverember", "times"),
])
def test_a_span_that_is_not_in_the_article_is_reported_missing(span, kind):
    gold = dict(next(iter(GOLDS.values())))
    gold[kind] = [{"kind": "direct", "text": span, "speaker": ["nobody"], "values": ["XXXX"]}]
    assert _missing_spans(gold) == [span]


@pytest.mark.parametrize("name", sorted(GOLDS))
def test_gold_entities_events_and_times_are_well_formed(name):
    gold = GOLDS[name]
    text = _text(gold)
    names = {e["name"] for e in gold["entities"]}
    assert all(any(a in text for a in e["aliases"]) for e in gold["entities"])
    assert all(e["type"] in {"PERSON", "ORG", "GPE", "LOC", "NORP", "LAW", "EVENT", "FAC"} for e in gold["entities"])
    for event in gold["events"]:
        assert event["type"] in EVENT_TYPES
        assert set(event["participants"]) <= names, event
        assert event["date"] is None or all(isinstance(v, str) for v in event["date"])
    assert all(q["kind"] in {"direct", "indirect"} and q["speaker"] for q in gold["quotes"])
    assert all(t["values"] for t in gold["times"])


def test_corpus_gold_refers_to_heldout_articles_and_gold_entities():
    corpus = json.loads((HELDOUT_GOLD / "corpus.json").read_text(encoding="utf-8"))
    docs = {a.name for a in ARTICLES}
    assert set(corpus["documents"]) <= docs
    for a, b in corpus["same_entity"] + corpus["different_entity"]:
        for doc, alias in (a, b):
            assert doc in docs and alias in (HELDOUT / doc).read_text(encoding="utf-8")
    all_names = {e["name"] for g in GOLDS.values() for e in g["entities"]}
    assert all(set(c["participants"]) <= all_names for c in corpus["corroborated_events"])


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is not beside this checkout")
@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_heldout_articles_share_no_run_of_words_with_the_seeds(article):
    # Page furniture the gold marks as boilerplate ("Play Live Radio") is site chrome, not article text.
    text = article.read_text(encoding="utf-8")
    for chrome in GOLDS[article.name.replace(".txt", ".json")].get("boilerplate", []):
        text = text.replace(chrome, "\n")
    seeds = set().union(*(_shingles(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")))
    shared = _shingles(text) & seeds
    assert not shared, sorted(" ".join(s) for s in shared)[:3]


# --- the gate -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def heldout_figures():
    return figures(score([str(p) for p in ARTICLES], str(HELDOUT_GOLD), str(SCORER)))


needs_scorer = pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval is not beside this checkout")


@pytest.mark.slow
@needs_scorer
@pytest.mark.parametrize("metric, floor", sorted(FLOORS["heldout"].items()))
def test_heldout_figures_stay_at_or_above_their_floor(heldout_figures, metric, floor):
    assert metric in heldout_figures, f"{metric} is no longer reported"
    assert heldout_figures[metric] >= floor, f"{metric} fell to {heldout_figures[metric]} (floor {floor})"


@pytest.mark.slow
@needs_scorer
@pytest.mark.parametrize("metric, ceiling", sorted(FLOORS["heldout_ceilings"].items()))
def test_heldout_error_counts_stay_at_or_below_their_ceiling(heldout_figures, metric, ceiling):
    assert heldout_figures[metric] <= ceiling, f"{metric} rose to {heldout_figures[metric]} (ceiling {ceiling})"
