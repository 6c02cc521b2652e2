"""Random stores for resolution tests, written without spaCy: fictional people, places and
institutions with shared name parts, lone surnames and given names, acronyms, titles before
names, descriptors, events with participants and dates, amounts and quotes, so that
resolution has ties, ambiguous lone names and conflicts to settle."""
from __future__ import annotations

import random

from casefile.models import (Amount, Descriptor, Document, Event, Extraction, LocalEntity, Mention, Participant,
                             Quote, Speaker)

GIVEN = ["Ana", "Ivo", "Sela", "Mara", "Tomas", "Lio", "Petra", "Oren", "Dara", "Kian", "Yara", "Emil"]
FAMILY = ["Rell", "Marren", "Durn", "Velin", "Kost", "Arvo", "Brisk", "Halm", "Ostra", "Pell", "Quist", "Sarn",
          "Tolv", "Ulm", "Varga", "Wend", "Zell", "Iber", "Nock", "Grau"]
MIDDLE = ["", "", "B.", "Jan"]
PLACES = ["Vell", "Ostmark", "Kestria", "Lunara"]
ORGS = ["Kestrian Interior Ministry", "Interior Ministry", "Free Voices Forum", "FVF", "Harbor Watch",
        "Ministry of Interior"]
TITLES = ["", "", "President", "Judge", "Dr."]
OUTLETS = ["Vell Daily", "Kestria Post", "Harbor Wire", None]
EVENT_TYPES = [("arrest", "arrested"), ("trial", "tried"), ("release", "released")]
DATES = ["2024-03-01", "2024-03-02", "2024-03", "2024", None, "2024-04-10"]
QUOTES = ["We will never stop asking where they are held", "The court ignored every piece of evidence",
          "Nobody told the family anything about the charges"]


HONORIFICS = ["Mrs.", "Mr.", "Ms."]
OFFICES = ["President", "Judge", "Minister"]
SITE_WORDS = ["Harborline", "Westwire"]


def _person(rng: random.Random, variety: int) -> str:
    parts = [rng.choice(GIVEN[:variety]), rng.choice(MIDDLE), rng.choice(FAMILY[:variety])]
    name = " ".join(p for p in parts if p)
    roll = rng.random()
    if roll < 0.15:
        return name.split()[-1]            # a lone surname
    if roll < 0.2:
        return f"{rng.choice(HONORIFICS)} {name.split()[-1]}"     # a lone surname with an honorific
    if roll < 0.25:
        return f"{rng.choice(OFFICES)} {name.split()[-1]}"        # a lone surname with an office
    if roll < 0.3:
        return name.split()[0]             # a lone given name
    return name


def document(i: int, rng: random.Random, variety: int = 8, site_words: float = 0.0) -> tuple[Document, Extraction]:
    """One synthetic article with its extraction, offsets consistent with its text.
    ``site_words``: how often a one-word site ("Harborline reported") is tagged a person, where
    it is named at all (an early article tags it so more often than a late one)."""
    doc_id = f"{i:04d}{rng.randrange(16 ** 12):012x}"
    pieces: list[str] = []
    entities: list[LocalEntity] = []
    names: dict[str, LocalEntity] = {}

    def add(text: str) -> int:
        at = sum(len(p) + 1 for p in pieces)
        pieces.append(text)
        return at

    def entity(name: str, type_: str, before: str = "", descriptor: str | None = None) -> LocalEntity:
        at = add(f"{before} {name} spoke.".strip())
        start = at + (len(before) + 1 if before else 0)
        ent = names.get(name)
        if ent is None:
            ent = LocalEntity(key=f"e{len(entities) + 1}", name=name, type=type_, aliases=[name])
            if descriptor:
                ent.descriptors.append(Descriptor(descriptor, start, start + len(descriptor), "affiliation"))
            entities.append(ent)
            names[name] = ent
        ent.mentions.append(Mention(start, start + len(name), name, type_))
        return ent

    for _ in range(rng.randint(1, 4)):
        entity(_person(rng, variety), "PERSON", rng.choice(TITLES), rng.choice([None, None, "Kestria", "Vell"]))
    if rng.random() < 0.3:      # a surname the tagger took for an organization or a place ("Rell said")
        entity(rng.choice(FAMILY[:variety]), rng.choice(["ORG", "GPE"]))
    if site_words and rng.random() < 0.6:
        word = rng.choice(SITE_WORDS)
        entity(word, "PERSON" if rng.random() < site_words else rng.choice(["ORG", "ORG", "GPE"]))
        if rng.random() < 0.3:      # the same word again in the document, typed an organization
            entity(f"{word}'s", "ORG")
        if rng.random() < 0.05:     # someone who bears the word as a surname
            entity(f"{rng.choice(GIVEN)} {word}", "PERSON")
    for _ in range(rng.randint(0, 2)):
        entity(rng.choice(ORGS), "ORG", descriptor=rng.choice([None, "Kestria"]))
    for _ in range(rng.randint(0, 2)):
        entity(rng.choice(PLACES), rng.choice(["GPE", "LOC"]))
    events, amounts, quotes = [], [], []
    people = [e for e in entities if e.type == "PERSON"]
    for _ in range(rng.randint(0, 3)):
        etype, verb = rng.choice(EVENT_TYPES)
        who = rng.sample(entities, k=min(len(entities), rng.randint(1, 3)))
        at = add(f"They were {verb} there.")
        parts = [Participant(rng.choice(["target", "agent", "place"]), e.name, e.key) for e in who]
        events.append(Event(at + 10, at + 10 + len(verb), etype, verb, at, at + len(pieces[-1]), parts,
                            rng.choice(DATES), None, rng.choice(["asserted", "asserted", "reported"])))
        if rng.random() < 0.4:
            years = rng.choice([3, 4, 8])
            text = f"{years} years"
            at = add(f"It was {text}.")
            amounts.append(Amount(at + 6, at + 6 + len(text), text, "duration", float(years), "Y", len(events) - 1))
    for _ in range(rng.randint(0, 2)):
        if not people:
            break
        words = rng.choice(QUOTES)
        speaker = rng.choice(people)
        at = add(f'"{words}," said {speaker.name}.')
        quotes.append(Quote(at + 1, at + 1 + len(words), words, "direct", Speaker(speaker.name, speaker.key),
                            "said", at, at + len(pieces[-1])))
    text = " ".join(pieces)
    doc = Document(id=doc_id, source=f"synthetic/{i}.txt", text=text, title=f"Report {i}",
                   outlet=rng.choice(OUTLETS), published=f"2024-0{rng.randint(3, 5)}-1{rng.randint(0, 9)}")
    sentences, at = [], 0
    for p in pieces:
        sentences.append((at, at + len(p)))
        at += len(p) + 1
    return doc, Extraction(document=doc_id, entities=entities, quotes=quotes, events=events, amounts=amounts,
                           sentences=sentences)


def corpus(n: int, seed: int, variety: int = 8, site_words: bool = False) -> list[tuple[Document, Extraction]]:
    """``variety``: how many given and family names are drawn from (few: lone names are ambiguous);
    ``site_words``: one-word sites tagged a person often early on and seldom later, so that the
    corpus's typing of their words turns as documents arrive."""
    rng = random.Random(seed)
    return [document(i, rng, variety, (0.7 if i < n // 2 else 0.15) if site_words else 0.0) for i in range(n)]
