"""http(s) reader: fetch one page or feed, within time, size, type and address bounds.

Redirects are followed by hand so that every hop is checked: a public page must
not be able to bounce casefile to a private address (the router, a cloud
metadata service) unless the user allowed private addresses. The address check
resolves the name itself before connecting; a DNS answer that changes between the
check and the connection is not defended against.
"""
from __future__ import annotations

import errno
import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import Iterator

import httpx

from casefile import settings
from casefile.errors import FetchError, InputError
from casefile.ingest.feeds import looks_like_feed, read_feed
from casefile.ingest.html import read_html
from casefile.ingest.text import human_size, read_text
from casefile.models import IngestIssue, RawDocument

# A body trickling in just under the read timeout must still end: the whole
# download gets this many times the per-read timeout.
TOTAL_TIME_FACTOR = 3
USER_AGENT = "casefile/0.1 (news reader for human-rights monitoring)"
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.8"
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
SCHEMES = ("http", "https")


@dataclass
class Fetched:
    url: str                 # after redirects
    content_type: str        # media type, lower case, no parameters
    charset: str | None
    body: bytes


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def read_url(url: str, *, allow_private: bool = False,
             timeout: float | None = None) -> Iterator[RawDocument | IngestIssue]:
    """Fetch ``url`` and read it by its content type; FetchError/InputError when it cannot be."""
    fetched = fetch(url, allow_private=allow_private, timeout=timeout)
    kind = fetched.content_type
    head = fetched.body[:2048].lstrip()
    if kind in FEED_TYPES or (kind in XML_TYPES and looks_like_feed(head)) or (not kind and looks_like_feed(head)):
        for item in read_feed(fetched.body, fetched.url):
            yield item
        return
    if kind == "text/plain":
        doc = read_text(fetched.body, url, fmt="url")
        doc.url = fetched.url
        yield doc
        return
    yield read_html(fetched.body, url, fmt="url", charset=fetched.charset, base_url=fetched.url)


def fetch(url: str, *, allow_private: bool = False, timeout: float | None = None) -> Fetched:
    """GET with manual, checked redirects; the body is streamed and capped."""
    timeout = settings.URL_TIMEOUT_SECONDS if timeout is None else timeout
    deadline = time.monotonic() + timeout * TOTAL_TIME_FACTOR
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT}
    try:
        with httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False,
                          trust_env=False, headers=headers) as client:
            current = url
            for _ in range(settings.URL_MAX_REDIRECTS + 1):
                check_address(current, allow_private)
                with client.stream("GET", current) as response:
                    if response.status_code in REDIRECT_CODES and "location" in response.headers:
                        current = str(response.url.join(response.headers["location"]))
                        continue
                    return _read_response(response, deadline)
            raise FetchError(f"too many redirects (more than {settings.URL_MAX_REDIRECTS})")
    except httpx.HTTPError as err:
        raise FetchError(_http_error_reason(err, timeout)) from None


def check_address(url: str, allow_private: bool) -> None:
    """FetchError unless ``url`` is http(s) and, when private addresses are not allowed, public."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise FetchError("not a valid web address")
    if parsed.scheme not in SCHEMES or not parsed.host:
        raise FetchError(f"not a web address casefile can fetch ({parsed.scheme or 'no scheme'})")
    if allow_private:
        return
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    for address in _resolve(parsed.host, port):
        if not _is_public(address):
            raise FetchError(f"refused: {parsed.host} is a private or local address ({address}); "
                             "allow private addresses to fetch it")


def _resolve(host: str, port: int) -> list[str]:
    try:
        return [ipaddress.ip_address(host.strip("[]")).compressed]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise FetchError(f"unreachable: host name {host} not found")
    return sorted({info[4][0] for info in infos})


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_link_local
                                 or ip.is_loopback or ip.is_private or ip.is_unspecified)


def _read_response(response: httpx.Response, deadline: float) -> Fetched:
    if response.status_code >= 400:
        phrase = response.reason_phrase or ""
        raise FetchError(f"the server answered {response.status_code} {phrase}".strip())
    if response.status_code >= 300:
        raise FetchError(f"the server answered {response.status_code} without a page")
    media, charset = _content_type(response.headers.get("content-type", ""))
    if media and media not in settings.URL_ACCEPTED_TYPES:
        raise FetchError(f"not an article: content-type {media}")
    limit = settings.MAX_INPUT_BYTES
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(f"larger than the {human_size(limit)} limit")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchError(f"larger than the {human_size(limit)} limit")
        if time.monotonic() > deadline:
            raise FetchError("timed out: the page took too long to download")
        chunks.append(chunk)
    body = b"".join(chunks)
    if not body.strip():
        raise InputError("empty response")
    return Fetched(url=str(response.url), content_type=media, charset=charset, body=body)


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"\'')
    return media.strip().lower(), charset


def _http_error_reason(err: httpx.HTTPError, timeout: float) -> str:
    seconds = f"{timeout:g} second{'s' if timeout != 1 else ''}"
    if isinstance(err, httpx.ConnectTimeout):
        return f"unreachable: no answer within {seconds}"
    if isinstance(err, httpx.TimeoutException):
        return f"timed out: the server sent nothing for {seconds}"
    if isinstance(err, httpx.ConnectError):
        text = str(err).lower()
        if "refused" in text or _errno(err) == errno.ECONNREFUSED:
            return "unreachable: connection refused"
        if "ssl" in text or "certificate" in text:
            return "unreachable: the secure connection failed (certificate or TLS problem)"
        if "name" in text and ("resolution" in text or "not known" in text):
            return "unreachable: host name not found"
        return "unreachable: could not connect"
    if isinstance(err, (httpx.RemoteProtocolError, httpx.DecodingError)):
        return "the server sent a broken response"
    if isinstance(err, httpx.UnsupportedProtocol):
        return "not a web address casefile can fetch"
    if isinstance(err, httpx.InvalidURL):
        return "not a valid web address"
    return f"could not be fetched ({type(err).__name__})"


def _errno(err: BaseException) -> int | None:
    cause: BaseException | None = err
    while cause is not None:
        if isinstance(cause, OSError) and cause.errno:
            return cause.errno
        cause = cause.__cause__ or cause.__context__
    return None
