"""Who said it: split quotations, pronoun, title and role-noun speakers, "according to",
speaker-after tags, continuing paragraphs, and quotation marks that are not speech.
Fictional names and sentences throughout."""
from __future__ import annotations

import pytest

from casefile.extract import entities, make_parsed, quotes
from casefile.models import Document


def quotes_of(nlp, text: str) -> list[tuple[str, str, str]]:
    """(kind, speaker's entity name or text, quoted words) for each quote, as ingest finds them."""
    parsed = make_parsed(Document(id="t", source="t", text=text), nlp(text))
    ents = entities.extract(parsed)
    names = {e.key: e.name for e in ents}
    out = []
    for q in quotes.extract(parsed, ents):
        assert text[q.start:q.end] == q.text
        who = names.get(q.speaker.entity) or q.speaker.text
        out.append((q.kind, who, q.text))
    return out


def direct(nlp, text: str) -> list[tuple[str, str]]:
    return [(who, words) for kind, who, words in quotes_of(nlp, text) if kind == "direct"]


SPEAKERS = [
    # a quotation split by its attribution is one quote
    ('"The bridge is not safe," said Tomas Reyes, the county engineer. "We closed it this morning."',
     [("Tomas Reyes", 'The bridge is not safe," said Tomas Reyes, the county engineer. "We closed it this morning.')]),
    # a pronoun speaker: the latest speaker of that gender
    ('Ms. Ilse Marrow met Mr. Dorran Vale at the depot. Vale said the trains were late. '
     '"We have asked for help twice," she said.',
     [("Ilse Marrow", "We have asked for help twice,")]),
    # a title speaker: "the senator" is the senator named before
    ('Sen. Ada Quill toured the flooded valley on Monday.\n\n'
     '"Nobody here should have to wait for a check," the senator said.',
     [("Ada Quill", "Nobody here should have to wait for a check,")]),
    # a role noun the text calls its subject by: "the candidate" is the person named before,
    # and so is a pronoun after it
    ('Lorna Beck toured three flooded towns on Friday.\n\n'
     'The candidate also met the county board.\n\n"Every road here needs work," she said.',
     [("Lorna Beck", "Every road here needs work,")]),
    ('Tobias Renn opened a hotel in May.\n\n"More will follow," the businessman said.',
     [("Tobias Renn", "More will follow,")]),
    # ... but not someone brought in with that noun: that one is who speaks
    ('Tobias Renn opened a hotel in May. A businessman from the coast came too.\n\n'
     '"It was too late," the businessman said.',
     [("the businessman", "It was too late,")]),
    # ... but a title with its own name is that person, not the one joined after it
    ('"That was our plan," said Ohio Gov. Ana Pell and Ed Marlow.', [("Ana Pell", "That was our plan,")]),
    # "according to" after a quotation names its source
    ('"Four hundred families depend on the plant," according to Mina Osei, a union organizer.',
     [("Mina Osei", "Four hundred families depend on the plant,")]),
    # speaker-after, with a verb that is not a reporting verb
    ('"You cannot park here," the guard snapped.', [("the guard", "You cannot park here,")]),
    # a lowercase role noun the tagger took for a name is written with its whole phrase
    ('"The show was a hit," the billionaire business mogul told reporters.',
     [("the billionaire business mogul", "The show was a hit,")]),
    # speaker-after, inverted
    ('"We will rebuild every school," pledged Mayor Ruben Alcott.',
     [("Ruben Alcott", "We will rebuild every school,")]),
    # a paragraph that only continues the quotation keeps the last named speaker
    ('"The water rose in minutes," said Petra Lindqvist, who runs the shelter.\n\n'
     '"By midnight we had two hundred people sleeping on the floor."',
     [("Petra Lindqvist", "The water rose in minutes,"),
      ("Petra Lindqvist", "By midnight we had two hundred people sleeping on the floor.")]),
    # a paragraph ending in a colon introduces the next paragraph's quotation
    ('The ministry issued a short statement:\n\n"The ministry regrets the delay and will pay every claim."',
     [("The ministry", "The ministry regrets the delay and will pay every claim.")]),
]


@pytest.mark.parametrize("text, expected", SPEAKERS)
def test_each_quotation_gets_the_speaker_the_text_means(nlp, text, expected):
    assert direct(nlp, text) == expected


