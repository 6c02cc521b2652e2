"""casefile commands registered on the main group (placeholder)."""
from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add this module's commands to the casefile command group."""
