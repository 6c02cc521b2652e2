"""People within one document: a family sharing a surname, titles and honorifics that tell
spouses apart, titles that are not part of a name. Fictional sentences."""
from __future__ import annotations

import pytest

from casefile.extract import entities, make_parsed
from casefile.extract.entities_names import strip_person_titles, trim_name_edges
from casefile.extract.entities_titles import titles_before
from casefile.models import Document


@pytest.fixture(scope="module")
def people(nlp):
    def _people(text: str) -> dict[str, list[str]]:
        """Each person's name -> the mentions with the title written before each."""
        parsed = make_parsed(Document(id="t", source="t.txt", text=text), nlp(text))
        out = {}
        for e in entities.extract(parsed):
            if e.type == "PERSON":
                out[e.name] = [" ".join([*sorted(titles_before(text, m.start)), m.text]) for m in e.mentions]
        return out
    return _people


@pytest.mark.parametrize("text, person, mentions", [
    ("Bram Tellen arrived with his wife, Ilse Tellen. Mrs. Tellen spoke first. Mr. Tellen waved.",
     "Ilse Tellen", ["Ilse Tellen", "mrs Tellen"]),
    ("Bram Tellen arrived with his wife, Ilse Tellen. Mrs. Tellen spoke first. Mr. Tellen waved.",
     "Bram Tellen", ["Bram Tellen", "mr Tellen"]),
    ("President Bram Tellen and Secretary Ilse Tellen met voters. Secretary Tellen spoke. "
     "President Tellen left early.", "Ilse Tellen", ["secretary Ilse Tellen", "secretary Tellen"]),
    ("President Bram Tellen and Secretary Ilse Tellen met voters. Secretary Tellen spoke. "
     "President Tellen left early.", "Bram Tellen", ["president Bram Tellen", "president Tellen"]),
])
def test_spouses_keep_their_own_titles_and_honorifics(people, text, person, mentions):
    assert people(text)[person] == mentions


def test_a_father_and_his_son_junior_are_two_people(people):
    got = people("Bram Tellen Jr. joined his father, Bram Tellen, on stage. Later Tellen Jr. spoke briefly.")
    assert got["Bram Tellen Jr."][0] == "Bram Tellen Jr." and len(got["Bram Tellen Jr."]) == 2
    assert got["Bram Tellen"] == ["Bram Tellen"]


@pytest.mark.parametrize("span, name", [
    ("Secretary of State Ilse Tellen", "Ilse Tellen"),
    ("Chief of Staff Ivo Marsh", "Ivo Marsh"),
    ("Senators Ivo Marsh", "Ivo Marsh"),
    ("Ivo Marsh", "Ivo Marsh"),
])
def test_an_office_and_its_object_are_not_part_of_the_name(span, name):
    assert span[strip_person_titles(span, 0, len(span)):] == name


@pytest.mark.parametrize("text, name, wrong", [
    ("Attacking Bram Tellen, Ivo Marsh said the plan would fail.", "Bram Tellen", "Attacking Bram Tellen"),
    ("The rally cheered as candidate Westvale Senator Ivo Marsh spoke.", "Ivo Marsh", "Westvale Senator Ivo Marsh"),
])
def test_a_sentence_opener_or_a_title_never_joins_a_name(people, text, name, wrong):
    got = people(text)
    assert name in got and wrong not in got


@pytest.fixture(scope="module")
def descriptors(nlp):
    def _descriptors(text: str) -> dict[str, list[str]]:
        parsed = make_parsed(Document(id="t", source="t.txt", text=text), nlp(text))
        return {e.name: [d.text for d in e.descriptors] for e in entities.extract(parsed) if e.type == "PERSON"}
    return _descriptors


@pytest.mark.parametrize("text, person, wanted, unwanted", [
    ("On Monday, Secretary Ilse Tellen agreed. \u201cIt is wrong to distort Secretary Tellen\u2019s motives,\u201d the aide said.",
     "Ilse Tellen", "Secretary", "distort Secretary"),
    ("Reporters asked Secretary Ilse Tellen about it. “Nobody can fairly blame Secretary Tellen’s "
     "staff for the delay,” he said.", "Ilse Tellen", "Secretary", "blame Secretary"),
    ("Ivo Marsh and Bram Tellen led the polls. Against Tellen, the Westvale governor earned 51 percent.",
     "Bram Tellen", None, "Westvale governor"),
    ("Environmental activist Petra Lind was arrested. Lind, a lawyer with Green Harbor, spoke.",
     "Petra Lind", "lawyer", None),
    # a title in a list of people belongs to the name after it, not the one before the comma
    ("Against Green front-runner Orla Quist, Unity presidential candidate Bram Tellen spoke first.",
     "Orla Quist", None, "Unity presidential candidate"),
    ("Against Green front-runner Orla Quist, Unity presidential candidate Bram Tellen spoke first.",
     "Bram Tellen", "presidential candidate", None),
    # a plural after the comma describes a group, not the one person
    ("To Orla Quist, the six female judges and clerks were a bother.",
     "Orla Quist", None, "six female judges"),
    ("Though they liked Orla Quist, several older members of the club stayed away.",
     "Orla Quist", None, "several older members"),
])
def test_a_descriptor_belongs_to_the_person_it_describes(descriptors, text, person, wanted, unwanted):
    got = descriptors(text)[person]
    assert (wanted is None or wanted in got) and unwanted not in got


