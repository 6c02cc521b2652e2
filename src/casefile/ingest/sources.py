"""Every input the user names -> raw documents, and a plain-words issue for each that fails.

Arguments are files, folders (walked recursively, hidden entries skipped), glob
patterns and http(s) URLs. A file's format comes from its extension, else from
its first bytes. Nothing here raises for bad input: each failure becomes an
IngestIssue and the batch goes on; a multi-article file that breaks part-way
keeps the articles read before the break.

Single-article files (text, HTML, feeds, .json) are held to
settings.MAX_INPUT_BYTES. JSON Lines and WARC files are streamed, so the limit
applies to each line or record instead of the whole file.
"""
from __future__ import annotations

import glob
import io
import json
import os
import re
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from casefile import settings
from casefile.errors import InputError
from casefile.ingest.feeds import looks_like_feed, read_feed
from casefile.ingest.html import read_html
from casefile.ingest.jsonl import read_json, read_jsonl
from casefile.ingest.text import check_size, human_size, read_text
from casefile.ingest.url import is_url, read_url
from casefile.ingest.warc import GunzipStream, is_gzip, is_warc, read_warc
from casefile.models import IngestIssue, RawDocument

Found = RawDocument | IngestIssue

# Longest suffix first: ".warc.gz" must win over ".gz".
EXTENSION_FORMATS: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"), (".arc.gz", "warc"), (".warc", "warc"), (".arc", "warc"),
    (".jsonl.gz", "jsonl"), (".ndjson.gz", "jsonl"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
    (".json", "json"),
    (".html", "html"), (".htm", "html"), (".xhtml", "html"), (".shtml", "html"),
    (".xml", "feed"), (".rss", "feed"), (".atom", "feed"), (".rdf", "feed"),
    (".txt", "text"), (".text", "text"), (".md", "text"),
)
STREAMED_FORMATS = frozenset({"warc", "jsonl"})
SNIFF_BYTES = 4096
HTML_MARKERS = ("<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<div", "<meta ")
GLOB_CHARS = frozenset("*?[")
# "[" opening a JSON array of objects or values, not an INI/TOML "[section]".
JSON_ARRAY_RE = re.compile(r'\[\s*(?:[{\["\d-]|\]|true|false|null)')


def iter_inputs(args: Iterable[str], *, allow_private: bool = False) -> Iterator[Found]:
    """Documents and issues for every argument, in order; never raises for bad input."""
    for arg in args:
        if not arg.strip():
            yield IngestIssue(item=repr(arg), reason="an empty argument, not a file, folder or URL")
            continue
        if is_url(arg):
            yield from _guarded(arg, lambda arg=arg: read_url(arg, allow_private=allow_private))
            continue
        paths = expand(arg)
        if not paths:
            yield IngestIssue(item=arg, reason=_missing_reason(arg))
        for path in paths:
            yield from _guarded(str(path), lambda path=path: read_path(path, allow_private=allow_private))


def _guarded(item: str, produce: Callable[[], Iterable[Found]]) -> Iterator[Found]:
    """Run one reader; whatever goes wrong becomes an issue about ``item``."""
    try:
        yield from produce()
    except InputError as err:
        yield IngestIssue(item=err.item or item, reason=err.message)
    except PermissionError:
        yield IngestIssue(item=item, reason="permission denied")
    except (IsADirectoryError, FileNotFoundError):
        yield IngestIssue(item=item, reason="no such file (it may have been moved or deleted)")
    except OSError as err:
        yield IngestIssue(item=item, reason=f"could not be read: {err.strerror or type(err).__name__}")
    except MemoryError:
        yield IngestIssue(item=item, reason="too large to read into memory")
    except Exception as err:  # a reader bug must not end the batch or show a traceback
        yield IngestIssue(item=item, reason=f"could not be read (internal error: {type(err).__name__})")


def _missing_reason(arg: str) -> str:
    try:
        exists = Path(arg).expanduser().exists()
    except (OSError, ValueError, RuntimeError):  # a NUL byte, an unknown ~user
        return "not a usable file name or path"
    if exists:
        return "not a regular file (a device, socket or pipe)"
    return "no files match this pattern" if _has_glob(arg) else "no such file or folder"


def _has_glob(arg: str) -> bool:
    return any(c in GLOB_CHARS for c in arg)


def expand(arg: str) -> list[Path]:
    """The files an argument names: itself, a folder's visible files, or a glob's matches; never raises."""
    try:
        return _expand(arg)
    except (OSError, ValueError, RuntimeError):  # a NUL byte, an unknown ~user, an unreadable folder
        return []


