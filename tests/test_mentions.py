"""The shared mention resolver: who a name, a pronoun, a title or a role noun stands for."""
from __future__ import annotations

import pytest

from casefile.extract import entities, make_parsed
from casefile.extract.mentions import resolver
from casefile.models import Document


def resolve_in(nlp, text: str):
    parsed = make_parsed(Document(id="t", source="t", text=text), nlp(text))
    return parsed, resolver(parsed, entities.extract(parsed))


def token_at(parsed, word: str, nth: int = 0):
    return [t for t in parsed.doc if t.text == word][nth]


def name_of(res, ref) -> str | None:
    if ref is None or ref.key is None:
        return None
    return next(e.name for e in res.entities if e.key == ref.key)


# (text, word to resolve, which occurrence, the entity it stands for: None = nobody)
CASES = [
    # he/she agree with the gender a title or role noun gives
    ("Ms. Ilse Marrow met Mr. Dorran Vale on Monday. He said the talks had failed.", "He", 0, "Dorran Vale"),
    ("Mr. Dorran Vale met Ms. Ilse Marrow on Monday. She said the talks had failed.", "She", 0, "Ilse Marrow"),
    ("The spokeswoman Petra Lindqvist met Omar Haddad. She said the talks had failed.", "She", 0, "Petra Lindqvist"),
    # a name ending that marks gender where the language inflects names
    ("Irina Sokolova met Pavel Dubin in the hall. She said the talks had failed.", "She", 0, "Irina Sokolova"),
    # a first name that only one gender is given says whom he or she can mean
    ("Daniel Okafor spoke after Margaret Hollis. She said the talks had failed.", "She", 0, "Margaret Hollis"),
    ("Margaret Hollis spoke after Daniel Okafor. He said the talks had failed.", "He", 0, "Daniel Okafor"),
    # the main-clause subject is the topic a later pronoun refers to
    ("Tomas Reyes criticized the ruling on Friday. He said it ignored the evidence.", "He", 0, "Tomas Reyes"),
    # a title written before a name makes "the senator" point back to that person
    ("Sen. Ada Quill of Northford spoke to voters. Later the senator said the bill was dead.",
     "senator", 0, "Ada Quill"),
    ("Gov. Ruben Alcott signed the order on Tuesday. The governor said more would follow.",
     "governor", 0, "Ruben Alcott"),
    # ... and a he/she after "the senator" means that senator
    ("Sen. Ada Quill of Northford spoke to voters.\n\nThe senator also met farmers on the way. "
     "She said the bill was dead.", "She", 0, "Ada Quill"),
    # an apposition describes too
    ("Mina Osei, the minister of trade, met farmers. The minister promised new roads.", "minister", 0, "Mina Osei"),
    # a plural role noun is several people, not the one named with that title
    ("Campaign adviser Ivo Brand spoke on Monday.\n\nThe advisers said the plan was in trouble.",
     "advisers", 0, None),
    # an indefinite role noun is someone new
    ("Sen. Ada Quill spoke to voters. A senator from the south disagreed.", "senator", 0, None),
    # "the candidate" with nobody titled so is the person the text is about: the one named most
    ("Lorna Beck toured three towns on Friday. Lorna Beck met farmers and spoke to Petr Hale. "
     "The candidate said the roads needed work.", "candidate", 0, "Lorna Beck"),
    ("Tobias Renn opened a hotel in May.\n\nThe businessman said more would follow.",
     "businessman", 0, "Tobias Renn"),
    # ... and a he/she after it means that person too
    ("Tobias Renn opened a hotel in May.\n\nThe businessman said more would follow.\n\n"
     "He added that prices would rise.", "He", 0, "Tobias Renn"),
    # not when someone new came in with that noun, nor for another's candidate or an unnamed one
    ("Tobias Renn opened a hotel. A businessman from the coast came too. The businessman said it was late.",
     "businessman", 1, None),
    ("Tobias Renn spoke to the party. Their candidate said the vote was close.", "candidate", 0, None),
    ("The candidate said the vote was close.", "candidate", 0, None),
    # not an office (the president the text has not named is someone else), nor a relative
    ("Tobias Renn opened a hotel in May. The president said the hotel was welcome.", "president", 0, None),
    ("Tobias Renn opened a hotel in May. The brother said the hotel was welcome.", "brother", 0, None),
    # "the actress" is a woman: not the man named before her
    ("Tobias Renn opened a hotel in May. The actress said the hotel was welcome.", "actress", 0, None),
    # an organization's common noun points at the organization named with it
    ("The Brackwater Police Department opened an inquiry. Police said two men were held.",
     "Police", 0, "Brackwater Police Department"),
    # a name is its own entity
    ("Tomas Reyes criticized the ruling on Friday.", "Reyes", 0, "Tomas Reyes"),
    # first-person pronouns belong to whoever speaks, not to the text
    ("Tomas Reyes spoke. I think he is wrong.", "I", 0, None),
]


