"""Entities named in one document: spaCy NER plus general fixes, aliases and descriptors.

``extract(parsed)`` returns one ``LocalEntity`` per real-world entity the
document names, with every mention's exact offsets; ``entity_at`` finds the
entity a span (a speaker, an event participant) refers to.

Stages: candidate spans (entities_spans: trim, re-type; entities_extra: laws,
names with digits, Vietnamese names, acronyms) -> within-document linking
(entities_link) -> descriptors (entities_desc) -> records.
"""
from __future__ import annotations

import re
from typing import Any

from ..concepts import places
from ..models import Descriptor, LocalEntity, Mention
from .entities_desc import describe
from .entities_link import Cluster, country_of, link, name_tokens, norm, org_key, untagged_short_names
from .entities_extra import candidates, outlet_mentions
from .entities_layout import headline_ranges
from .lexicon import entities as lx

CACHE_KEY = "entities.extract"


def extract(parsed: Any) -> list[LocalEntity]:
    """Entities of one parsed document, in order of first mention (keys e1, e2, ...)."""
    if CACHE_KEY in parsed.cache:
        return parsed.cache[CACHE_KEY]
    if parsed.doc is None:  # no parse, no named entities: callers fall back on their own spans
        return []
    text = parsed.text
    cands = candidates(parsed.doc, text)
    cands += outlet_mentions(text, getattr(parsed.document, "outlet", None), cands)
    cands += untagged_short_names(parsed.doc, text, cands)
    clusters = link(text, cands)
    all_cands = [c for cl in clusters for c in cl.cands]
    heads = headline_ranges(text)   # capitals there say nothing: no title or role is read from them
    described = [(c, d) for c, d in describe(parsed.doc, text, sorted(all_cands, key=lambda c: c.start))
                 if not any(s < d.end and d.start < e for s, e in heads)]
    owner = {id(c): i for i, cl in enumerate(clusters) for c in cl.cands}
    per_cluster: dict[int, list[Descriptor]] = {}
    for c, d in described:
        per_cluster.setdefault(owner[id(c)], []).append(d)
    out = [_record(f"e{i + 1}", cl, text, per_cluster.get(i, [])) for i, cl in enumerate(clusters)]
    parsed.cache[CACHE_KEY] = out
    return out


def _fullest(forms: list[str], label: str) -> str:
    """The fullest surface form; for people, the one with most name words."""
    def size(s: str) -> tuple[int, int]:
        return (len(name_tokens(s)), len(s)) if label == "PERSON" else (len(s.split()), len(s))
    return max(forms, key=lambda s: (size(s), -forms.index(s)))


def _names_country(s: str) -> bool:
    words = norm(s).split()
    return any(country_of(w) for w in words) or any(country_of(" ".join(words[i:i + 2])) for i in range(len(words)))


def _ministry_name(forms: list[str]) -> str | None:
    """One spelling for a ministry however the text names it: 'Ministry of Foreign Affairs'."""
    core = org_key(forms[0])[0]
    if not core.startswith("ministry:"):
        return None
    long_form = next((f for f in forms if f.lower().startswith("ministry of")), None)
    if long_form:
        return long_form
    subject = core.split(":", 1)[1]
    words = subject.title() + (" Affairs" if subject in lx.MINISTRY_AFFAIRS_SUBJECTS else "")
    return f"Ministry of {words}"


def _canonical(cl: Cluster, forms: list[str]) -> str:
    best = _fullest(forms, cl.label)
    if cl.label == "ORG":
        best = _ministry_name([_strip_owner(f) for f in forms]) or best
    if cl.label in ("GPE", "LOC"):
        return places.PLACE_VARIANTS.get(norm(best), best)
    if cl.label == "ORG" and cl.qualifier and best[:1].islower():
        return f"{cl.qualifier} {best}"  # "Norland's mission to ..." written without its owner
    if cl.label == "ORG" and cl.qualifier and not _names_country(best) \
            and any(w in lx.STATE_ORG_HEADS for w in norm(best).split()):
        return f"{cl.qualifier} {best}"  # "Ministry of Foreign Affairs" of which country
    return best


def _strip_owner(form: str) -> str:
    words = form.split()
    return " ".join(words[1:]) if len(words) > 2 and country_of(words[0]) else form


def _written_variants(cands: list, text: str) -> list[str]:
    """Other ways the text itself writes the name: the owner without its "'s" ("Laos Foreign
    Ministry" from "Laos's Foreign Ministry"), the article without its code ("Article 9")."""
    out = []
    for c in cands:
        if c.qual_span:
            out.append(f"{text[c.qual_span[0]:c.qual_span[1]]} {c.text(text)}")
        if c.label == "LAW" and " of the " in c.text(text):
            out.append(c.text(text).split(" of the ")[0])
    return out


def _without_brackets(form: str) -> str:
    """"[Ann] Roe", "Ann (B. Roe)": an editor's brackets inside a quoted name are no part of it."""
    return " ".join(re.sub(r"[\[\]()]", "", form).split()) or form


def _record(key: str, cl: Cluster, text: str, descriptors: list[Descriptor]) -> LocalEntity:
    cands = sorted(cl.cands, key=lambda c: c.start)
    forms: list[str] = []
    for c in cands:
        form = _without_brackets(c.text(text)) if cl.label == "PERSON" else c.text(text)
        if form not in forms:
            forms.append(form)
    name = _canonical(cl, forms)
    aliases = forms if name in forms else [name, *forms]
    for extra in _written_variants(cands, text):
        if extra not in aliases:
            aliases.append(extra)
    seen: set[str] = set()
    descs = []
    for d in sorted(descriptors, key=lambda d: d.start):
        if d.text.lower() not in seen and d.text not in aliases:
            seen.add(d.text.lower())
            descs.append(d)
    mentions = [Mention(c.start, c.end, c.text(text), cl.label) for c in cands]
    return LocalEntity(key=key, name=name, type=cl.label, aliases=aliases, descriptors=descs, mentions=mentions)


def entity_at(entities: list[LocalEntity], start: int, end: int) -> LocalEntity | None:
    """The entity whose mention overlaps [start, end) most; ties go to the tighter mention."""
    best, best_key = None, (0, 0)
    for e in entities:
        for m in e.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            k = (overlap, -(m.end - m.start))
            if k > best_key:
                best, best_key = e, k
    return best


__all__ = ["extract", "entity_at"]