NOT_QUOTES = [
    # titles of works
    'She reviewed the novel "The Long Harbor Road" for a weekly paper.',
    'The documentary "Salt and Iron" opened in twelve cities.',
    # scare quotes: nobody is quoted
    'The "reform" changed nothing for the farmers of the valley.',
    'Many "experts" on television predicted a landslide.',
    'Critics say the so-called "reform" changes nothing.',
    # a nickname
    'Residents still call the old mill "the Castle".',
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_quotation_marks_that_are_not_speech_are_not_quotes(nlp, text):
    assert direct(nlp, text) == []


def test_a_quotation_running_over_two_paragraphs_is_one_quote(nlp):
    text = ('Ada Quill said: "First the roads flooded, then the phones went down.\n'
            '"After that we could only wait."\n')
    assert direct(nlp, text) == [
        ("Ada Quill", 'First the roads flooded, then the phones went down.\n"After that we could only wait.')]


@pytest.mark.parametrize("text, speaker", [
    ('"The vote was fair," said Jonah Pike, 52, a teacher who counted the ballots.',
     "Jonah Pike, 52, a teacher who counted the ballots"),
    # a clause that describes the speaker stays, even with a verb that can report speech
    ('"The count took all night," said Mira Colt, who writes about elections for a weekly paper.',
     "Mira Colt, who writes about elections for a weekly paper"),
    ('"Nobody slept," said Ivo Strand, a clerk who directed the recount, and who wanted to storm out.',
     "Ivo Strand, a clerk who directed the recount, and who wanted to storm out"),
    # a clause where the speaker reports something else does not
    ('"The count was slow," said Rhea Dunmore, who also told reporters that the ballots were safe.',
     "Rhea Dunmore"),
    # nor a participle set off by a comma: what they were doing, not who they are
    ('"The count was slow," said Rhea Dunmore, speaking outside the town hall.', "Rhea Dunmore"),
    ('"We need more clerks," said Olek Varga, head of the county board, standing beside the ballot boxes.',
     "Olek Varga, head of the county board"),
    # a clause or apposition on a noun further in stays, as readers write the source
    ('"We need more clerks," said Olek Varga, head of the Varga Trust, which pays for the clerks.',
     "Olek Varga, head of the Varga Trust, which pays for the clerks"),
    # an abbreviated title inside the name does not cut it
    ('"The convoy left at dawn," said Army Capt. Tarek Oduya, a spokesman.', "Army Capt. Tarek Oduya, a spokesman"),
    ('"The gate was shut," said Air Force 1st Lt. Mira Holt.', "Air Force 1st Lt. Mira Holt"),
    # a title cut short joined to a name is that person's ("Gov. and chairman X" is one person)
    ('"That was his role," said former Ohio Gov. and party chairman Ed Marlow.',
     "former Ohio Gov. and party chairman Ed Marlow"),
    # how they spoke, after the apposition or brackets, is not who they are
    ('"We will not wait," said Senator Tove Lindqvist (D-Ore.) in an interview.', "Senator Tove Lindqvist (D-Ore.)"),
    ('"The count is late," said Pia Norrland, a clerk at the county board, via email.',
     "Pia Norrland, a clerk at the county board"),
    # where they are from or work stays
    ('"The count is late," said Pia Norrland, 41, of Lakeview.', "Pia Norrland, 41, of Lakeview"),
    ('"The count is late," said Pia Norrland, 41, at the Lakeview Ballot Office.',
     "Pia Norrland, 41, at the Lakeview Ballot Office"),
    ('"The count is late," said Pia Norrland (D-Ore.) on the North Side.', "Pia Norrland (D-Ore.) on the North Side"),
])
def test_a_named_speaker_is_written_as_the_text_introduces_them(nlp, text, speaker):
    parsed = make_parsed(Document(id="t", source="t", text=text), nlp(text))
    found = [q for q in quotes.extract(parsed, entities.extract(parsed)) if q.kind == "direct"]
    assert [q.speaker.text for q in found] == [speaker]
    assert found[0].speaker.entity is not None


@pytest.mark.parametrize("text, speakers", [
    # named again after speaking, in a fuller phrase: a he/she after it is written as that phrase
    ('"The ward is full," said Lena Brandt.\n\nBrandt, a nurse at the county clinic, stayed late on '
     'Friday.\n\n"We turned people away," she said.',
     ["Lena Brandt", "Brandt, a nurse at the county clinic"]),
    # named again by the bare name: the phrase they spoke under stays
    ('"The ward is full," said Lena Brandt, a nurse at the county clinic.\n\nBrandt stayed late on '
     'Friday.\n\n"We turned people away," she said.',
     ["Lena Brandt, a nurse at the county clinic", "Lena Brandt, a nurse at the county clinic"]),
])
def test_a_pronoun_speaker_is_written_as_the_latest_phrase_that_introduced_them(nlp, text, speakers):
    parsed = make_parsed(Document(id="t", source="t", text=text), nlp(text))
    found = [q for q in quotes.extract(parsed, entities.extract(parsed)) if q.kind == "direct"]
    assert [q.speaker.text for q in found] == speakers
    assert len({q.speaker.entity for q in found}) == 1


def test_reported_speech_with_a_pronoun_gets_the_resolved_speaker(nlp):
    text = "Mr. Dorran Vale spoke to reporters. He said the strike would end on Friday."
    assert [(k, who) for k, who, _ in quotes_of(nlp, text) if k == "indirect"] == [("indirect", "Dorran Vale")]


@pytest.mark.parametrize("text, expected", [
    ("The mayor leads her rival by nine points, according to a new poll.",
     [("indirect", "a new poll", "The mayor leads her rival by nine points")]),
    ("Exports fell by a tenth last year, according to official figures.", []),
])
def test_a_poll_is_a_source_and_bare_figures_are_not(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


@pytest.mark.parametrize("text, speaker", [
    # a speaker described by a common noun: the phrase with its prepositions, not clauses that only describe
    ('"We have had no word," said the family of a bus driver who was detained in May.',
     "the family of a bus driver"),
    ('"The rules were ignored," said the former aide to the governor, speaking on condition of anonymity.',
     "the former aide to the governor"),
    # a clause right after the head noun says which of them speak: it is part of the phrase
    ("Voters who backed the mayor said the tax rise was a mistake.", "Voters who backed the mayor"),
    ('"The water is unsafe," said residents who live near the plant.', "residents who live near the plant"),
    # a participle right after any noun of it says which one too ("the results of a survey run by ...")
    ("A draft budget seen by the council said the grant would not be renewed.",
     "A draft budget seen by the council"),
    ("Early results of a survey conducted by Brennick Research showed that turnout fell, according to "
     "the results of a count run by the clerk.", "the results of a count run by the clerk"),
    # what commas set off after a described speaker and still names them is part of how the text
    # introduces them: an apposition, those named with them, those among them
    ("One of the hopefuls, Carla Fenwick, said the tax plan was a mistake.",
     "One of the hopefuls, Carla Fenwick"),
    ("The director of the shelter, Ines Korvald, told reporters the beds had run out.",
     "The director of the shelter, Ines Korvald"),
    ("The weekly paper, a rival of the daily, wrote that the mayor had resigned.",
     "The weekly paper, a rival of the daily"),
    ("Other candidates, including Jo Lind and Sam Ortiz, said the debate was unfair.",
     "Other candidates, including Jo Lind and Sam Ortiz"),
    ("Labor unions, farm groups and many lawmakers say the trade deal is bad.",
     "Labor unions, farm groups and many lawmakers"),
    # a pronoun for some of a group takes the clause that says which ones, as a noun would
    ("Those surveyed said the harvest was poor.", "Those surveyed"),
    ("Some who attended the meeting said the vote was rigged.", "Some who attended the meeting"),
    # not a clause set off by a comma, nor a relative clause on a noun further in
    ("Several nurses, who asked not to be named, said the ward had run out of gloves.",
     "Several nurses"),
    ("The parents of a pupil who was hurt said the school had ignored their warnings.",
     "The parents of a pupil"),
])
def test_an_unnamed_speaker_is_the_noun_phrase_with_the_clause_that_says_which(nlp, text, speaker):
    parsed = make_parsed(Document(id="t", source="t", text=text), nlp(text))
    assert [q.speaker.text for q in quotes.extract(parsed, entities.extract(parsed))] == [speaker]


@pytest.mark.parametrize("text, expected", [
    # the parser may take a word inside the quotation for the subject: the speaker is the name beside the verb
    ('"Anybody who crosses that bridge at night is taking a risk," said Orla Benn, a ferry pilot.',
     [("Orla Benn", "Anybody who crosses that bridge at night is taking a risk,")]),
    ('"Nobody in this town, not one family, was warned," Kasimir Dole said on Friday.',
     [("Kasimir Dole", "Nobody in this town, not one family, was warned,")]),
])
def test_a_speaker_is_never_a_word_inside_the_quotation(nlp, text, expected):
    assert direct(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # two quoted phrases with narration between are two quotations, not one split by its attribution
    ('Mayor Lio Farran said the audit was "rushed" and the budget, she added, was "a fiction."',
     ["rushed", "a fiction."]),
    # a quotation split by its attribution, with the first piece ending in a comma, is one quote
    ('"We waited all night," said Nadia Kress. "Nobody came."',
     ['We waited all night," said Nadia Kress. "Nobody came.']),
])
def test_only_a_piece_ending_in_punctuation_continues_after_the_attribution(nlp, text, expected):
    assert [words for _, words in direct(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a long quotation that is the object of its clause is that subject's words
    ('The audit report contains "several payments that nobody in the office can explain."',
     [("The audit report", "several payments that nobody in the office can explain.")]),
    # a verb, a colon, then the quotation
    ('Tam Ardel, the coach, joked: "We have more injuries than players this season."',
     [("Tam Ardel", "We have more injuries than players this season.")]),
    # a quotation that only ends a phrase is nobody's words
    ('The volunteers were thanked for "keeping the soup kitchen open through the worst winter in years."', []),
    ('Gus Ferrand stood by the river, "waiting for a calmer season and fewer floods than last year."', []),
    # words of its sentence before it and no verb of saying there: not someone's words through the next sentence
    ('The old ferry is "the slowest way across the water that anyone could pick." Pia Lund said she rides it daily.',
     []),
    # a quotation that is its whole sentence still takes the speaker of the sentence beside it
    ('Pia Lund waited at the pier. "The ferry is the slowest way across the water that anyone could pick." '
     'She said she rides it daily.',
     [("Pia Lund", "The ferry is the slowest way across the water that anyone could pick.")]),
])
def test_a_long_quotation_without_a_reporting_verb_is_speech_only_as_the_object_of_its_clause(nlp, text, expected):
    assert direct(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # verbs of saying report speech
    ("Mayor Lio Farran said the bridge would reopen in May.",
     [("indirect", "Lio Farran", "the bridge would reopen in May")]),
    ("Lio Farran warned that the bridge would stay closed.",
     [("indirect", "Lio Farran", "the bridge would stay closed")]),
    # admitting, finding or recalling attributes a finding, not speech
    ("Lio Farran acknowledged that the repairs were late.", []),
    ("The county paper reported that the repairs were late.", []),
    ("The inspectors concluded that the cables had rusted through.", []),
    # ... but such a verb still attributes a quotation
    ('"The repairs are late," Lio Farran conceded.', [("direct", "Lio Farran", "The repairs are late,")]),
])
def test_reported_speech_needs_a_verb_of_saying(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a quotation said by one and known through another: the one it is known through is its source
    ('"We will not back down," Mayor Tomas Verhoeven said, according to a recording of the meeting.',
     [("a recording of the meeting", "We will not back down,")]),
    ('"The fund is empty," Ilse Marwick told reporters on Friday, according to Radio Brenna.',
     [("Radio Brenna", "The fund is empty,")]),
    # an "according to" in another sentence, or inside a clause about the speaker, is not
    ('"The fund is empty," Ilse Marwick said. According to Radio Brenna, the council met twice.',
     [("Ilse Marwick", "The fund is empty,")]),
    ('"The fund is empty," said Ilse Marwick, who according to colleagues rarely speaks in public.',
     [("Ilse Marwick", "The fund is empty,")]),
])
def test_a_quotation_said_according_to_a_record_is_credited_to_the_record(nlp, text, expected):
    assert direct(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name right before the colon that opens the quotation is its source
    ('Pollsters look back on the primary - Maria Delacroix: "We kept calling voters until the last '
     'evening, and the late calls changed our numbers more than anything else we tried."',
     [("Maria Delacroix", "We kept calling voters until the last evening, and the late calls changed our "
                    "numbers more than anything else we tried.")]),
    # not after a verb or a common noun: those say nothing about who wrote the words
    ('Update: "We kept calling voters until the last evening, and the late calls changed our numbers '
     'more than anything else we tried."', []),
    ('Her answer to the council was: "We kept calling voters until the last evening, and the late '
     'calls changed our numbers more than anything else we tried."', []),
])
def test_a_name_before_an_opening_colon_is_the_source(nlp, text, expected):
    assert direct(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # after a participle, the name that follows is what is spoken of, not who speaks
    ('Maria Delacroix toured the harbor on Friday. She made a point of saying the old pier "was a place '
     'where the whole town came together to fish and talk."',
     [("Maria Delacroix", "was a place where the whole town came together to fish and talk.")]),
    # after a finite verb with no subject of its own, the name that follows speaks
    ('"The pier has to stay open," said Daniel Okafor warning the council.',
     [("Daniel Okafor", "The pier has to stay open,")]),
])
def test_the_name_after_a_participle_is_not_its_speaker(nlp, text, expected):
    assert direct(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "X said Y ..., adding": the participle goes on with the one who reports, not with Y
    ('Even a senior aide said Ruth Hale will have to decide soon, saying, "The pressure is going to build on her."',
     [("Even a senior aide", "The pressure is going to build on her.")]),
    # a participle on a verb that reports nothing borrows that verb's own subject
    ('Ruth Hale left the hall early, saying, "We are done here."', [("Ruth Hale", "We are done here.")]),
    # a participle with no comma before it is no afterthought of the reporter
    ('Ruth Hale said that Eli Brandt, saying nothing, "walked out of the room."',
     [("Ruth Hale", "walked out of the room.")]),
])
def test_a_participle_of_saying_after_a_reported_clause_is_the_reporters(nlp, text, expected):
    assert direct(nlp, text) == expected


