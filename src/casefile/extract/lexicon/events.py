"""Named constants for extract.events."""
from __future__ import annotations
