"""The surface grammar of time expressions: regexes over the text, built from the lexicon.

``find(text)`` returns non-overlapping ``Span``s (longest first) with the named groups each
rule captured; ``times_resolve`` turns them into TIMEX3 values. Extents follow TIMEX3:
a leading preposition ("in", "on", "at") is left out, "the" and modifiers are kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..concepts import numbers
from .lexicon import times as L


@dataclass
class Span:
    start: int
    end: int
    kind: str
    groups: dict[str, Any] = field(default_factory=dict)   # the rule's named groups, plus joined parts
    priority: int = 0


def _alt(words, *, cap: bool = False) -> str:
    """An alternation of words, longest first; ``cap`` demands a capital initial (month names)."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        e = re.escape(w)
        out.append(f"(?:{w[0].upper()}{re.escape(w[1:])}|{w.upper()})" if cap else e)
    return "(?:" + "|".join(out) + ")"


def _month_alt() -> str:
    """Full month names, and abbreviations with an optional period ("Sept.", "Aug")."""
    out = []
    for w in sorted(L.MONTHS, key=len, reverse=True):
        dot = r"\.?" if len(w) <= 4 and w not in ("may", "june", "july") else ""
        out.append(f"(?:{w[0].upper()}{w[1:]}|{w.upper()}){dot}")
    return "(?:" + "|".join(out) + ")"


MONTH = "(?P<month>" + _month_alt() + ")"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# A year read out, as broadcast transcripts write it: "nineteen ninety-six", "the year two thousand".
SPOKEN_YEAR = (rf"(?i:nineteen[\s-](?:{_TEENS}|(?:{_TENS})(?:[\s-](?:{_UNITS}))?|hundred)\b"
               rf"|the\s+year\s+two\s+thousand(?:(?:\s+and)?[\s-](?:{_TEENS}|{_UNITS}))?\b)")
YEAR = r"(?P<year>(?:1[89]|20)\d\d(?![\d%])|" + SPOKEN_YEAR + ")"   # 1800-2099: other 4-digit numbers are not years
WEEKDAY = r"(?P<weekday>" + _alt(L.WEEKDAYS, cap=True) + ")"
NUM_WORD = _alt([w for w in L.NUMBER_WORDS if " " not in w])
NUMBER = (r"(?<![\d,.])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+|\s+1/2)?|" + r"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]"
          r"(?:one|two|three|four|five|six|seven|eight|nine)|half an?|a couple of|a dozen|"
          + _alt(L.VAGUE_QUANTITIES) + "|" + NUM_WORD + "))")
UNIT = r"(?P<unit>(?i:" + _alt(L.UNITS) + r"))(?P<plural>(?i:s|es))?"
FILLER = r"(?:(?i:" + _alt(L.UNIT_FILLERS) + r")\s+)?"
POD = r"(?P<pod>(?i:" + _alt(L.PARTS_OF_DAY) + "))"
REL = r"(?P<rel>(?i:" + _alt(L.RELATIVE_OFFSETS) + "))"
TZ = r"(?P<tz>" + _alt(L.TIME_ZONES) + r")\b"
AMPM = r"(?P<ampm>[aApP]\.?[mM]\.?)"
SEASON = r"(?P<season>(?i:" + _alt(L.SEASONS) + "))"
ORD = r"(?P<ord>(?i:" + _alt(L.QUARTER_ORDINALS) + "))"
def _holiday_alt() -> str:
    """Holiday names as written in news: each word capitalized, either apostrophe."""
    names = sorted(L.HOLIDAYS, key=len, reverse=True)
    words = (r"\s+".join(w[0].upper() + re.escape(w[1:]).replace("'", "['’]") for w in n.split()) for n in names)
    return "(?:" + "|".join(words) + ")"


HOLIDAY = "(?P<holiday>" + _holiday_alt() + ")"
PERIOD = r"(?P<unit>(?i:quarter|period|half|month))"
B = r"(?<![\w$€£#@/.-])"          # start of a word that is not part of a number/code/URL