def _hand_parse(nlp, rows: list[tuple[str, int, str, str, str]]):
    """A parse given by hand (word, head, dep, pos, lemma), for a tree the statistical parser
    only sometimes builds."""
    from spacy.tokens import Doc

    words, heads, deps, pos, lemmas = (list(x) for x in zip(*rows))
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


# '"Fine, Mayor," Hal Brix told Ada Quill.' parsed with the vocative inside the quotation as the
# subject and the speaker hung loose: the name after "told" is who listens, not who speaks.
_TOLD = [('"', 7, "punct", "PUNCT", '"'), ("Fine", 7, "ccomp", "ADJ", "fine"), (",", 7, "punct", "PUNCT", ","),
         ("Mayor", 7, "nsubj", "PROPN", "Mayor"), ('"', 7, "punct", "PUNCT", '"'),
         ("Hal", 6, "compound", "PROPN", "Hal"), ("Brix", 7, "npadvmod", "PROPN", "Brix"),
         ("told", 7, "ROOT", "VERB", "tell"), ("Ada", 9, "compound", "PROPN", "Ada"),
         ("Quill", 7, "dobj", "PROPN", "Quill"), (".", 7, "punct", "PUNCT", ".")]
# the same with "said": the name right after the verb is the speaker ('..." said Hal Brix')
_SAID = [('"', 5, "punct", "PUNCT", '"'), ("Fine", 5, "ccomp", "ADJ", "fine"), (",", 5, "punct", "PUNCT", ","),
         ("Mayor", 5, "nsubj", "PROPN", "Mayor"), ('"', 5, "punct", "PUNCT", '"'), ("said", 5, "ROOT", "VERB", "say"),
         ("Hal", 7, "compound", "PROPN", "Hal"), ("Brix", 5, "dobj", "PROPN", "Brix"), (".", 5, "punct", "PUNCT", ".")]


