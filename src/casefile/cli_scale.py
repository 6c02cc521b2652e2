"""Commands for big corpora: ``casefile spark-ingest`` and ``casefile load``."""
from __future__ import annotations

import datetime as dt

import click

from .errors import CasefileError


def _fail(exc: Exception) -> None:
    raise click.ClickException(str(exc))


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-03-01") from None


def register(group: click.Group) -> None:
    """Add ``spark-ingest`` and ``load`` to the casefile command group."""
    group.add_command(spark_ingest)
    group.add_command(load)


@click.command("spark-ingest")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", required=True, type=click.Path(file_okay=False),
              help="Folder for the Parquet tables (one subfolder per store table; replaced if present).")
@click.option("--master", default="local[*]", show_default=True,
              help="Spark master: local[N] for N cores here, or a cluster URL (spark://, yarn, k8s://).")
@click.option("--outlet", help="Publication name for every input (overrides what the text says).")
@click.option("--published", callback=lambda _c, _p, v: _iso_date(v),
              help="Publication date YYYY-MM-DD for every input.")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private, loopback or link-local addresses.")
@click.option("--partitions", type=click.IntRange(min=1),
              help="Spark partitions to spread the input files over (default: the cluster's parallelism).")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(min=1),
              help="Documents parsed together by spaCy inside a partition.")
def spark_ingest(inputs, output, master, outlet, published, allow_private, partitions, batch_size) -> None:
    """Extract INPUTS (files, folders, globs, URLs; JSONL, text, HTML, WARC) on Spark into Parquet.

    Runs the same per-document extraction as `casefile ingest`, the spaCy model loaded
    once per Spark worker, and writes one Parquet table per store table under OUTPUT.
    Put the result in a store with `casefile load OUTPUT --db ...`. Needs Java 17
    (scripts/install_java.sh) and pyspark.
    """
    import importlib.util

    from . import spark

    if importlib.util.find_spec("pyspark") is None:
        _fail(RuntimeError("pyspark is not installed: pip install pyspark (and Java 17, scripts/install_java.sh)"))
    settings = spark.JobSettings(overrides={"outlet": outlet, "published": published},
                                 allow_private=allow_private, batch_size=batch_size)
    try:
        counts = spark.run(inputs, output, master=master, settings=settings, partitions=partitions)
    except CasefileError as exc:
        _fail(exc)
    except Exception as exc:  # a Spark/Java failure: one line, not a JVM stack trace
        _fail(RuntimeError(f"Spark job failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"))
    for table, n in counts.items():
        click.echo(f"{table:20} {n:>8}", err=True)
    click.echo(f"wrote {counts.get('documents', 0)} documents to {output}")


@click.command("load")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--db", envvar="CASEFILE_DB", default="casefile.db", show_default=True,
              help="SQLite file or postgresql:// URL to load into (env CASEFILE_DB).")
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(min=1),
              help="Documents written per transaction.")
def load(directory, db, batch_size) -> None:
    """Load the Parquet tables of `casefile spark-ingest` into a store and link across documents.

    Documents go in the input order, copies and near-duplicates are found as
    `casefile ingest` finds them, and loading the same folder twice changes nothing.
    """
    from .spark import load as run
    from .store.db import Store

    try:
        store = Store.open(db)
        report = run(directory, store, batch_size=batch_size)
    except CasefileError as exc:
        _fail(exc)
    from .cli import finish_ingest  # cli imports this module at its end, so import here

    finish_ingest(report)
