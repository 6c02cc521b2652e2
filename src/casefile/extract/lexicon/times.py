"""Named constants for extract.times: calendar words, number words, cue words.

Everything here is general English date grammar; nothing names an article's subject.
"""
from __future__ import annotations

import re

from ...concepts import numbers

# Month names and the abbreviations news styles use (AP: "Sept.", "Aug."); keys are lower-case.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
# Month words that are also ordinary words; alone (no day, no year) they need a cue before them.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "dec", "nov"})
# Words that make a bare month name a date: "in May", "since March", "last June".
MONTH_CUES = frozenset({
    "in", "on", "since", "until", "till", "by", "from", "to", "through", "during", "early", "late",
    "mid", "last", "next", "this", "of", "before", "after", "between", "and", "around", "throughout",
    "in-", "mid-", "end", "beginning", "start", "middle",
})

WEEKDAYS: dict[str, int] = {  # ISO weekday numbers
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# "spring" and "fall" are also common nouns/verbs ("fall of the regime"): alone they need a determiner.
AMBIGUOUS_SEASONS = frozenset({"spring", "fall"})
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}   # a representative month, for "last summer"

# Named days and how to find them in a year: ("fixed", month, day), ("nth", month, ISO weekday, n)
# with n = -1 for the last, ("easter", days from Easter Sunday), ("election",) for the US election day.
HOLIDAYS: dict[str, tuple] = {
    "christmas": ("fixed", 12, 25), "christmas day": ("fixed", 12, 25), "christmas eve": ("fixed", 12, 24),
    "boxing day": ("fixed", 12, 26), "new year's day": ("fixed", 1, 1), "new year's eve": ("fixed", 12, 31),
    "valentine's day": ("fixed", 2, 14), "halloween": ("fixed", 10, 31), "independence day": ("fixed", 7, 4),
    "veterans day": ("fixed", 11, 11), "thanksgiving": ("nth", 11, 4, 4), "thanksgiving day": ("nth", 11, 4, 4),
    "labor day": ("nth", 9, 1, 1), "memorial day": ("nth", 5, 1, -1), "mother's day": ("nth", 5, 7, 2),
    "father's day": ("nth", 6, 7, 3), "easter": ("easter", 0), "easter sunday": ("easter", 0),
    "easter monday": ("easter", 1), "good friday": ("easter", -2), "election day": ("election",),
}

# "the nineties": the decade's digit.
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}

NUMBER_WORDS: dict[str, float] = {**numbers.CARDINALS, "single": 1, "half a": 0.5, "a couple of": 2,
                                   "a dozen": 12, "dozen": 12}
# Quantities that say "some number of": the value gets an X ("several years" -> PXY).
VAGUE_QUANTITIES = frozenset({"several", "many", "a few", "few", "some", "numerous", "multiple", "countless"})

# The rank of a quarter or half ("the third quarter", "the final quarter").
QUARTER_ORDINALS: dict[str, int] = {**{w: n for w, n in numbers.ORDINALS.items() if n <= 4},
                                    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4, "last": 4}

# Duration units: the TIMEX3 letter, and whether it sits after "T" (time units).
UNITS: dict[str, tuple[str, bool]] = {
    "year": ("Y", False), "yr": ("Y", False), "month": ("M", False), "week": ("W", False),
    "day": ("D", False), "decade": ("DE", False), "century": ("CE", False), "quarter": ("Q", False),
    "hour": ("H", True), "hr": ("H", True), "minute": ("M", True), "min": ("M", True),
    "second": ("S", True), "fortnight": ("W", False),
}
# Largest to smallest: "eight years and six months" joins into one duration only in this order.
UNIT_ORDER = ("century", "decade", "year", "month", "week", "day", "hour", "minute", "second")
UNIT_MULTIPLIER = {"decade": 10, "century": 100, "fortnight": 2}   # expressed in a smaller unit
UNIT_AS = {"decade": "Y", "century": "Y", "fortnight": "W"}
# Words that may sit between a number and its unit without changing it: "five trading days".
UNIT_FILLERS = frozenset({"straight", "consecutive", "trading", "business", "working", "full", "more", "long"})
# Modifiers kept in a duration's extent ("nearly five months", "over a decade").
APPROXIMATORS = ("more than", "less than", "at least", "at most", "up to", "nearly", "almost", "about",
                 "around", "roughly", "approximately", "some", "over", "under", "just over", "just under")

