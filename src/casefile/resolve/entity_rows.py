"""An entity's row (name, type, aliases, descriptors, reason) and the tally of its records it is made from.

Every part of the row is a count, a set or an earliest record, so a tally of them (``Tally``)
makes the same row as the records themselves. The tally is kept per entity
(``entity_tallies``): an entity that only takes new records (``entity_appends``) is rewritten
from its tally and those records instead of from every member, which for a much-named
person is thousands of records per ingest.

The name is the member that names the entity as a reader would: a well-formed name (a
person's full name, an institution with its country), of the type most documents give it,
the one most documents use, then the fullest, diacritics kept, then the earliest.
"""
from __future__ import annotations

import json
from collections import defaultdict

from . import lexicon as L
from . import names as N
from .records import DocEntity


class Tally:
    """What the row of an entity reads from its records, kept as JSON."""

    def __init__(self, data: dict | None = None) -> None:
        data = data or {}
        self.names: dict[str, list] = data.get("names", {})       # every written name: [records, first place]
        self.written: dict[str, int] = data.get("written", {})    # records by name as given
        self.firsts: dict[str, list] = data.get("firsts", {})     # "name|type" -> the earliest such record's order
        # the documents that give each type
        self.typed: dict[str, set[str]] = {t: set(docs) for t, docs in data.get("typed", {}).items()}
        self.descriptors: set[str] = set(data.get("descriptors", ()))
        self.reasons: set[str] = set(data.get("reasons", ()))

    def add(self, records: list[DocEntity], reasons=()) -> Tally:
        for r in records:
            order = list(r.order)
            for pos, name in enumerate(r.all_names):
                seen = self.names.get(name)
                first = min(seen[1], order + [pos]) if seen else order + [pos]
                self.names[name] = [(seen[0] if seen else 0) + 1, first]
            self.written[r.name] = self.written.get(r.name, 0) + 1
            combo = f"{r.type}|{r.name}"
            if combo not in self.firsts or order < self.firsts[combo]:
                self.firsts[combo] = order
            self.typed.setdefault(r.type, set()).add(r.document_id)
            self.descriptors |= {d.get("text", "") for d in r.descriptors} - {""}
        self.reasons |= set(reasons)
        return self

    def as_json(self) -> str:
        return json.dumps({"names": self.names, "written": self.written, "firsts": self.firsts,
                           "typed": {t: sorted(d) for t, d in self.typed.items()},
                           "descriptors": sorted(self.descriptors), "reasons": sorted(self.reasons)},
                          sort_keys=True, ensure_ascii=False)

    def row(self, eid: str) -> dict:
        type_, name = self.best()
        aliases = [n for n, _ in sorted(self.names.items(), key=lambda kv: (-kv[1][0], kv[1][1])) if n != name]
        reasons = sorted(self.reasons)
        reason = "; ".join(reasons[:5]) + (f"; and {len(reasons) - 5} more" if len(reasons) > 5 else "")
        return {"id": eid, "name": name, "type": type_, "aliases": aliases,
                "descriptors": sorted(self.descriptors), "reason": reason or "one document"}

    def best(self) -> tuple[str, str]:
        """(type, name) of the member that names the entity (the module's docstring): the rule
        scores records by their name and type and then by how early they are, so the earliest
        record of each name and type stands for the rest."""
        counts: dict[str, int] = defaultdict(int)
        for name, n in self.written.items():
            counts[N.fold(name)] += n

        def score(combo: str):
            type_, name = combo.split("|", 1)
            group = L.TYPE_GROUPS.get(type_, type_.lower())
            parts = len(N.person_tokens(name)) if group == "person" else len(N.tokens(name))
            return (N.well_formed(name, group), group != "person" or parts >= 2, len(self.typed[type_]),
                    counts[N.fold(name)], not name.isascii(), self.written[name], parts, -self.firsts[combo][0])
        # max keeps the first of equal scores: the earliest record, as in corpus order
        best = max(sorted(self.firsts, key=lambda k: self.firsts[k]), key=score)
        type_, name = best.split("|", 1)
        return type_, name


def entity_row(records: list[DocEntity], members: list[int], eid: str, reasons=()) -> tuple[dict, Tally]:
    """The row of the entity of ``records[m]`` for ``members``, and the tally it was made from."""
    tally = Tally().add([records[m] for m in members], reasons)
    return tally.row(eid), tally
