"""Synthetic news articles about fictional people and places, for volume tests.

Varied enough that no two are near-duplicates (names, places, numbers and sentence
order change), and each has a person, a date and a reported event.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

GIVEN = ["Ana", "Ivo", "Sela", "Mara", "Tomas", "Lio", "Petra", "Oren", "Dara", "Kian", "Yara", "Emil", "Nora",
         "Bex", "Rune", "Tavi", "Ilse", "Juno", "Marek", "Vesna"]
FAMILY = ["Rell", "Marren", "Durn", "Velin", "Kost", "Arvo", "Brisk", "Halm", "Ostra", "Pell", "Quist", "Sarn",
          "Tolv", "Ulm", "Varga", "Wend", "Zell", "Iber", "Nock", "Grau"]
PLACES = ["Vell", "Ostmark", "Kestria", "Lunara", "Port Adler", "Sarnow", "Tessel", "Brava", "Cordell", "Dunmere"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
EVENTS = [
    "Police arrested {who} in {place} on {date}, according to relatives.",
    "A court in {place} sentenced {who} to {n} years in prison on {date}.",
    "{who} was released on bail in {place} on {date}, the family said.",
    "Authorities in {place} denied {who} medical care for {n} weeks, a monitor said.",
    "Hundreds protested in {place} on {date} against the detention of {who}.",
]
FILLER = [
    "The ministry did not respond to requests for comment.",
    "Rights groups have documented {n} similar cases in the province since {year}.",
    "\"We will keep asking for answers,\" said {other}, a lawyer for the family.",
    "Local media reported that {n} people had gathered outside the court.",
    "The case has drawn criticism from several foreign governments.",
    "{other}, a researcher at the Institute for Civic Rights, said the charges were vague.",
]


def article(i: int, rng: random.Random) -> dict:
    who = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)} {FAMILY[i % len(FAMILY)]}{i}"
    other = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    year = rng.randint(2015, 2024)
    date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {year}"
    values = {"who": who, "other": other, "place": rng.choice(PLACES), "date": date, "n": rng.randint(2, 19),
              "year": year - rng.randint(1, 5)}
    sentences = [rng.choice(EVENTS).format(**values)] + [f.format(**values) for f in rng.sample(FILLER, 4)]
    title = f"Case {i}: {who} in {values['place']}"
    return {"title": title, "text": title + "\n\n" + "\n\n".join(sentences), "published": f"{year}-12-31",
            "outlet": rng.choice(["Kestria Post", "Vell Daily News", "Harbor Wire"]), "source": f"synthetic/{i}"}


def write_jsonl(path: Path, count: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            fh.write(json.dumps(article(i, rng)) + "\n")
    return path
