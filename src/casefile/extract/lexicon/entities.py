"""Named constants for extract.entities."""
from __future__ import annotations