# Relative words: offset in the unit from the anchor.
RELATIVE_OFFSETS: dict[str, int] = {
    "this past": -1, "this coming": 1, "last": -1, "past": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1, "following": 1,
    "this": 0, "current": 0,
}
# Relative words that count from the date the story is at, not from the publication date:
# "the following year", "the previous month" (against "next year", "last month").
ANAPHORIC_RELS = frozenset({"following", "previous", "prior"})
DAY_OFFSETS: dict[str, int] = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1,
                               "prior": -1, "before": -1}
EVERY_UNIT: dict[str, str] = {"day": "P1D", "week": "P1W", "month": "P1M", "quarter": "P1Q", "year": "P1Y",
                              "morning": "TMO", "evening": "TEV", "night": "TNI",
                              **{d: f"XXXX-WXX-{n}" for d, n in WEEKDAYS.items()}}
# Words joining two months of one range ("from January to June 2023"): the year is shared.
RANGE_WORDS = ("to", "through", "until", "till", "and", "-", "–", "or")
DAY_WORDS: dict[str, int] = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

# Single words that refer to the present, past or future as a whole (TIMEX3 *_REF values).
# "now" is one (TimeML and TempEval-3 mark it wherever it means the present); the project's
# hand-made seed gold never uses it, so the seeds are unaffected either way.
REF_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "soon": "FUTURE_REF", "current": "PRESENT_REF",
}
# Reference words that are times only as adjectives: "the current system". ("recent" is left out:
# TimeBank marks it about half the time, and the seed gold never does.)
ADJECTIVE_REFS = frozenset({"current"})
# Multi-word references; matched as whole phrases (lower-case, a leading "the" allowed in text).
REF_PHRASES: dict[str, str] = {
    "the past": "PAST_REF", "the future": "FUTURE_REF", "the time being": "PRESENT_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "the medium term": "FUTURE_REF", "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "to date": "PRESENT_REF",
    # "in recent years" measures a stretch of unsaid length (TimeBank and MEANTIME: PXY), not a point.
    "recent years": "PXY", "recent months": "PXM", "recent weeks": "PXW", "recent days": "PXD",
    "the coming days": "FUTURE_REF", "the coming weeks": "FUTURE_REF",
    "the coming months": "FUTURE_REF", "the coming years": "FUTURE_REF", "the days ahead": "FUTURE_REF",
    "the weeks ahead": "FUTURE_REF", "the months ahead": "FUTURE_REF", "the years ahead": "FUTURE_REF",
    "coming days": "FUTURE_REF", "coming weeks": "FUTURE_REF", "coming months": "FUTURE_REF",
    "coming years": "FUTURE_REF",
    "right now": "PRESENT_REF", "as soon as possible": "FUTURE_REF",
    # "the then current price": the present of a past moment
    "then current": "PAST_REF", "then-current": "PAST_REF",
}
# Reference words that are not times in these uses: "now that" and "now-defunct" (a conjunction and
# a prefix), a discourse "Now," opening a sentence, and "as soon as" followed by a clause.
NOT_REF_AFTER = {"now": ("-", " that"), "soon": (" as", " after", " before"), "current": (" account", " affairs", " events")}
NOT_REF_BEFORE = {"soon": ("as",)}

# Periodic adjectives/adverbs: TIMEX3 SETs whose value is the period.
SET_WORDS: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annual": "P1Y", "annually": "P1Y",
    "yearly": "P1Y", "quarterly": "P1Q", "biannual": "P6M", "hourly": "PT1H",
}

# Time zones written after a clock time; those equal to UTC get a "Z".
UTC_ZONES = frozenset({"UTC", "GMT", "Z"})
TIME_ZONES = frozenset({"UTC", "GMT", "Z", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT",
                        "PT", "PST", "PDT", "BST", "CET", "CEST", "ICT", "JST", "IST", "AEST", "AEDT"})

