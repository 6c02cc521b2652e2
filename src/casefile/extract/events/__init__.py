"""Event extraction: triggers first, then sense and modality, participants and linking."""
from __future__ import annotations

from .build import extract

__all__ = ["extract"]
