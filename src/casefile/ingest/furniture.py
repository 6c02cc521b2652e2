"""Patterns for site furniture: lines that belong to the page, not to the article.

Each pattern matches a whole line (after stripping). Kept as data so a new site's
widgets are one line here, with a test, not a new branch in the cleaner.
"""
from __future__ import annotations

import re

_I = re.IGNORECASE

# Media players, radio-station chrome, navigation.
PLAYER_LINES = [
    re.compile(r"play live radio", _I),
    re.compile(r"next up:?", _I),
    re.compile(r"(\d{1,2}:)?\d{1,2}:\d{2}(\s+(\d{1,2}:)?\d{1,2}:\d{2})*"),   # "0:00 0:00"
    re.compile(r"available on air stations", _I),
    re.compile(r"(listen|play|watch)( now| live)?( to this (article|story|episode))?"
               r"( [·•-] ?\d{1,2}:\d{2}( min)?)?", _I),
    re.compile(r"listen (to|on) .{0,40}", _I),
    re.compile(r"(skip to (main )?content|main menu|toggle navigation|close menu|open menu|menu)", _I),
    re.compile(r"(loading|loading\.\.\.|advertisement|sponsored( content)?)", _I),
    re.compile(r"(donate|support (us|our journalism|public radio))( today| now)?[.!]?", _I),
]

# Share, subscribe, follow and newsletter lines.
SHARE_LINES = [
    re.compile(r"(share|share this|share this (article|story|page))( on \w+)?:?", _I),
    re.compile(r"((share|post) on )?(facebook|twitter|x|linkedin|whatsapp|email|print|reddit|telegram)"
               r"([\s|·•,/]+(facebook|twitter|x|linkedin|whatsapp|email|print|reddit|telegram))*", _I),
    re.compile(r"(sign up|subscribe)( now| today)?( (for|to) (our|the) .{0,60})?[.!]?", _I),
    re.compile(r"follow us( on .{0,60})?", _I),
    re.compile(r"(read more|related( stories| coverage| articles)?|more from .{0,40}|see also):?", _I),
    re.compile(r"(click|tap) here.{0,80}", _I),
    re.compile(r"(we use cookies|this (site|website) uses cookies).{0,200}", _I),
]

# Copyright and station footers. Outlet names are read from these before removal.
COPYRIGHT_LINES = [
    re.compile(r"(©|\(c\)\s*\d{4}|copyright\s+(©\s*)?\d{4}).{0,120}", _I),
    re.compile(r"all rights reserved\.?.{0,80}", _I),
    re.compile(r".{0,80}\ball rights reserved\.?", _I),
]

# Photo credit lines that stand alone under a caption.
CREDIT_LINES = [
    re.compile(r"([A-Z][\w.&-]*( [A-Z][\w.&-]*){0,3} )?via (Getty Images|AP|Reuters|AFP)", 0),
    re.compile(r"(Getty Images|AP Photo|Reuters|AFP|EPA|Shutterstock)(/[\w .'-]{1,60})?", 0),
    re.compile(r"(photo|image|photograph)( credit)?:\s?.{1,80}", _I),
    # A staff photographer and the outlet: "Jane Doe/Outlet", "Jane Doe for Outlet".
    re.compile(r"[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3} ?/ ?[A-Z][\w&.'’-]*( [A-Z][\w&.'’-]*){0,4}", 0),
]

# Press-release furniture: embargo lines, contact blocks, end marks.
RELEASE_LINES = [
    re.compile(r"(for immediate release|embargoed( until .{1,60})?|media advisory|press release)[.:]?", _I),
    re.compile(r"for (more|further) information,?( please)? contact:?.{0,80}", _I),
    re.compile(r"(media )?contacts?:.{0,120}", _I),
    re.compile(r"(#{3}|-+ ?ends? ?-+|– ?ends? ?–|\*{3})", _I),
    # A short line that carries a phone number after a colon, or an e-mail address: a contact line.
    re.compile(r".{0,100}:\s*\+?\d[\d\s().-]{6,}\d.{0,80}"),
    re.compile(r".{0,100}\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b.{0,40}"),
]

FURNITURE = (
    [("player", p) for p in PLAYER_LINES]
    + [("share", p) for p in SHARE_LINES]
    + [("copyright", p) for p in COPYRIGHT_LINES]
    + [("credit", p) for p in CREDIT_LINES]
    + [("release", p) for p in RELEASE_LINES]
)

# Lines longer than this are prose, whatever they contain.
MAX_FURNITURE_CHARS = 160
# A repeated paragraph at least this long is a duplicate (a caption shown twice), not a refrain.
MIN_DUPLICATE_CHARS = 40
