"""Readers for text, HTML, JSON Lines, RSS/Atom and WARC, and the sample corpus in examples/."""
from __future__ import annotations

import gzip
import io
import json
import re
import time
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from casefile import settings
from casefile.errors import InputError
from casefile.ingest import html as html_reader
from casefile.ingest.sources import format_by_name, iter_inputs, sniff
from casefile.ingest.text import decode_bytes
from casefile.models import IngestIssue, RawDocument

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"

PARAGRAPHS = [
    "Police in the port city of Velmar detained the union organiser Ruta Kessel on Friday, her colleagues said.",
    "“She was taken from her office without a warrant,” said Ilan Brask, a lawyer for the Velmar Dockers' Union.",
    "A police spokesman said Kessel was suspected of organising an unlawful strike and would appear in court.",
]


def article_html(*, head: str = "", body_extra: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>Union organiser detained in Velmar</h1>{paragraphs}</article>{body_extra}"
            f"<footer>© Velmar Evening Post</footer></body></html>")


JSON_LD = json.dumps({
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "name": "Velmar Evening Post"},
        {"@type": "NewsArticle", "headline": "Union organiser detained in Velmar",
         "author": {"@type": "Person", "name": "Odile Fenner"},
         "datePublished": "2025-02-14T07:45:00+01:00", "dateModified": "2025-02-15T10:00:00+01:00",
         "publisher": {"@type": "Organization", "name": "Velmar Evening Post"}},
    ],
})


def read_one(path: Path, **kwargs) -> RawDocument | IngestIssue:
    found = list(iter_inputs([str(path)], **kwargs))
    assert len(found) == 1, found
    return found[0]


def docs_and_issues(found) -> tuple[list[RawDocument], list[IngestIssue]]:
    found = list(found)
    return ([f for f in found if isinstance(f, RawDocument)], [f for f in found if isinstance(f, IngestIssue)])


# --- text -------------------------------------------------------------------------------------------

