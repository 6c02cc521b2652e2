"""casefile's exceptions: a small hierarchy, each carrying what the user needs to act.

Each class carries its HTTP ``status`` and its command-line ``exit_code``, so one handler
on the web (``web.app``) and one on the command line (``cli_base``) map every error the
same way, and the library raises what it means without knowing who called it.
"""
from __future__ import annotations


class CasefileError(Exception):
    """Base class. ``item`` names the input or object concerned, when there is one."""

    status = 400
    exit_code = 1

    def __init__(self, message: str, *, item: str | None = None):
        super().__init__(message)
        self.message = message
        self.item = item

    def __str__(self) -> str:
        return f"{self.item}: {self.message}" if self.item else self.message


class InputError(CasefileError):
    """An input that cannot be read as an article (empty, binary, too big, malformed)."""

    status = 422


class FetchError(InputError):
    """A URL that could not be fetched (unreachable, refused, wrong type, too big)."""

    status = 502


class StoreError(CasefileError):
    """The database could not be opened, migrated or written."""

    status = 503


class NotFound(CasefileError):
    """A document, entity or other object that is not in the store."""

    status = 404


class Invalid(CasefileError):
    """A request whose arguments cannot be answered as given (a missing side, an unknown table)."""

    status = 422
    exit_code = 2


class Ambiguous(CasefileError):
    """A name that several objects answer to; ``candidates`` lists them (id, name, type, documents)."""

    status = 409
    exit_code = 2

    def __init__(self, message: str, *, item: str | None = None, candidates: list[dict] | None = None):
        super().__init__(message, item=item)
        self.candidates = candidates or []

    def details(self) -> list[str]:
        """One line per candidate, for a terminal or an error page."""
        return [f"{c['id']}  {c['type']:<7} {c['documents']:>4} doc(s)  {c['name']}" for c in self.candidates]


class ConfigError(CasefileError):
    """A setting that cannot be used (unknown model, bad database URL)."""

    status = 500
