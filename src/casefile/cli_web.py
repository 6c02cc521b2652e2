"""casefile commands for reading the store like the web UI does: search and case briefs."""
from __future__ import annotations

import json
from pathlib import Path

import click

from .cli_base import DB_OPTION, open_store


@click.command()
@click.argument("entity")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True,
              help="md: Markdown with footnotes; html: a printable standalone page.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="File to write; standard output when omitted.")
def brief(entity, db, fmt, output) -> None:
    """Write the case brief of ENTITY (an id, or a name one entity answers to) with footnoted citations.

    A name several entities answer to is an error (exit status 2) that lists them."""
    from . import briefs

    store = open_store(db, readonly=True)
    body = briefs.html(store, entity) if fmt == "html" else briefs.markdown(store, entity)
    if output:
        Path(output).write_text(body, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(body, nl=False)


@click.command()
@click.argument("query", required=False, default="")
@DB_OPTION
@click.option("--outlet", help="Only documents from this outlet.")
@click.option("--entity-type", help="Only entities of this type (PERSON, ORG, GPE, ...).")
@click.option("--event-type", help="Only documents reporting this event type (arrest, charge, ...).")
@click.option("--from", "date_from", help="Published on or after (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--to", "date_to", help="Published on or before (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--limit", default=20, show_default=True, help="Results per kind.")
@click.option("--json", "as_json", is_flag=True, help="Print the results and facets as JSON.")
def search(query, db, outlet, entity_type, event_type, date_from, date_to, limit, as_json) -> None:
    """Search documents, entities and quotes for QUERY (every word must match)."""
    from .store.search import SearchFilters, search as run

    result = run(open_store(db, readonly=True), query, SearchFilters(outlet, entity_type, event_type, date_from, date_to), limit)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=1, default=str))
        return
    click.echo(f"documents ({len(result.documents)}):")
    for d in result.documents:
        click.echo(f"  {d['id']}  {d['published'] or '':10}  {d['outlet'] or '':20}  {d['title'] or d['source']}")
    click.echo(f"entities ({len(result.entities)}):")
    for e in result.entities:
        click.echo(f"  {e['id']}  {e['type']:8}  {e['name']}")
    click.echo(f"quotes ({len(result.quotes)}):")
    for q in result.quotes:
        click.echo(f"  {q['document_id']}  {q['speaker_text'] or 'unknown'}: {q['text'][:100]}")


def register(group: click.Group) -> None:
    """Add this module's commands to the casefile command group."""
    group.add_command(brief)
    group.add_command(search)
