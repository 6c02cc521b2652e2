"""The one place the extractors are chained: a parsed document in, every record of it out."""
from __future__ import annotations

from ..models import Extraction
from . import Parsed, amounts, entities, events, quotes, times


def extract_all(parsed: Parsed) -> Extraction:
    ents = entities.extract(parsed)
    tms = times.extract(parsed)
    qts = quotes.extract(parsed, ents)
    evs = events.extract(parsed, ents, tms)
    amts = amounts.extract(parsed, evs)
    return Extraction(document=parsed.id, entities=ents, quotes=qts, times=tms, events=evs, amounts=amts)
