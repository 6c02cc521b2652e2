"""Commands for big corpora: ``casefile spark-ingest`` and ``casefile load``."""
from __future__ import annotations

import click

from .cli_base import DB_OPTION, finish_ingest, input_options, open_store
from .errors import CasefileError
from .settings import Settings


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
@input_options
@click.option("--partitions", type=click.IntRange(min=1),
              help="Spark partitions to spread the input files over (default: the cluster's parallelism).")
@click.option("--resolve", "resolve", is_flag=True,
              help="Also resolve across documents on Spark: entities, event clusters, corroboration and "
                   "conflicts (OUTPUT/resolved/), which `casefile load` then stores as they are.")
def spark_ingest(inputs, output, master, partitions, resolve, **options) -> None:
    """Extract INPUTS (files, folders, globs, URLs; JSONL, text, HTML, WARC) on Spark into Parquet.

    Runs the same per-document extraction as `casefile ingest`, the spaCy model loaded
    once per Spark worker, and writes one Parquet table per store table under OUTPUT.
    Put the result in a store with `casefile load OUTPUT --db ...`. Needs Java 17
    (scripts/install_java.sh) and pyspark.
    """
    import importlib.util

    from . import spark

    if importlib.util.find_spec("pyspark") is None:
        raise click.ClickException("pyspark is not installed: pip install pyspark (and Java 17, "
                                   "scripts/install_java.sh)")
    try:
        counts = spark.run(inputs, output, master=master, settings=Settings(**options), partitions=partitions,
                           resolve=resolve)
    except CasefileError:
        raise                     # the command group says it in its own words
    except Exception as exc:  # a Spark/Java failure: one line, not a JVM stack trace
        first = str(exc).splitlines()[0] if str(exc) else ""
        raise click.ClickException(f"Spark job failed: {type(exc).__name__}: {first}") from None
    for table, n in counts.items():
        click.echo(f"{table:20} {n:>8}", err=True)
    click.echo(f"wrote {counts.get('documents', 0)} documents to {output}")


@click.command("load")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@DB_OPTION
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(min=1),
              help="Documents written per transaction.")
def load(directory, db, batch_size) -> None:
    """Load the Parquet tables of `casefile spark-ingest` into a store and link across documents.

    Documents go in the input order, copies and near-duplicates are found as
    `casefile ingest` finds them, and loading the same folder twice changes nothing.
    Output of `spark-ingest --resolve` loaded into an empty store is stored as Spark
    resolved it, not resolved again (the next ingest into the store resolves in full once).
    """
    from .spark_load import load as run

    finish_ingest(run(directory, open_store(db), Settings(db=db, batch_size=batch_size)))
