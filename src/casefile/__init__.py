"""casefile: turn news reporting into sourced case files.

    import casefile
    store = casefile.open_store("casefile.db")
    report = casefile.ingest(["articles/"], store)
    data = casefile.export(store)          # the SCHEMA.md object
"""
from __future__ import annotations

__version__ = "0.1.0"


def open_store(db: str = "casefile.db", *, readonly: bool = False):
    from .store.db import Store

    return Store.open(db, readonly=readonly)


def ingest(inputs, store, **options):
    from .pipeline import ingest as run

    return run(inputs, store, **options)


def export(store) -> dict:
    from .export import build

    return build(store)


__all__ = ["__version__", "export", "ingest", "open_store"]
