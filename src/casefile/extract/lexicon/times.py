"""Named constants for extract.times."""
from __future__ import annotations
