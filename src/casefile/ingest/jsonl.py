"""JSON Lines reader: one article per line, read as a stream so big files are fine.

A line may carry ``text``, ``html`` or only a ``url``; ``title``, ``published``,
``outlet``, ``source``, ``author`` and ``updated`` override whatever the text or
page says. A bad line is reported and the rest of the file is still read.
"""
from __future__ import annotations

import io
import json
from typing import IO, Any, Iterator

from casefile import settings
from casefile.errors import InputError
from casefile.ingest.html import iso_date, read_html
from casefile.ingest.text import check_article_text, human_size
from casefile.models import IngestIssue, RawDocument

OVERRIDE_FIELDS = ("title", "published", "outlet", "author", "updated", "url")
DATE_FIELDS = frozenset({"published", "updated"})
CONTENT_FIELDS = ("text", "html", "url")
READ_CHUNK = 1 << 16
# This many unparseable lines before any good one: the file is not JSON Lines.
MAX_LEADING_MALFORMED = 5


def read_jsonl(stream: IO[bytes], path: str, *,
               allow_private: bool = False) -> Iterator[RawDocument | IngestIssue]:
    """Every line of ``stream`` as a document or an issue named ``path#L<line>``.

    A file whose first lines are all unparseable is not JSON Lines at all: it gets
    one issue, not one per line.
    """
    seen_any = False
    leading: list[IngestIssue] = []   # parse failures before the first line that parsed
    parsed_any = False
    for number, line in _lines(stream):
        item = f"{path}#L{number}"
        if isinstance(line, InputError):
            yield IngestIssue(item=item, reason=line.message)
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            record = _parse_line(line, number)
        except InputError as err:
            issue = IngestIssue(item=item, reason=err.message)
            if parsed_any:
                yield issue
                continue
            leading.append(issue)
            if len(leading) >= MAX_LEADING_MALFORMED:
                raise InputError(f"not JSON Lines: none of the first {len(leading)} lines is valid JSON")
            continue
        if not parsed_any:
            parsed_any = True
            yield from leading
        try:
            yield from record_documents(record, item, f"line {number}", allow_private=allow_private)
        except InputError as err:
            yield IngestIssue(item=item, reason=err.message)
    yield from ([] if parsed_any else leading)
    if not seen_any:
        raise InputError("empty file")


def _lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes | InputError]]:
    """Numbered lines, each at most MAX_JSONL_LINE_BYTES; a longer line is skipped whole."""
    limit = settings.MAX_JSONL_LINE_BYTES
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(READ_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, InputError(f"line {number} is longer than the {human_size(limit)} limit")
            continue
        yield number, line


def _parse_line(line: bytes, number: int) -> Any:
    try:
        return json.loads(line.decode("utf-8-sig") if number == 1 else line.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"line {number} is not valid UTF-8")
    except (ValueError, RecursionError):
        raise InputError(f"malformed JSON on line {number}")


def record_documents(record: Any, item: str, where: str, *,
                     allow_private: bool = False) -> Iterator[RawDocument | IngestIssue]:
    """One JSON object -> its document; ``where`` ("line 4", "item 2") names it in reasons."""
    if not isinstance(record, dict):
        raise InputError(f"{where} is not a JSON object")
    fields = {key: _string(record.get(key)) for key in (*CONTENT_FIELDS, *OVERRIDE_FIELDS, "source")}
    if not any(fields[key] for key in CONTENT_FIELDS):
        raise InputError(f"{where} has no text, html or url")
    overrides = {key: _field(key, fields[key]) for key in OVERRIDE_FIELDS}
    source = fields["source"] or item
    if fields["html"]:
        doc = read_html(fields["html"], source, fmt="jsonl", overrides=overrides)
        if fields["text"]:
            doc.text = _normalise(fields["text"])
        yield doc
    elif fields["text"]:
        text = _normalise(fields["text"])
        check_article_text(text)
        yield RawDocument(source=source, text=text, format="jsonl", **overrides)
    else:
        yield from _fetched(fields["url"] or "", source, overrides, allow_private)


def read_json(data: bytes, path: str, *, allow_private: bool = False) -> Iterator[RawDocument | IngestIssue]:
    """A .json file: one object, or an array of objects named ``path#item<n>``."""
    try:
        whole = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError("not valid UTF-8 (JSON must be UTF-8)")
    except (ValueError, RecursionError) as err:
        if not _first_line_parses(data):
            line = getattr(err, "lineno", None)
            raise InputError(f"malformed JSON on line {line}" if line else "malformed JSON")
        yield from read_jsonl(io.BytesIO(data), path, allow_private=allow_private)  # JSON Lines named .json
        return
    if isinstance(whole, dict):
        yield from record_documents(whole, path, "the JSON object", allow_private=allow_private)
        return
    if not isinstance(whole, list) or not whole:
        raise InputError("JSON file holds no article objects")
    for number, record in enumerate(whole, start=1):
        item = f"{path}#item{number}"
        try:
            yield from record_documents(record, item, f"item {number}", allow_private=allow_private)
        except InputError as err:
            yield IngestIssue(item=item, reason=err.message)


def _fetched(url: str, source: str, overrides: dict[str, str | None],
             allow_private: bool) -> Iterator[RawDocument | IngestIssue]:
    """A url-only line: fetched under the same rules as a URL given on the command line."""
    from casefile.ingest.url import read_url  # url imports the readers; import late to keep layering flat
    for found in read_url(url, allow_private=allow_private):
        if isinstance(found, RawDocument):
            if found.source == url:  # a page; feed entries keep their own "#entry" names
                found.source = source
            found.format = "jsonl"
            for key, value in overrides.items():
                if value:
                    setattr(found, key, value)
        yield found


def _first_line_parses(data: bytes) -> bool:
    first = next((line for line in data.splitlines() if line.strip()), b"")
    try:
        _parse_line(first, 1)
    except InputError:
        return False
    return True


def _string(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _field(key: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return (iso_date(value) or value) if key in DATE_FIELDS else value


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
