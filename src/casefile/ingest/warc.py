"""WARC reader (plain or gzip, as Common Crawl's CC-NEWS ships them), and a gzip stream
that notices truncation.

A WARC file is streamed record by record, so its own size is not limited; each
record's page is held to settings.MAX_INPUT_BYTES. warcio reads a cut-off
archive without complaint (the last record simply comes out short), so this
module decompresses gzip itself and checks each record's declared length:
records before the break are kept and the break is reported.
"""
from __future__ import annotations

import io
import logging
import zlib
from typing import IO, Any, Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from casefile import settings
from casefile.errors import InputError
from casefile.ingest.html import read_html
from casefile.ingest.text import human_size
from casefile.models import IngestIssue, RawDocument

log = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = (b"WARC/1.", b"WARC/0.")
ARC_MAGIC = b"filedesc://"
READ_CHUNK = 1 << 16
# Decompressed bytes produced per step: bounds memory on a gzip bomb.
OUT_CHUNK = 1 << 20
ARTICLE_RECORD_TYPES = frozenset({"response", "resource"})
HTML_TYPES = ("text/html", "application/xhtml+xml")


class _QuietArchiveIterator(ArchiveIterator):
    """warcio writes a warning straight to stderr for each record with a wrong length; count them instead."""

    INC_RECORD = ""


class GunzipStream(io.RawIOBase):
    """Multi-member gzip decompression that records truncation or corruption instead of raising."""

    def __init__(self, raw: IO[bytes]):
        super().__init__()
        self._raw = raw
        self._d = zlib.decompressobj(wbits=31)
        self._carry = b""
        self._pending = bytearray()
        self._in_member = False
        self._done = False
        self.truncated = False
        self.corrupt: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        self._fill(len(buffer))
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        del self._pending[:size]
        return size

    def _fill(self, wanted: int) -> None:
        while len(self._pending) < wanted and not self._done:
            data = self._d.unconsumed_tail or self._carry or self._raw.read(READ_CHUNK)
            self._carry = b""
            if not data:
                self.truncated = self._in_member
                self._done = True
                return
            if self._d.eof:
                if not data.strip(b"\0"):
                    continue  # zero padding after the last member
                self._d = zlib.decompressobj(wbits=31)
            try:
                out = self._d.decompress(data, OUT_CHUNK)
            except zlib.error:
                self.corrupt = "corrupt gzip data"
                self._done = True
                return
            self._in_member = not self._d.eof
            if self._d.eof:
                self._carry = self._d.unused_data
            self._pending += out


def is_gzip(head: bytes) -> bool:
    return head.startswith(GZIP_MAGIC)


def is_warc(head: bytes) -> bool:
    return head.lstrip(b"\r\n").startswith(WARC_MAGIC)


def read_warc(stream: IO[bytes], path: str) -> Iterator[RawDocument | IngestIssue]:
    """HTML pages from 200 responses (and HTML resource records); other records are skipped."""
    head = stream.read(2)
    rest = io.BufferedReader(_Prepend(head, stream), READ_CHUNK)
    gunzip = GunzipStream(rest) if is_gzip(head) else None
    source = io.BufferedReader(gunzip, READ_CHUNK) if gunzip else rest
    start = source.peek(64)[:64]
    if not (is_warc(start) or start.startswith(ARC_MAGIC)):
        # warcio would take any text for an old-style ARC record; refuse it here
        raise InputError(gunzip.corrupt or "truncated gzip stream" if gunzip and (gunzip.corrupt or gunzip.truncated)
                         else "not a WARC archive")
    records = articles = 0
    failure: str | None = None
    archive = _QuietArchiveIterator(source)
    try:
        for record in archive:
            found = _record_document(record, path)
            if _is_cut_short(record):
                failure = "truncated WARC record"
                break  # the record the archive ends in is dropped, not half-read
            records += 1
            if found is not None:
                articles += isinstance(found, RawDocument)
                yield found
    except ArchiveLoadFailed:
        failure = "unreadable WARC data"
    except Exception:  # warcio on broken input fails in many ways; keep what was read
        log.debug("broken WARC record in %s", path, exc_info=True)
        failure = "broken WARC record"
    if gunzip and (gunzip.corrupt or gunzip.truncated):
        failure = gunzip.corrupt or "truncated gzip stream"
    elif records == 0 and failure in (None, "unreadable WARC data"):
        raise InputError("WARC archive with no records" if failure is None else "not a WARC archive")
    if failure:
        yield _broken(path, failure, records, articles)
    elif archive.err_count:
        yield IngestIssue(item=path, kind="warning",
                          reason=f"{archive.err_count} WARC record(s) with a wrong length; they may be damaged")


def _broken(path: str, what: str, records: int, articles: int) -> IngestIssue:
    kept = f" ({articles} article{'s' if articles != 1 else ''} kept)"
    return IngestIssue(item=path, reason=f"{what} after {records} record{'s' if records != 1 else ''}{kept}")


def _record_document(record: Any, path: str) -> RawDocument | IngestIssue | None:
    if record.rec_type not in ARTICLE_RECORD_TYPES:
        return None
    target = record.rec_headers.get_header("WARC-Target-URI") or path
    if record.rec_type == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().lstrip().startswith(HTML_TYPES):
        return None
    limit = settings.MAX_INPUT_BYTES
    body = record.content_stream().read(limit + 1)
    if len(body) > limit:
        return IngestIssue(item=target, reason=f"larger than the {human_size(limit)} limit")
    charset = _charset(content_type)
    try:
        return read_html(body, target, fmt="warc", charset=charset,
                         base_url=target if target.startswith(("http://", "https://")) else None)
    except InputError as err:
        return IngestIssue(item=target, reason=err.message)


def _is_cut_short(record: Any) -> bool:
    """True when the archive ends inside this record's declared length (reads what is left of it)."""
    raw = record.raw_stream
    while (getattr(raw, "limit", 0) or 0) > 0:
        if not raw.read(READ_CHUNK):
            return True
    return False


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"\'')
    return None


class _Prepend(io.RawIOBase):
    """A stream with already-read bytes put back in front."""

    def __init__(self, head: bytes, stream: IO[bytes]):
        super().__init__()
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = min(len(buffer), len(self._head))
        buffer[:size] = self._head[:size]
        self._head = self._head[size:]
        data = self._stream.read(len(buffer) - size) if size < len(buffer) else b""
        buffer[size:size + len(data)] = data
        return size + len(data)