SAMPLE = "Ms. Brask said “the decree is unjust” outside the café in Velmar’s old quarter — twice."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_text_in_common_encodings_comes_out_with_smart_quotes_and_accents(tmp_path, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(SAMPLE.encode(encoding))
    doc = read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == SAMPLE
    assert doc.format == "text" and doc.source == str(path)


@pytest.mark.parametrize("text", [
    "Le café de José était fermé à cause de la grève, a déclaré Élise Marchand au journal local.",
    "Die Behörden in Grünstadt haben den Aktivisten Jürgen Weiß am Montag festgenommen, sagte sein Anwalt.",
])
def test_latin1_text_decodes_to_the_right_letters(tmp_path, text):
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    doc = read_one(path)
    assert isinstance(doc, RawDocument) and doc.text == text


@pytest.mark.parametrize("text, encoding", [
    ("Суд в столице приговорил блогера к шести годам лишения свободы, сообщил её адвокат журналистам.",
     "cp1251"),
    ("Ο δημοσιογράφος συνελήφθη χθες το βράδυ στο σπίτι του, δήλωσε ο δικηγόρος του στους δημοσιογράφους.",
     "cp1253"),
])
def test_non_western_legacy_text_is_not_forced_into_cp1252(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize("raw, expected", [
    (b"one\r\ntwo\r\n", "one\ntwo\n"),
    (b"one\rtwo", "one\ntwo"),
    (b"one\ntwo", "one\ntwo"),
])
def test_newlines_are_normalised_to_line_feeds(raw, expected):
    assert decode_bytes(raw) == expected


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty file"),
    (b"  \n\t\r\n ", "empty file"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary content (a PDF document), not text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary content (a PNG image), not text"),
    (b"text with a \x00 NUL byte in it", "binary content, not text"),
    (bytes(range(1, 9)) * 40, "binary content, not text"),
])
def test_bytes_that_are_not_text_are_rejected_with_a_plain_reason(raw, reason):
    with pytest.raises(InputError) as caught:
        decode_bytes(raw)
    assert caught.value.message == reason


# --- HTML -------------------------------------------------------------------------------------------

def test_html_page_with_json_ld_gives_title_author_dates_and_outlet(tmp_path):
    head = (f"<title>Union organiser detained in Velmar | Velmar Evening Post</title>"
            f"<link rel='canonical' href='https://vep.example/2025/kessel'>"
            f"<script type='application/ld+json'>{JSON_LD}</script>")
    path = tmp_path / "page.html"
    path.write_text(article_html(head=head), encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, RawDocument)
    assert (doc.title, doc.author, doc.published, doc.updated, doc.outlet, doc.url) == (
        "Union organiser detained in Velmar", "Odile Fenner", "2025-02-14T07:45:00+01:00",
        "2025-02-15T10:00:00+01:00", "Velmar Evening Post", "https://vep.example/2025/kessel")
    assert doc.format == "html" and doc.html and "<article>" in doc.html


def test_html_main_text_keeps_paragraphs_apart_and_drops_navigation(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(article_html(), encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, RawDocument)
    for paragraph in PARAGRAPHS:
        assert f"\n\n{paragraph}" in doc.text
    assert "Home" not in doc.text and "©" not in doc.text


@pytest.mark.parametrize("head, field, expected", [
    # og:title beats JSON-LD headline beats <title>
    ("<meta property='og:title' content='OG headline'><title>Tag headline</title>"
     "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"LD headline\"}</script>",
     "title", "OG headline"),
    ("<title>Tag headline</title>"
     "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"LD headline\"}</script>",
     "title", "LD headline"),
    ("<title>Tag headline</title>", "title", "Tag headline"),
    # JSON-LD author beats the author meta tag
    ("<meta name='author' content='Meta Writer'>"
     "<script type='application/ld+json'>{\"@type\": \"Article\", \"headline\": \"H\", "
     "\"author\": [{\"name\": \"A One\"}, {\"name\": \"B Two\"}]}</script>", "author", "A One, B Two"),
    ("<meta name='author' content='Meta Writer'>", "author", "Meta Writer"),
    ("<meta property='article:published_time' content='2024-11-05T08:00:00Z'>", "published",
     "2024-11-05T08:00:00+00:00"),
    ("<meta property='article:modified_time' content='2024-11-06'>", "updated", "2024-11-06"),
    ("<meta property='og:site_name' content='Harbour Gazette'>", "outlet", "Harbour Gazette"),
    ("<meta property='og:url' content='https://harbour.example/x'>", "url", "https://harbour.example/x"),
    # broken JSON-LD is ignored, not fatal
    ("<script type='application/ld+json'>{not json</script><title>Still here</title>", "title", "Still here"),
    # none of these pages says who wrote it
    ("<meta property='og:site_name' content='Harbour Gazette'>", "author", None),
])
def test_html_metadata_comes_from_the_most_specific_source(tmp_path, head, field, expected):
    path = tmp_path / "page.html"
    path.write_text(article_html(head=head), encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, RawDocument)
    assert getattr(doc, field) == expected


@pytest.mark.parametrize("title, outlet, expected", [
    ("Union organiser detained | Velmar Evening Post", None, "Union organiser detained"),
    ("Union organiser detained - Velmar Evening Post", "Velmar Evening Post", "Union organiser detained"),
    ("Union organiser detained – VEP", "VEP", "Union organiser detained"),
    # a dash inside a headline is not a site suffix
    ("Strike ends - dockers return to work", "Velmar Evening Post", "Strike ends - dockers return to work"),
    ("Dockers vote to strike - again", None, "Dockers vote to strike - again"),
    # the part after the bar is the longer one: not a site name
    ("Live | Dockers vote to strike after the organiser's arrest in Velmar", None,
     "Live | Dockers vote to strike after the organiser's arrest in Velmar"),
])
def test_page_titles_lose_site_suffixes_only(title, outlet, expected):
    assert html_reader.clean_title(title, outlet) == expected


def test_ten_thousand_nested_divs_neither_crash_nor_lose_the_text(tmp_path):
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 10_000 + paragraphs + "</div>" * 10_000 + "</body></html>")
    started = time.monotonic()
    doc = read_one(path)
    assert time.monotonic() - started < 10
    assert isinstance(doc, RawDocument)
    assert PARAGRAPHS[0] in doc.text and PARAGRAPHS[2] in doc.text


def test_a_page_with_very_many_elements_is_read_quickly_without_trafilatura():
    count = html_reader.MAX_TRAFILATURA_ELEMENTS + 5_000
    page = "<html><body><article>" + "".join(f"<p>{PARAGRAPHS[0]} ({n})</p>" for n in range(count)) + "</article>"
    started = time.monotonic()
    doc = html_reader.read_html(page + "</body></html>", "huge.html")
    assert time.monotonic() - started < 15
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == count and paragraphs[-1] == f"{PARAGRAPHS[0]} ({count - 1})"


@pytest.mark.parametrize("markup, deep", [
    ("<div>" * 500 + "x" + "</div>" * 500, True),
    ("<div>" * 50 + "x" + "</div>" * 50, False),
    ("<p>" * 5000 + "unclosed paragraphs never nest", False),
    ("<br>" * 5000, False),
])
def test_nesting_depth_counts_only_tags_that_really_nest(markup, deep):
    assert (html_reader.nesting_depth(markup) > settings.MAX_HTML_DEPTH) is deep


@pytest.mark.parametrize("body_extra, expected", [
    ('<time datetime="2025-02-14T07:45:00+01:00" pubdate>Feb 14</time>', "2025-02-14"),
    ('<p class="date">Published February 14, 2025</p>', "2025-02-14"),
    ("", None),  # no date anywhere: none invented from the crawl or today
])
def test_pages_without_date_metadata_fall_back_to_htmldate(body_extra, expected):
    assert html_reader.read_html(article_html(body_extra=body_extra), "page.html").published == expected


def test_an_svg_icon_title_is_not_the_page_title():
    page = article_html(head="<title>Organiser detained</title>").replace(
        "<nav>", "<nav><svg><title>Share on social media</title></svg>")
    assert html_reader.read_html(page, "page.html").title == "Organiser detained"


def test_html_declaring_latin1_is_read_as_windows_1252(tmp_path):
    page = article_html(head="").replace("<meta charset='utf-8'>", "<meta charset='iso-8859-1'>")
    page = page.replace("Friday", "Friday at the “Café Noir”")
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    doc = read_one(path)
    assert isinstance(doc, RawDocument) and "“Café Noir”" in doc.text


@pytest.mark.parametrize("markup, reason", [
    ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "too short to be an article"),
    ("<html><body><p>Short.</p></body></html>", "too short to be an article"),
    ("<html><body><script>document.write('a long script that is not article text at all')</script></body></html>",
     "no readable"),
])
def test_html_without_article_text_is_an_issue(tmp_path, markup, reason):
    path = tmp_path / "empty.html"
    path.write_text(markup)
    issue = read_one(path)
    assert isinstance(issue, IngestIssue) and issue.item == str(path)
    assert reason in issue.reason


