"""A mixed batch of good and bad inputs: every good one is read, every bad one reported, nothing raises."""
from __future__ import annotations

import gzip
import io
import json
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from casefile import settings
from casefile.ingest.sources import _guarded, iter_inputs, read_bytes
from casefile.ingest.warc import read_warc
from casefile.models import IngestIssue, RawDocument

settings_for_fuzz = hypothesis_settings(max_examples=25, deadline=None,
                                        suppress_health_check=[HealthCheck.too_slow])
LIMIT = 64 * 1024          # the monkeypatched input limit: big enough for every good file
TOWNS = ["Velmar", "Tessel", "Orsk Harbour", "Grent", "Lindau Flats", "Mossel", "Carrow", "Ebbing", "Fennick",
         "Halder", "Ivel", "Jorra", "Kettering Moor", "Lusk", "Marrow Bay", "Nolle", "Oster", "Pell", "Quarry Hill",
         "Rask", "Sollen", "Tarn", "Umber", "Vasse"]


def article(n: int) -> list[str]:
    """Three paragraphs about fictional people, different for every ``n`` (so no file duplicates another)."""
    town = TOWNS[n % len(TOWNS)]
    return [
        f"Police in {town} detained the community organiser Ruta Kessel-{n} on Friday, her colleagues said, "
        f"in the {n}th arrest reported in the province this year.",
        f"“She was taken from her office without a warrant,” said Ilan Brask, a lawyer who has represented "
        f"{n + 3} activists from {town} since the spring.",
        f"A police spokesman in {town} said the organiser was suspected of calling an unlawful strike and would "
        f"appear before a magistrate within {n % 5 + 2} days.",
    ]


def text_of(n: int) -> str:
    return f"Organiser held in {TOWNS[n % len(TOWNS)]}\n\n" + "\n\n".join(article(n))


def html_of(n: int, *, charset: str = "utf-8", wrap: int = 0) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in article(n))
    ld = json.dumps({"@type": "NewsArticle", "headline": f"Organiser held ({n})",
                     "author": {"name": "Odile Fenner"}, "datePublished": "2025-02-14"})
    return (f"<!DOCTYPE html><html><head><meta charset='{charset}'><title>Organiser held ({n}) | Post</title>"
            f"<script type='application/ld+json'>{ld}</script></head><body>"
            + "<div>" * wrap + f"<article>{paragraphs}</article>" + "</div>" * wrap + "</body></html>")


def rss_of(first: int, count: int) -> str:
    items = "".join(
        f"<item><title>Story {n}</title><link>https://post.example/{n}</link>"
        f"<pubDate>Fri, 14 Feb 2025 07:45:00 +0100</pubDate>"
        f"<description><![CDATA[{''.join(f'<p>{p}</p>' for p in article(n))}]]></description></item>"
        for n in range(first, first + count))
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Post</title>{items}</channel></rss>"


def atom_of(n: int) -> str:
    body = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in article(n))
    return ("<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Gazette</title><id>g</id>"
            f"<updated>2025-03-02T10:00:00Z</updated><entry><title>Entry {n}</title><id>e{n}</id>"
            f"<link href='https://gazette.example/{n}'/><updated>2025-03-02T10:00:00Z</updated>"
            f"<content type='html'>{body}</content></entry></feed>")


def warc_of(first: int, count: int, *, gz: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for n in range(first, first + count):
        url = f"https://crawl.example/story/{n}"
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "crawl.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html_of(n).encode()),
                                                      http_headers=headers))
    return buffer.getvalue()


@dataclass
class Batch:
    root: Path
    good: dict[str, list[str]] = field(default_factory=dict)     # input -> the document sources it must yield
    bad: dict[str, str] = field(default_factory=dict)            # issue item -> words its reason must contain
    args: list[str] = field(default_factory=list)

    def add(self, name: str, content: bytes | str, *, docs: list[str] | None = None, reason: str | None = None,
            issue_item: str | None = None) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        if docs is not None:
            self.good[str(path)] = [d.replace("{path}", str(path)) for d in docs]
        if reason is not None:
            self.bad[(issue_item or "{path}").replace("{path}", str(path))] = reason
        return path


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_batch(root: Path) -> Batch:
    batch = Batch(root / "batch")
    add_good_inputs(batch)
    add_bad_inputs(batch)
    unreachable = f"http://127.0.0.1:{closed_port()}/story"
    missing = str(batch.root / "bad" / "never_written.txt")
    batch.bad[unreachable] = "unreachable: connection refused"
    batch.bad[missing] = "no such file or folder"
    batch.args = [str(batch.root), unreachable, missing]
    return batch