# (kind, pattern, priority): priority breaks ties between equally long matches.
RULES: list[tuple[str, str, int]] = [
    ("iso", r"(?<![\w-])(?P<year>\d{4})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?![\w-])", 9),
    ("numeric", r"(?<![\w/.-])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\w/])", 9),
    ("weekday_date", WEEKDAY + r",?\s+" + MONTH + r"\s+" + DAY + r"(?:,?\s+" + YEAR + ")?", 8),
    ("weekday_dmy", WEEKDAY + r",?\s+" + DAY + r"\s+" + MONTH + r"(?:,?\s+" + YEAR + ")?", 8),
    ("mdy", r"\b" + MONTH + r"\s+" + DAY + r"(?:,\s*|\s+)" + YEAR, 8),
    ("dmy", B + DAY + r"(?:\s+of)?\s+" + MONTH + r",?\s+" + YEAR, 8),
    ("my", r"\b" + MONTH + r",?\s+(?:of\s+)?" + YEAR, 7),
    ("md", r"\b(?:" + REL + r"\s+)?" + MONTH + r"\s+" + DAY + r"(?![\d:,.]\d)", 6),
    ("dm", B + r"(?:(?i:the)\s+)?" + DAY + r"(?:\s+(?i:of))?\s+" + MONTH + r"\b", 6),
    # "June last year" is one expression; in "October of next year" the year is a phrase of its own.
    ("month", r"\b(?:" + REL + r"\s+)?" + MONTH + r"\b(?:\s+(?P<yrel>(?i:last|this|next))\s+(?i:year)\b|(?=\s+(?i:of)\s+"
     r"(?P<ofyrel>(?i:last|this|next))\s+(?i:year)\b))?", 3),
    ("weekof", r"\b(?i:the)\s+(?i:week)\s+(?i:of)\s+" + MONTH + r"\s+" + DAY + r"(?:,?\s+" + YEAR + r")?", 7),
    ("posunit", r"\b(?i:the)\s+(?:(?i:very)\s+)?(?P<pos>(?i:end|beginning|start|middle|close))\s+(?i:of)\s+(?i:the)\s+"
     r"(?P<unit>(?i:day|week|month|year))\b", 4),
    # "the first two quarters of 1990": a named part of that year (its first half)
    ("partof", r"\b(?i:the)\s+(?P<pos>(?i:first|last))\s+(?P<n>(?i:two|three|six|2|3|6))\s+(?P<unit>(?i:quarters|months))\s+"
     r"(?i:of)\s+" + YEAR + r"\b", 6),
    # "earlier in the year": a part of the unit the story is in ("later in the day" is left to "the day")
    ("posunit", r"\b(?P<pos>(?i:early|earlier|late|later|mid))\s+(?i:in)\s+(?i:the)\s+(?P<unit>(?i:week|month|year))\b", 4),
    # "Mondays", "Tuesday nights", and the first of "Monday and Tuesday nights" say how often (a SET)
    ("weekday", r"\b(?:" + REL + r"\s+)?" + WEEKDAY + r"(?:(?P<every>s)|\s+" + POD + r"(?P<pods>s)?)?\b(?=\s+(?:and|or)\s+"
     + _alt(L.WEEKDAYS, cap=True) + r"\s+(?P<sharedpod>(?i:" + _alt(L.PARTS_OF_DAY) + r"))s\b)?", 5),
    ("holiday", r"\b(?:" + REL + r"\s+)?" + HOLIDAY + r"(?:\s+(?P<hweek>(?i:week)))?(?:,?\s+(?:(?i:of)\s+)?" + YEAR
     + r")?\b", 6),
    ("season", r"\b(?:(?i:the)\s+)?(?:" + REL + r"\s+)?" + SEASON + r"(?:\s+(?:(?i:of)\s+)?" + YEAR + r")?\b", 4),
    ("quarter", r"\b(?:(?i:the)\s+)?" + ORD + r"[\s-](?i:(?P<qh>quarter|half))(?:\s+(?i:of)\s+(?:(?i:the\s+)?"
     r"(?P<qrel>(?i:last|this|next|previous|current))\s+(?i:year)|" + YEAR + r"))?\b", 6),
    ("qn", r"\b(?P<qh>[QH])(?P<ord>[1-4])(?:\s+|/)?" + r"(?:" + YEAR + r")?\b", 6),
    # A period compared with the same one a year before: "year-earlier profit", "the year-ago quarter",
    # "the same period last year", "last year's quarter", "the 1988 quarter".
    ("compared", r"\b(?:(?i:the)\s+)?(?:(?i:same|comparable|corresponding)\s+)?(?i:year-(?:earlier|ago))(?:\s+(?:"
     + ORD + r"[\s-])?" + PERIOD + r"\b)?", 6),
    ("compared", r"\b(?i:the)\s+(?:(?i:same|comparable|corresponding)\s+)?" + PERIOD + r"\s+(?:(?i:of)\s+)?(?:(?i:a)\s+"
     r"(?i:year)\s+(?i:ago|earlier|before)|(?:(?i:the)\s+)?(?i:last|previous|prior)\s+(?i:year))\b", 7),
    ("compared", r"\b(?i:last)\s+(?i:year)['’]s\s+(?:" + ORD + r"[\s-])?" + PERIOD + r"\b", 7),
    ("compared", r"\b(?i:the)\s+" + YEAR + r"\s+(?:" + ORD + r"[\s-])?" + PERIOD + r"\b", 7),
    # "the latest quarter": the last one a report covers
    ("latest", r"\b(?:(?i:the)\s+)?(?i:latest|most\s+recent)\s+(?:(?i:fiscal)\s+)?(?P<unit>(?i:quarter|period|half|year|month"
     r"|week))\b", 5),
    # "the quarter", "the quarter ended July 31": the one a report is about; not "the quarter of a century"
    ("thequarter", r"\b(?i:the)\s+(?:(?i:fiscal)\s+)?(?i:quarter)\b(?!\s+(?i:of)\b|-)(?:(?=\s+(?i:ended|ending)\s+(?:(?i:on)\s+)?"
     + MONTH + r"\s+[0-3]?\d\b))?", 3),
    # "the year ended March 31": a fiscal year, named by its end
    ("yearended", r"\b(?i:the)\s+(?:(?i:fiscal|financial)\s+)?(?i:year)(?=\s+(?i:ended|ending)\s+(?:(?i:on)\s+)?(?:"
     + MONTH + r"\s+" + DAY + r"(?:,?\s+" + YEAR + r")?|(?i:today|tomorrow|yesterday)\b))", 5),
    ("relunit", r"\b(?:(?i:the)\s+)?" + REL + r"\s+(?:(?i:fiscal)\s+)?(?P<unit>(?i:weekend|week|month|year|quarter|decade|century))\b", 5),
    # "the year before", "the month previous": counted back from the date the story is at
    ("unitbefore", r"\b(?i:the)\s+(?P<unit>(?i:week|month|year))\s+(?P<rel>(?i:before|previous|prior|earlier))"
     r"(?=\s*[,.;:!?)]|\s*$)", 5),
    ("relday", r"\b(?i:the)\s+(?P<rel>(?i:next|following|previous|preceding|prior))\s+(?:(?i:day)|" + POD + r")\b|\b(?i:the)\s+"
     r"(?i:day)\s+(?P<rel2>(?i:before|after))(?=\s*[,.;:!?)]|\s*$)", 5),
    # "the day before last Tuesday('s hearing)": joined to the day after it (times._join), one day off it
    ("daybefore", r"\b(?i:the)\s+(?i:day)\s+(?P<rel2>(?i:before|after))(?=\s+(?:(?i:last|next|this)\s+)?(?:"
     + _alt(L.WEEKDAYS, cap=True) + r"|" + _month_alt() + r"\s+\d|(?i:yesterday|today|tomorrow))\b)", 5),
    ("weekend", r"\b(?P<prev>(?i:over|during|at|on|this|last|next))\s+(?P<core>(?:(?i:the)\s+)?(?i:weekend))\b", 4),
    ("every", r"\b(?i:every|each)\s+(?:(?i:other)\s+)?(?:(?P<unit>(?i:day|week|month|quarter|year|morning|evening|night|"
     + _alt(L.WEEKDAYS, cap=True) + r"))|" + MONTH + r")\b", 6),
    ("firstunit", r"\b(?i:the)\s+(?i:first|initial|opening)\s+(?P<unit>(?i:day|week|month|year|hour))\b(?!\s+of\s+[A-Z\d])", 4),
    ("dayword", r"\b(?:(?P<wh>(?i:earlier|later))\s+)?(?:(?:(?i:mid|late|early)[\s-]?)?(?P<pod0>(?i:morning|afternoon|evening|"
     r"night))\s+)?(?P<dw>(?i:today|tonight|yesterday|tomorrow))"
     r"(?:\s+" + POD + r")?\b(?!'(?!s\b))", 5),
    ("thispod", r"\b(?:(?P<rel>(?i:this|last))\s+|(?P<mid>(?i:mid))(?:[\s-]|(?=(?i:morning|afternoon|evening))))" + POD
     + r"\b", 4),   # "this morning", "mid-afternoon"; not "midnight"
    # "raided the house in the morning": the morning of the day the story is at ("in the" is context)
    ("thepod", r"(?<!\d\s)\b(?i:in|during)\s+(?P<core>(?i:the)\s+" + POD + r")\b(?!\s+(?i:of|after|before|when|that|hours)\b)", 3),
    ("duration", r"\b(?:(?i:the)\s+(?P<span>(?i:past|last|next|coming|first|previous|following))\s+)?" + NUMBER
     + r"(?:\s+(?i:and\s+a\s+half))?(?P<sep>\s+|-)" + FILLER + UNIT + r"(?:\s+(?i:and\s+a\s+half))?\b(?!-old|\s+old\b|-?\d)", 5),
    ("vague", r"\b(?P<prev>(?i:" + _alt(L.VAGUE_CUES) + r")\s+)(?P<unit>(?i:years|decades"
     r"|months|weeks|days|hours|minutes))\b(?!\s+(?i:of|old|ago))", 2),
    ("vaguelong", r"\b(?P<unit>(?i:years|decades|months|weeks|days))-long\b", 3),
    # "the 1990s", "the '80s", "the 80s"; not "in his 50s" (an age).
    ("decade", r"\b(?i:the)\s+(?:(?i:early|mid|late)[\s-]+)?(?P<decw>(?i:twenties|thirties|forties|fifties|sixties|"
     r"seventies|eighties|nineties))\b|(?<![\w$])(?:(?i:the)\s+)?(?P<dec>(?:1[89]|20)\d)0'?s\b|(?<![\w$])(?:(?i:the)\s+['’]?|['’])"
     r"(?P<dec2>\d)0'?s\b", 4),
    ("shortyear", r"(?:(?<![\w'’])|(?<=\bsince)|(?<=\buntil))['’](?P<yy>\d\d)\b(?!['’s])", 2),   # "since'82", not "iLife'11"
    # "mid-2011", "2020-2022", "post-1959 politics"
    ("year", r"(?:(?<=[mM]id-)|(?<=[pP]ost-)|(?<=[pP]re-)|(?<=\d{4}[-–])|" + B + ")" + YEAR + r"\b", 1),
    # "the 20th century", "the eleventh century"
    ("century", r"\b(?:(?i:the)\s+)?(?P<cent>[12]?\d)(?:st|nd|rd|th)[\s-](?i:century)\b|\b(?:(?i:the)\s+)?(?P<centw>(?i:"
     + _alt(numbers.ORDINALS) + r"))[\s-](?i:century)\b", 5),
    # the second day of "April 24 and 25": the month is written once
    ("dayand", r"\b" + MONTH + r"\s+[0-3]?\d(?:st|nd|rd|th)?\s+(?i:and|or|to|through)\s+(?P<core>" + DAY
     + r")(?!\s*(?:%|[.,:]\d|(?i:" + _alt(set(L.NOT_YEAR_AFTER) | set(L.UNITS) | set(L.MONTHS)) + r")))", 4),
    ("clock", r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d%])(?:\s*" + AMPM + r")?(?:\s+" + TZ + r")?", 4),
    ("clockdot", r"\b(?P<h>1[0-2]|0?[1-9])\.(?P<mi>[0-5]\d)\s*" + AMPM + r"(?:\s+" + TZ + r")?", 4),
    ("clockh", r"\b(?P<h>1[0-2]|0?[1-9])\s*" + AMPM + r"(?!\w)(?:\s+" + TZ + r")?", 4),
    ("clock4", r"\b(?P<hm>[012]\d[0-5]\d)\s+" + TZ, 4),
    ("noon", r"\b(?P<noon>(?i:noon|midnight|midday))\b", 3),
    ("ref", r"\b(?P<ref>(?i:" + _alt(L.REF_PHRASES) + r"|" + _alt(L.REF_WORDS) + r"))\b(?!-)", 2),
    ("set", r"\b(?P<set>(?i:" + _alt(L.SET_WORDS) + r"))\b(?!-)", 2),
    # "said at the time": a past moment the story already set (TempEval: PAST_REF); the preposition is context
    ("thetime", r"\b(?i:at)\s+(?P<core>(?i:the|that)\s+(?i:time))\b(?!\s+(?i:of|when|that|being)\b)", 3),
    ("sameday", r"\b(?P<det>(?i:the\s+same|that\s+same|that|the))\s+(?P<unit>(?i:day|week|month|year))\b(?!['’-])", 1),
]


