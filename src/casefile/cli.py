"""The ``casefile`` command: thin commands over the library; errors become one-line messages here."""
from __future__ import annotations

import datetime as dt
import json
import sys

import click

from . import __version__
from .errors import CasefileError
from .settings import DEFAULT_DB

DB_OPTION = click.option("--db", envvar="CASEFILE_DB", default=DEFAULT_DB, show_default=True,
                         help="SQLite file or postgresql:// URL (env CASEFILE_DB).")


def _fail(exc: Exception) -> None:
    raise click.ClickException(str(exc))


def _open(db: str, readonly: bool = False):
    from .store.db import Store

    try:
        return Store.open(db, readonly=readonly)
    except CasefileError as exc:
        _fail(exc)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="casefile")
def main() -> None:
    """casefile: news reporting in, sourced case files out.

    Ingest articles (text, HTML, JSONL, RSS/Atom, WARC, URLs), extract who did what to
    whom, who said what and when, and read it back with every fact tied to its sentence.
    """


def _iso_date(_ctx, _param, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-03-01") from None


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@click.option("--outlet", help="Publication name for every input (overrides what the text says).")
@click.option("--published", callback=_iso_date, help="Publication date YYYY-MM-DD for every input.")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private, loopback or link-local addresses.")
@click.option("--batch-size", default=32, show_default=True, help="Documents parsed and stored per transaction.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Processes that read, parse and extract in parallel (each loads the model); "
                   "this process alone writes the store.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; print only problems and the summary.")
def ingest(inputs, db, outlet, published, allow_private, batch_size, workers, quiet) -> None:
    """Read INPUTS (files, folders, globs, http(s) URLs) into the store.

    Every input is either stored or reported with its reason (see `casefile errors`).
    Re-running on the same inputs changes nothing. Exits 1 when any input was rejected.
    """
    from .parallel import ingest as run
    from .progress import ingest_progress

    store = _open(db)
    overrides = {"outlet": outlet, "published": published}
    try:
        with ingest_progress(enabled=not quiet) as progress:
            report = run(inputs, store, overrides=overrides, allow_private=allow_private,
                         batch_size=batch_size, progress=progress, workers=workers)
    except CasefileError as exc:
        _fail(exc)
    finish_ingest(report)


def finish_ingest(report) -> None:
    """One line per issue, the summary, and exit status 1 when anything was rejected."""
    for issue in report.issues:
        click.echo(f"{issue.kind}: {issue.item}: {issue.reason}", err=True)
    click.echo(report.summary())
    if report.rejected:
        sys.exit(1)


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv"]), default="json", show_default=True,
              help="json: the SCHEMA.md object; jsonl: one record per line; csv: one file per table.")
@click.option("-o", "--output", help="File to write (a folder for csv); standard output when omitted.")
def export(db, fmt, output) -> None:
    """Write the store out in the export contract (documents, entities, quotes, times, events)."""
    from .export import write

    store = _open(db, readonly=True)
    try:
        written = write(store, fmt, output, sys.stdout)
    except CasefileError as exc:
        _fail(exc)
    for path in written:
        click.echo(f"wrote {path}", err=True)


@main.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(db, as_json) -> None:
    """Count what the store holds, table by table."""
    counts = _open(db, readonly=True).counts()
    if as_json:
        click.echo(json.dumps(counts, indent=1))
        return
    for table, n in counts.items():
        click.echo(f"{table:20} {n:>8}")


@main.command()
@DB_OPTION
def errors(db) -> None:
    """List inputs that were rejected or stored with warnings, with the reason."""
    rows = _open(db, readonly=True).issues()
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

    _open(db, readonly=True)   # fail early and clearly when there is no store
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")


from .cli_cases import register as _register_cases  # noqa: E402  (commands over corpus-level records)
from .cli_explain import register as _register_explain  # noqa: E402  (why a sentence gave no event)
from .cli_scale import register as _register_scale  # noqa: E402  (Spark job and Parquet loader)
from .cli_web import register as _register_web  # noqa: E402  (exports and briefs for the UI)

_register_cases(main)
_register_explain(main)
_register_web(main)
_register_scale(main)

if __name__ == "__main__":
    main()
