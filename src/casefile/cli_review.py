"""casefile commands for human review (``casefile review``) and named cases (``casefile case``)."""
from __future__ import annotations

import click

from .cli_base import DB_OPTION, FORMAT_OPTION, echo_json, open_store

KIND_OPTIONS = (("--event", "event"), ("--quote", "quote"), ("--link", "entity_link"))


@click.group("review")
def review_group() -> None:
    """Confirm, reject or correct extracted facts; decisions hold through re-ingest and resolve."""


@review_group.command("list")
@DB_OPTION
@click.option("--status", type=click.Choice(["confirmed", "rejected", "unreviewed"]), help="Only this status.")
@click.option("--kind", type=click.Choice(["event", "quote", "entity_link"]), help="Only this kind of fact.")
@FORMAT_OPTION
def review_list(db, status, kind, fmt) -> None:
    """Every decision, newest first: the fact, its status, the corrections, who and when."""
    from .resolve.review import decisions
    rows = decisions(open_store(db, readonly=True), status, kind)
    if fmt == "json":
        return echo_json(rows)
    for r in rows:
        edits = ", ".join(f"{k}: {(r['original'] or {}).get(k)!r} -> {v!r}" for k, v in (r["edits"] or {}).items())
        said = " ".join(((r["original"] or {}).get("text") or (r["original"] or {}).get("name") or "").split())[:60]
        click.echo(f"{r['at']}  {r['status']:<10} {r['key']}  \u201c{said}\u201d  by {r['reviewer']}"
                   + (f"  [{edits}]" if edits else "") + (f"  note: {r['note']}" if r["note"] else "")
                   + ("" if r["stored"] else "  (fact not stored now)"))
    click.echo(f"{len(rows)} decision(s)", err=True)


@review_group.command("set")
@click.option("--event", help="An event: its id (from the export or JSON API) or its fact key.")
@click.option("--quote", help="A quote: its id or its fact key.")
@click.option("--link", help="An entity link: <document id>~<entity key>, or its fact key.")
@click.option("--status", type=click.Choice(["confirmed", "rejected", "unreviewed"]), help="The decision.")
@click.option("--note", help="Why.")
@click.option("--type", "etype", help="An event's corrected type ('' clears the correction).")
@click.option("--date", help="An event's corrected date (2024, 2024-03, 2024-03-05).")
@click.option("--speaker", help="A quote's corrected speaker (a name; linked when one entity answers to it).")
@click.option("--by", "reviewer", required=True, envvar="CASEFILE_REVIEWER", help="Who decides (env CASEFILE_REVIEWER).")
@DB_OPTION
def review_set(event, quote, link, status, note, etype, date, speaker, reviewer, db) -> None:
    """Record a decision about one fact (exactly one of --event, --quote, --link)."""
    from .errors import Invalid
    from .resolve.review import decide, key_for_id
    given = [(kind, value) for (opt, kind), value in zip(KIND_OPTIONS, (event, quote, link)) if value]
    if len(given) != 1:
        raise Invalid("give exactly one of --event, --quote, --link")
    kind, ref = given[0]
    edits = {k: v for k, v in (("type", etype), ("date_value", date), ("speaker", speaker)) if v is not None}
    store = open_store(db)
    row = decide(store, key_for_id(store, kind, ref), reviewer=reviewer, status=status, note=note, edits=edits)
    click.echo(f"{row['status']}  {row['key']}" + (f"  {row['edits']}" if row["edits"] else ""))


@review_group.command("history")
@DB_OPTION
@click.option("--key", help="Only this fact's changes.")
@FORMAT_OPTION
def review_history(db, key, fmt) -> None:
    """Every change made by review, oldest first."""
    from .resolve.review import history
    rows = history(open_store(db, readonly=True), key)
    if fmt == "json":
        return echo_json(rows)
    for r in rows:
        click.echo(f"{r['at']}  {r['reviewer']}  {r['status']:<10} {r['key']}  {r['edits'] or ''}  {r['note'] or ''}")


@click.group("case")
def case_group() -> None:
    """Named cases: groups of entities and events, each with its own timeline, brief and export."""


@case_group.command("create")
@click.argument("name")
@click.option("--by", "reviewer", envvar="CASEFILE_REVIEWER", help="Who creates it.")
@DB_OPTION
def case_create(name, reviewer, db) -> None:
    """Create the case NAME."""
    from .resolve.case_groups import create
    click.echo(create(open_store(db), name, reviewer)["name"])


@case_group.command("add")
@click.argument("name")
@click.option("--entity", "entities", multiple=True, help="An entity (id or name); repeatable.")
@click.option("--event", "events", multiple=True, help="An event (id or fact key); repeatable.")
@click.option("--by", "reviewer", envvar="CASEFILE_REVIEWER", help="Who adds them.")
@DB_OPTION
def case_add(name, entities, events, reviewer, db) -> None:
    """Add entities and events to the case NAME."""
    from .resolve.case_groups import add
    for item in add(open_store(db), name, list(entities), list(events), reviewer):
        click.echo(f"added {item['kind']} {item['label']}  ({item['ref']})")


@case_group.command("remove")
@click.argument("name")
@click.option("--entity", "entities", multiple=True, help="An entity (id or name); repeatable.")
@click.option("--event", "events", multiple=True, help="An event (id or fact key); repeatable.")
@DB_OPTION
def case_remove(name, entities, events, db) -> None:
    """Take entities and events out of the case NAME."""
    from .resolve.case_groups import remove
    click.echo(f"removed {remove(open_store(db), name, list(entities), list(events))}")


@case_group.command("list")
@DB_OPTION
@FORMAT_OPTION
def case_list(db, fmt) -> None:
    """Every case with how many entities and events were added to it."""
    from .resolve.case_groups import list_cases
    rows = list_cases(open_store(db, readonly=True))
    if fmt == "json":
        return echo_json(rows)
    for r in rows:
        click.echo(f"{r['name']}  {r['entities']} entit{'y' if r['entities'] == 1 else 'ies'}, {r['events']} event(s)")


@case_group.command("show")
@click.argument("name")
@DB_OPTION
@FORMAT_OPTION
def case_show(name, db, fmt) -> None:
    """The case NAME: its entities, the events added to it, and its timeline."""
    from .case_files import case_data
    from .resolve.timeline import format_text
    data = case_data(open_store(db, readonly=True), name)
    if fmt == "json":
        return echo_json(data)
    click.echo(data["name"])
    for e in data["entities"]:
        click.echo(f"  entity  {e['name']} ({e['type']})")
    for e in data["events"]:
        click.echo(f"  event   {e['label']}")
    click.echo(format_text(data["timeline"]))


@case_group.command("brief")
@click.argument("name")
@DB_OPTION
@click.option("-o", "--output", help="File to write; standard output when omitted.")
def case_brief(name, db, output) -> None:
    """The case's brief in Markdown, every event footnoted."""
    from .case_files import markdown
    body = markdown(open_store(db, readonly=True), name)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(body)
    else:
        click.echo(body, nl=False)


@case_group.command("export")
@click.argument("name")
@DB_OPTION
@click.option("-o", "--output", help="File to write; standard output when omitted.")
def case_export(name, db, output) -> None:
    """The case's export: the SCHEMA.md object narrowed to the case's documents, entities and events."""
    import json

    from .case_files import export
    body = json.dumps(export(open_store(db, readonly=True), name), ensure_ascii=False, indent=1)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(body + "\n")
    else:
        click.echo(body)


def register(group: click.Group) -> None:
    """Add this module's commands to the casefile command group."""
    for command in (review_group, case_group):
        group.add_command(command)