def add_good_inputs(b: Batch) -> None:
    """One or more per reader and encoding; hidden entries must be neither read nor reported."""
    b.add("text/utf8.txt", text_of(1), docs=["{path}"])
    b.add("text/cp1252.txt", text_of(2).encode("cp1252"), docs=["{path}"])
    b.add("text/latin1.txt", (text_of(3) + " Café Noir, señor.").replace("“", '"').replace("”", '"')
          .encode("latin-1"), docs=["{path}"])
    b.add("text/utf16.txt", text_of(4).encode("utf-16"), docs=["{path}"])
    b.add("text/bom.txt", text_of(5).encode("utf-8-sig"), docs=["{path}"])
    b.add("text/no_extension", text_of(6), docs=["{path}"])
    b.add("html/page.html", html_of(7), docs=["{path}"])
    b.add("html/legacy.htm", html_of(8, charset="windows-1252").encode("cp1252"), docs=["{path}"])
    b.add("html/deep.html", html_of(9, wrap=2_000), docs=["{path}"])
    b.add("html/page_without_extension", html_of(10), docs=["{path}"])
    b.add("feeds/news.xml", rss_of(11, 2), docs=["{path}#entry1", "{path}#entry2"])
    b.add("feeds/gazette.atom", atom_of(13), docs=["{path}#entry1"])
    b.add("lines/articles.jsonl", "\n".join(json.dumps({"text": text_of(n), "outlet": "Wire"}) for n in (14, 15)),
          docs=["{path}#L1", "{path}#L2"])
    b.add("lines/articles.json", json.dumps([{"html": html_of(16)}]), docs=["{path}#item1"])
    b.add("gz/article.txt.gz", gzip.compress(text_of(17).encode()), docs=["{path}"])
    b.add("gz/lines.jsonl.gz", gzip.compress(json.dumps({"text": text_of(18)}).encode()), docs=["{path}#L1"])
    b.add("warc/crawl.warc.gz", warc_of(19, 2), docs=[f"https://crawl.example/story/{n}" for n in (19, 20)])
    b.add("warc/crawl.warc", warc_of(21, 1, gz=False), docs=["https://crawl.example/story/21"])
    b.add(".hidden/skipped.txt", text_of(22))          # hidden: neither read nor reported
    b.add("text/.hidden.txt", text_of(23))


def add_bad_inputs(b: Batch) -> None:
    """Every kind of bad input, each with the words of the reason a person should read."""
    b.add("bad/empty.txt", b"", reason="empty file")
    b.add("bad/blank.html", b"   \n\n\t  ", reason="empty file")
    b.add("bad/empty.jsonl", b"\n\n", reason="empty file")
    b.add("bad/empty.warc.gz", b"", reason="empty file")
    b.add("bad/binary.txt", os.urandom(2000) + b"\x00" * 10, reason="binary content, not text")
    b.add("bad/photo.html", b"\x89PNG\r\n\x1a\n" + os.urandom(500), reason="binary content (a PNG image), not text")
    b.add("bad/report.txt", b"%PDF-1.7\n" + os.urandom(500), reason="binary content (a PDF document), not text")
    b.add("bad/controls.txt", bytes(range(1, 9)) * 300, reason="binary content, not text")
    b.add("bad/oversized.txt", text_of(24) + "x" * LIMIT, reason="larger than the 64 KB limit")
    b.add("bad/oversized.html", html_of(25) + "<!--" + "x" * LIMIT + "-->", reason="larger than the 64 KB limit")
    b.add("bad/oversized.txt.gz", gzip.compress(b"word " * LIMIT), reason="larger than the 64 KB limit")
    b.add("bad/malformed.html", "<html><body><div <<<p>>> </sp", reason="too short to be an article")
    b.add("bad/no_article.html", "<html><head><title>t</title><script>var x = 1;</script></head><body></body></html>",
          reason="no readable")
    b.add("bad/short.txt", "Breaking: more soon.", reason="too short to be an article")
    b.add("bad/truncated.txt.gz", gzip.compress(text_of(26).encode())[:-30], reason="truncated gzip stream")
    warc = warc_of(27, 4)
    b.add("bad/truncated.warc.gz", warc[:int(len(warc) * 0.7)],
          docs=[f"https://crawl.example/story/{n}" for n in (27, 28)], reason="truncated gzip stream after")
    plain = warc_of(31, 3, gz=False)
    b.add("bad/truncated.warc", plain[:int(len(plain) * 0.6)], docs=["https://crawl.example/story/31"],
          reason="truncated WARC record after")
    b.add("bad/fake.warc.gz", gzip.compress(b"these are just words, not an archive"), reason="not a WARC archive")
    b.add("bad/lines.jsonl", json.dumps({"text": text_of(34)}) + '\n{"text": "no end\n' + json.dumps([1]) + "\n",
          docs=["{path}#L1"], reason="malformed JSON on line 2", issue_item="{path}#L2")
    b.bad[str(b.root / "bad/lines.jsonl") + "#L3"] = "line 3 is not a JSON object"
    b.add("bad/sitemap.xml", "<?xml version='1.0'?><urlset><url><loc>https://x.example/</loc></url></urlset>",
          reason="XML but not an RSS or Atom feed")
    b.add("bad/empty_feed.rss", "<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>",
          reason="a feed with no entries")
    b.add("bad/undeclared.json", "[1, 2", reason="malformed JSON on line 1")


