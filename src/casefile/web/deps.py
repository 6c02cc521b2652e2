"""What routes take from the application: the read-only store, opened once."""
from __future__ import annotations

from fastapi import Request

from ..store.db import Store


def store_of(request: Request) -> Store:
    """The read-only store, opened once per application."""
    state = request.app.state
    if getattr(state, "store", None) is None:
        state.store = Store.open(state.db, readonly=True)
    return state.store
