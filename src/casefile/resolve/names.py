"""Name normalization for comparing entities across documents.

"Trần Thị Mai" and "Tran Thi Mai" compare equal (diacritics dropped), so do
"Harbor Watch 21" and "HarborWatch21" (compact key without spaces and punctuation), and
"Japan's Ministry of Foreign Affairs" and "the Japanese Foreign Ministry"
(country + normalized institution head).
"""
from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

from ..concepts import groups, person_names, places
from . import lexicon as L

_POSSESSIVE = re.compile(r"(?:'s|'|\u2019s|\u2019)(?=\s|$)")
_NON_WORD = re.compile(r"[^a-z0-9' -]+")
_SPACES = re.compile(r"\s+")
# Quotation marks, brackets and slashes: left over from the text around a name, never in it.
_ODD_CHARACTERS = re.compile(r"[\"\u201c\u201d\u2018()\[\]/@]|\u2019(?!\w)")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case, ASCII, possessives and punctuation removed, single spaces."""
    s = unidecode(text or "").lower().replace("\u2019", "'")
    s = _POSSESSIVE.sub("", s)
    s = _NON_WORD.sub(" ", s.replace(".", "")).replace("'", "")
    return _SPACES.sub(" ", s.replace("-", " ")).strip()


@lru_cache(maxsize=200_000)     # asked for the same names over and over by every key of a record
def tokens(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


def compact(text: str) -> str:
    """Spacing and punctuation removed: "Watch 21" == "Watch21" == "watch-21"."""
    toks = [t for t in tokens(text) if t != "the"]
    return "".join(toks)


@lru_cache(maxsize=200_000)
def person_tokens(name: str) -> tuple[str, ...]:
    """A person's name without leading titles: the parts that tell people apart, a
    generational suffix among them ("X Roe Jr." is not "X Roe", his father)."""
    toks = list(tokens(name))
    titled = False
    while len(toks) > 1 and (toks[0] in L.TITLES or (titled and toks[0] in ("of", "the"))):
        titled = toks.pop(0) in L.TITLES or titled   # "Secretary of State X": office, "of", object
    return tuple(toks)


_TITLE_WORD = re.compile(r"(?<!\w)([A-Z][\w.-]*)\s+$")
_OF_BEFORE = re.compile(r"(?<!\w)(of(?:\s+the)?)\s+$")
# "a President X", "a future President X" (not "a former President X", who held it)
_SOME_ONE_BEFORE = re.compile(r"(?<!\w)(?:[Aa]n?|[Aa]nother)\s+(?:(?!former\s|late\s)[a-z]+\s+)?$")


def title_before(text: str) -> str | None:
    """The title written at the end of ``text`` (the words before a mention): "President",
    "Former Secretary", "Secretary of State"; None when the words there are no title."""
    words: list[str] = []
    at, capitals = len(text), 0
    while capitals < L.MAX_TITLE_WORDS:
        match = _TITLE_WORD.search(text, 0, at)
        word = match.group(1) if match else ""
        if not match or word.lower().rstrip(".") not in L.TITLES \
                or (word.endswith(".") and len(word) > L.MAX_ABBREVIATION_CHARS):
            break   # "... of State. Roe said": a sentence ends there, no title runs on
        words.insert(0, word)
        at, capitals = match.start(), capitals + 1
        joiner = _OF_BEFORE.search(text, 0, at)
        if joiner:   # "Secretary of State": the object of an office is a title only with its office
            office = _TITLE_WORD.search(text, 0, joiner.start())
            if not office or office.group(1).lower().rstrip(".") not in L.TITLES:
                return None
            words.insert(0, joiner.group(1))
            at = joiner.start()
    if all(w.lower().rstrip(".") in L.TITLE_MODIFIERS or w in ("of", "of the") for w in words):
        return None   # "Former X", "Then X": a qualifier without its office
    if _SOME_ONE_BEFORE.search(text, 0, at):
        return None   # "a President X", "a future President X": an office imagined, not held
    return " ".join(words)


@lru_cache(maxsize=200_000)
def person_core(name: str) -> tuple[str, ...]:
    """The name without its generational suffix: where its given name and surname are."""
    toks = list(person_tokens(name))
    while len(toks) > 1 and toks[-1] in person_names.NAME_SUFFIXES:
        toks.pop()
    return tuple(toks)


def well_formed(name: str, group: str) -> bool:
    """A name a reader would write: not shouted in capitals, no article or title in front; a
    person's has a given name and a surname, each capitalized; an institution's says whose; a
    group's is its noun."""
    words = name.split()
    if not words or (name.isupper() and len(name.replace(".", "")) > L.ACRONYM_MAX) or not name[:1].isupper() \
            or _ODD_CHARACTERS.search(name):
        return False
    if group == "person":
        toks = tokens(name)
        return 2 <= len(person_tokens(name)) <= L.MAX_NAME_PARTS and toks[0] not in L.TITLES \
            and all(w[:1].isupper() or w.lower() in person_names.NAME_PARTICLES for w in words)
    if group == "org":
        return not is_generic_org(tokens(name))
    if group == "norp":   # a group by its noun ("Technocrats"), not an adjective made from it
        bare = re.sub(r"\W", "", fold(name))
        return bare in (key := re.sub(r"\W", "", groups.group_key(name)), key + "s")
    return True