def _expand(arg: str) -> list[Path]:
    path = Path(arg).expanduser()
    if path.is_file():
        return [path]
    if path.is_dir():
        return walk(path)
    if not _has_glob(arg):
        return []
    found: list[Path] = []
    for match in sorted(glob.glob(os.path.expanduser(arg), recursive=True)):
        candidate = Path(match)
        if candidate.is_dir():
            found.extend(walk(candidate))
        elif candidate.is_file():
            found.append(candidate)
    return list(dict.fromkeys(found))


def walk(root: Path) -> list[Path]:
    """Files under ``root`` in a stable order, skipping hidden files and folders and not following links."""
    files: list[Path] = []
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(Path(folder) / name for name in sorted(names)
                     if not name.startswith(".") and (Path(folder) / name).is_file())
    return files


def format_by_name(name: str) -> str | None:
    lower = name.lower()
    for suffix, fmt in EXTENSION_FORMATS:
        if lower.endswith(suffix):
            return fmt
    return None


def sniff(head: bytes) -> str:
    """The format the first bytes suggest: warc, feed, html, json, jsonl or text."""
    if is_warc(head):
        return "warc"
    text = head.replace(b"\x00", b"").decode("utf-8", "ignore").lstrip("\ufeff \t\r\n").lower()
    if text.startswith("<?xml") or text.startswith(("<rss", "<feed", "<rdf:rdf")):
        if looks_like_feed(head.replace(b"\x00", b"")):
            return "feed"
        return "html" if "<html" in text else "feed"
    if any(marker in text for marker in HTML_MARKERS) and text.startswith("<"):
        return "html"
    if text.startswith("{") and _first_line_is_json(text):
        return "jsonl"
    if JSON_ARRAY_RE.match(text):
        return "json"
    return "text"


def _first_line_is_json(text: str) -> bool:
    """True when the first line is a JSON value, or too long to see whole (then trust the brace)."""
    first, newline, _ = text.partition("\n")
    if not newline:
        return True
    try:
        json.loads(first)
    except ValueError:
        return False
    return True


def read_path(path: Path, *, allow_private: bool = False) -> Iterator[Found]:
    """One file -> its documents and issues."""
    source = str(path)
    if path.stat().st_size == 0:
        raise InputError("empty file")
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
        handle.seek(0)
        fmt = format_by_name(path.name)
        if fmt == "warc" or (fmt is None and is_warc(head)):
            yield from read_warc(handle, source)
            return
        if is_gzip(head):
            yield from _read_gzipped(handle, path, fmt, allow_private)
            return
        fmt = fmt or sniff(head)
        if fmt == "jsonl":
            yield from read_jsonl(handle, source, allow_private=allow_private)
            return
        check_size(path.stat().st_size)
        data = handle.read(settings.MAX_INPUT_BYTES + 1)
    yield from read_bytes(data, source, fmt, allow_private=allow_private)


def read_bytes(data: bytes, source: str, fmt: str, *, allow_private: bool = False) -> Iterator[Found]:
    """A whole single-article (or .json) file already in memory."""
    check_size(len(data))
    if fmt == "html":
        yield read_html(data, source)
    elif fmt == "feed":
        yield from read_feed(data, source)
    elif fmt == "json":
        yield from read_json(data, source, allow_private=allow_private)
    elif fmt == "jsonl":
        yield from read_jsonl(io.BytesIO(data), source, allow_private=allow_private)
    else:
        yield read_text(data, source)


def _read_gzipped(handle: IO[bytes], path: Path, fmt: str | None, allow_private: bool) -> Iterator[Found]:
    """A .gz that is not a WARC: decompress as a stream, then read what is inside."""
    gunzip = GunzipStream(handle)
    inner = io.BufferedReader(gunzip, 1 << 16)
    head = inner.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    if is_warc(head):
        handle.seek(0)
        yield from read_warc(handle, str(path))
        return
    inner_name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    fmt = fmt or format_by_name(inner_name) or sniff(head)
    if fmt == "jsonl":
        try:
            yield from read_jsonl(inner, str(path), allow_private=allow_private)
        except InputError:
            if not (gunzip.truncated or gunzip.corrupt):
                raise  # otherwise the broken stream below is the real reason
        if gunzip.truncated or gunzip.corrupt:
            yield IngestIssue(item=str(path), reason=f"{gunzip.corrupt or 'truncated gzip stream'}; "
                                                     "lines before the break were kept")
        return
    data = inner.read(settings.MAX_INPUT_BYTES + 1)
    if len(data) > settings.MAX_INPUT_BYTES:
        raise InputError(f"larger than the {human_size(settings.MAX_INPUT_BYTES)} limit once uncompressed")
    if gunzip.corrupt or gunzip.truncated:
        raise InputError(gunzip.corrupt or "truncated gzip stream")
    yield from read_bytes(data, str(path), fmt, allow_private=allow_private)