# Text before "a year", "a week" that makes it a rate, not a length of time: "$2 million a year",
# "24 hours a day", "four flights a week", "twice a month".
RATE_BEFORE = re.compile(r"(?:\d|\b(?:million|billion|thousand|hundred|percent|times|twice|once|flights|"
                         r"seats|units|cents|dollars|hours|minutes|miles))\s*$", re.IGNORECASE)
# "a second", "a quarter": an ordinal or a fraction, not one unit of time.
UNITS_NOT_WITH_A = frozenset({"second", "quarter", "min", "hr"})
# Capitalized words that may stand before a year mid-sentence ("Summer 2023", "Since 2019").
YEAR_CUE_WORDS = frozenset({"in", "since", "by", "until", "from", "of", "to", "before", "after", "during",
                            "early", "late", "mid", "around", "through", "and", "or", "between", "than",
                            "the", "for", "on", "at", "spring", "summer", "autumn", "fall", "winter",
                            "christmas", "easter", "ramadan", "tet"})

# Words right before a number that make it a label, not a year: "Copyright 2024", "No. 1989".
NOT_YEAR_BEFORE = frozenset({"©", "copyright", "(c)", "no", "no.", "number", "#", "article", "art",
                             "page", "pages", "p", "pp", "route", "flight", "model", "room", "suite",
                             "version", "v", "iso", "rule", "clause", "paragraph", "section", "item"})
# Nouns after a number that make it a count or a measure: "2000 people", "1500 km".
NOT_YEAR_AFTER = frozenset({"%", "percent", "per", "km", "kilometers", "kilometres", "miles", "mph",
                            "kg", "tons", "tonnes", "meters", "metres", "feet", "yards", "points", "votes",
                            "seats", "pages", "words", "units", "times", "m", "cc"})

# Cues that a clause is about the future (weekday/month resolution looks forward).
FUTURE_CUES = frozenset({"will", "shall", "'ll", "wo", "going", "expected", "scheduled", "due", "set",
                         "plans", "plan", "planned", "intends", "aims", "upcoming", "next", "until", "till",
                         "expect", "schedule", "intend", "aim"})
# Words a date hangs from that point it forward whatever the clause's tense ("declared a dividend
# payable Dec. 7", "a loan due in March", "named him chairman, effective Feb. 1": an announcement
# names the day a change will start to apply).
FUTURE_HEADS = frozenset({"payable", "due", "upcoming", "effective"})
# Words just before a time expression that point it forward ("until Friday", "next Tuesday").
FUTURE_WINDOW = frozenset({"until", "till", "next", "upcoming"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have"})
PRESENT_AUX = frozenset({"is", "are", "be", "am", "'s", "'re"})   # present passive: "is expected in May"
# Words before "spring"/"fall" that make them seasons; before a bare "10:30" that make it a clock time.
SEASON_CUES = frozenset({"in", "this", "last", "next", "early", "late", "during", "since", "until", "mid"})
CLOCK_CUES = frozenset({"at", "by", "until", "before", "after", "around", "from", "to"})
# Before a bare plural unit ("for years", "over the years") that makes it a vague duration.
VAGUE_CUES = ("for", "in", "within", "over the", "after", "than", "took", "spanning", "through")
# Before "the day" that make it a time ("end the day", "for the day"), not a noun ("the day he died").
THE_DAY_CUES = frozenset({"for", "of", "end", "during", "on", "in", "finish", "close", "start", "begin", "open"})
# Modals leave the time open: the nearest reading wins.
MODALS = frozenset({"should", "would", "could", "may", "might", "must", "can", "ca"})
# How far a past-tense clause may still point past the anchor (late updates, embargoed copy).
TENSE_SLACK_DAYS = 31

# Words after "N units before/after" that show it measures a gap to an event ("two months before his trip").
GAP_WORDS = ("ago", "before", "after", "earlier", "later", "prior")
# How many characters back a "two months later" may look for the date it counts from.
REFERENCE_WINDOW = 400

# A dateline: a full date alone on a short line near the top ("March 9, 2025", "By A. Writer | 14 August 2025"),
# or right before the dash that opens the story ("(City, May 12, 2025) –").
DATELINE_HEAD_CHARS = 800
DATELINE_MAX_LINE = 90
DATELINE_DASH = re.compile(r"\s*\)?\s*[–—-]")