def is_initial(tok: str) -> bool:
    return len(tok) == 1


def person_names_agree(a: tuple[str, ...], b: tuple[str, ...]) -> str | None:
    """How two multi-part person names agree: "same", "middle" (first and last agree, a middle
    name or initial is missing or abbreviated), or None (different people, or only one part shared)."""
    if len(a) < 2 or len(b) < 2:
        return None
    if a == b:
        return "same"
    if not _part_agrees(a[0], b[0]) or a[-1] != b[-1]:
        return None
    ma, mb = a[1:-1], b[1:-1]
    if not ma or not mb:
        return "middle"
    if len(ma) == len(mb) and all(_part_agrees(x, y) for x, y in zip(ma, mb)):
        return "middle"
    return None


def names_conflict(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> bool:
    """Do two sets of full names hold two people: the same surname and given name (or its
    initial), but middle names that differ ("Ann B. Roe" and "Ann C. Roe")? "Ann Roe" stands
    between them and agrees with both: joining through it would make one person of two."""
    return any(x[-1] == y[-1] and _part_agrees(x[0], y[0]) and person_names_agree(x, y) is None
               for x in a for y in b)


def _part_agrees(x: str, y: str) -> bool:
    """The same name part, or an initial of it ("j" and "john")."""
    return x == y or (is_initial(x) and y.startswith(x)) or (is_initial(y) and x.startswith(y))


def place_key(text: str) -> str:
    """What a place is compared by: its country ("U.S." -> "united states"), the state a US
    state's abbreviation stands for ("Fla." -> "florida", while "FL" or "F.L." stay themselves),
    else its compact spelling."""
    state = places.US_STATE_ABBREVIATIONS.get((text or "").strip().lower())
    return fold(state) if state else country_of(text) or compact(text)


def country_of(text: str) -> str | None:
    """The country a phrase names or is the demonym of ("Japan", "Japanese", "U.S.")."""
    raw = (text or "").strip().lower()
    for table in (places.COUNTRY_VARIANTS, places.DEMONYMS):
        if raw in table:
            return fold(table[raw])
    return _country_index().get(tokens(text))


@lru_cache(maxsize=1)
def _country_index() -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for table in (places.COUNTRY_VARIANTS, places.DEMONYMS):
        for k, v in table.items():
            for name in (k, v):   # a demonym's country is a country name too
                toks = tokens(name)
                if toks:
                    out.setdefault(toks, fold(v))
    return out


def split_country(toks: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """Find a country (or demonym) inside an organization name; return it and the rest."""
    index = _country_index()
    for n in (3, 2, 1):
        for i in range(len(toks) - n + 1):
            country = index.get(toks[i:i + n])
            if country:
                return country, toks[:i] + toks[i + n:]
    return None, toks


def org_head(toks: tuple[str, ...]) -> tuple[str, ...]:
    """Institution words in a canonical order: "ministry of foreign affairs" -> "foreign ministry"."""
    core = tuple(t for t in toks if t not in L.ORG_STOPWORDS)
    return L.ORG_HEAD_REWRITES.get(core, core)


def is_generic_org(toks: tuple[str, ...]) -> bool:
    """A name made only of institution words ("Foreign Ministry"): it needs a country to mean one body."""
    core = [t for t in toks if t not in L.ORG_STOPWORDS]
    return bool(core) and all(t in L.INSTITUTION_WORDS for t in core)


def org_key(name: str, countries: set[str]) -> tuple[str | None, str, bool]:
    """(country, head, generic) for an organization name; the country comes from the name
    itself or, failing that, from the only country its descriptors name."""
    country, rest = split_country(tokens(name))
    head = org_head(rest)
    if country is None and len(countries) == 1:
        country = next(iter(countries))
    return country, " ".join(head), is_generic_org(rest)


def is_acronym(name: str) -> bool:
    """"CRW", "U.N.": capitals only, short."""
    letters = name.replace(".", "").replace(" ", "")
    return L.ACRONYM_MIN <= len(letters) <= L.ACRONYM_MAX and letters.isalpha() and letters.isupper()


def initials(name: str) -> str | None:
    """The acronym a multi-word name would have: "Civic Rights Watch" -> "crw"."""
    toks = [t for t in tokens(name) if t not in L.ORG_STOPWORDS]
    if len(toks) < L.ACRONYM_MIN or is_acronym(name) or any(is_acronym(w) for w in name.split()):
        return None   # "Eastvale GOP" holds an acronym: its initials spell nothing
    return "".join(t[0] for t in toks)
