"""Placeholder: filled in by the extraction work."""
from __future__ import annotations


def extract(parsed):
    return []
