"""The records cross-document entity resolution works on: a document's entity, a link and its reason."""
from __future__ import annotations

from dataclasses import dataclass, field

from . import lexicon as L


@dataclass
class DocEntity:
    document_id: str
    key: str
    name: str
    type: str
    seq: int = 0
    aliases: list[str] = field(default_factory=list)
    descriptors: list[dict] = field(default_factory=list)

    original_type: str = field(default="", init=False, repr=False, compare=False)
    # asked for hundreds of thousands of times by every key of every record: kept, not rebuilt
    ref: str = field(default="", init=False, repr=False, compare=False)
    _names: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # the type the document gave it: corpus-wide typing (people.corpus_type) may change ``type``
        self.original_type = self.type
        # how the store refers to this document's entity (``lookup``'s document~key)
        self.ref = f"{self.document_id}~{self.key}"

    @property
    def group(self) -> str:
        group = L.TYPE_GROUPS.get(self.type)
        return group if group is not None else self.type.lower()

    @property
    def all_names(self) -> list[str]:
        """The name and aliases, once each (read only: the list is kept until ``add_forms``)."""
        if self._names is None:
            self._names = [n for n in dict.fromkeys([self.name, *self.aliases]) if n]
        return self._names

    @property
    def order(self) -> tuple:
        return (self.seq, self.document_id, len(self.key), self.key)

    def add_forms(self, forms) -> None:
        """Take the written forms kept for this record ("President X") among its aliases."""
        for form in forms:
            if form not in self.aliases and form != self.name:
                self.aliases.append(form)
                self._names = None


@dataclass
class Link:
    rule: str
    reason: str


@dataclass
class Resolution:
    groups: list[list[int]]
    links: dict[int, Link]


def label(r: DocEntity) -> str:
    return f"{r.name!r} ({r.document_id[:8]})"