COMPILED = [(kind, re.compile(p), prio) for kind, p, prio in RULES]

# Words without which a rule cannot match: most articles hold none of them for most rules, and
# a substring test is far cheaper than running the rule's regex over the whole text.
# (kind -> (words, case-sensitive?)); each word is one the rule's pattern holds literally.
_ANCHORS: dict[str, tuple[tuple[str, ...], bool]] = {
    "weekday": (tuple(f for w in L.WEEKDAYS for f in (w[0].upper() + w[1:], w.upper())), True),
    "season": (tuple(L.SEASONS), False),
    "holiday": (tuple({n.split()[0].split("'")[0] for n in L.HOLIDAYS}), False),
    "quarter": (("quarter", "half"), False),
    "compared": (("year-earlier", "year-ago", "year ago", "year earlier", "year before", "year's", "last year",
                  "previous year", "prior year", "quarter", "period", "half"), False),
    "posunit": (("end", "beginning", "start", "middle", "close", " in the "), False),
    "weekend": (("weekend",), False),
    "latest": (("latest", "most recent"), False),
    "thequarter": (("quarter",), False),
    "century": (("century",), False),
    "daybefore": (("day before", "day after"), False),
    "partof": ((" quarters of ", " months of "), False),
    "yearended": ((" ended ", " ending "), False),
    "dayand": ((" and ", " or ", " to ", " through "), False),
    "every": (("every", "each"), False),
    "weekof": (("week of",), False),
    "firstunit": (("first", "initial", "opening"), False),
    "dayword": (("today", "tonight", "yesterday", "tomorrow"), False),
    "thispod": (tuple(L.PARTS_OF_DAY), False),
    "thepod": (tuple(f"the {w}" for w in L.PARTS_OF_DAY), False),
    "vague": (("years", "decades", "months", "weeks", "days", "hours", "minutes"), False),
    "vaguelong": (("-long",), True),
    "decade": (("0s", "0's", "ties"), False),
    "noon": (("noon", "midnight", "midday"), False),
    "set": (tuple(L.SET_WORDS), False),
}
# Characters a case-insensitive pattern matches to an ASCII letter although their lower case is
# not that letter ("ſ" matches "s"): with any of them in the text, every rule is run.
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
_SPACES = re.compile(r"\s+")


