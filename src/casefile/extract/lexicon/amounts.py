"""Named constants for extract.amounts: currencies, scales, number words and which events
each kind of amount measures. General English news usage only.
"""
from __future__ import annotations


def _f(*words: str) -> frozenset[str]:
    return frozenset(words)


CURRENCY_SYMBOLS: dict[str, str] = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "a$": "AUD",
                                    "hk$": "HKD", "s$": "SGD", "c$": "CAD", "₫": "VND", "₹": "INR"}
CURRENCY_WORDS: dict[str, str] = {"dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR",
                                  "eur": "EUR", "pounds": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
                                  "dong": "VND", "vnd": "VND", "baht": "THB", "rupees": "INR", "won": "KRW",
                                  "ringgit": "MYR", "riel": "KHR", "kip": "LAK", "rubles": "RUB", "roubles": "RUB"}
SCALE_WORDS: dict[str, float] = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
                                 "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
DURATION_UNITS: dict[str, str] = {"day": "day", "days": "day", "week": "week", "weeks": "week",
                                  "month": "month", "months": "month", "year": "year", "years": "year",
                                  "hour": "hour", "hours": "hour", "decade": "decade", "decades": "decade"}
# Words right after a span of time that make it a point in time, not a length ("two months later").
NOT_DURATION_AFTER = _f("before", "after", "later", "earlier", "ago", "old", "since", "prior", "into", "from")
# Words right before a number that make it a name or a label, not an amount ("Article 117").
LABEL_BEFORE_NUMBER = _f("directive", "decree", "article", "resolution", "circular", "law", "order", "no",
                         "number", "section", "clause", "chapter", "paragraph", "item", "room", "cell",
                         "route", "highway", "flight", "page", "case", "district", "ward", "zone",
                         "aged", "age", "ages", "camp", "block", "prison", "unit", "code", "decision", "phase")
# Numbers inside these entity types are dates or sums, never counts.
NOT_COUNT_LABELS = _f("DATE", "TIME", "MONEY")
# Counts below this are not worth recording as amounts ("one person").
COUNT_MIN_VALUE = 2
# Words that count without a figure ("hundreds of protesters").
VAGUE_COUNTS = _f("dozens", "hundreds", "thousands", "tens", "millions", "scores")
# How many parse steps an amount may be from the trigger it measures.
MAX_AMOUNT_DISTANCE = 6
# Which event types each kind of amount may attach to, in order of preference.
AMOUNT_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "money": ("trade_figure", "charge", "release", "imprisonment", "policy_issued", "relations_upgraded"),
    "duration": ("imprisonment", "detention_abuse", "arrest", "travel_restriction", "disappearance",
                 "release", "protest", "surveillance", "trial", "charge"),
    "count": ("arrest", "killing", "protest", "imprisonment", "crackdown", "attack", "release",
              "disappearance", "detention_abuse", "trade_figure"),
    "percent": ("trade_figure",),
}
# What happened to a counted number of people, by the lemma that says so ("22 were killed").
OUTCOME_UNITS: dict[str, str] = {"kill": "killed", "die": "killed", "dead": "killed", "murder": "killed",
                                 "slay": "killed", "execute": "killed", "massacre": "killed",
                                 "injure": "injured", "wound": "injured", "hurt": "injured", "maim": "injured",
                                 "arrest": "arrested", "detain": "arrested", "jail": "imprisoned",
                                 "imprison": "imprisoned", "sentence": "imprisoned", "release": "released",
                                 "free": "released", "abduct": "abducted", "kidnap": "abducted"}
# Which events a count of each outcome belongs to, in order of preference (a count of the
# injured is kept with the attack, a count of the dead with the killing).
OUTCOME_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "killed": ("killing", "attack"), "injured": ("attack", "killing"), "arrested": ("arrest", "imprisonment"),
    "imprisoned": ("imprisonment", "arrest"), "released": ("release",), "abducted": ("disappearance",)}
