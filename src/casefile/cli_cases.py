"""casefile commands over corpus-level records: entities, timeline, conflicts, resolve."""
from __future__ import annotations

import json

import click

from .cli_base import DB_OPTION, FORMAT_OPTION, echo_json, open_store


@click.group("entities")
def entities_group() -> None:
    """List, inspect, merge and split corpus-level entities (people, groups, places)."""


@entities_group.command("list")
@DB_OPTION
@click.option("--query", "-q", help="Only entities with a name or alias containing this.")
@click.option("--type", "etype", help="Only this type (PERSON, ORG, GPE, ...).")
@click.option("--limit", default=100, show_default=True, help="At most this many.")
@FORMAT_OPTION
def entities_list(db, query, etype, limit, fmt) -> None:
    """Entities with the number of documents that name them, most documents first."""
    from .resolve.manage import list_entities
    rows = list_entities(open_store(db, readonly=True), query, etype, limit)
    if fmt == "json":
        return echo_json(rows)
    for r in rows:
        click.echo(f"{r['id']}  {r['type']:<7} {r['documents']:>3} doc(s)  {r['name']}"
                   + (f"  (also: {', '.join(r['aliases'][:4])})" if r["aliases"] else ""))


@entities_group.command("show")
@click.argument("entity")
@DB_OPTION
@FORMAT_OPTION
def entities_show(entity, db, fmt) -> None:
    """Show ENTITY (an id, or a name only one entity answers to) and why its parts were linked."""
    from .resolve.manage import show_entity
    ent = show_entity(open_store(db, readonly=True), entity)
    if fmt == "json":
        return echo_json(ent)
    click.echo(f"{ent['id']}  {ent['type']}  {ent['name']}")
    click.echo(f"aliases: {', '.join(ent['aliases'] or []) or '-'}")
    click.echo(f"descriptors: {', '.join(ent['descriptors'] or []) or '-'}")
    for m in ent["members"]:
        click.echo(f"  {m['document_id']} {m['key']:<5} {m['name']!r}: {m['rule']}: {m['reason']}")


@entities_group.command("merge")
@click.argument("a")
@click.argument("b")
@DB_OPTION
def entities_merge(a, b, db) -> None:
    """Merge entities A and B (ids or unambiguous names); kept in later runs and audited."""
    from .resolve.manage import merge
    click.echo(merge(open_store(db), a, b))


@entities_group.command("split")
@click.argument("entity")
@click.option("--document", "-d", required=True, help="Id (or id prefix) of the document whose entity to take out.")
@click.option("--key", "-k", required=True, help="That document's entity key (see `casefile entities show`).")
@DB_OPTION
def entities_split(entity, document, key, db) -> None:
    """Take one document's entity out of ENTITY; kept in later runs and audited."""
    from .resolve.manage import split
    click.echo(split(open_store(db), entity, document, key))


@entities_group.command("audit")
@DB_OPTION
def entities_audit(db) -> None:
    """Every merge and split made by hand, oldest first."""
    from .resolve.manage import audit
    for row in audit(open_store(db, readonly=True)):
        click.echo(f"{row['at']}  {row['action']}  {json.dumps(row['detail'], ensure_ascii=False)}")


@click.command("timeline")
@DB_OPTION
@click.option("--entity", help="Only events involving this entity (id, name or alias).")
@click.option("--type", "etype", help="Only this event type (arrest, trial, policy_issued, ...).")
@click.option("--from", "date_from", help="Only events on or after this date (2024, 2024-03, 2024-03-05).")
@click.option("--to", "date_to", help="Only events on or before this date.")
@click.option("--dated", is_flag=True, help="Leave out undated events.")
@FORMAT_OPTION
def timeline_cmd(db, entity, etype, date_from, date_to, dated, fmt) -> None:
    """Events in date order at their own precision, undated last, each with its outlets."""
    from .resolve.timeline import TimelineQuery, format_text, timeline
    query = TimelineQuery(entity=entity, type=etype, date_from=date_from, date_to=date_to, dated_only=dated)
    data = timeline(open_store(db, readonly=True), query)
    if fmt == "json":
        return echo_json(data["clusters"])
    click.echo(format_text(data))


@click.command("conflicts")
@DB_OPTION
@click.option("--kind", help="Only this kind (date, duration, money, count, percent, quote_speaker).")
@FORMAT_OPTION
def conflicts_cmd(db, kind, fmt) -> None:
    """Where sources disagree, both sides side by side."""
    from .resolve.manage import list_conflicts
    rows = list_conflicts(open_store(db, readonly=True), kind)
    if fmt == "json":
        return echo_json(rows)
    for r in rows:
        click.echo(f"{r['kind']}: {r['value_a']!s} vs {r['value_b']!s}  ({r['detail']})")
        for side in ("a", "b"):
            text = " ".join((r[f"text_{side}"] or "").split())[:200]
            click.echo(f"  {r[f'outlet_{side}'] or r[f'document_{side}'][:8]}: {text}")
    click.echo(f"{len(rows)} conflict(s)", err=True)


@click.command("resolve")
@DB_OPTION
def resolve_cmd(db) -> None:
    """Re-run cross-document resolution over everything stored (safe to repeat)."""
    from . import resolve
    counts = resolve.run(open_store(db))
    click.echo(", ".join(f"{k} {v}" for k, v in counts.items()))


def register(group: click.Group) -> None:
    """Add this module's commands to the casefile command group."""
    for command in (entities_group, timeline_cmd, conflicts_cmd, resolve_cmd):
        group.add_command(command)