def _rules_for(text: str) -> list[tuple[str, re.Pattern, int]]:
    """The rules that can match somewhere in text (the others lack a word they need)."""
    if not _FOLDS_TO_ASCII.isdisjoint(text):
        return COMPILED
    # the rules allow any run of whitespace where an anchor has one space ("in the\n morning")
    text = _SPACES.sub(" ", text)
    low = text.lower()
    out = []
    for rule in COMPILED:
        anchor = _ANCHORS.get(rule[0])
        if anchor is not None:
            words, exact = anchor
            hay = text if exact else low
            if not any(w in hay for w in words):
                continue
        out.append(rule)
    return out

# Left and right context that joins an expression's extent.
POSITION_LEFT = re.compile(r"(?:\b(?i:the)\s+(?:(?i:very)\s+)?(?P<pos>(?i:end|beginning|start|middle|close))\s+"
                           r"(?i:of)\s+(?:(?i:the)\s+)?|\b(?P<adj>(?i:early|late|mid|earlier|later))(?:\s+|-))$")
APPROX_LEFT = re.compile(r"\b(?P<approx>(?i:" + _alt(L.APPROXIMATORS) + r"))\s+$")
OPEN_RIGHT = re.compile(r"^\s+(?:and|or)\s+(?P<open>(?i:beyond|later|earlier|sooner))(?=\s*(?:[,.;:!?)\"'’”]|$))")
GAP_RIGHT = re.compile(r"^(?:\s+(?i:or\s+so))?\s+(?P<gap>(?i:" + _alt(L.GAP_WORDS) + r"))\b")   # "a week or so ago"


