"""Event extraction: triggers first, then sense and modality, participants and linking."""
from __future__ import annotations

from .build import Decision, explain, extract

__all__ = ["Decision", "explain", "extract"]
