"""The keys under which two document entities can be linked, one definition for every pass.

A name rule links records that share a *join* key (the same full name, the same first and
last name, the same institution of a country). A lone name ("Kowal", "Foreign Ministry")
asks under its *query* keys for the clusters of records *indexed* under the same key, and
descriptor *words* can single one of them out. The full run (``entities.resolve``) and the
incremental one (``entity_update``) both find candidates through these keys, so they
cannot disagree about who may be linked to whom; the store keeps them in ``entity_keys``,
each prefixed with its role.
"""
from __future__ import annotations

from ..concepts import groups
from . import lexicon as L
from . import names as N
from . import people

JOIN, INDEX, QUERY, WORD, TYPED = "A:", "I:", "Q:", "W:", "T:"
WEIGHED, PLAIN = "R:", "L:"      # a lone name that weighs its candidates' records; a plain one's key set
QSET_SEP = "\t"
# ``candidate_roots`` keeps it for a cluster holding a lone name (a lone name is never asked under it)
HOLDS_LONE_NAME = "~lone name"


def full_keys(r) -> set[str]:
    """The full names a record answers to (the strong rule's keys, without their name space)."""
    if r.group == "person":
        return {" ".join(t) for n in r.all_names if len(t := N.person_tokens(n)) >= 2}
    if r.group == "place":
        return {N.place_key(n) for n in r.all_names} - {""}
    if r.group == "org":
        # a head its document used for short ("the Herald" for "the Eastvale Herald") names
        # other papers elsewhere: not a key across documents
        heads = {N.tokens(n)[-1] for n in r.all_names if len(N.tokens(n)) > 1}
        return {N.compact(n) for n in r.all_names if not N.is_generic_org(N.tokens(n))
                and not (len(N.tokens(n)) == 1 and N.tokens(n)[0] in heads)} - {""}
    if r.group == "norp":
        return {groups.group_key(n) for n in r.all_names} - {""}
    return {N.compact(n) for n in r.all_names} - {""}


def strong_keys(r) -> list[str]:
    space = L.NAME_SPACES.get(r.group, "thing")
    return [f"S|{space}|{key}" for key in sorted(full_keys(r))]   # sorted: set order varies between runs


def middle_keys(r) -> list[tuple[str, tuple[str, ...]]]:
    """(key, name parts) of each multi-part person name: first initial and last name."""
    if r.group != "person":
        return []
    out = []
    for n in r.all_names:
        toks = N.person_tokens(n)
        if len(toks) >= 2:
            out.append((f"M|{toks[0][0]}|{toks[-1]}", toks))
    return out


def countries(r) -> set[str]:
    """Countries the record's affiliation descriptors name."""
    out = set()
    for d in r.descriptors:
        if d.get("kind") in L.AFFILIATION_KINDS and (c := N.country_of(d.get("text", ""))):
            out.add(c)
    return out


def institution_keys(r) -> list[tuple[str, str, str]]:
    """(key, country, head) for each name that is a generic institution of a known country."""
    if r.group != "org":
        return []
    out = []
    for n in r.all_names:
        country, head, generic = N.org_key(n, countries(r))
        if country and head and generic:
            out.append((f"N|{country}|{head}", country, head))
    return out


def index_keys(r) -> list[str]:
    """Keys a lone name may find this record under."""
    out = []
    for n in r.all_names:
        toks = N.person_core(n) if r.group == "person" else N.tokens(n)
        if r.group == "person" and len(toks) >= 2:
            out += [f"P|first|{toks[0]}", f"P|last|{toks[-1]}"]
        elif r.group == "org":
            country, head, generic = N.org_key(n, countries(r))
            if country and generic:
                out.append(f"H|{head}")
            if initials := N.initials(n):
                out.append(f"P|initials|{initials}")
    return list(dict.fromkeys(out))


def query_keys(r) -> list[str]:
    """Keys under which the entities this lone name may stand for are indexed ([] when not lone)."""
    if r.group == "person":
        if any(len(N.person_core(n)) >= 2 for n in r.all_names):
            return []
        out = []
        for n in r.all_names:
            toks = N.person_core(n)
            if len(toks) == 1:
                out += [f"P|first|{toks[0]}", f"P|last|{toks[0]}"]
        return list(dict.fromkeys(out))
    if r.group == "org":
        if any(not N.is_generic_org(N.tokens(n)) and not N.is_acronym(n) for n in r.all_names):
            return []   # "Westvale Senate" has a name of its own, whatever short form it also has
        out = []
        if all(N.is_acronym(n) for n in r.all_names):   # "HRW" alone: whose initials are these?
            out.append(f"P|initials|{N.fold(r.name).replace(' ', '')}")
        if not countries(r):
            for n in r.all_names:
                country, head, generic = N.org_key(n, set())
                if generic and not country:
                    out.append(f"H|{head}")
        return list(dict.fromkeys(out))
    return []


def is_plain(r) -> bool:
    """A lone name whose choice reads only how many candidates it has, which of them its own
    documents rule out, and how many documents the top one spans against the next
    (``lone_names.plain_fit``): no honorific, title, descriptor or acronym weighs the
    candidates' own records."""
    if not query_keys(r) or descriptor_words(r):
        return False
    if r.group == "person":
        return people.gender(r) is None and not people.offices(r)
    return not all(N.is_acronym(n) for n in r.all_names)


def query_set(r) -> str:
    """A lone name's query keys as one string (``lone_stats`` keeps plain ones by it)."""
    return QSET_SEP.join(sorted(query_keys(r)))


def descriptor_words(r) -> set[str]:
    return {w for d in r.descriptors for w in N.tokens(d.get("text", ""))} - L.DESCRIPTOR_STOPWORDS


def typing_words(r) -> list[str]:
    """The keys the corpus-wide typing of one-word records counts (``people.corpus_type``), as
    the record was typed by its document."""
    return sorted(people.typing_words(r))


def join_keys(r) -> list[str]:
    """The keys of every name rule (``name_rules``): records sharing none are never linked by one."""
    return strong_keys(r) + [k for k, _ in middle_keys(r)] + [k for k, _, _ in institution_keys(r)]


def stored_keys(r, typed: bool) -> list[str]:
    """A record's keys with their role prefix, as ``entity_keys`` keeps them: its typing words
    (``typed``), or every other key (the two are stored at different times: a record's type
    may change in between)."""
    if typed:
        return [TYPED + w for w in typing_words(r)]
    asked = query_keys(r)
    return list(dict.fromkeys([JOIN + k for k in join_keys(r)] + [INDEX + k for k in index_keys(r)]
                              + [QUERY + k for k in asked]
                              + [WEIGHED + k for k in (asked if asked and not is_plain(r) else [])]
                              + [WORD + w for w in sorted(descriptor_words(r))]))