_NAME_NEXT = re.compile(r" [A-Z][a-z]")        # a capitalized word right after: part of a name


def _month_ok(sp: Span, prev: str, after: str) -> bool:
    """A bare month needs a cue when it is also a word or a first name ("May God", "June Smith");
    an abbreviation without its period before a capitalized word is a name whatever the cue ("Jan Novak")."""
    word = sp.groups["month"]
    if len(word) <= 4 and word[-1] != "." and word.lower() not in ("may", "june", "july") and _NAME_NEXT.match(after):
        return False
    if sp.groups.get("rel") or sp.groups.get("yrel") or sp.groups.get("ofyrel") or prev.rstrip("-") in L.MONTH_CUES:
        return True
    return sp.groups["month"].lower().rstrip(".") not in L.AMBIGUOUS_MONTHS and not _NAME_NEXT.match(after)


def _season_ok(sp: Span, prev: str, after: str) -> bool:
    g = sp.groups
    if g["season"][0].isupper() and _NAME_NEXT.match(after):
        return False                              # "the Summer Games"
    if g["season"].lower() in L.AMBIGUOUS_SEASONS and not (g.get("rel") or g.get("year")):
        return prev in L.SEASON_CUES and not re.match(r"\s+of\s+[A-Z]", after)   # not "the fall of Kabul"
    return True


