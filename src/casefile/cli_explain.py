"""``casefile explain``: why each sentence gave an event or none (a thin command over extract.events.explain)."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from .errors import CasefileError
from .settings import DEFAULT_DB


@click.command("explain")
@click.argument("source", required=False)
@click.option("--document", help="A stored document's id (with --db) instead of SOURCE.")
@click.option("--db", envvar="CASEFILE_DB", default=DEFAULT_DB, show_default=True,
              help="SQLite file or postgresql:// URL (env CASEFILE_DB), read with --document.")
@click.option("--type", "etype", help="Only decisions on this event type (arrest, attack, ...).")
@click.option("--dropped", is_flag=True, help="Only the trigger words that gave no event.")
@click.option("--published", help="Publication date YYYY-MM-DD that relative dates resolve against.")
@click.option("--json", "as_json", is_flag=True, help="The decisions as JSON.")
def explain_cmd(source, document, db, etype, dropped, published, as_json) -> None:
    """Show, sentence by sentence, each word that can report an event and why it did or did not.

    SOURCE is a text file, or the text itself in quotes; --document reads a stored document.
    """
    from .extract.events.explain import explain_document, explain_text, format_decisions

    try:
        if document:
            from .store.db import Store
            text, decisions = explain_document(Store.open(db, readonly=True), document)
        elif source:
            path = Path(source)
            text = path.read_text(encoding="utf-8") if len(source) < 4096 and path.is_file() else source
            decisions = explain_text(text, published)
        else:
            raise click.UsageError("give SOURCE (a file or a text) or --document ID")
    except CasefileError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        rows = [asdict(d) for d in decisions if (not etype or d.type == etype) and not (dropped and d.kept)]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    click.echo(format_decisions(text, decisions, etype, dropped) or "no word that can report an event")


def register(group: click.Group) -> None:
    group.add_command(explain_cmd)