@pytest.mark.parametrize("fmt", ["text", "html", "feed", "json", "jsonl"])
@settings_for_fuzz
@given(data=st.binary(max_size=2048) | st.text(max_size=1024).map(lambda t: t.encode("utf-8")))
def test_random_bytes_never_escape_as_an_exception(fmt, data):
    for found in _guarded("fuzz", lambda: read_bytes(data, "fuzz", fmt)):
        assert isinstance(found, (RawDocument, IngestIssue))
        assert not isinstance(found, IngestIssue) or "internal error" not in found.reason, found.reason


@pytest.mark.parametrize("prefix", [b"", b"\x1f\x8b\x08\x00", b"WARC/1.0\r\n", b"WARC/1.0\r\nContent-Length: 99\r\n\r\n"])
@settings_for_fuzz
@given(data=st.binary(max_size=2048))
def test_random_archives_never_escape_as_an_exception(prefix, data):
    for found in _guarded("fuzz", lambda: read_warc(io.BytesIO(prefix + data), "fuzz")):
        assert isinstance(found, (RawDocument, IngestIssue))
        assert not isinstance(found, IngestIssue) or "internal error" not in found.reason, found.reason


@pytest.fixture
def batch(tmp_path, monkeypatch) -> Batch:
    monkeypatch.setattr(settings, "MAX_INPUT_BYTES", LIMIT)
    return build_batch(tmp_path)


def test_the_batch_mixes_at_least_thirty_inputs(batch):
    assert len(set(batch.good) | {item.split("#")[0] for item in batch.bad}) >= 30


def test_every_good_input_yields_its_documents_and_every_bad_one_its_reason(batch):
    found = list(iter_inputs(batch.args, allow_private=True))  # must not raise
    docs = [f for f in found if isinstance(f, RawDocument)]
    issues = {f.item: f.reason for f in found if isinstance(f, IngestIssue)}
    expected_sources = sorted(s for sources in batch.good.values() for s in sources)
    assert sorted(d.source for d in docs) == expected_sources
    for item, words in batch.bad.items():
        assert item in issues, f"no issue for {item}"
        assert words in issues[item], (item, issues[item])
    assert set(issues) == set(batch.bad)  # no good input was reported, nothing hidden was read
    assert all(d.text and len(d.text.split()) > 20 for d in docs)


@pytest.mark.parametrize("name, needle", [
    ("text/cp1252.txt", "“She was taken"),
    ("text/latin1.txt", "Café Noir, señor."),
    ("text/utf16.txt", "“She was taken"),
    ("html/legacy.htm", "“She was taken"),
    ("html/deep.html", "magistrate within"),
])
def test_legacy_encodings_and_deep_pages_in_the_batch_come_out_right(batch, name, needle):
    [doc] = list(iter_inputs([str(batch.root / name)]))
    assert isinstance(doc, RawDocument) and needle in doc.text
    assert "\ufffd" not in doc.text and "â€" not in doc.text


@pytest.mark.slow
def test_the_cli_ingests_the_whole_batch_and_reports_every_bad_input(batch, tmp_path):
    cli = pytest.importorskip("casefile.cli", reason="casefile.cli not importable")
    from click.testing import CliRunner

    from casefile.store.db import Store

    db = tmp_path / "batch.db"
    result = CliRunner().invoke(cli.main, ["ingest", "--quiet", "--allow-private", "--db", str(db), *batch.args])
    output = result.output + (result.stderr if hasattr(result, "stderr") else "")
    assert "Traceback" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code != 0
    for item, words in batch.bad.items():
        assert f"{item}: " in output and words in output, (item, words)
    store = Store.open(str(db), readonly=True)
    stored = {row["source"] for row in store.rows("document_sources")} | {d["source"] for d in store.documents()}
    missing = sorted(s for sources in batch.good.values() for s in sources if s not in stored)
    assert missing == []
