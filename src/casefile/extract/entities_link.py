"""Within-document alias resolution: which mentions name the same entity.

People: a full name, then later a single word that is the LAST word of either
naming order (Western surname, Vietnamese given name), or the family name of a
family-name-first short form (Chinese, Korean); a word that matches parts of two
different people never links. Organizations: ministry name forms, a country
possessive or demonym, a leading "ruling", acronyms. Places: country variants.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from unidecode import unidecode

from ..concepts import groups, person_names, places
from .entities_titles import Titles
from .entities_spans import Cand
from .lexicon import entities as lx


@lru_cache(maxsize=1 << 16)     # asked again and again for the same words and names
def norm(s: str) -> str:
    """Accent-free, lower-case, without a possessive or a leading article."""
    s = unidecode(s).replace("\u2019", "'").lower().strip()
    s = re.sub(r"'s?$", "", s)
    s = re.sub(r"^(?:the|a|an)\s+", "", s)
    return re.sub(r"\s+", " ", s)


@lru_cache(maxsize=1 << 16)
def name_tokens(s: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", norm(s)))


def country_of(s: str) -> str | None:
    n = norm(s)
    return places.COUNTRY_VARIANTS.get(n) or places.DEMONYMS.get(n)


def ministry_core(words: list[str]) -> str | None:
    """'foreign ministry' / 'ministry of foreign affairs' -> 'ministry:foreign'."""
    head = next((w for w in words if w in lx.MINISTRY_WORDS), None)
    if not head:
        return None
    rest = [w for w in words if w != head and w not in lx.MINISTRY_DROP_WORDS]
    return f"{head}:{' '.join(rest)}" if rest else None


def org_key(s: str) -> tuple[str, str | None]:
    """(core, owning country): 'Laos's ruling People's Party' -> ('people's party', 'Laos')."""
    words = norm(s).replace("'s ", " ").split()
    qualifier = None
    while words and (words[0] in lx.ORG_LEADING_MODIFIERS or country_of(words[0])
                     or (len(words) > 2 and country_of(" ".join(words[:2])))):
        two = " ".join(words[:2])
        if len(words) > 2 and country_of(two):
            qualifier, words = country_of(two), words[2:]
        elif country_of(words[0]) and len(words) > 1:
            qualifier, words = country_of(words[0]), words[1:]
        elif words[0] in lx.ORG_LEADING_MODIFIERS and len(words) > 1:
            words = words[1:]
        else:
            break
    while len(words) > 1 and words[-1].rstrip(",") in lx.ORG_LEGAL_SUFFIXES:
        words = words[:-1]
    m = re.match(r"(.+?) (?:of|in) (.+)$", " ".join(words))
    if m and country_of(m.group(2)) and len(m.group(1).split()) > 1:
        qualifier, words = country_of(m.group(2)), m.group(1).split()
    core = ministry_core(words) or re.sub(r"[\s.\-]+", "", " ".join(words))
    return core, qualifier


def initials(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in lx.ACRONYM_SKIP_WORDS]
    return "".join(w[0] for w in words if w[0].isupper())


class Cluster:
    """Mentions judged to name one entity."""

    def __init__(self, label: str, cands: list[Cand] | None = None, qualifier: str | None = None):
        self.label = label
        self.cands: list[Cand] = list(cands or [])
        self.qualifier = qualifier

    def add(self, c: Cand) -> None:
        self.cands.append(c)

    @property
    def first(self) -> int:
        return min(c.start for c in self.cands)


def _person_clusters(text: str, people: list[Cand]) -> list[Cluster]:
    """Full names first, then multi-word short forms, then single words when unambiguous."""
    by_tokens: dict[tuple[str, ...], Cluster] = {}
    titled = Titles(text, [(t[0], c) for c in people if len(t := name_tokens(c.text(text))) == 1])
    for c in sorted(people, key=lambda c: -len(name_tokens(c.text(text)))):
        toks = name_tokens(c.text(text))
        titles = titled.of(c)
        if len(toks) == 1 and titles:
            holders = _holders(toks[0], by_tokens)
            decided, owner = titled.owner(titles, holders, toks[0], c) if holders else (False, None)
            if decided:
                apart = ("#" + " ".join(sorted(titles)),) + toks   # one title, one person
                owner = owner or by_tokens.setdefault(apart, Cluster("PERSON"))
                owner.add(c)
                titled.note(owner, titles, c)
                continue
        if toks in by_tokens:
            by_tokens[toks].add(c)
            titled.note(by_tokens[toks], titles, c)
            continue
        longer = [t for t in by_tokens if len(t) > len(toks) > 0]
        if len(toks) > 1:
            hits = {t for t in longer if t[-len(toks):] == toks}
            if not hits and len(toks) == 2:  # "John Smith" for "John F. Smith": middle names dropped
                hits = {t for t in longer if (t[0], t[-1]) == toks}
            if not hits and len(toks) == 2:  # "Ana Pérez" for "Ana Pérez Gil" (see _surname_form_of)
                hits = {t for t in longer if len(t) >= 3 and (t[0], t[-2]) == toks and _surname_form_of(t[-2], t)
                        and t[-1] not in person_names.NAME_SUFFIXES}   # "X Roe" is not "X Roe Jr."
            owners = {id(by_tokens[t]) for t in hits}
            if len(owners) == 1:
                by_tokens[toks] = by_tokens[next(iter(hits))]
                by_tokens[toks].add(c)
                titled.note(by_tokens[toks], titles, c)
                continue
        elif len(toks) == 1:
            target = _single_word_owner(toks[0], [t for t in longer], by_tokens)
            if target is not None:
                by_tokens[toks] = target
                target.add(c)
                titled.note(target, titles, c)
                continue
        by_tokens[toks] = Cluster("PERSON", [c])
        titled.note(by_tokens[toks], titles, c)
    unique: dict[int, Cluster] = {id(cl): cl for cl in by_tokens.values() if cl.cands}
    return list(unique.values())


def _holders(word: str, by_tokens: dict) -> list[Cluster]:
    """The people named in full whose surname (or short form) the word is, first named first."""
    out = {id(cl): cl for t, cl in by_tokens.items() if len(t) > 1 and t[0][:1] != "#" and _short_form_of(word, t)
           and not (len(t) == 2 and t[-1] in person_names.NAME_SUFFIXES)}
    return sorted(out.values(), key=lambda cl: cl.first)


def _surname_form_of(word: str, name: tuple[str, ...]) -> bool:
    """Is the word a surname of this full name? Its last word (Western order), or, in a name of
    three or more words not written family-name-first, the word before the last: the paternal
    surname of a double surname ("Ana Pérez Gil" -> "Pérez") or the family name between an
    English and a Cantonese given name ("Raymond Chow Ka-ming" -> "Chow")."""
    if name[-1] in person_names.NAME_SUFFIXES and len(name) > 1:
        name = name[:-1]   # "X Roe Jr.": the surname comes before the suffix
    if name[-1] == word:
        return True
    return len(name) >= 3 and name[-2] == word and name[0] not in person_names.COMMON_FAMILY_NAMES


def _short_form_of(word: str, name: tuple[str, ...]) -> bool:
    """Can one word stand for this full name? A surname (above, incl. a Vietnamese given name,
    which comes last), the family name of a family-name-first name, or the given name that
    opens a name ("Somchai" for "Somchai Ruangrit")."""
    if _surname_form_of(word, name) or name[0] == word:
        return True
    # a long name (given names, surnames, particles) is cut to any one of its name words:
    # "Lula" for "Luiz Inácio Lula da Silva"
    core = name[:-1] if name[-1] in person_names.NAME_SUFFIXES else name
    return len(core) >= 4 and word in core and word not in person_names.NAME_PARTICLES \
        and name[0] not in person_names.COMMON_FAMILY_NAMES


def _shared_surname(word: str, names: list[tuple[str, ...]]) -> bool:
    """A surname several people share ("Roe" for "Ann Roe" and her son "Ben Roe"): news style
    keeps the bare surname for the person introduced first and names relatives in full. Not for
    common East Asian family names, which alone never single anyone out."""
    holders = [t for t in names if word in t]
    return len(holders) > 1 and word not in person_names.COMMON_FAMILY_NAMES \
        and all(_surname_form_of(word, t) for t in holders)


def _single_word_owner(word: str, names: list[tuple[str, ...]], by_tokens: dict) -> Cluster | None:
    """The one person a single word can mean, or None when it could be several (or none)."""
    containing = {id(by_tokens[t]): by_tokens[t] for t in names if word in t}
    routed = {id(by_tokens[t]): by_tokens[t] for t in names if _short_form_of(word, t)}
    if len(containing) == 1 and len(routed) == 1:
        return next(iter(routed.values()))
    if _shared_surname(word, names):
        return min(routed.values(), key=lambda cl: cl.first)
    return None


def person_name_parts(text: str, cands: list[Cand]) -> dict[str, int]:
    """Surnames and family names that can stand for a person named in full, with how many
    people they could mean (1 for a surname shared by relatives, which means the first)."""
    fulls = {name_tokens(c.text(text)) for c in cands if c.label == "PERSON"}
    fulls = [t for t in fulls if len(t) > 1]
    counts: Counter = Counter()
    for t in fulls:
        for w in set(t):
            counts[w] += 1
    out = {}
    for w, n in counts.items():
        holders = [t for t in fulls if w in t]
        if any(_short_form_of(w, t) for t in holders):
            out[w] = 1 if _shared_surname(w, fulls) else n
    return out


def untagged_short_names(doc, text: str, cands: list[Cand]) -> list[Cand]:
    """'Thêu said' missed by the model, after 'Cấn Thị Thêu' was tagged: a capitalized proper noun
    that can stand for exactly one person named in full becomes a PERSON mention."""
    parts = person_name_parts(text, cands)
    taken = sorted((c.start, c.end) for c in cands)
    out = []
    for t in doc:
        if not (t.is_alpha and t.text[0].isupper() and t.pos_ == "PROPN") or t.text.isupper():
            continue  # a surname in capitals is shouted (a headline) or a transcript's label
        if parts.get(norm(t.text)) != 1 or country_of(t.text):
            continue
        s, e = t.idx, t.idx + len(t.text)
        if any(a < e and s < b for a, b in taken):
            continue
        if _in_place_context(text, s, e):
            continue
        out.append(Cand(s, e, "PERSON"))
    return out


def retype_name_parts(text: str, cands: list[Cand]) -> None:
    """A person's surname later tagged GPE/ORG ("Smith said", tagged GPE) is the person; a place
    context ("at Smith") keeps a place a place, but says nothing against an org's tag."""
    parts = person_name_parts(text, cands)
    for c in cands:
        if c.label not in ("GPE", "ORG", "LOC", "NORP", "FAC"):
            continue
        s = c.text(text)
        toks = name_tokens(s)
        if len(toks) == 1 and parts.get(toks[0]) == 1 and not country_of(s) \
                and s.split()[-1] not in lx.ORG_NAME_HEADS and not s.isupper() \
                and (c.label in ("ORG", "NORP") or not _in_place_context(text, c.start, c.end)):
            c.label = "PERSON"


def _in_place_context(text: str, start: int, end: int) -> bool:
    """'arrested in Hue', 'Hue province': a place; but 'in Roe's tweet' is Roe's."""
    if re.match(r"['\u2019](?:s\b|\s)", text[end:end + 3]):
        return False
    return bool(lx.PLACE_CONTEXT_BEFORE.search(text[max(0, start - 12):start])) \
        or bool(lx.PLACE_CONTEXT_AFTER.match(text, end))


def _keyed_clusters(text: str, cands: list[Cand], label: str, keyfn) -> list[Cluster]:
    groups: dict[str, Cluster] = {}
    for c in cands:
        groups.setdefault(keyfn(c.text(text)), Cluster(label)).add(c)
    return list(groups.values())


def _place_key(s: str) -> str:
    return norm(places.PLACE_VARIANTS.get(norm(s), s))


def _org_clusters(text: str, orgs: list[Cand]) -> list[Cluster]:
    """Group by core name; an unqualified form joins the nearest earlier qualified one."""
    by_core: dict[str, list[tuple[Cand, str | None]]] = {}
    for c in orgs:
        core, qual = org_key(c.text(text))
        by_core.setdefault(core, []).append((c, c.qualifier or qual))
    out: list[Cluster] = []
    for items in by_core.values():
        quals = {q for _, q in items if q}
        if len(quals) <= 1:
            out.append(Cluster("ORG", [c for c, _ in items], next(iter(quals), None)))
            continue
        per: dict[str, Cluster] = {q: Cluster("ORG", qualifier=q) for q in quals}
        last = None
        for c, q in sorted(items, key=lambda x: x[0].start):
            last = q or last or next(iter(sorted(quals)))
            per[last].add(c)
        out.extend(per.values())
    return out


def _law_key(s: str) -> str:
    """'Article 9 of Norland's Penal Code' == 'Article 9 of the Penal Code': the owner drops out."""
    n = re.sub(r"\bof\s+(?:the\s+)?[\w-]+'s\s+", "of ", norm(s).replace("\u2019", "'"))
    return re.sub(r"\bof\s+the\s+", "of ", n)


def _law_clusters(text: str, laws: list[Cand]) -> list[Cluster]:
    """Laws by key; a short form ('Article 9', 'Law on Assemblies') then joins the one longer
    law it begins, and stays apart when it begins several."""
    out = _keyed_clusters(text, laws, "LAW", _law_key)
    keys = {id(cl): {_law_key(c.text(text)) for c in cl.cands} for cl in out}
    for cl in sorted(out, key=lambda cl: min(len(k) for k in keys[id(cl)])):
        short = min(keys[id(cl)], key=len)
        longer = [o for o in out if o is not cl and any(k.startswith(short + " ") for k in keys[id(o)])]
        if len(longer) == 1:
            longer[0].cands.extend(cl.cands)
            keys[id(longer[0])] |= keys[id(cl)]
            out.remove(cl)
    return out


def merge_org_short_forms(text: str, clusters: list[Cluster], person_words: set[str]) -> None:
    """'Civitas' after 'Civitas International': a one-word org that begins exactly one two-word
    org; 'the Herald' after 'the Eastvale Herald': the head of a paper's or a company's name
    that ends exactly one longer org. Not an institution word ('Senate' is not 'Senate Harbor
    Committee'), nor a person's name ('Roe' said is not 'Roe Hotels')."""
    orgs = [cl for cl in clusters if cl.label == "ORG"]
    for cl in list(orgs):
        forms = {c.text(text) for c in cl.cands}
        if len(forms) != 1 or " " in next(iter(forms)):
            continue
        word = next(iter(forms))
        if word.isupper() or word.lower() in lx.ORG_HEAD_NOUNS | lx.STATE_ORG_HEADS or norm(word) in person_words:
            continue
        head = word in lx.NOT_PERSON_HEADS   # "Herald", "Times", "Airlines": a name's last word
        if word in lx.ORG_NAME_HEADS and not head:
            continue
        at = -1 if head else 0
        longer = [o for o in orgs if o is not cl and any(
            len(c.text(text).split()) > 1 and c.text(text).split()[at] == word for c in o.cands)]
        if len(longer) == 1 and (head or all(len(c.text(text).split()) == 2 for c in longer[0].cands
                                             if c.text(text).split()[0] == word)):
            longer[0].cands.extend(cl.cands)
            clusters.remove(cl)
            orgs.remove(cl)


def attach_acronyms(text: str, clusters: list[Cluster], taken: list[tuple[int, int]]) -> None:
    """'Lantern Rights Initiative' ... 'LRI': an untagged or separately tagged acronym joins the org."""
    orgs = [cl for cl in clusters if cl.label == "ORG"]
    by_initials: dict[str, list[Cluster]] = {}
    for cl in orgs:
        for c in cl.cands:
            ini = initials(c.text(text))
            if len(ini) >= 2 and ini != c.text(text) and cl not in by_initials.get(ini, []):
                by_initials.setdefault(ini, []).append(cl)
    for cl in list(orgs):
        s = {c.text(text) for c in cl.cands}
        if len(s) == 1 and next(iter(s)).isupper() and len(by_initials.get(next(iter(s)), [])) == 1:
            target = by_initials[next(iter(s))][0]
            if target is not cl:
                target.cands.extend(cl.cands)
                clusters.remove(cl)
    for m in lx.ACRONYM_PATTERN.finditer(text):
        owners = by_initials.get(m.group(), [])
        span = (m.start(), m.end())
        if len(owners) == 1 and not any(a < span[1] and span[0] < b for a, b in taken):
            owners[0].add(Cand(m.start(), m.end(), "ORG"))


def link(text: str, cands: list[Cand]) -> list[Cluster]:
    retype_name_parts(text, cands)
    out: list[Cluster] = []
    out += _person_clusters(text, [c for c in cands if c.label == "PERSON"])
    out += _org_clusters(text, [c for c in cands if c.label == "ORG"])
    merge_org_short_forms(text, out, {w for c in cands if c.label == "PERSON" for w in name_tokens(c.text(text))})
    places = [c for c in cands if c.label in ("GPE", "LOC")]
    for cl in _keyed_clusters(text, places, "GPE", _place_key):
        cl.label = Counter(c.label for c in cl.cands).most_common(1)[0][0]
        out.append(cl)
    out += _law_clusters(text, [c for c in cands if c.label == "LAW"])
    out += _keyed_clusters(text, [c for c in cands if c.label == "NORP"], "NORP", groups.group_key)
    for label in ("EVENT", "FAC"):
        out += _keyed_clusters(text, [c for c in cands if c.label == label], label,
                               lambda s: re.sub(r"[\s.]+", "", norm(s)))
    attach_acronyms(text, out, [(c.start, c.end) for c in cands])
    return sorted(out, key=lambda cl: cl.first)
