"""Text cues that reveal an article's metadata, as named patterns (used by metadata.py)."""
from __future__ import annotations

import re

MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_NAME_WORD = r"[A-Z][\w'’.-]*"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}"

# "March 11, 2024", "March 1", "11 March 2024", "2024-03-11"
DATE_PATTERN = re.compile(
    rf"(?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)"
    rf"|\b(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|\b(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>\d{{4}}))?")

UPDATED_LINE = re.compile(
    r"^\s*(?:last\s+)?(?:updated|modified)(?:\s+on)?[:\s]+(?P<date>.{6,60})$", re.IGNORECASE | re.MULTILINE)

PUBLISHED_CUES = [
    re.compile(r"\bpublication of this (?:article|story|report|piece) on (?P<date>"
               rf"{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)", re.IGNORECASE),
    re.compile(r"\b(?:first|originally) (?:published|posted)(?: on)? (?P<date>"
               rf"{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)", re.IGNORECASE),
    re.compile(r"^\s*(?:published|posted)(?:\s+on)?[:\s]+(?P<date>.{6,60})$", re.IGNORECASE | re.MULTILINE),
]

# "Copyright 2024 Name." / "© 2024 Name" -> the owner.
COPYRIGHT_OWNER = re.compile(
    r"^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}(?:\s*[-–]\s*\d{4})?,?\s+"
    r"(?P<owner>[^\n.,;|]{2,60}?)\s*(?:[.,;|]|\s+-\s+|\s+all rights|$)",
    re.IGNORECASE | re.MULTILINE)

# The outlet as the one who was told something: "told Name", "statement to Name".
OUTLET_RECIPIENT = re.compile(
    r"\b(?:told|telling|tells|tell|said to|speaking to|spoke to|in an interview with|interviewed by"
    r"|(?:a |an |its |their )?statement (?:sent )?to|requests? for comment from|questions from|comment to)"
    rf"\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})")
# "Name's emailed questions"
OUTLET_POSSESSIVE = re.compile(
    rf"\b(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})['’]s\s+(?:emailed\s+|written\s+)?"
    r"(?:questions|requests? for comment|inquir(?:y|ies)|queries)")

# Words that mark a name as a news organisation rather than a person.
MEDIA_WORDS = {
    "radio", "news", "times", "post", "press", "tv", "television", "journal", "agency", "broadcasting",
    "herald", "tribune", "daily", "network", "service", "wire", "gazette", "telegraph", "guardian",
    "magazine", "media", "channel", "reuters", "bbc", "cnn", "observer", "review", "chronicle", "express",
    "report", "ledger", "courier", "monitor", "standard", "independent", "mirror", "sun", "star", "globe",
    "dispatch", "bulletin", "today", "weekly", "online", "ap",
}

BYLINE_OPENING = re.compile(rf"^By\s+(?P<name>{_NAME})(?:\s*(?:,|and|\|).*)?$")
BYLINE_CLOSING = re.compile(
    rf"^(?P<name>{_NAME}) (?:is|was|has been) (?:a|an|the|our|(?P<owner>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})['’]s) (?:[\w-]+\s){{0,4}}?"
    r"(?:correspondent|reporter|journalist|writer|editor|columnist|contributor|producer|freelancer"
    r"|bureau chief|staff writer|analyst)\b"
    rf"(?:.*?\b(?:with|for|at|of)\s+(?P<org>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}?)(?:['’]s\b|[.,]|\s+[a-z]))?")

# "Name reports on Russia for the Ledger." / "Name writes for The Daily Lantern."
BYLINE_BEAT = re.compile(
    rf"^(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}) (?:reports|writes|covers|reported|wrote) .{{0,100}}?"
    rf"\bfor (?:the |The )?(?P<org>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}?)\.?$")
# Wire datelines: "CITY, Country (AP) —", "CITY, July 22 (Reuters) -"
WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,40})?\s*\((?P<agency>[A-Z][\w&-]{1,20})\)\s*[—–-]", re.MULTILINE)
# A parenthesised dateline opening a release: "(Beirut, May 12, 2025) –"
PAREN_DATELINE = re.compile(r"^\((?:[A-Z][\w .'’-]{1,40}),\s*(?P<date>[^)]{6,30})\)\s*[—–-]", re.MULTILINE)
# A header line that is a date, possibly with a weekday, a label or a masthead: "Saturday 11 October 2025",
# "Central America Report | 14 August 2025".
HEADER_DATE_MAX_CHARS = 80
HEADER_DATE_MAX_OTHER_WORDS = 5
HEADER_LINES = 10
MASTHEAD_SEPARATORS = re.compile(r"\s+[|•·]\s+|\s+[—–-]\s+")

YEAR = re.compile(r"(?<![\w-])((?:19|20)\d{2})(?![\w-])")
# Dates written without a year, or relative to the year: they imply the current year.
# Phrases that put a year before the one the article was written in.
LAST_YEAR_CUES = re.compile(r"\b(?:last|previous|past) year\b", re.IGNORECASE)
