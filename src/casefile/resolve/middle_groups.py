"""Which records the middle-name rule can tie to a re-resolved one.

The rule (``name_rules._middle_names``) reads one name-parts group at a time (a first initial
and a last name, ``keys.middle_keys``) and links two clusters only when names of theirs agree
(``names.person_names_agree``): a cluster's fits, and so whether it has one, are made of the
clusters whose names agree with its own. Clusters of the group whose names agree with no name
of a re-resolved record neither gain nor lose a fit, so they keep their links; only the records
whose names agree are re-resolved with it, not the whole group (around a person the news names
all the time, thousands of records that share an initial and a surname).

Each multi-part person name is kept under its middle-name key and, as the same parts, under
its same-name key (``keys.strong_keys``), so the names a group holds are read from the keys.
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, bindparam, text

from . import keys as K
from . import lexicon as L
from . import names as N
from .entities_store import chunks

PERSON = f"{K.JOIN}S|{L.NAME_SPACES['person']}|"


def parts(key: str) -> tuple[str, ...] | None:
    """A person's name parts from its stored same-name key (None: not a person's)."""
    return tuple(key[len(PERSON):].split(" ")) if key.startswith(PERSON) else None


def group_of(toks: tuple[str, ...]) -> str:
    """The stored middle-name key of a name's parts (as ``keys.middle_keys`` makes it)."""
    return f"{K.JOIN}M|{toks[0][0]}|{toks[-1]}"


def agreeing(conn: Connection, strong: set[str]) -> set[str]:
    """The same-name keys, in the store, of the names that agree with a person's name among
    ``strong`` (same-name keys) and share its name-parts group: the records under them are all
    the middle-name rule can link to it."""
    asked: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for key in strong:
        if (toks := parts(key)) is not None and len(toks) >= 2:
            asked[group_of(toks)].add(toks)
    out = set()
    for group, names in names_in_groups(conn, set(asked)).items():
        out |= {PERSON + " ".join(t) for t in names
                if any(N.person_names_agree(t, mine) for mine in asked[group])}
    return out


def names_in_groups(conn: Connection, groups: set[str]) -> dict[str, set[tuple[str, ...]]]:
    """middle-name key -> the name parts stored under it (read from the same records' same-name keys)."""
    sql = text("SELECT DISTINCT a.key AS grp, b.key AS name FROM entity_keys a JOIN entity_keys b "
               "ON b.document_id = a.document_id AND b.entity_key = a.entity_key "
               "WHERE a.key IN :g AND b.key LIKE :p").bindparams(bindparam("g", expanding=True))
    out: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for batch in chunks(groups):
        for r in conn.execute(sql, {"g": batch, "p": PERSON + "%"}):
            toks = parts(r.name)
            if toks is not None and len(toks) >= 2 and group_of(toks) == r.grp:
                out[r.grp].add(toks)
    return out
