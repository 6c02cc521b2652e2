"""A person's gender from their first name, when the name alone says it ("Maria Lind" -> "f").

The list (data/first_names.json) is made offline by scripts/make_first_names.py from Faker's
national first-name lists, keeping only names given to one gender in every locale that has
them. A name it does not hold, or holds for both, answers None: pronouns and titles decide.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..concepts import person_names

NAMES = Path(__file__).parent / "data" / "first_names.json"


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    # The list ships as package data; a missing file is a broken install, and answering
    # "unknown" for every name would hide it behind slightly worse speakers.
    data = json.loads(NAMES.read_text(encoding="utf-8"))
    return {**{n: "m" for n in data["m"]}, **{n: "f" for n in data["f"]}}


_TITLES = frozenset(person_names.TITLE_WORD_FOR_ABBREVIATION) | frozenset(
    person_names.TITLE_WORD_FOR_ABBREVIATION.values()) | person_names.FEMALE_HONORIFICS | person_names.MALE_HONORIFICS


def gender_of(name: str) -> str | None:
    """"m", "f" or None for a person's full name whose first word (titles aside) is a known
    first name. A one-word name is a family name as often as a first one ("Jordan said"), so
    it answers None."""
    words = [w.strip(".,") for w in name.split()]
    while words and words[0].lower() in _TITLES:
        words.pop(0)
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    return _table().get(words[0])
