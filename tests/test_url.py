"""Fetching http(s) inputs: bounded in time, size, type, redirects and address."""
from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from casefile import settings
from casefile.errors import FetchError
from casefile.ingest import url as url_reader
from casefile.ingest.sources import iter_inputs
from casefile.models import IngestIssue, RawDocument

PARAGRAPHS = [
    "The human rights lawyer Sabine Orlov was released on bail in the river town of Tessel on Tuesday.",
    "“The charges against her were never more than a pretext,” said her colleague Pavo Renn after the hearing.",
]
PAGE = ("<html><head><meta property='og:title' content='Lawyer freed on bail in Tessel'>"
        "<meta property='og:site_name' content='Tessel Ledger'></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>").encode()
FEED = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Tessel Ledger</title>"
        "<item><title>Lawyer freed</title><link>https://ledger.example/1</link>"
        f"<description>&lt;p&gt;{PARAGRAPHS[0]}&lt;/p&gt;</description></item></channel></rss>").encode()
SLOW_SECONDS = 2.0


class Handler(BaseHTTPRequestHandler):
    hits: list[str] = []

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        Handler.hits.append(self.path)
        route = self.path.split("?")[0]
        if route.startswith("/redirect/"):
            remaining = int(route.rsplit("/", 1)[1])
            target = "/page" if remaining <= 1 else f"/redirect/{remaining - 1}"
            self._send(302, b"", "text/html", extra={"Location": target})
        elif route == "/elsewhere":
            self._send(302, b"", "text/html", extra={"Location": self.headers["X-Target"] or "/page"})
        elif route == "/page":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif route == "/feed":
            self._send(200, FEED, "application/rss+xml")
        elif route == "/plain":
            self._send(200, "\n".join(PARAGRAPHS).encode(), "text/plain")
        elif route == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        elif route == "/big-declared":
            self._send(200, PAGE + b" " * 5000, "text/html")
        elif route == "/big-streamed":
            self._stream_without_length(PAGE + b" " * 5000)
        elif route == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, PAGE, "text/html")
        elif route == "/missing":
            self._send(404, b"<p>not here</p>", "text/html")
        else:
            self._send(500, b"", "text/html")

    def _send(self, status: int, body: bytes, content_type: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _stream_without_length(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for start in range(0, len(body), 512):
                self.wfile.write(body[start:start + 512])
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fetch_all(url: str, **kwargs) -> list[RawDocument | IngestIssue]:
    return list(iter_inputs([url], **kwargs))


def test_a_page_is_fetched_read_and_named_by_its_url(server):
    [doc] = fetch_all(f"{server}/page", allow_private=True)
    assert isinstance(doc, RawDocument)
    assert (doc.source, doc.url, doc.format) == (f"{server}/page", f"{server}/page", "url")
    assert (doc.title, doc.outlet) == ("Lawyer freed on bail in Tessel", "Tessel Ledger")
    assert doc.text == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize("path, expected_format, expected_source_suffix", [
    ("/feed", "rss", "/feed#entry1"),
    ("/plain", "url", "/plain"),
])
def test_feeds_and_plain_text_are_read_by_their_content_type(server, path, expected_format, expected_source_suffix):
    [doc] = fetch_all(server + path, allow_private=True)
    assert isinstance(doc, RawDocument)
    assert doc.format == expected_format and doc.source.endswith(expected_source_suffix)
    assert PARAGRAPHS[0] in doc.text


@pytest.mark.parametrize("hops, ok", [(1, True), (5, True), (6, False), (9, False)])
def test_redirect_chains_longer_than_five_are_refused(server, hops, ok):
    [found] = fetch_all(f"{server}/redirect/{hops}", allow_private=True)
    if ok:
        assert isinstance(found, RawDocument) and found.url == f"{server}/page"
    else:
        assert isinstance(found, IngestIssue)
        assert found.reason == f"too many redirects (more than {settings.URL_MAX_REDIRECTS})"


@pytest.mark.parametrize("path, reason", [
    ("/image", "not an article: content-type image/png"),
    ("/missing", "the server answered 404 Not Found"),
])
def test_responses_that_are_not_articles_are_issues(server, path, reason):
    [issue] = fetch_all(server + path, allow_private=True)
    assert isinstance(issue, IngestIssue) and issue.item == server + path
    assert issue.reason == reason


@pytest.mark.parametrize("path", ["/big-declared", "/big-streamed"])
def test_bodies_over_the_size_limit_are_cut_off(server, path, monkeypatch):
    monkeypatch.setattr(settings, "MAX_INPUT_BYTES", 2048)
    [issue] = fetch_all(server + path, allow_private=True)
    assert isinstance(issue, IngestIssue) and issue.reason == "larger than the 2 KB limit"


def test_a_slow_server_times_out_with_a_short_timeout(server):
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        list(url_reader.read_url(f"{server}/slow", allow_private=True, timeout=0.3))
    assert time.monotonic() - started < SLOW_SECONDS
    assert caught.value.message == "timed out: the server sent nothing for 0.3 seconds"


def test_a_closed_port_is_reported_unreachable():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    [issue] = fetch_all(f"http://127.0.0.1:{port}/", allow_private=True)
    assert isinstance(issue, IngestIssue) and issue.reason == "unreachable: connection refused"


def test_local_addresses_are_refused_before_any_request_unless_allowed(server):
    Handler.hits.clear()
    [issue] = fetch_all(f"{server}/page")
    assert isinstance(issue, IngestIssue) and issue.reason.startswith("refused: 127.0.0.1 is a private")
    assert Handler.hits == []


def test_every_redirect_hop_is_checked_against_private_addresses(server, monkeypatch):
    """The first hop passes as 'public'; it redirects to another loopback address, which is refused."""
    port = server.rsplit(":", 1)[1]
    monkeypatch.setattr(url_reader, "_is_public", lambda address: address == "127.0.0.1")
    monkeypatch.setattr(Handler, "do_GET", _redirect_to(f"http://127.0.0.2:{port}/page"))
    Handler.hits.clear()
    with pytest.raises(FetchError) as caught:
        url_reader.fetch(f"{server}/anything", timeout=2)
    assert caught.value.message.startswith("refused: 127.0.0.2 is a private or local address")
    assert Handler.hits == ["/anything"]  # the private hop was never requested


def _redirect_to(target: str):
    def do_get(self) -> None:
        Handler.hits.append(self.path)
        self._send(302, b"", "text/html", extra={"Location": target})
    return do_get


@pytest.mark.parametrize("address, public", [
    ("10.1.2.3", False), ("172.16.0.9", False), ("192.168.1.1", False), ("127.0.0.1", False),
    ("169.254.169.254", False), ("0.0.0.0", False), ("100.64.0.1", False), ("224.0.0.1", False),
    ("240.0.0.1", False), ("::1", False), ("fe80::1", False), ("fc00::1", False), ("::ffff:10.0.0.1", False),
    ("93.184.216.34", True), ("8.8.8.8", True), ("2606:4700:4700::1111", True), ("::ffff:8.8.8.8", True),
])
def test_private_loopback_link_local_and_reserved_addresses_are_not_public(address, public):
    assert url_reader._is_public(address) is public


@pytest.mark.parametrize("url, reason_start", [
    ("http://10.0.0.1/admin", "refused: 10.0.0.1 is a private"),
    ("http://[::1]:8080/", "refused: ::1 is a private"),
    ("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a private"),
    ("ftp://files.example/a.txt", "not a web address casefile can fetch"),
    ("http://no-such-host.invalid/", "unreachable: host name"),
])
def test_addresses_casefile_must_not_or_cannot_fetch_are_refused_without_connecting(url, reason_start):
    with pytest.raises(FetchError) as caught:
        url_reader.check_address(url, allow_private=False)
    assert caught.value.message.startswith(reason_start)


@pytest.mark.parametrize("url", ["http://93.184.216.34/", "https://8.8.8.8/news"])
def test_public_ip_literals_pass_the_address_check(url):
    url_reader.check_address(url, allow_private=False)  # no exception, no network


@pytest.mark.parametrize("arg, is_url", [
    ("http://x.example/a", True), ("HTTPS://x.example", True),
    ("file:///etc/passwd", False), ("x.example/a", False), ("./http:/odd", False),
])
def test_only_http_and_https_arguments_are_treated_as_urls(arg, is_url):
    assert url_reader.is_url(arg) is is_url


@pytest.mark.parametrize("allow_private, expected", [
    (True, ("doc", "Override title")),
    (False, ("issue", "refused: 127.0.0.1 is a private or local address (127.0.0.1); "
                      "allow private addresses to fetch it")),
])
def test_a_url_only_jsonl_line_is_fetched_under_the_same_rules(server, tmp_path, allow_private, expected):
    path = tmp_path / "links.jsonl"
    path.write_text(json.dumps({"url": f"{server}/page", "title": "Override title"}) + "\n")
    [found] = list(iter_inputs([str(path)], allow_private=allow_private))
    assert found.item == f"{path}#L1" if isinstance(found, IngestIssue) else found.source == f"{path}#L1"
    if expected[0] == "doc":
        assert isinstance(found, RawDocument)
        assert (found.title, found.format, found.url, found.outlet) == (
            expected[1], "jsonl", f"{server}/page", "Tessel Ledger")
    else:
        assert isinstance(found, IngestIssue) and found.reason == expected[1]