def _duration_ok(sp: Span, prev: str, after: str, before: str) -> bool:
    g = sp.groups
    if g["unit"][0].isupper() and not g["num"][0].isupper():
        return False                              # "a Day of Action"
    if g["unit"].lower().startswith("quarter") and (
            (g["num"].isdigit() and int(g["num"]) > 100) or (g["sep"] == "-" and after.startswith(" of"))):
        return False                              # "the 1988 quarter", "three-quarters of its food"
    return not (g["num"].lower() in ("a", "an") and g["unit"].lower() in L.UNITS_NOT_WITH_A)


_COUNT_AFTER = re.compile(r"\s+(?:\d|(?i:few|several|couple|" + NUM_WORD + r")\b)")


def _ref_ok(word: str, prev: str, after: str, before: str) -> bool:
    if word == "now" and after.startswith(",") and re.search(r"(?:^|[.!?\n]\W*)\s*$", before):
        return False                              # a discourse "Now, ..." opening a sentence
    if word in ("the past", "the future") and _COUNT_AFTER.match(after):
        return False                              # "the past three summers" counts summers, it is not the past
    return not (after.startswith(L.NOT_REF_AFTER.get(word, ())) or prev in L.NOT_REF_BEFORE.get(word, ()))


# An acronym, or a "The" inside a sentence, right before a capitalized "Today": a title ("KLX Today",
# "XYZ Today", "on The Tonight Hour").
_TITLE_BEFORE = re.compile(r"(?:\b[A-Z]{2,}|(?<=[a-z,] )The)\s+$")


