"""casefile's exceptions: a small hierarchy, each carrying what the user needs to act."""
from __future__ import annotations


class CasefileError(Exception):
    """Base class. ``item`` names the input or object concerned, when there is one."""

    def __init__(self, message: str, *, item: str | None = None):
        super().__init__(message)
        self.message = message
        self.item = item

    def __str__(self) -> str:
        return f"{self.item}: {self.message}" if self.item else self.message


class InputError(CasefileError):
    """An input that cannot be read as an article (empty, binary, too big, malformed)."""


class FetchError(InputError):
    """A URL that could not be fetched (unreachable, refused, wrong type, too big)."""


class StoreError(CasefileError):
    """The database could not be opened, migrated or written."""


class NotFound(CasefileError):
    """A document, entity or other object that is not in the store."""


class ConfigError(CasefileError):
    """A setting that cannot be used (unknown model, bad database URL)."""
