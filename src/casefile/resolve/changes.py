"""What one step of a resolution run changed, for the steps after it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class EntityChange:
    """What an update changed, for the steps after it (event clusters, labels, quote conflicts)."""

    records: set[str] = field(default_factory=set)      # refs whose entity changed, new ones included
    entities: set[str] = field(default_factory=set)     # entity ids rewritten, added or removed
    shown: set[str] = field(default_factory=set)        # of those, ids whose name or type is new or changed
    before: dict[str, tuple[str, str]] = field(default_factory=dict)   # (name, type) of those, before and after
    after: dict[str, tuple[str, str]] = field(default_factory=dict)
    shrunk: set[str] = field(default_factory=set)       # entity ids that may have lost records
    count: int = 0                                      # entities written

    def merge(self, other: EntityChange) -> EntityChange:
        return EntityChange(self.records | other.records, self.entities | other.entities, self.shown | other.shown,
                            self.before | other.before, self.after | other.after, self.shrunk | other.shrunk,
                            self.count + other.count)