# --- JSON Lines -------------------------------------------------------------------------------------

def test_jsonl_fields_override_the_page_and_a_malformed_line_does_not_stop_the_file(tmp_path):
    head = f"<script type='application/ld+json'>{JSON_LD}</script>"
    lines = [
        json.dumps({"text": PARAGRAPHS[0] + "\n" + PARAGRAPHS[1], "title": "Organiser held",
                    "published": "2025-02-14", "outlet": "Velmar Radio", "author": "Kai Lund"}),
        '{"text": "unterminated',
        json.dumps({"html": article_html(head=head), "title": "Override title", "outlet": "Override outlet",
                    "source": "archive/kessel.html"}),
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "no content at all"}),
        json.dumps({"text": PARAGRAPHS[2], "published": "Feb 16, 2025 (local time)"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, issues = docs_and_issues(iter_inputs([str(path)]))
    assert [d.source for d in docs] == [f"{path}#L1", "archive/kessel.html", f"{path}#L7"]
    first, second, third = docs
    assert (first.title, first.published, first.outlet, first.author, first.format) == (
        "Organiser held", "2025-02-14", "Velmar Radio", "Kai Lund", "jsonl")
    assert (second.title, second.outlet, second.author, second.published) == (
        "Override title", "Override outlet", "Odile Fenner", "2025-02-14T07:45:00+01:00")
    assert PARAGRAPHS[1] in second.text
    assert third.published == "Feb 16, 2025 (local time)"  # kept as given when it is not ISO
    assert {(i.item, i.reason) for i in issues} == {
        (f"{path}#L2", "malformed JSON on line 2"),
        (f"{path}#L5", "line 5 is not a JSON object"),
        (f"{path}#L6", "line 6 has no text, html or url"),
    }


def test_jsonl_line_over_the_line_limit_is_skipped_and_the_next_line_read(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "MAX_JSONL_LINE_BYTES", 200)
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": "x " * 500}) + "\n" + json.dumps({"text": PARAGRAPHS[0]}) + "\n")
    docs, issues = docs_and_issues(iter_inputs([str(path)]))
    assert [d.source for d in docs] == [f"{path}#L2"]
    assert [(i.item, i.reason) for i in issues] == [(f"{path}#L1", "line 1 is longer than the 200 bytes limit")]


def test_json_array_file_yields_one_document_per_object(tmp_path):
    path = tmp_path / "articles.json"
    path.write_text(json.dumps([{"text": PARAGRAPHS[0]}, {"oops": 1}, {"text": PARAGRAPHS[1]}]))
    docs, issues = docs_and_issues(iter_inputs([str(path)]))
    assert [d.source for d in docs] == [f"{path}#item1", f"{path}#item3"]
    assert [i.item for i in issues] == [f"{path}#item2"]


# --- feeds ------------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Velmar Evening Post</title><link>https://vep.example/</link><description>d</description>
<item><title>Organiser detained</title><link>https://vep.example/1</link><dc:creator>Odile Fenner</dc:creator>
<pubDate>Fri, 14 Feb 2025 07:45:00 +0100</pubDate><description>short teaser</description>
<content:encoded><![CDATA[<p>{p0}</p><p>{p1}</p>]]></content:encoded></item>
<item><title>Court date set</title><link>https://vep.example/2</link>
<pubDate>Sat, 15 Feb 2025 09:00:00 +0100</pubDate><description><![CDATA[<p>{p2}</p>]]></description></item>
<item><title>Photo gallery</title><link>https://vep.example/3</link></item>
</channel></rss>""".format(p0=PARAGRAPHS[0], p1=PARAGRAPHS[1], p2=PARAGRAPHS[2])

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Gazette</title><id>urn:hg</id>
<updated>2025-03-02T10:00:00Z</updated>
<entry><title>Dockers strike for a second day</title><id>urn:hg:1</id>
<link rel="alternate" href="https://harbour.example/strike"/><author><name>Pia Norrel</name></author>
<published>2025-03-01T08:00:00+01:00</published><updated>2025-03-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;{p0}&lt;/p&gt;&lt;p&gt;{p2}&lt;/p&gt;</content></entry>
</feed>""".format(p0=PARAGRAPHS[0], p2=PARAGRAPHS[2])


def test_rss_items_become_documents_with_feed_metadata_and_no_fetching(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    docs, issues = docs_and_issues(iter_inputs([str(path)]))
    assert [(d.source, d.title, d.url, d.outlet, d.format) for d in docs] == [
        (f"{path}#entry1", "Organiser detained", "https://vep.example/1", "Velmar Evening Post", "rss"),
        (f"{path}#entry2", "Court date set", "https://vep.example/2", "Velmar Evening Post", "rss"),
    ]
    assert docs[0].published == "2025-02-14T07:45:00+01:00" and docs[0].author == "Odile Fenner"
    assert docs[0].text == PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1]  # full content beats the teaser
    assert [(i.item, i.reason) for i in issues] == [(f"{path}#entry3", "feed entry has no content or summary")]


def test_atom_entry_keeps_published_and_updated_apart(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, RawDocument)
    assert (doc.title, doc.author, doc.published, doc.updated, doc.outlet, doc.url) == (
        "Dockers strike for a second day", "Pia Norrel", "2025-03-01T08:00:00+01:00",
        "2025-03-02T10:00:00+00:00", "Harbour Gazette", "https://harbour.example/strike")


@pytest.mark.parametrize("content, reason", [
    ("<?xml version='1.0'?><urlset><url><loc>https://x.example</loc></url></urlset>",
     "XML but not an RSS or Atom feed"),
    ("<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>", "a feed with no entries"),
])
def test_xml_that_is_not_a_usable_feed_is_an_issue(tmp_path, content, reason):
    path = tmp_path / "x.xml"
    path.write_text(content)
    issue = read_one(path)
    assert isinstance(issue, IngestIssue) and issue.reason == reason


# --- WARC -------------------------------------------------------------------------------------------

def write_warc(path: Path, pages: list[tuple[str, str, str, bytes]], *, gz: bool = True) -> bytes:
    """pages: (url, status, content type, body); each also gets a request record."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
    for url, status, content_type, body in pages:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "vep.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                      http_headers=request))
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def warc_pages(n: int = 2) -> list[tuple[str, str, str, bytes]]:
    head = f"<script type='application/ld+json'>{JSON_LD}</script>"
    pages = [(f"https://vep.example/story/{i}", "200 OK", "text/html; charset=utf-8",
              article_html(head=head).replace("Friday", f"Friday ({i})").encode()) for i in range(n)]
    pages.insert(1, ("https://vep.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 50))
    pages.insert(1, ("https://vep.example/moved", "301 Moved Permanently", "text/html", b"<p>moved</p>"))
    return pages


@pytest.mark.parametrize("gz, name", [(True, "crawl.warc.gz"), (False, "crawl.warc"), (True, "crawl.bin")])
def test_warc_html_responses_become_documents_and_other_records_are_skipped(tmp_path, gz, name):
    path = tmp_path / name
    write_warc(path, warc_pages(), gz=gz)
    docs, issues = docs_and_issues(iter_inputs([str(path)]))
    assert issues == []
    assert [d.source for d in docs] == ["https://vep.example/story/0", "https://vep.example/story/1"]
    assert all(d.format == "warc" and d.author == "Odile Fenner" for d in docs)
    assert "Friday (1)" in docs[1].text


@pytest.mark.parametrize("gz, fraction, expected_reason", [
    (True, 0.75, "truncated gzip stream after"),
    (False, 0.75, "truncated WARC record after"),
])
def test_truncated_warc_keeps_records_before_the_break_and_reports_it(tmp_path, gz, fraction, expected_reason):
    whole = tmp_path / "whole.warc"
    data = write_warc(whole, warc_pages(4), gz=gz)
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[:int(len(data) * fraction)])
    docs, issues = docs_and_issues(iter_inputs([str(cut)]))
    assert 1 <= len(docs) < 4
    assert all(d.source.startswith("https://vep.example/story/") for d in docs)
    assert len(issues) == 1 and issues[0].item == str(cut)
    assert issues[0].reason.startswith(expected_reason)
    assert f"({len(docs)} article" in issues[0].reason


@pytest.mark.parametrize("content, reason", [
    (b"this is not an archive at all, just words", "not a WARC archive"),
    (gzip.compress(b"plain words inside gzip, no WARC"), "not a WARC archive"),
])
def test_a_file_named_warc_that_is_not_one_is_an_issue(tmp_path, content, reason):
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(content)
    issue = read_one(path)
    assert isinstance(issue, IngestIssue) and issue.reason == reason


# --- format detection -------------------------------------------------------------------------------

@pytest.mark.parametrize("name, fmt", [
    ("a.warc.gz", "warc"), ("a.WARC", "warc"), ("a.jsonl", "jsonl"), ("a.jsonl.gz", "jsonl"),
    ("a.html", "html"), ("a.htm", "html"), ("a.xml", "feed"), ("a.rss", "feed"), ("a.txt", "text"),
    ("a.json", "json"), ("a.gz", None), ("article", None), ("a.doc", None),
])
def test_format_comes_from_the_extension_when_it_is_known(name, fmt):
    assert format_by_name(name) == fmt


@pytest.mark.parametrize("head, fmt", [
    (b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
    (b"<?xml version='1.0'?><rss version='2.0'>", "feed"),
    (b"\xef\xbb\xbf<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
    (b"<!DOCTYPE html><html>", "html"),
    (b"  <html><body><p>x</p>", "html"),
    (b'{"text": "a"}\n{"text": "b"}', "jsonl"),
    (b"[{\"text\": \"a\"}]", "json"),
    (b"Police detained <b>three</b> people", "text"),
    (b"Plain words about a <p> tag", "text"),
    (b"[build-system]\nrequires = []", "text"),
    (b"{not json at all}\nsecond line", "text"),
])
def test_unknown_extensions_are_sniffed_from_the_first_bytes(head, fmt):
    assert sniff(head) == fmt


def test_folders_are_walked_recursively_skipping_hidden_entries(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for rel in ("a/one.txt", "a/b/two.txt", ".git/config.txt", "a/.hidden.txt"):
        (tmp_path / rel).write_text(PARAGRAPHS[0])
    docs, issues = docs_and_issues(iter_inputs([str(tmp_path)]))
    assert issues == []
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in docs] == ["a/one.txt", "a/b/two.txt"]


def test_globs_expand_and_a_missing_path_is_an_issue(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(PARAGRAPHS[1])
    found = list(iter_inputs([str(tmp_path / "x*.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "z*")]))
    assert [getattr(f, "source", None) for f in found[:2]] == [str(tmp_path / "x1.txt"), str(tmp_path / "x2.txt")]
    assert [(f.item, f.reason) for f in found[2:]] == [
        (str(tmp_path / "missing.txt"), "no such file or folder"),
        (str(tmp_path / "z*"), "no files match this pattern")]


# --- the sample corpus ------------------------------------------------------------------------------

def test_every_example_file_reads_without_issues_and_in_every_format():
    docs, issues = docs_and_issues(iter_inputs([str(EXAMPLES)]))
    assert issues == []
    assert {d.format for d in docs} == {"text", "html", "rss", "warc"}
    for doc in docs:
        words = len(doc.text.split())
        assert 150 <= words <= 400, (doc.source, words)


def test_two_example_outlets_disagree_on_the_same_sentence():
    txt = read_one(EXAMPLES / "orvel_courier_daskari_sentenced.txt")
    page = read_one(EXAMPLES / "meridian_wire_daskari_verdict.html")
    assert "six years in prison" in txt.text and "five years in prison" in page.text
    assert "March 3" in txt.text and "March 3" in page.text  # the same arrest


def test_the_sample_warc_is_what_the_script_writes(tmp_path):
    import subprocess
    import sys
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_examples.py"), str(tmp_path)],
                   check=True, capture_output=True)
    written = next(tmp_path.glob("*.warc.gz"))
    assert written.read_bytes() == (EXAMPLES / written.name).read_bytes()


# Multi-word names any news article may use; everything else in the seeds is theirs alone.
GENERIC_NAMES = {"European Union", "Supreme Court", "Foreign Ministry", "Interior Ministry"}
NAME_RE = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not present")
def test_examples_name_nobody_from_the_seed_articles():
    seed_names = set(NAME_RE.findall(" ".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt"))))
    example_text = " ".join(p.read_text(encoding="utf-8") for p in EXAMPLES.iterdir() if p.suffix != ".gz")
    example_text += " ".join(d.text for d in iter_inputs([str(EXAMPLES)]) if isinstance(d, RawDocument))
    example_names = set(NAME_RE.findall(example_text))
    assert {"Lena Daskari", "Open Voice Foundation"} <= example_names  # the check can see names
    assert seed_names & example_names - GENERIC_NAMES == set()


@pytest.mark.parametrize("head, base, expected_url, expected_author", [
    ("<link rel='canonical' href='/2025/story'><meta name='author' content='https://social.example/odile'>"
     "<meta property='article:author' content='Odile Fenner'>",
     None, None, "Odile Fenner"),
    ("<link rel='canonical' href='/2025/story'>", "https://vep.example/x?utm=1", "https://vep.example/2025/story", None),
    ("", "https://vep.example/x", "https://vep.example/x", None),
])
def test_relative_page_urls_are_resolved_and_profile_links_are_not_authors(head, base, expected_url,
                                                                           expected_author):
    doc = html_reader.read_html(article_html(head=head), "page.html", base_url=base)
    assert (doc.url, doc.author) == (expected_url, expected_author)


@pytest.mark.parametrize("raw, expected", [
    ("He said “no” at the café.".encode("utf-16-le"), "He said “no” at the café."),
    ("He said “no” at the café.".encode("utf-16-be"), "He said “no” at the café."),
    # one damaged byte in a UTF-8 file must not turn every other accent into mojibake
    ("Élise said “no” at the café in Grünstadt".encode("utf-8") + b"\xe2\x80",
     "Élise said “no” at the café in Grünstadt\ufffd"),
])
def test_utf16_without_bom_and_slightly_damaged_utf8_decode_correctly(raw, expected):
    assert decode_bytes(raw) == expected


def test_html_saved_as_utf8_but_declaring_latin1_is_read_as_utf8(tmp_path):
    page = article_html().replace("<meta charset='utf-8'>", "<meta charset='iso-8859-1'>")
    path = tmp_path / "mislabelled.html"
    path.write_bytes(page.replace("Friday", "Friday at the “Café Noir”").encode("utf-8"))
    doc = read_one(path)
    assert isinstance(doc, RawDocument) and "“Café Noir”" in doc.text


@pytest.mark.parametrize("description, reason", [
    ("Read more on our site.", "feed entry holds only a short summary, not the article"),
    ("", "feed entry has no content or summary"),
])
def test_feed_entries_with_only_a_teaser_say_so(tmp_path, description, reason):
    path = tmp_path / "teasers.rss"
    path.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><title>A</title>"
                    f"<link>https://t.example/a</link><description>{description}</description></item>"
                    "</channel></rss>")
    issue = read_one(path)
    assert isinstance(issue, IngestIssue) and (issue.item, issue.reason) == (f"{path}#entry1", reason)


@pytest.mark.parametrize("name, content, expected", [
    # not JSON Lines at all: one issue for the file, not one per line
    ("table.jsonl", "id,text\n1,a\n2,b\n3,c\n4,d\n5,e\n6,f\n",
     [("{path}", "not JSON Lines: none of the first 5 lines is valid JSON")]),
    # a broken .json file: one issue naming the line
    ("broken.json", '{\n  "text": "unterminated\n}\n', [("{path}", "malformed JSON on line 2")]),
    # two bad lines before a good one are still reported line by line
    ("mixed.jsonl", 'x\ny\n{"text": "' + PARAGRAPHS[0] + '"}\n', [("{path}#L1", "malformed JSON on line 1"),
                                                                  ("{path}#L2", "malformed JSON on line 2")]),
])
def test_files_that_are_not_json_get_one_issue_not_one_per_line(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content)
    issues = [(i.item, i.reason) for i in iter_inputs([str(path)]) if isinstance(i, IngestIssue)]
    assert issues == [(item.replace("{path}", str(path)), reason) for item, reason in expected]


@pytest.mark.parametrize("arg, reason", [
    ("", "an empty argument, not a file, folder or URL"),
    ("   ", "an empty argument, not a file, folder or URL"),
    ("/dev/null", "not a regular file (a device, socket or pipe)"),
])
def test_arguments_that_name_no_file_are_issues(arg, reason):
    [issue] = list(iter_inputs([arg]))
    assert isinstance(issue, IngestIssue) and issue.reason == reason
