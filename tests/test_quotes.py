"""Quotes: direct and indirect speech with speakers, on fictional sentences and on the seeds."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile import nlp
from casefile.extract import make_parsed
from casefile.extract import quotes
from casefile.extract.quotes_text import mark_spans, paragraphs
from casefile.models import Document, LocalEntity, Mention

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "gold"


@pytest.fixture(scope="session")
def pipeline():
    return nlp.load()


def run(pipeline, text: str, entities: list[LocalEntity] | None = None):
    parsed = make_parsed(Document(id="t", source="t", text=text), pipeline(text))
    found = quotes.extract(parsed, entities or [])
    for q in found:   # every record points exactly at its words
        assert text[q.start:q.end] == q.text
        assert q.sentence_start <= q.start and q.end <= q.sentence_end
        if q.speaker is not None and q.speaker.start is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.text
    return found


def triples(found) -> set[tuple[str, str, str]]:
    return {(q.kind, q.speaker.text if q.speaker else "", q.text) for q in found}


# --- Quotation marks, before any parsing -------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ('He said "yes" and left.', ["yes"]),
    ("She said \u201cno\u201d twice.", ["no"]),
    ("\u201cWe said \u2018never\u2019 to them,\u201d she said.", ["We said \u2018never\u2019 to them,"]),
    ("\u2018Not guilty\u2019", ["Not guilty"]),
    ('It has a 15" screen and a 13" one.', []),
    ("The prisoners\u2019 families can\u2019t visit.", []),
    ("He was charged under Article 9 \"disrupting public order\" in May.", ["disrupting public order"]),
])
def test_quotation_marks_are_paired_and_apostrophes_and_inches_ignored(text, expected):
    assert [text[s.start:s.end] for s in mark_spans(text, paragraphs(text))] == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,:\n\"'\u201c\u201d\u2018\u2019(5")), max_size=80))
def test_mark_spans_stay_inside_their_paragraph_for_any_text(text):
    paras = paragraphs(text)
    for s in mark_spans(text, paras):
        ps, pe = paras[s.para]
        assert ps <= s.open_at < s.start < s.end <= pe
        assert text[s.start:s.end] == text[s.start:s.end].strip(" \t\u00a0")


def test_an_unclosed_paragraph_continues_into_one_that_opens_with_a_mark():
    text = 'She said: "First part.\n"Second part."\nAfter.'
    spans = mark_spans(text, paragraphs(text))
    assert [text[s.start:s.end] for s in spans] == ["First part.", "Second part."]
    assert spans[0].chain == spans[1].chain and spans[0].close_at is None


# --- Direct quotes --------------------------------------------------------------------

DIRECT_CASES = [
    ('"We will not be silenced," said Tran Thi Lan, a lawyer for the family.',
     {("direct", "Tran Thi Lan", "We will not be silenced,")}),
    ("\u201cThe sentence is unjust,\u201d he said, \u201cand we will appeal.\u201d Le Minh spoke after the trial.",
     set()),   # no earlier referent for "he": left unattributed rather than guessed
    ("Amnesty Watch said in a statement: \"The sentence is a travesty of justice.\"",
     {("direct", "Amnesty Watch", "The sentence is a travesty of justice.")}),
    ("The court's decision was \"a dark day for press freedom,\" said Maria Gonzalez of the Press Institute.",
     {("direct", "Maria Gonzalez", "a dark day for press freedom,")}),
    ("'We have nothing to hide,' the spokesman said.",
     {("direct", "the spokesman", "We have nothing to hide,")}),
    ("Le Thi Hoa, whose son has been missing since 2022, said she was \"desperate\" for news.",
     {("direct", "Le Thi Hoa", "desperate")}),
    ("The ministry called the report \"baseless.\"", {("direct", "The ministry", "baseless.")}),
    ("The trial was described by observers as \"a sham.\"", {("direct", "observers", "a sham.")}),
    ("Detik quoted Rahman as saying: \"We will not buy these planes while the ban stands.\"",
     {("direct", "Rahman", "We will not buy these planes while the ban stands.")}),
    ("The widow of one of the miners, who asked not to be named, told reporters she was \"heartbroken.\"",
     {("direct", "The widow of one of the miners", "heartbroken.")}),
    ("'We will not give up,' says mother of jailed activist",
     {("direct", "mother of jailed activist", "We will not give up,")}),
    ("Rights groups say new decree is 'a death sentence for free speech'",
     {("direct", "Rights groups", "a death sentence for free speech")}),
    ("The ministry issued a statement saying the detainees \"had confessed voluntarily.\"",
     {("direct", "The ministry", "had confessed voluntarily.")}),
    ("The leaked report contains \"a pattern of serious abuses across the region and beyond.\"",
     {("direct", "The leaked report", "a pattern of serious abuses across the region and beyond.")}),
    ("In a statement on Monday, the group said:\n\"The authorities must release all those detained.\"",
     {("direct", "the group", "The authorities must release all those detained.")}),
    ("Tran Van Duc was arrested after posting \"the government is stealing our land\" on Facebook.",
     {("direct", "Tran Van Duc", "the government is stealing our land")}),
    # a whole shouted utterance is the crowd's, not the subject of the side clause after it
    ("The crowd chanted \"Bring them home!\" as the minister left the stage.",
     {("direct", "The crowd", "Bring them home!")}),
    ("As the historian put it, \"Every border here was drawn by someone far away.\"",
     {("direct", "the historian", "Every border here was drawn by someone far away.")}),
]


@pytest.mark.parametrize("text, expected", DIRECT_CASES)
def test_direct_quotes_get_the_subject_of_their_reporting_verb(pipeline, text, expected):
    assert {t for t in triples(run(pipeline, text)) if t[0] == "direct"} == expected


def test_a_quote_split_around_he_said_is_one_quote_with_one_speaker(pipeline):
    text = ("Le Minh, a farmer, spoke after the trial.\n"
            "\u201cThe sentence is unjust,\u201d he said, \u201cand we will appeal.\u201d")
    found = [q for q in run(pipeline, text) if q.kind == "direct"]
    assert [q.text for q in found] == ["The sentence is unjust,\u201d he said, \u201cand we will appeal."]
    assert {q.speaker.text for q in found} == {"Le Minh"}


def test_a_quote_running_over_paragraphs_is_one_quote_with_its_speaker(pipeline):
    text = ('Dr. Maya Ortiz said: "The first thing we saw was the damage to the roof.\n'
            '"The second thing was the silence. Nobody came out of the houses."\n'
            "Ortiz added that the village had been abandoned.")
    found = run(pipeline, text)
    direct = [q for q in found if q.kind == "direct"]
    assert len(direct) == 1 and {q.speaker.text for q in direct} == {"Maya Ortiz"}
    assert direct[0].text.startswith("The first thing") and direct[0].text.endswith("out of the houses.")


def test_a_paragraph_that_is_only_a_quote_continues_the_previous_speaker(pipeline):
    text = ('"We expected nothing else," Hoang said.\n\n'
            '"The court has never ruled against the state in a case like this one."')
    direct = [q for q in run(pipeline, text) if q.kind == "direct"]
    assert [q.speaker.text for q in direct] == ["Hoang", "Hoang"]


@pytest.mark.parametrize("text, speaker", [
    ('Hoa said her son was innocent. "He is a good boy," she said.', "Hoa"),
    ('Prosecutor Dao Van Binh spoke first. "We have the documents," he said.', "Dao Van Binh"),
    ('The company denied wrongdoing. It said in a statement that its staff "acted in good faith at all times."',
     "The company"),
    ('The rights groups issued a joint appeal. They said the detainees "must be released without delay."',
     "The rights groups"),
    ('Tran Quoc Viet criticized the court. "The judge ignored all of the evidence," he said.', "Tran Quoc Viet"),
    ('Lan Pham said the ruling was unfair. Her lawyer, Minh Do, said he would appeal. "We expected this," she said.',
     "Lan Pham"),
    ('Global Rights Watch criticized the trial.\nThe Labor Ministry did not respond. '
     'In a statement, it said the strike was "illegal and organized by foreign-backed elements."',
     "The Labor Ministry"),
])
def test_pronouns_take_the_nearest_compatible_speaker_as_written(pipeline, text, speaker):
    direct = [q for q in run(pipeline, text) if q.kind == "direct"]
    assert [q.speaker.text for q in direct] == [speaker]


@pytest.mark.parametrize("text", [
    "Police detained the so-called \"Riverside Four\" on Tuesday.",
    "The campaign, known as \"Clean Sweep,\" began last year.",
    "Students gathered outside the \"Hall of Justice\" to protest.",
    "The \"reforms\" were announced on Monday.",
    "The protesters chanted \"freedom\" as they marched through the city.",
    "Fans yelled \"encore\" until the band came back.",
    "The country has been motivated by supply chain \"de-risking,\" to bolster growth, analysts say.",
    "He was jailed under the \"Law on Public Order\" last year.",
    "Two leaders agreed on a \"strategic partnership\" in Port Alden.",
    "He did not say \"never\" to the offer.",
    "He was charged with \"abusing democratic freedoms to infringe upon the interests of the state.\"",
    "Police charged him under Article 9 of the Penal Code for \"spreading information against the state.\"",
    "A court sentenced the activist to five years in prison for \"spreading false information,\" his family said.",
    "It has a 13.3 \"widescreen display, while the larger model comes in 15\" or 17 \"displays.",
])
def test_scare_quotes_and_quoted_names_are_not_quotes(pipeline, text):
    assert [q for q in run(pipeline, text) if q.kind == "direct"] == []


def test_a_quoted_subhead_takes_the_speaker_of_the_later_quote_it_repeats(pipeline):
    text = ("\u2018A warning to all\u2019\n"
            "Minh Chau, a blogger, said the verdict was \u201ca warning to all\u201d who speak out.")
    direct = [q for q in run(pipeline, text) if q.kind == "direct"]
    assert [(q.text, q.speaker.text) for q in direct] == [("A warning to all", "Minh Chau"),
                                                          ("a warning to all", "Minh Chau")]


def test_an_unattributed_quoted_subhead_is_dropped(pipeline):
    assert run(pipeline, "\u2018Hard times ahead\u2019\nThe economy shrank in the last quarter.") == []


@pytest.mark.parametrize("text, speakers", [
    ('"We will appeal," Smith said.\nJones, the prosecutor, said the plan had failed.\n'
     '"It was a disaster from the very beginning."', ["Smith", "Jones"]),
    ('"We will appeal," Smith said.\nThe court is expected to rule next month.\n'
     '"We are confident the verdict will be overturned."', ["Smith", "Smith"]),
    ('The court is expected to rule next month.\n"We are confident the verdict will be overturned."', []),
])
def test_a_quote_only_paragraph_belongs_to_the_latest_speaker_just_before_it(pipeline, text, speakers):
    assert [q.speaker.text for q in run(pipeline, text) if q.kind == "direct"] == speakers


@pytest.mark.parametrize("text", ["", "\n\n", '""', "\u201c", "\u201c\u201d said he.", "'", "said said said",
                                  '"A," "B," "C" she said', "According to", "\u2018x\u2019\n\u2018y"])
def test_odd_input_gives_valid_records_or_none(pipeline, text):
    assert isinstance(run(pipeline, text), list)


def test_the_entity_key_follows_the_head_of_the_speaker_phrase(pipeline):
    text = "Freedonia's Interior Ministry said the detainees were \"in good health.\""
    gpe = LocalEntity(key="g1", name="Freedonia", type="GPE", mentions=[Mention(0, 9, "Freedonia")])
    org_start = text.index("Interior")
    org = LocalEntity(key="o1", name="Interior Ministry", type="ORG",
                      mentions=[Mention(org_start, org_start + len("Interior Ministry"), "Interior Ministry")])
    (q,) = run(pipeline, text, [gpe, org])
    assert q.speaker.text == "Freedonia's Interior Ministry" and q.speaker.entity == "o1"


def test_the_speaker_carries_the_key_of_the_entity_it_overlaps(pipeline):
    text = '"We will appeal," said Tran Thi Lan.'
    start = text.index("Tran")
    ent = LocalEntity(key="p1", name="Tran Thi Lan", type="PERSON",
                      mentions=[Mention(start, start + len("Tran Thi Lan"), "Tran Thi Lan")])
    (q,) = run(pipeline, text, [ent])
    assert q.speaker.entity == "p1" and q.cue == "said"


# --- Indirect speech --------------------------------------------------------------------

INDIRECT_CASES = [
    ("Activists say the new law on cybersecurity will be used to silence critics.",
     ("Activists", "the new law on cybersecurity will be used to silence critics")),
    ("Nguyễn Văn An told the court on Monday that he had been beaten in custody.",
     ("Nguyễn Văn An", "he had been beaten in custody")),
    ("Police are investigating the fire, the agency said.", ("the agency", "Police are investigating the fire")),
    ("According to the indictment, the men met in secret twice a month.",
     ("the indictment", "the men met in secret twice a month")),
    ("The farmers' union, which represents 2,000 families, says the land was seized without payment.",
     ("The farmers' union", "the land was seized without payment")),
    ("In the last year, she said, the authorities have closed four newspapers.",
     None),   # no referent for "she"
    ("Family members told Global Rights Watch that the detainees have been denied access to lawyers.",
     ("Family members", "the detainees have been denied access to lawyers")),
    ("PORT ALDEN (Wire) \u2014 Authorities should release the 14 organizers, the rights group said on Monday.",
     ("the rights group", "Authorities should release the 14 organizers")),
    ("In 2024, the court jailed at least six people for their posts, according to the Freedom Centre's monitoring.",
     ("the Freedom Centre", "In 2024, the court jailed at least six people for their posts")),
    ("Okafor told the court he did not regret his protest, according to a transcript published by a monitor.",
     ("Okafor", "he did not regret his protest")),
    ("Lawyers say 40 activists remain in jail under a 2019 decree that bans \"spreading rumors online.\"",
     ("Lawyers", "40 activists remain in jail under a 2019 decree")),
    # a participle of saying, adding or telling still reports what was said
    ("The mayor defended the budget, saying that the new bridge would open in June.",
     ("The mayor", "the new bridge would open in June")),
    ("The warden closed the wing, telling reporters the roof was unsafe.",
     ("The warden", "the roof was unsafe")),
    # what someone asked is their reported speech
    ("The senator asked the minister whether the prison would be closed.",
     ("The senator", "whether the prison would be closed")),
    ("A reporter asked Marlow how the talks had gone.", ("A reporter", "how the talks had gone")),
    ("When asked by a reporter if the plant would reopen, the owner shrugged.",
     ("a reporter", "if the plant would reopen")),
    # a clause that opens with a condition states something; it is no question
    ("Lena Voss said if taxes rise, the town will suffer.", ("Lena Voss", "if taxes rise, the town will suffer")),
    # an attribution after a comma that the parser makes a second conjunct
    ("Despite the losses, the senator remains committed to the race, Tom Reyes told the Daily Ledger.",
     ("Tom Reyes", "Despite the losses, the senator remains committed to the race")),
    # a gerund subject the parser hangs on the verb of saying
    ("Farmers say taxing diesel raises food prices.", ("Farmers", "taxing diesel raises food prices")),
    # one clause the parser split in two after "that,"
    ("Advisers insist that, with the candidate focused on the primaries, there have been few talks about it.",
     ("Advisers", "with the candidate focused on the primaries, there have been few talks about it")),
    # ... but a complete clause keeps its own end, without a gloss that holds a quotation
    ('Rights monitors estimate that more than 90 people are currently held for peaceful protest, many of them '
     'under Article 12 or Article 40, which punishes "spreading rumors."',
     ("Rights monitors", "more than 90 people are currently held for peaceful protest, many of them "
      "under Article 12 or Article 40")),
    # "all told" is "in total": nobody speaks ...
    ("All told, the county spent more than it raised on the new ferry.", None),
    ("The repairs took nine weeks, all told, and the ferry sailed again in May.", None),
    # ... but all of a group telling someone is speech
    ("The ministers all told reporters that the plan would fail.", ("The ministers", "the plan would fail")),
    # an aside "as X noted" attributes the sentence it hangs on
    ("As Mara Quell noted, the bridge will stay closed until spring.",
     ("Mara Quell", "the bridge will stay closed until spring")),
    ("The vote was never close, as Ilse Varga said on Friday.", ("Ilse Varga", "The vote was never close")),
    # ... but an aside with words of its own reports those, not the sentence
    ("Even as Teo Marsh has said that he opposes the dam, his office keeps funding it.",
     ("Teo Marsh", "he opposes the dam")),
    # a noun phrase after a verb of announcing or explaining is what was said
    ("The governor announced a new flood plan on Monday.", ("The governor", "a new flood plan")),
    ("Lorna Pike explained the rules to the volunteers.", ("Lorna Pike", "the rules")),
    ("As the judge explained the ruling, the families wept.", ("the judge", "the ruling")),
    # what someone asked for is their request
    ("Two committees asked the department to investigate the mayor.",
     ("Two committees", "the department to investigate the mayor")),
    ("The employer asked for proof of citizenship.", ("The employer", "proof of citizenship")),
]


@pytest.mark.parametrize("text, expected", INDIRECT_CASES)
def test_reported_clauses_are_indirect_quotes_without_speaker_or_cue(pipeline, text, expected):
    found = [(q.speaker.text, q.text) for q in run(pipeline, text) if q.kind == "indirect"]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize("text", [
    "She said it was unclear whether the charges would be dropped.",   # an indirect question
    "The embassy did not say why the visa was refused.",
    "The guard said when the gates would open.",      # a question after a verb of saying
    "Asked whether he would run again, the governor smiled.",   # who asked is not written
    "Ines Moreau wondered whether the court would listen.",    # a thought, not a question put to anyone
    "The company did not respond to a request for comment.",
    "It is hard to tell from the photographs.",
    "Vo Thi Hanh has not seen her son. \"Nobody told us,\" she said, her voice breaking.",
    "The activists called for the release of all prisoners.",
    "Two-way trade reached 42 billion euros in 2024, according to official figures.",
    # other participles tell how someone acted more than what they said
    "The council rejected the plan, arguing that it would cost too much.",
    "The union walked out, claiming the talks had been rigged.",
    "Ortega left the hall early, noting that the vote had already been lost.",
    # a gerund with no clause of its own reports nothing
    "The witness described seeing two men near the gate.",
    # a second clause joined by "and" is no attribution of the first
    "The mayor resigned in March, and the council told the press nothing.",
    # the object of "tell" is the listener, a pronoun object says nothing
    "The captain told the crew.",
    "She said it twice.",
    # "just as she said she would": the aside has its own words, and they are too few
    "The ferry left at noon, just as the captain said it would.",
    # who was asked is not written; a number asked for is a figure, not a request
    "He had been asked to preserve the files.",
    "Prosecutors had asked for eight.",
    "Jon Pell asked about the budget.",
])
def test_no_indirect_quote_without_a_reported_clause(pipeline, text):
    assert [q for q in run(pipeline, text) if q.kind == "indirect"] == []


@pytest.mark.parametrize("text, not_speaker", [
    ("Farmers say they were compensated according to the law of the land.", "the law of the land"),
    ("His wife was summoned for questioning and warned that she would be arrested, the family said.", "His wife"),
])
def test_rules_and_passive_verbs_are_not_speakers(pipeline, text, not_speaker):
    speakers = [q.speaker.text for q in run(pipeline, text)]
    assert speakers and not_speaker not in speakers


def test_a_side_clause_with_another_speaker_is_not_part_of_the_reported_clause(pipeline):
    text = ("Rights groups say at least 150 people remain in detention, "
            "while the government insists that none are prisoners.")
    found = {(q.speaker.text, q.text) for q in run(pipeline, text) if q.kind == "indirect"}
    assert found == {("Rights groups", "at least 150 people remain in detention"),
                     ("the government", "none are prisoners")}


def test_a_reported_clause_that_holds_a_direct_quote_is_only_the_direct_quote(pipeline):
    found = run(pipeline, 'The ministry argued that the charges were "entirely lawful and proportionate."')
    assert [q.kind for q in found] == ["direct"]


@pytest.mark.parametrize("text, expected", [
    # a second verb of saying brings in its own quotation: the clause before it stands alone
    ('Mayor Ines Lopez said the move was made by the police chief and said, "Who do you trust?"',
     {("indirect", "the move was made by the police chief"), ("direct", "Who do you trust?")}),
    ('A party strategist said the mayor will have to choose a side, saying, "She cannot wait forever."',
     {("indirect", "the mayor will have to choose a side"), ("direct", "She cannot wait forever.")}),
    ('Mayor Ana Ruiz told reporters that she thinks the tape should be released but said "the timing is wrong."',
     {("indirect", "she thinks the tape should be released"), ("direct", "the timing is wrong.")}),
    # the quotation is part of the reported clause itself: only the direct quote
    ('Officer Dale Pike said the plan was "a disaster for farmers" and would fail.',
     {("direct", "a disaster for farmers")}),
    ('The governor said voters are tired of "he said this, he said that."', {("direct", "he said this, he said that.")}),
])
def test_a_quotation_brought_in_by_a_second_verb_leaves_the_first_clause_indirect(pipeline, text, expected):
    assert {(q.kind, q.text) for q in run(pipeline, text)} == expected


@pytest.mark.parametrize("text, expected", [
    # a word the writer put in scare quotes, attributed to no one: the clause is reported speech
    ('The agency made a "mistake" in the check, the director has said.',
     {("indirect", 'The agency made a "mistake" in the check')}),
    # a quotation the speaker is given stays the direct quote, and the clause is not repeated
    ('The town has been hurt by drought and "de-banking," economists say.', {("direct", "de-banking,")}),
    ('Officials said the "reform" would cut costs for every family.', {("direct", "reform")}),
])
def test_a_scare_quoted_word_leaves_its_clause_reported_speech(pipeline, text, expected):
    assert {(q.kind, q.text) for q in run(pipeline, text)} == expected


# --- The seed articles, scored like score.py (text read from ../shared at test time) -------

def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("\u2019", "'").lower()
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[\"\u201c\u201d.,]", "", s)
    return re.sub(r"^(the|a|an)\s+", "", re.sub(r"\s+", " ", s).strip())


def _covered(part: str, whole: str) -> float:
    p, w = re.findall(r"\w+", _norm(part)), re.findall(r"\w+", _norm(whole))
    return sum(1 for t in p if t in w) / len(p) if p else 0.0


def _f1(pred, gold) -> float:
    def hit(p, g):
        span = _covered(g["text"], p.text) >= 0.5 or _covered(p.text, g["text"]) >= 0.5
        return span and _norm(p.speaker.text) in {_norm(s) for s in g["speaker"]}
    tp_p = sum(1 for p in pred if any(hit(p, g) for g in gold))
    tp_r = sum(1 for g in gold if any(hit(p, g) for p in pred))
    prec, rec = tp_p / max(len(pred), 1), tp_r / max(len(gold), 1)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


@pytest.mark.skipif(not SEEDS.exists(), reason="seed articles not available")
@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.exists() else [])
def test_seed_articles_meet_the_quote_targets(pipeline, seed):
    text = (SEEDS / seed).read_text(encoding="utf-8")
    gold = json.loads((GOLD / (Path(seed).stem + ".json")).read_text(encoding="utf-8"))
    found = run(pipeline, text)
    for kind, target in (("direct", 0.9), ("indirect", 0.7)):
        pred = [q for q in found if q.kind == kind]
        assert _f1(pred, [g for g in gold["quotes"] if g["kind"] == kind]) >= target, kind
    not_quotes = {_norm(x) for x in gold.get("not_quotes", [])}
    assert not [q.text for q in found if _norm(q.text) in not_quotes]


# --- Reading the document's own parse without copying it ------------------------------------

VIEW_TEXT = ("Rights groups condemn the verdict\n\n"
             "Tran Thi Lan, a lawyer for the family, said the trial lasted two hours. \u201cNobody was "
             "allowed to speak for him,\u201d she said.\n\n"
             "The provincial court said in a statement that the defendant had confessed.")


def test_paragraph_views_read_the_whole_parse_and_clip_sentences_to_their_paragraph(pipeline):
    parsed = make_parsed(Document(id="v", source="v", text=VIEW_TEXT), pipeline(VIEW_TEXT))
    paras = paragraphs(VIEW_TEXT)
    views = quotes._paragraph_docs(parsed, paras)
    assert len(views) == len(paras) and all(v.base == 0 for v in views)   # no re-parse, no copy
    for view, (start, end) in zip(views, paras):
        assert view.para_text == VIEW_TEXT[start:end]
        assert all(start <= s < e <= end for s, e in view.sents)
        assert all(start <= t.idx < end for t in view)
        assert all(start <= x.start_char and x.end_char <= end for x in view.ents)


def test_records_from_the_whole_parse_never_reach_into_a_neighbouring_paragraph(pipeline):
    found = run(pipeline, VIEW_TEXT)
    assert {("direct", "Tran Thi Lan"), ("indirect", "The provincial court")} <= {
        (q.kind, q.speaker.text) for q in found}
    for q in found:
        assert "\n" not in VIEW_TEXT[q.sentence_start:q.sentence_end]


@pytest.mark.parametrize("reuse", [True, False])
def test_paragraphs_are_parsed_afresh_only_when_the_document_parse_cannot_be_reused(pipeline, reuse):
    doc = pipeline(VIEW_TEXT) if reuse else pipeline.make_doc(VIEW_TEXT)   # no parser annotations
    parsed = make_parsed(Document(id="w", source="w", text=VIEW_TEXT), doc)
    paras = paragraphs(VIEW_TEXT)
    views = quotes._paragraph_docs(parsed, paras)
    assert [v.base for v in views] == ([0] * len(paras) if reuse else [s for s, _ in paras])
    assert [v.para_text for v in views] == [VIEW_TEXT[s:e] for s, e in paras]
    found = quotes.extract(parsed, [])
    assert found and all(VIEW_TEXT[q.start:q.end] == q.text for q in found)