def _dayword_ok(sp: Span, before: str) -> bool:
    word = sp.groups["dw"]
    return not (word[0].isupper() and not word.isupper() and _TITLE_BEFORE.search(before))


_CHECKS = {
    "year": lambda sp, prev, after, before: not _not_a_year(before, after, prev),
    "month": lambda sp, prev, after, before: _month_ok(sp, prev, after),
    "season": lambda sp, prev, after, before: _season_ok(sp, prev, after),
    "duration": lambda sp, prev, after, before: _duration_ok(sp, prev, after, before),
    # a bare "10:30" is a clock time only after "at", "by", ...; "2.36" never is
    "clock": lambda sp, prev, after, before: bool(sp.groups.get("ampm") or sp.groups.get("tz")) or prev in L.CLOCK_CUES,
    "ref": lambda sp, prev, after, before: _ref_ok(sp.groups["ref"].lower(), prev, after, before),
    # "At the time he was arrested, ..." opens a clause: a conjunction, not a time
    "dayword": lambda sp, prev, after, before: _dayword_ok(sp, before),
    "noon": lambda sp, prev, after, before: prev != "high",          # "high noon", the showdown
    "thetime": lambda sp, prev, after, before: not (re.search(r"(?:^|[.!?\n][\"'’”)]*)\s*(?i:at)\s+$", before)
                                                    and not after.startswith(",")),
    "sameday": lambda sp, prev, after, before: (sp.groups["det"].lower() != "the"
                                                or (prev in L.THE_DAY_CUES and sp.groups["unit"].lower() == "day")),
}


def _reject(text: str, sp: Span) -> bool:
    """Filters that need a look around the match: labels, counts, names, ambiguous words."""
    check = _CHECKS.get(sp.kind)
    if check is None:
        return False
    before = text[max(0, sp.start - 16):sp.start]
    prev = (re.findall(r"[\w©#().]+", before) or [""])[-1].lower()
    return not check(sp, prev, text[sp.end:sp.end + 14], before)


def _not_a_year(before: str, after: str, prev_word: str) -> bool:
    """A bare 4-digit number that is a label ("Copyright 2024", "Index 2000"), a count ("2000 people")
    or part of a figure."""
    if prev_word in L.NOT_YEAR_BEFORE or before.rstrip().endswith(("©", "#")):
        return True
    m = re.search(r"(?:^|[^.!?:\n\s])\s+([A-Z][\w.]*)\s+$", before)
    if (m and re.match(r"[ \t]+[A-Z]", after) and m.group(1).lower().rstrip(".") not in L.MONTHS
            and m.group(1).lower() not in L.YEAR_CUE_WORDS):
        return True                           # a number inside a name: "the Russell 2000 Index"
    nxt = (re.findall(r"[\w%]+", after) or [""])[0].lower()
    if nxt in L.NOT_YEAR_AFTER:
        return True
    # part of a figure, a code or a digit group: "2,023", "2023/HS-ST", "+84 24 3825 2023"
    return bool(re.match(r"[,.:]\d|/\w", after) or re.search(r"\d[,.:]$|\d\s$", before))


