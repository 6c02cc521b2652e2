"""The evaluation gate: the shared scorer's figures must stay at or above the floors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from casefile.evaluate import figures, score

from .conftest import GOLD, MEANTIME, SEEDS, SHARED

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())
SCORER = SHARED / "eval" / "score.py"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval is not beside this checkout")]


@pytest.fixture(scope="module")
def seed_figures():
    return figures(score([str(SEEDS)], str(GOLD), str(SCORER)))


@pytest.fixture(scope="module")
def meantime_figures():
    return figures(score([str(MEANTIME / "docs.jsonl")], str(MEANTIME / "gold"), str(SCORER)))


@pytest.mark.parametrize("metric, floor", sorted(FLOORS["seeds"].items()))
def test_seed_figures_stay_at_or_above_their_floor(seed_figures, metric, floor):
    assert seed_figures[metric] >= floor, f"{metric} fell to {seed_figures[metric]} (floor {floor})"


@pytest.mark.parametrize("metric, ceiling", sorted(FLOORS["seeds_ceilings"].items()))
def test_seed_error_counts_stay_at_or_below_their_ceiling(seed_figures, metric, ceiling):
    assert seed_figures[metric] <= ceiling


@pytest.mark.parametrize("metric, floor", sorted(FLOORS["meantime"].items()))
def test_meantime_time_figures_stay_at_or_above_their_floor(meantime_figures, metric, floor):
    assert meantime_figures[metric] >= floor, f"{metric} fell to {meantime_figures[metric]} (floor {floor})"
