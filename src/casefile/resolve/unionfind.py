"""Union-find: connected groups of plain edges (``roots``), and over document entities one that
refuses to join two entities of one document (``Clusters``).

A document's own entity module already decided which of its names are one entity, so two
entities of the same document stay apart unless a person merges them by hand.
"""
from __future__ import annotations

from collections.abc import Iterable


def roots(n: int, edges: Iterable[tuple[int, int]]) -> list[int]:
    """For each of n items, a representative of its connected group under ``edges``."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[ri] = rj
    return [find(m) for m in range(n)]


def components(n: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected groups of n items under ``edges``, each ascending, in order of their first item."""
    root = roots(n, edges)
    out: dict[int, list[int]] = {}
    for i in range(n):
        out.setdefault(root[i], []).append(i)
    return list(out.values())


class Clusters:
    def __init__(self, items: list, docs: list[str]):
        self.parent = list(range(len(items)))
        self.docs: list[set[str]] = [{d} for d in docs]
        self.members: list[list[int]] = [[i] for i in range(len(items))]
        self.first: dict[int, int] = {}     # root -> earliest member, once the clusters are settled

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def can_join(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        return ra != rb and self.docs[ra].isdisjoint(self.docs[rb])

    def join(self, a: int, b: int, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or (not force and self.docs[ra] & self.docs[rb]):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.docs[ra] |= self.docs[rb]
        self.members[ra].extend(self.members[rb])
        self.docs[rb], self.members[rb] = set(), []
        return True

    def groups(self) -> list[list[int]]:
        return [m for i, m in enumerate(self.members) if m and self.parent[i] == i]
