"""Named constants for extract.quotes."""
from __future__ import annotations
