"""Incidents found from the trigger first, and talk about them left out with a reason a user sees.

Every sentence here is written for this file, about fictional people and places: what must
yield an arrest, a charge, a trial, a sentence, a release, a killing, an attack, a protest,
harassment or a disappearance, with or without a name, and what must yield none (verbal
attacks, bills that are "killed", rivals who are "beaten", campaign rallies, negated,
hypothetical and conditional events, calls for action, general statements).
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from casefile.cli import main as cli
from casefile.extract import amounts, entities, events, make_parsed, times
from casefile.models import Document


def extract(nlp, text: str):
    parsed = make_parsed(Document(id="t", source="t.txt", text=text, published="2024-05-01"), nlp(text))
    ents, tms = entities.extract(parsed), times.extract(parsed)
    evs = events.extract(parsed, ents, tms)
    for ev in evs:  # every record points back into the text exactly
        assert text[ev.start:ev.end] == ev.trigger
        assert all(p.start is None or text[p.start:p.end] == p.text for p in ev.participants)
    return parsed, ents, tms, evs


def of_type(evs, etype: str):
    return [e for e in evs if e.type == etype]


def who(evs) -> set[str]:
    return {p.text for e in evs for p in e.participants}


@pytest.mark.parametrize("text, etype, people", [
    # violence, with the unnamed kept as the article describes them
    ("A car bomb killed a police colonel near Farhan on Tuesday.", "killing", {"police colonel"}),
    ("A car bomb killed a police colonel near Farhan on Tuesday.", "attack", {"police colonel"}),
    ("Fourteen were killed and another 51 were injured in the blast.", "killing", {"Fourteen"}),
    ("Fourteen were killed and another 51 were injured in the blast.", "attack", set()),
    ("Outside the stadium a suicide bomber blew himself up.", "attack", {"suicide bomber"}),
    ("Gunmen opened fire on a bus carrying pilgrims, wounding nine.", "attack", {"Gunmen"}),
    ("Three men were shot dead outside a cafe in Port Ellin.", "killing", {"Three men"}),
    ("Militants ambushed a police convoy on the coast road.", "attack", {"Militants", "police convoy"}),
    ("The blast tore through the crowded bus station at noon.", "attack", set()),
    ("Rebel fighters shelled the town of Karsk overnight.", "attack", {"Rebel fighters"}),
    ("A mob beat two journalists covering the vote.", "attack", {"two journalists"}),
    ("Officials met after the mass shooting in Dorvel by a married couple.", "attack", {"married couple"}),
    # justice: arrests, charges, trials, sentences, releases
    ("The chemist has been charged with using a chemical weapon.", "charge", {"chemist"}),
    ("Police detained three men after the march.", "arrest", {"three men"}),
    ("Dozens of protesters were arrested in the capital on Friday.", "arrest", {"Dozens of protesters"}),
    ("The trial of the two editors opened in Vell on Monday.", "trial", {"two editors"}),
    ("A court in Vell convicted the former mayor of bribery.", "imprisonment", {"former mayor"}),
    ("The blogger was sentenced to six years in prison.", "imprisonment", {"blogger"}),
    ("The activist Mara Quell was released on bail last week.", "release", {"Mara Quell"}),
    ("Prosecutors indicted four police officers over the beating.", "charge", {"four police officers"}),
    # protests, harassment, disappearances
    ("Thousands of workers marched against the pension cuts.", "protest", {"Thousands of workers"}),
    ("Students held a protest rally outside the ministry.", "protest", {"Students"}),
    ("Security agents threatened the reporter's family with arrest.", "harassment", {"Security agents"}),
    ("The lawyer Tomas Brin vanished after leaving his office in March.", "disappearance", {"Tomas Brin"}),
])
def test_a_sentence_that_reports_an_incident_yields_it_with_or_without_a_name(nlp, text, etype, people):
    found = of_type(extract(nlp, text)[3], etype)
    assert found, f"no {etype} in {text!r}"
    assert people <= who(found)


@pytest.mark.parametrize("text, etype, reason", [
    # figures of speech
    ("The challenger attacked the incumbent's record on taxes.", "attack", "verbal"),
    ("The governor attacked the senator for his remarks on housing.", "attack", "verbal"),
    ("The scandal did not kill her hopes of a second term.", "killing", ""),
    ("Committee chairs moved quickly and killed the housing bill.", "killing", "figure"),
    ("Job-killing rules will be the first to go.", "killing", "modifier"),
    ("We are going to beat the other party's nominee in November.", "attack", ""),
    ("The mayor beat her rival by twelve points.", "attack", "win"),
    ("He will hold a rally at the fairground next month.", "protest", ""),
    ("Supporters cheered at the senator's rally in Dunmore.", "protest", "campaign rally"),
    ("She has demonstrated that she can run a tight meeting.", "protest", "words"),
    ("Markets rallied after the announcement.", "protest", "people"),
    ("Costs exploded after the merger.", "attack", "figure"),
    ("Her approval ratings shot up after the debate.", "attack", "shot up"),
    ("The crew shot a video of the parade.", "attack", "filming"),
    ("The senator charged that the program was wasteful.", "charge", "accusation"),
    ("She was put in charge of the inquiry.", "charge", "charge"),
    ("The ministry released a statement on Friday.", "release", "object"),
    ("He spoke with deep conviction about the reforms.", "imprisonment", ""),
    ("The proposal was only a trial balloon.", "trial", "trial"),
    ("The board fired the chief executive on Monday.", "attack", ""),
    ("The two candidates are locked in a bitter battle for the nomination.", "attack", "fight"),
    ("A key ingredient was missing from the recipe.", "disappearance", ""),
    ("The company threatened to sue the newspaper.", "harassment", "sue"),
    ("The former mayor died in 2013 after a long illness.", "killing", "illness"),
    ("The singer died of cancer at her home.", "killing", "illness"),
    ("The reform would abolish the death penalty.", "killing", ""),
    # talk about an incident that did not happen, or not once
    ("Police did not arrest the organizers.", "arrest", "negated"),
    ("No one was killed in the fire.", "killing", "negated"),
    ("The government denied that it had arrested any journalists.", "arrest", "denied"),
    ("If the senator is indicted, he will resign.", "charge", "conditional"),
    ("Police could arrest the organizers next week.", "arrest", "hypothetical"),
    ("Rebels will attack the capital, the commander warned.", "attack", ""),
    ("Lock her up!", "imprisonment", "call for action"),
    ("The crowd chanted \"Jail him!\" at the rally.", "imprisonment", ""),
    ("Activists urged the authorities to free the prisoners.", "release", ""),
    ("Did police arrest anyone at the border?", "arrest", "question"),
    ("Police in the capital routinely arrest street vendors.", "arrest", "general statement"),
    ("Journalists are harassed everywhere in the region.", "harassment", "general statement"),
    ("Officials fear attacks on the power grid.", "attack", ""),
    ("The plot to kill the judge was foiled.", "killing", ""),
    ("The regime fell without a shot being fired.", "attack", "negated"),
    ("About forty people a day die from gunshot wounds in the region.", "killing", "rate"),
    ("The town had three murders in 2019, according to police data.", "killing", "statistic"),
    ("The council is considering fines for the marchers rather than arresting them.", "arrest", "alternative"),
])
def test_talk_about_an_incident_yields_none_and_says_why(nlp, text, etype, reason):
    parsed, ents, tms, evs = extract(nlp, text)
    assert not of_type(evs, etype), f"{etype} found in {text!r}"
    dropped = [d for d in events.explain(parsed, ents, tms) if d.type == etype and not d.kept]
    if reason:
        assert any(reason in d.reason for d in dropped), [d.reason for d in dropped]


def test_an_event_that_is_kept_says_how_it_was_reported(nlp):
    parsed, ents, tms, _ = extract(nlp, "Police reportedly arrested the editor Lina Morrow in Vell.")
    kept = [d for d in events.explain(parsed, ents, tms) if d.kept and d.type == "arrest"]
    assert kept and "reported" in kept[0].reason and "Lina Morrow" in kept[0].reason


@pytest.mark.parametrize("text, counted, value, unit", [
    ("Fourteen were killed and another 51 were injured in the blast.", "Fourteen", 14, "killed"),
    ("Fourteen were killed and another 51 were injured in the blast.", "51", 51, "injured"),
    ("A car bomb exploded near the checkpoint, killing six soldiers.", "six soldiers", 6, "killed"),
    ("Police arrested 40 students after the sit-in.", "40 students", 40, "arrested"),
])
def test_counts_of_people_are_stored_with_the_event_they_happened_in(nlp, text, counted, value, unit):
    parsed, _ents, _tms, evs = extract(nlp, text)
    found = [a for a in amounts.extract(parsed, evs) if a.text == counted]
    assert found and (found[0].kind, found[0].value, found[0].unit) == ("count", value, unit)
    assert found[0].event is not None and evs[found[0].event].sentence_start <= found[0].start


def test_explain_on_the_command_line_shows_the_reason_for_each_word(nlp):
    out = CliRunner().invoke(cli, ["explain", "The candidate attacked his rival's record. Police arrested two men."])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert any("no event" in ln and "attack" in ln and "verbal" in ln for ln in lines)
    assert any(ln.strip().startswith("event") and "arrest" in ln and "two men" in ln for ln in lines)


def test_the_timeline_shows_the_place_the_unnamed_and_the_counts(nlp, store, tmp_path):
    from casefile.pipeline import ingest
    from casefile.resolve import run as resolve
    from casefile.resolve.timeline import TimelineQuery, format_text, timeline

    (tmp_path / "a.txt").write_text("On May 3, 2024 in Karsk, a suicide bomber blew himself up, killing six "
                                    "service members.\n", encoding="utf-8")
    ingest([str(tmp_path / "a.txt")], store)
    resolve(store)
    text = format_text(timeline(store, TimelineQuery(type="attack")))
    assert "2024-05-03   attack, Karsk: suicide bomber; six service members killed" in text


def test_the_dossier_shows_each_event_with_its_unnamed_participants_and_counts(nlp, store, tmp_path):
    from casefile.pipeline import ingest
    from casefile.resolve import run as resolve
    from casefile.web.dossier import dossier

    (tmp_path / "b.txt").write_text("On June 9, 2024 in Dorvel, gunmen attacked a convoy carrying governor Ilsa "
                                    "Marrow, killing four guards and injuring 12 people.\n", encoding="utf-8")
    ingest([str(tmp_path / "b.txt")], store)
    resolve(store)
    with store.engine.connect() as conn:   # the place's dossier lists what happened there
        ref = conn.exec_driver_sql("SELECT entity_id FROM doc_entities WHERE name = 'Dorvel'").scalar_one()
    lines = {e["type"]: e["summary"] for e in dossier(store, ref)["events"]}
    assert "attack" in lines, lines
    assert lines["attack"].startswith("attack, Dorvel: ") and "gunmen" in lines["attack"], lines
    assert "four guards killed" in lines["attack"] and "12 people injured" in lines["attack"], lines