def _is_rate(text: str, sp: Span) -> bool:
    """"a year" after an amount is a rate ("$2 million a year", "four flights a week"), a TIMEX3 SET."""
    g = sp.groups
    return (sp.kind == "duration" and g["num"].lower() in ("a", "an") and "gap" not in g and "span" not in g
            and bool(L.RATE_BEFORE.search(text[max(0, sp.start - 16):sp.start])))


def find(text: str) -> list[Span]:
    """All rule matches, filtered, then the longest non-overlapping ones in text order."""
    found: list[Span] = []
    for kind, rx, prio in _rules_for(text):
        for m in rx.finditer(text):
            sp = Span(m.start(), m.end(), kind, {k: v for k, v in m.groupdict().items() if v}, prio)
            if not sp.groups.get("year", "0").isdigit():
                sp.groups["year"] = spoken_year(sp.groups["year"])
            if ((sp.kind == "weekend" and sp.groups["prev"].lower() not in L.RELATIVE_OFFSETS)
                    or sp.kind in ("thetime", "dayand", "thepod")):
                sp.start = m.start("core")       # "over the weekend", "at the time": the preposition is context
            if sp.kind == "vague":           # the preposition is context, not extent
                sp.start = m.start("unit") if "over" not in sp.groups["prev"].lower() else m.start("prev")
            if not _reject(text, sp):
                found.append(sp)
    found.sort(key=lambda s: (-(s.end - s.start), -s.priority, s.start))
    chosen: list[Span] = []
    for sp in found:
        if all(sp.end <= c.start or sp.start >= c.end for c in chosen):
            chosen.append(sp)
    chosen.sort(key=lambda s: s.start)
    out = [_extend(text, sp) for sp in chosen]
    for sp in out:
        if _is_rate(text, sp):
            sp.groups["rate"] = True
    return out


def spoken_year(words: str) -> str:
    """"nineteen ninety-six" -> "1996"; "the year two thousand and one" -> "2001"."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w not in ("the", "year", "and")]
    if parts[:2] == ["two", "thousand"]:
        return str(2000 + sum(L.NUMBER_WORDS[w] for w in parts[2:]))
    rest = parts[1:]
    return str(1900 + (0 if rest == ["hundred"] else sum(L.NUMBER_WORDS[w] for w in rest)))


def _extend(text: str, sp: Span) -> Span:
    """Pull modifiers into the extent: "the end of", "early", "nearly"; "ago"/"later" after durations."""
    left = text[max(0, sp.start - 40):sp.start]
    if sp.kind in ("year", "my", "month", "season", "relunit", "quarter", "decade", "sameday", "century"):
        m = POSITION_LEFT.search(left)
        if m and not (sp.kind == "relunit" and sp.groups.get("rel", "").lower() in ("past",)):
            sp.start -= len(m.group(0))
            sp.groups["pos"] = (m.group("pos") or m.group("adj")).lower()
    if sp.kind in ("year", "my", "mdy", "month", "md", "season", "quarter", "decade", "relunit"):
        m = OPEN_RIGHT.match(text[sp.end:sp.end + 16])
        if m:                                     # "1990 and beyond", "1994 or later": TIMEX3 keeps the bound's word
            sp.end += m.end()
            sp.groups["open"] = m.group("open").lower()
    if sp.kind == "duration":
        m = APPROX_LEFT.search(left)
        if m and not sp.groups.get("span"):
            sp.start -= len(m.group(0))
            sp.groups["approx"] = m.group("approx").lower()
        m = GAP_RIGHT.match(text[sp.end:sp.end + 20])
        if m:
            sp.groups["gap"] = m.group("gap").lower()
            sp.end += m.end()
    return sp
