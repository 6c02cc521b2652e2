"""What every ``casefile`` command shares: the command group that maps errors, and the options
defined once (the store, the output format, the options every way of ingesting takes)."""
from __future__ import annotations

import datetime as dt
import json
import sys

import click

from .errors import Ambiguous, CasefileError
from .settings import DEFAULT_DB


class CommandError(click.ClickException):
    """A library error as a one-line message (the candidates, for an ambiguous name) and its exit code."""

    def __init__(self, exc: CasefileError):
        lines = [str(exc), *(exc.details() if isinstance(exc, Ambiguous) else [])]
        super().__init__("\n".join(lines))
        self.exit_code = exc.exit_code


class Commands(click.Group):
    """The command group: the one place a CasefileError becomes a message and an exit status."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CasefileError as exc:
            raise CommandError(exc) from None


def iso_date(_ctx, _param, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-03-01") from None


def input_options(command):
    """The options of every way of ingesting (``ingest`` and ``spark-ingest``), as ``Settings`` fields."""
    for option in reversed((
        click.option("--outlet", help="Publication name for every input (overrides what the text says)."),
        click.option("--published", callback=iso_date, help="Publication date YYYY-MM-DD for every input."),
        click.option("--allow-private", is_flag=True,
                     help="Allow URLs on private, loopback or link-local addresses."),
        click.option("--batch-size", default=32, show_default=True, type=click.IntRange(min=1),
                     help="Documents parsed together (and stored per transaction)."),
    )):
        command = option(command)
    return command


DB_OPTION = click.option("--db", envvar="CASEFILE_DB", default=DEFAULT_DB, show_default=True,
                         help="SQLite file or postgresql:// URL (env CASEFILE_DB).")
FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                             show_default=True, help="Plain text for reading, JSON for tools.")


def open_store(db: str, readonly: bool = False):
    from .store.db import Store

    return Store.open(db, readonly=readonly)


def echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=1, default=str))


def finish_ingest(report) -> None:
    """One line per issue, the summary, and exit status 1 when anything was rejected."""
    for issue in report.issues:
        click.echo(f"{issue.kind}: {issue.item}: {issue.reason}", err=True)
    click.echo(report.summary())
    if report.rejected:
        sys.exit(1)
