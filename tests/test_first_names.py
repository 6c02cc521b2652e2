"""A person's gender from a first name given to one gender only, and silence otherwise."""
from __future__ import annotations

import pytest

from casefile.extract.first_names import gender_of

CASES = [
    ("Margaret Hollis", "f"),
    ("Daniel Okafor", "m"),
    ("Sen. Margaret Hollis", "f"),        # a title before the name is no first name
    ("Mr. Daniel Okafor", "m"),
    ("Senator Daniel Okafor", "m"),
    # not a gender: a single word may be a family name, a first name given to both is no clue
    ("Daniel", None),
    ("Okafor", None),
    ("Jordan Vale", None),
    ("Alex Vale", None),
    ("Brackwater Holdings", None),
    ("mr. daniel okafor", None),          # a first name is capitalized
]


@pytest.mark.parametrize("name, expected", CASES)
def test_a_first_name_tells_gender_only_when_it_is_given_to_one(name, expected):
    assert gender_of(name) == expected
