"""The pipeline keeps an abbreviated title whole: its full stop does not end the sentence."""
from __future__ import annotations

import pytest


# (text, the sentences the parse gives)
@pytest.mark.parametrize("text, sentences", [
    ("Sgt. Mira Holt shut the gate.", ["Sgt. Mira Holt shut the gate."]),
    # a full word that is a title still ends a sentence with its stop
    ("We thanked the Congressman. He left early.", ["We thanked the Congressman.", "He left early."]),
])
def test_an_abbreviated_title_does_not_end_the_sentence(nlp, text, sentences):
    assert [s.text for s in nlp(text).sents] == sentences


@pytest.mark.parametrize("text, tokens", [
    ("Capt. Oduya", ["Capt.", "Oduya"]),
    ("Det. Varro", ["Det.", "Varro"]),
    # a title spelled out, or a word that only looks like one, keeps its stop apart
    ("the captain.", ["the", "captain", "."]),
])
def test_a_title_abbreviation_is_one_token(nlp, text, tokens):
    assert [t.text for t in nlp.tokenizer(text)] == tokens
