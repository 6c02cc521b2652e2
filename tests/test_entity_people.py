"""People within one document: a family sharing a surname, titles and honorifics that tell
spouses apart, titles that are not part of a name. Fictional sentences."""
from __future__ import annotations

import pytest

from casefile.extract import entities, make_parsed
from casefile.extract.entities_names import strip_person_titles, titles_before, trim_name_edges
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
    ("\u201cIt is unfair to misrepresent Secretary Tellen\u2019s reasons,\u201d the aide said. Ilse Tellen agreed.",
     "Ilse Tellen", "Secretary", "misrepresent Secretary"),
    ("“It would have been a real long-shot to shoehorn Secretary Tellen’s conduct into the laws,” he said. "
     "Ilse Tellen declined to comment.", "Ilse Tellen", "Secretary", "shoehorn Secretary"),
    ("Ivo Marsh and Bram Tellen led the polls. Against Tellen, the Westvale governor earned 51 percent.",
     "Bram Tellen", None, "Westvale governor"),
    ("Environmental activist Petra Lind was arrested. Lind, a lawyer with Green Harbor, spoke.",
     "Petra Lind", "lawyer", None),
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
