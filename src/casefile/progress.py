"""A progress display for long runs (stderr, only on a terminal)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


@contextmanager
def ingest_progress(enabled: bool = True) -> Iterator:
    """A callback (what, item) that keeps a live count of stored/duplicate/rejected items."""
    console = Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield None
        return
    counts: Counter[str] = Counter()
    columns = [SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn()]
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("reading", total=None)

        def update(what: str, item: str) -> None:
            counts[what] += 1
            bar.update(task, description=(f"stored {counts['stored']} · duplicates {counts['duplicate']} · "
                                          f"rejected {counts['rejected']}  {item[-50:]}"))
        yield update
