"""The evaluation gate: the shared scorer's figures must stay at or above the floors.

The seeds and MEANTIME are scored when ../shared/eval is beside the checkout; TimeBank
(dev/timebank, 256 articles, about half a minute) and PolNeAR dev (dev/polnear, 84 articles,
about twenty seconds) when they are under ../shared/eval/dev; the event set dev/wikievents
(20 articles, by score_events.py) when ../shared/eval/dev/wikievents is.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from casefile.evaluate import evaluation_sets, figures, score

from .conftest import SHARED

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())
SETS = evaluation_sets(SHARED)
SCORER = SHARED / "eval" / "score.py"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval is not beside this checkout")]


def _figures(name: str) -> dict[str, float]:
    inputs, gold, scorer = SETS[name]
    if not gold.exists() or not all(p.exists() for p in inputs):
        pytest.skip(f"{name} is not beside this checkout")
    return figures(score([str(p) for p in inputs], str(gold), str(scorer)))


@pytest.fixture(scope="module")
def seed_figures():
    return _figures("seeds")


@pytest.fixture(scope="module")
def meantime_figures():
    return _figures("meantime")


@pytest.fixture(scope="module")
def timebank_figures():
    return _figures("timebank")


@pytest.fixture(scope="module")
def wikievents_figures():
    return _figures("wikievents")


@pytest.mark.parametrize("metric, floor", sorted(FLOORS["seeds"].items()))
def test_seed_figures_stay_at_or_above_their_floor(seed_figures, metric, floor):
    assert seed_figures[metric] >= floor, f"{metric} fell to {seed_figures[metric]} (floor {floor})"


@pytest.mark.parametrize("metric, ceiling", sorted(FLOORS["seeds_ceilings"].items()))
def test_seed_error_counts_stay_at_or_below_their_ceiling(seed_figures, metric, ceiling):
    assert seed_figures[metric] <= ceiling


@pytest.mark.parametrize("metric, floor", sorted(FLOORS["meantime"].items()))
def test_meantime_time_figures_stay_at_or_above_their_floor(meantime_figures, metric, floor):
    assert meantime_figures[metric] >= floor, f"{metric} fell to {meantime_figures[metric]} (floor {floor})"


@pytest.mark.parametrize("metric, floor", sorted(FLOORS["timebank"].items()))
def test_timebank_time_figures_stay_at_or_above_their_floor(timebank_figures, metric, floor):
    assert timebank_figures[metric] >= floor, f"{metric} fell to {timebank_figures[metric]} (floor {floor})"


@pytest.fixture(scope="module")
def polnear_figures():
    return _figures("polnear")


@pytest.mark.parametrize("metric, floor", sorted(FLOORS["polnear"].items()))
def test_polnear_dev_quote_figures_stay_at_or_above_their_floor(polnear_figures, metric, floor):
    assert polnear_figures[metric] >= floor, f"{metric} fell to {polnear_figures[metric]} (floor {floor})"


@pytest.mark.parametrize("metric, floor", sorted(FLOORS["wikievents"].items()))
def test_wikievents_event_figures_stay_at_or_above_their_floor(wikievents_figures, metric, floor):
    assert wikievents_figures[metric] >= floor, f"{metric} fell to {wikievents_figures[metric]} (floor {floor})"
