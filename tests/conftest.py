"""Shared fixtures: the seed articles (read from ../shared at test time), the spaCy model, stores."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "gold"
MEANTIME = SHARED / "eval" / "meantime"
EXAMPLES = ROOT / "examples"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is not beside this checkout")


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def nlp():
    from casefile import nlp as nlp_module

    return nlp_module.load()


@pytest.fixture
def store(tmp_path):
    from casefile.store.db import Store

    s = Store.open(str(tmp_path / "test.db"))
    yield s
    s.close()
