"""An event reads as a short sentence (who did what to whom, where, how many) and its type by a name."""
from __future__ import annotations

import re

import pytest

from casefile.resolve.event_details import PHRASES, label, sentence


def _d(agents=(), who=(), places=(), counts=()):
    return {"agents": list(agents), "who": [*agents, *who], "places": list(places), "counts": list(counts)}


@pytest.mark.parametrize("etype, details, expected", [
    ("arrest", _d(["police"], ["Teodor Kalvan"], ["Veskar"]), "Police arrested Teodor Kalvan in Veskar"),
    ("arrest", _d(who=["Teodor Kalvan"]), "Teodor Kalvan arrested"),
    ("arrest", _d(places=["Veskar"], counts=["3 men arrested"]), "Arrest in Veskar; 3 men arrested"),
    ("release", _d(who=["Ana Brisk", "Ivo Holm", "Uma Sorel"]), "Ana Brisk, Ivo Holm and Uma Sorel released"),
    ("diplomatic_visit", _d(["the minister"], places=["Orlavia", "Pellon"]),
     "Diplomatic visit by the minister in Orlavia and Pellon"),
    ("diplomatic_visit", _d(["the minister"], ["the president"]), "The minister met the president"),
    ("killing", _d(), "Killing"),
    ("some_new_type", _d(who=["Ana Brisk"]), "Some new type"),
])
def test_an_event_reads_as_a_sentence(etype, details, expected):
    assert sentence(etype, details) == expected


@pytest.mark.parametrize("etype, expected", [
    ("document_disclosed", "Disclosure of a document"), ("diplomatic_visit", "Diplomatic visit"),
    ("arrest", "Arrest"), ("brand_new_kind", "Brand new kind"), (None, "Event"),
])
def test_an_event_type_is_named_for_people(etype, expected):
    assert label(etype) == expected


def test_no_phrase_keeps_a_code_name():
    for etype, phrases in PHRASES.items():
        assert not any(re.search(r"[a-z]_[a-z]", p) for p in phrases), etype
        assert not re.search(r"[a-z]_[a-z]", sentence(etype, _d(["a"], ["b"], ["c"]))), etype


def test_a_shorter_name_of_the_doer_is_not_read_as_a_second_party():
    d = _d(["Joe Maren"], ["Maren", "the prime minister"])
    assert sentence("diplomatic_visit", d) == "Joe Maren met the prime minister"