@pytest.mark.parametrize("rows, cue, expected", [(_TOLD, "told", "Brix"), (_SAID, "said", "Brix")])
def test_the_one_told_or_asked_is_never_the_speaker(nlp, rows, cue, expected):
    from casefile.extract.quotes_speaker import subject_of

    doc = _hand_parse(nlp, rows)
    quote_end = [t.i for t in doc if t.text == '"'][1]
    verb = next(t for t in doc if t.text == cue)
    assert subject_of(verb, quoted=lambda t: t.i < quote_end).text == expected


@pytest.mark.parametrize("text, expected", [
    # a quotation inside what someone reports is their account of it
    ('Mara Voss said the aides were calling "every single hour" about the vote.', [("Mara Voss", "every single hour")]),
    ('Mara Voss said that her campaign would continue "to open doors" across the region.',
     [("Mara Voss", "to open doors")]),
    ('Ivo Brand noted that Mara Voss had called the plan "weak" and "timid."',
     [("Ivo Brand", "weak"), ("Ivo Brand", "timid.")]),
    # not through a verb that only passes words on: the one it quotes said them
    ('The Harbor Gazette reported that Mara Voss called the plan "a sham."', [("Mara Voss", "a sham.")]),
    ('Mara Voss called the plan "a sham."', [("Mara Voss", "a sham.")]),
])
def test_a_quotation_inside_reported_speech_is_the_reporting_speakers(nlp, text, expected):
    assert direct(nlp, text) == expected
