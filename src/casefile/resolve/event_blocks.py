"""Blocks of event reports: parts of a corpus whose event clusters form without looking at each other.

Two reports can only be one event when they share a (type, entity) block (``events.blocks``),
and a block too big to propose pairs proposes none however it is read. So the connected
components of the graph report -- open block are closed under candidate pairs, and
``events.cluster`` on each one (told which of its blocks are too big in the whole corpus)
gives, component by component, the clusters of the whole corpus. A cluster's corroboration
and conflicts read only its own reports, their documents' sources and their amounts, so
they are made on the same component. The Spark job (``spark_events``) finds the components
with DataFrame joins; this module is the one place that says what links them and what is
made of each.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .conflicts import conflicts_in
from .corroborate import cluster_rows
from .events import EventRecord, blocks, cluster
from .sources import Sources


def block_keys(e: EventRecord) -> list[str]:
    """The report's (type, entity) blocks as text ("type|entity id")."""
    return [f"{type_}|{entity}" for type_, entity in blocks([e])]


def as_block(key: str) -> tuple[str, str]:
    type_, entity = key.split("|", 1)
    return type_, entity


@dataclass
class Clustered:
    """What one component gives: each report's cluster id, and the rows of its clusters."""
    cluster_of: dict[str, str] = field(default_factory=dict)
    clusters: list[dict] = field(default_factory=list)           # event_clusters rows
    claims: list[dict] = field(default_factory=list)             # cluster_claims rows
    conflicts: list[dict] = field(default_factory=list)          # conflicts rows


def cluster_block(events: list[EventRecord], oversized: set[str], sources: Sources,
                  amounts: dict[str, list[dict]], sentences: dict[str, tuple[int | None, int | None]]) -> Clustered:
    """Cluster one component as a full ``casefile resolve`` clusters it (``oversized``: its
    blocks too big in the whole corpus) and make its clusters' rows."""
    events = sorted(events, key=lambda e: e.order)
    groups = {}
    for members in cluster(events, {as_block(k) for k in oversized}):
        groups[events[members[0]].id] = [events[m] for m in members]     # a cluster is named by its earliest report
    rows, claims = cluster_rows(groups, sources, amounts)
    return Clustered({m.id: cid for cid, members in groups.items() for m in members}, rows, claims,
                     conflicts_in(groups, sources, amounts, sentences))
