"""Cross-document entity resolution: one corpus-level entity per real person, group or place.

The corpus first types one-word records (``people.retype``): a bare surname used far more
for people is a person, a lone word typed a person that names nobody in full is what the
corpus calls it far more often. The name rules then link records (``name_rules``): human merges, one document's bare word typed
a person elsewhere, the same full name, the same first and last name when a middle name is
missing, the same institution of the same country. Lone names ("Kowal", "Foreign Ministry")
join last, each the one cluster that fits it (``lone_names``). Each link keeps its rule and a
plain-words reason. ``resolve`` runs everything in memory; ``entity_update`` runs the same
rules against the store, over everything or over what new documents can change.
"""
from __future__ import annotations

from . import people
from .lone_names import MemoryContext, assemble, lone_fit
from .name_rules import base_clusters, canonical, earliest
from .records import DocEntity, Link, Resolution, label

__all__ = ["DocEntity", "Link", "Resolution", "base_clusters", "canonical", "earliest", "label", "resolve"]


def resolve(records: list[DocEntity], merges: list[tuple[int, int]] = (),
            alone: set[int] = frozenset(), typing=None) -> Resolution:
    """Group document entities into corpus-level entities (every record at once, in memory).
    ``typing``: typing word -> records, when ``records`` are one block of a larger corpus whose
    counts decide how one-word records are typed (``blocks``); else they are counted here."""
    retyped = people.retype(records) if typing is None else people.apply_types(records, typing)
    uf, links = base_clusters(records, merges, alone, retyped)
    context = MemoryContext(records, uf)
    fits = {i: fit for i in range(len(records)) if i not in alone
            and (fit := lone_fit(records[i], context.root(i), uf.docs[uf.find(i)], context)) is not None}
    return assemble(records, uf, links, [(i, context.index[ref], rule) for i, (ref, rule) in sorted(fits.items())])
