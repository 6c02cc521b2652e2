"""The ``casefile`` command: thin commands over the library; errors become one-line messages here."""
from __future__ import annotations

import json
import sys

import click

from . import __version__
from .cli_base import DB_OPTION, Commands, finish_ingest, input_options, open_store
from .cli_cases import register as register_cases
from .cli_explain import register as register_explain
from .cli_review import register as register_review
from .cli_scale import register as register_scale
from .cli_web import register as register_web
from .settings import Settings


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="casefile")
def main() -> None:
    """casefile: news reporting in, sourced case files out.

    Ingest articles (text, HTML, JSONL, RSS/Atom, WARC, URLs), extract who did what to
    whom, who said what and when, and read it back with every fact tied to its sentence.
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@input_options
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Processes that read, parse and extract in parallel (each loads the model); "
                   "this process alone writes the store.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; print only problems and the summary.")
def ingest(inputs, db, workers, quiet, **options) -> None:
    """Read INPUTS (files, folders, globs, http(s) URLs) into the store.

    Every input is either stored or reported with its reason (see `casefile errors`).
    Re-running on the same inputs changes nothing. Exits 1 when any input was rejected.
    """
    from .parallel import ingest as run
    from .progress import ingest_progress

    store = open_store(db)
    settings = Settings(db=db, workers=workers, **options)
    with ingest_progress(enabled=not quiet) as progress:
        report = run(inputs, store, settings, progress=progress)
    finish_ingest(report)


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv"]), default="json", show_default=True,
              help="json: the SCHEMA.md object; jsonl: one record per line; csv: one file per table.")
@click.option("-o", "--output", help="File to write (a folder for csv); standard output when omitted.")
def export(db, fmt, output) -> None:
    """Write the store out in the export contract (documents, entities, quotes, times, events)."""
    from .export import write

    written = write(open_store(db, readonly=True), fmt, output, sys.stdout)
    for path in written:
        click.echo(f"wrote {path}", err=True)


@main.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(db, as_json) -> None:
    """Count what the store holds, table by table."""
    counts = open_store(db, readonly=True).counts()
    if as_json:
        click.echo(json.dumps(counts, indent=1))
        return
    for table, n in counts.items():
        click.echo(f"{table:20} {n:>8}")


@main.command()
@DB_OPTION
def errors(db) -> None:
    """List inputs that were rejected or stored with warnings, with the reason."""
    rows = open_store(db, readonly=True).issues()
    for row in rows:
        click.echo(f"{row['kind']}: {row['item']}: {row['reason']}")
    click.echo(f"{len(rows)} issue(s)", err=True)


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
def serve(db, host, port) -> None:
    """Serve the web UI and JSON API over the store (read-only)."""
    import uvicorn

    from .web.app import create_app

    open_store(db, readonly=True)   # fail early and clearly when there is no store
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")


register_cases(main)
register_explain(main)
register_review(main)
register_web(main)
register_scale(main)

if __name__ == "__main__":
    main()