@pytest.mark.parametrize("text, word, nth, expected", CASES)
def test_a_word_refers_to_the_entity_the_text_means(nlp, text, word, nth, expected):
    parsed, res = resolve_in(nlp, text)
    assert name_of(res, res.refer(token_at(parsed, word, nth))) == expected


def test_it_refers_to_an_organization_and_not_to_a_person(nlp):
    parsed, res = resolve_in(nlp, "The Harlow Water Board met Lena Ortiz. It said prices would rise.")
    ref = res.refer(token_at(parsed, "It"))
    assert ref is not None and ref.kind in ("org", "name") and "Water Board" in ref.text


def test_a_noted_speaker_comes_before_a_later_subject_for_he(nlp):
    text = "Dorran Vale spoke at the rally. Pieter Holm arrived late. He said the crowd was large."
    parsed, res = resolve_in(nlp, text)
    vale = res.refer(token_at(parsed, "Vale"))
    res.note(vale.start, vale)          # as the quote extractor does for "Vale said"
    assert name_of(res, res.antecedent("he", text.index("He said"))) == "Dorran Vale"


def test_she_once_means_she_after(nlp):
    text = ("Kim Adair spoke first. She said the plan was late. Ross Tam arrived later. "
            "Kim Adair agreed. He said more.")
    parsed, res = resolve_in(nlp, text)
    first = res.antecedent("she", text.index("She said"))
    assert name_of(res, first) == "Kim Adair" and res.gender(first) == "f"
    assert name_of(res, res.antecedent("he", text.index("He said"))) == "Ross Tam"


def test_a_pronoun_with_nobody_before_it_resolves_to_nothing(nlp):
    parsed, res = resolve_in(nlp, "She said the plan was late.")
    assert res.refer(token_at(parsed, "She")) is None


def test_offsets_point_at_the_words_of_the_referent(nlp):
    text = "Ms. Ilse Marrow met Mr. Dorran Vale on Monday. He said the talks had failed."
    parsed, res = resolve_in(nlp, text)
    ref = res.refer(token_at(parsed, "He"))
    assert text[ref.start:ref.end] == ref.text


def test_the_resolver_is_made_once_per_document(nlp):
    parsed, res = resolve_in(nlp, "Tomas Reyes spoke.")
    assert resolver(parsed, []) is res


def _parse(nlp, words: list[str], heads: list[int], deps: list[str]):
    """A parse given by hand, for a tree the statistical parser only sometimes builds."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=["PROPN"] * len(words))


@pytest.mark.parametrize("words, heads, deps, expected", [
    # a dateline the parser hung on the name is not part of the phrase
    (["HARBOR", "CITY", "\u2014", "Sen.", "Jo", "Lind", "said"], [1, 5, 5, 5, 5, 6, 6],
     ["compound", "npadvmod", "punct", "compound", "compound", "nsubj", "ROOT"], "Sen. Jo Lind"),
    # a dash after the name still ends it
    (["Jo", "Lind", "\u2014", "a", "nurse", "said"], [1, 5, 1, 4, 1, 5],
     ["compound", "nsubj", "punct", "det", "appos", "ROOT"], "Jo Lind"),
    # without a dash the words before the name stay
    (["Harbor", "nurse", "Jo", "Lind", "said"], [1, 3, 3, 4, 4],
     ["compound", "compound", "compound", "nsubj", "ROOT"], "Harbor nurse Jo Lind"),
])
def test_a_whole_phrase_starts_after_a_dateline_dash(nlp, words, heads, deps, expected):
    from casefile.extract.mentions_np import whole_phrase

    doc = _parse(nlp, words, heads, deps)
    assert whole_phrase(doc[words.index("Lind")], 0)[0] == expected
