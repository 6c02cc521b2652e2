"""Reported speech: which clause is reported and who, within the sentence, reports it.
Fictional names and sentences throughout."""
from __future__ import annotations

import pytest

from casefile.extract import entities, make_parsed, quotes
from casefile.models import Document


def indirect(nlp, text: str) -> list[tuple[str, str]]:
    """(speaker as written, reported words) for each indirect quote, as ingest finds them."""
    parsed = make_parsed(Document(id="t", source="t", text=text), nlp(text))
    found = quotes.extract(parsed, entities.extract(parsed))
    for q in found:
        assert text[q.start:q.end] == q.text
    return [(q.speaker.text, q.text) for q in found if q.kind == "indirect"]


@pytest.mark.parametrize("text, expected", [
    # the object of a verb that lends its subject is no speaker
    ("Candidates were able to talk their way out of hard questions by saying it was the host who had been wrong.",
     [("Candidates", "it was the host who had been wrong")]),
    # a verb of saying joined to a clause written in another form goes on with the first speaker
    ("Growers fear that the frost has already hurt the crop and warn that prices will rise.",
     [("Growers", "prices will rise")]),
    ("Pollsters worry that the survey has missed young voters and say that the race is closer than it looks.",
     [("Pollsters", "the race is closer than it looks")]),
    # ... and so does the same verb of saying again
    ("Lena Voss said the council went into hiding and said the budget was always a priority.",
     [("Lena Voss", "the council went into hiding"), ("Lena Voss", "the budget was always a priority")]),
    # ... but another verb written in the clause's own form may be its subject's, and stays in the clause
    ("Officials said the suspect fled the scene and told a neighbor that he would never return.",
     [("Officials", "the suspect fled the scene and told a neighbor that he would never return")]),
    # "who" stands for the person whose phrase a place closes, not for the place
    ("Jon Maris, a dentist from Lakeview, Ohio, who said he knew the family well, spoke first.",
     [("Jon Maris, a dentist from Lakeview, Ohio", "he knew the family well")]),
    # ... and right after the person, for the person
    ("Jon Maris, who said he knew the family well, spoke first.", [("Jon Maris", "he knew the family well")]),
    # speakers the parser leaves as the subject of a participle before the verb
    ("Large majorities of farmers in six counties going to the polls on Tuesday said they support a plan to close the mill.",
     [("Large majorities of farmers in six counties", "they support a plan to close the mill")]),
])
def test_the_speaker_is_who_the_sentence_says_speaks(nlp, text, expected):
    assert indirect(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an attribution inside its clause stays inside the reported words, which run around it
    ("The charm of the plan itself, Mara Quell argued, is largely a mirage.",
     [("Mara Quell", "The charm of the plan itself, Mara Quell argued, is largely a mirage")]),
    ("This race, Tomas Wilde says, is different from the last one.",
     [("Tomas Wilde", "This race, Tomas Wilde says, is different from the last one")]),
    # ... but one at the end of the sentence is left out
    ("Prices at the market will rise again next month, according to the ministry.",
     [("the ministry", "Prices at the market will rise again next month")]),
    ("The ferry will not sail until spring, the harbor master said.",
     [("the harbor master", "The ferry will not sail until spring")]),
    ("To win the county, candidates probably need about 40 percent of the rural vote, local analysts say; "
     "in 2012, Tom Reyes got 27 percent.",
     [("local analysts", "To win the county, candidates probably need about 40 percent of the rural vote")]),
    # ... and with a quotation after the attribution, the clause is the piece before it
    ('It is a warning to every family, Mara Quell said, that "nothing lasts forever in this town."',
     [("Mara Quell", "It is a warning to every family")]),
])
def test_an_interrupted_clause_is_reported_whole(nlp, text, expected):
    assert indirect(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a yes/no question the parser hangs on "asked" as a side clause is still what was asked
    ("Lorna Pike asked the pupils if they were always so quiet.",
     [("Lorna Pike", "if they were always so quiet")]),
    # a reported clause the parser hangs on the noun of the verb's phrase ("during a news conference that ...")
    ("Marlow said earlier on Friday during a news conference that he may wait until the spring to decide.",
     [("Marlow", "he may wait until the spring to decide")]),
    # ... but a relative clause there says nothing
    ("Marlow spoke on Friday during a news conference that ran late.", []),
    # ... but after a request, "if" is a condition
    ("Lorna Pike asked for help if the river rose.", [("Lorna Pike", "help")]),
    ("Lorna Pike asked the pupils to stay inside if the river rose.",
     [("Lorna Pike", "the pupils to stay inside if the river rose")]),
])
def test_what_was_asked_is_reported(nlp, text, expected):
    assert indirect(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an answer after "say" is what was said
    ("Asked if the mayor should resign, 46 percent of residents said yes.",
     [("46 percent of residents", "yes")]),
    ("Two thirds of the farmers said no.", [("Two thirds of the farmers", "no")]),
    ("A third of the fishermen said the same of the bridge.",
     [("A third of the fishermen", "the same of the bridge")]),
    # ... but not after a verb that says nothing
    ("A third of the fishermen felt the same about the bridge.", []),
    ("The residents voted no on the bridge.", []),
])
def test_an_answer_is_what_was_said(nlp, text, expected):
    assert indirect(nlp, text) == expected