@pytest.mark.parametrize("text, span, name", [
    ("Voters wore Ivo Marsh T-shirts to the rally.", (2, 5), "Ivo Marsh"),      # a letter the hyphen joins on
    ("Though Marsh lost, he stayed.", (0, 2), "Marsh"),                         # a sentence opener
    ("Will Marsh spoke first.", (0, 2), "Will Marsh"),                          # a given name that is a stop word
    ("The activist Vo Van An was arrested.", (2, 5), "Vo Van An"),
])
def test_the_edges_of_a_person_span_that_are_no_name(nlp, text, span, name):
    doc = nlp(text)
    toks = trim_name_edges(list(doc[span[0]:span[1]]))
    assert text[toks[0].idx:toks[-1].idx + len(toks[-1].text)] == name


@pytest.mark.parametrize("text, name, wrong", [
    ("Orla Quist toured the harbor on Monday. Should students Doubt Orla Quist? The flyer asked it twice.",
     "Orla Quist", "Doubt Orla Quist"),                                 # a verb of a title-case question
    ("A blog named \u201cWhat Happens When Orla Quist Resigns\u201d drew readers. "
     "Orla Quist shrugged.", "Orla Quist", "Orla Quist Resigns"),      # a headline verb at the end
    ("A survey puts the wealthy Westvaler Orla Quist first in Westvale County. Orla Quist said little.",
     "Orla Quist", "Westvaler Orla Quist"),                            # a place's people
    ("Polls show the Iowan Orla Quist ahead in the state. On Monday, Orla Quist said little.",
     "Orla Quist", "Iowan Orla Quist"),
    ("The bulletin ran Orla Quist Scolds Bram Tellen on its front page. Later Orla Quist spoke for an hour.",
     "Bram Tellen", "Orla Quist Scolds Bram Tellen"),                  # a verb between two names
    ("\u201cWe cannot let [Orla] Quist win,\u201d the mayor said of Orla Quist.",
     "Orla Quist", "Orla] Quist"),                                      # an editor's brackets
])
def test_a_word_the_document_shows_is_no_part_of_the_name_goes(people_names, text, name, wrong):
    got = people_names(text)
    assert name in got and wrong not in got


@pytest.mark.parametrize("text, name", [
    ("The panel heard Mary Ann Burns first, then Ivo Marsh.", "Mary Ann Burns"),   # written once: all of it
    ("The activist Vo Van An was arrested. Vo Van An denied the charge.", "Vo Van An"),
])
def test_a_name_the_document_gives_no_shorter_form_keeps_every_word(people_names, text, name):
    assert name in people_names(text)


@pytest.fixture(scope="module")
def people_names(nlp):
    def _names(text: str) -> set[str]:
        parsed = make_parsed(Document(id="t", source="t.txt", text=text), nlp(text))
        return {a for e in entities.extract(parsed) if e.type == "PERSON" for a in [e.name, *e.aliases]}
    return _names


@pytest.mark.parametrize("text, person, mentions", [
    # the title comes before the only Tellen is introduced: a Tellen the reader knows already
    ("As President Tellen spoke, guests arrived. Later, Ilse Tellen greeted them.", "Ilse Tellen", ["Ilse Tellen"]),
    # an office the document never gives her: the corpus tells whose it is
    ("On Monday, Ilse Tellen toured the plant. An aide to President Tellen said little.", "Ilse Tellen",
     ["Ilse Tellen"]),
    # both honorifics with one surname, one Tellen named: which one is she?
    ("The first lady, Ilse Tellen, greeted guests at the reception. Mr. Tellen waved from the door. "
     "Mrs. Tellen smiled.", "Ilse Tellen", ["Ilse Tellen"]),
    # "his son": the father is a man, and "Mr. Tellen" stays with him, not with his son
    ("Bram Tellen arrived on Monday. His son Ivo Tellen spoke first. Mr. Tellen left early.", "Bram Tellen",
     ["Bram Tellen", "mr Tellen"]),
    ("Bram Tellen arrived on Monday. His son Ivo Tellen spoke first. Mr. Tellen left early.", "Ivo Tellen",
     ["Ivo Tellen"]),
    # must not change: the office the document gives her, after she is introduced
    ("President Ilse Tellen spoke on Monday. Later, President Tellen left.", "Ilse Tellen",
     ["president Ilse Tellen", "president Tellen"]),
])
def test_a_titled_surname_goes_to_the_person_named_in_full_only_when_the_document_says_so(people, text, person,
                                                                                        mentions):
    assert people(text)[person] == mentions
