"""A torture batch: valid articles in every format mixed with every kind of bad input.

``make_batch(folder, total)`` writes ``total`` files and returns what each is expected to
become: "stored", "duplicate", "rejected", or "either" (inputs a reader may salvage or
refuse, e.g. text with stray NUL bytes, as long as it says which).
"""
from __future__ import annotations

import gzip
import io
import json
import random
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .synthetic import article

BIG_BYTES = 50 * 1024 * 1024


def _html(a: dict) -> str:
    paras = "".join(f"<p>{p}</p>" for p in a["text"].split("\n\n")[1:])
    ld = json.dumps({"@type": "NewsArticle", "headline": a["title"], "datePublished": a["published"]})
    return (f"<html><head><title>{a['title']}</title><script type='application/ld+json'>{ld}</script></head>"
            f"<body><article><h1>{a['title']}</h1>{paras}</article></body></html>")


def _rss(a: dict) -> str:
    body = a["text"].split("\n\n", 1)[1].replace("&", "&amp;").replace("<", "&lt;")
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>{a['outlet']}</title><item>"
            f"<title>{a['title']}</title><description>{body}</description>"
            f"<pubDate>Tue, 31 Dec 2024 10:00:00 GMT</pubDate></item></channel></rss>")


def _warc(a: dict) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(f"https://example.org/{a['source']}", "response",
                                                  payload=io.BytesIO(_html(a).encode()), http_headers=headers))
    return buf.getvalue()


def _good(kind: str, a: dict) -> tuple[str, bytes]:
    if kind == "txt":
        return ".txt", a["text"].encode()
    if kind == "html":
        return ".html", _html(a).encode()
    if kind == "jsonl":
        return ".jsonl", (json.dumps(a) + "\n").encode()
    if kind == "rss":
        return ".xml", _rss(a).encode()
    if kind == "warc":
        return ".warc.gz", _warc(a)
    if kind == "cp1252":
        return ".txt", (a["text"] + " \u201cQuoted\u201d caf\u00e9 \u2013 d\u00e9j\u00e0 vu.").encode("cp1252")
    if kind == "latin1":
        return ".txt", (a["text"] + " Caf\u00e9 cr\u00e8me, na\u00efve \u00e9t\u00e9.").encode("latin-1")
    if kind == "vietnamese":
        return ".txt", (a["text"] + "\n\nNgười biểu tình tập trung trước tòa án ở Hà Nội hôm thứ Hai.").encode()
    raise ValueError(kind)


def _bad(kind: str, a: dict, rng: random.Random) -> tuple[str, bytes, str]:
    """(suffix, content, expectation)"""
    if kind == "empty":
        return ".txt", b"", "rejected"
    if kind == "blank":
        return ".txt", b"   \n\n\t  \n", "rejected"
    if kind == "binary":
        return ".bin", bytes(rng.randrange(256) for _ in range(4096)), "rejected"
    if kind == "png":
        return ".txt", b"\x89PNG\r\n\x1a\n" + bytes(2000), "rejected"
    if kind == "nul":
        return ".txt", a["text"].encode().replace(b" ", b"\x00", 3), "either"
    if kind == "deep":
        return ".html", ("<div>" * 10_000 + "<p>" + a["text"] + "</p>" + "</div>" * 10_000).encode(), "either"
    if kind == "malformed_html":
        return ".html", b"<html><body><p>Unclosed <b><i>tags <div></span></table>" + a["text"].encode()[:300], "either"
    if kind == "truncated_gz":
        return ".warc.gz", _warc(a)[:-40], "either"
    if kind == "truncated_warc":
        return ".warc.gz", _warc(a)[: len(_warc(a)) // 2], "rejected"
    if kind == "bad_jsonl":
        return ".jsonl", b'{"text": "unterminated\n{not json}\n', "rejected"
    if kind == "tiny":
        return ".txt", b"Hi.", "rejected"
    raise ValueError(kind)


GOOD = ["txt", "html", "jsonl", "rss", "warc", "cp1252", "latin1", "vietnamese"]
BAD = ["empty", "blank", "binary", "png", "nul", "deep", "malformed_html", "truncated_gz", "truncated_warc",
       "bad_jsonl", "tiny"]


def make_batch(folder: Path, total: int = 1000, big_files: int = 2, seed: int = 11) -> dict[str, str]:
    """Write the batch; returns {file name: expected outcome}."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}
    originals: list[Path] = []
    for n in range(big_files):
        path = folder / f"huge{n}.txt"
        with path.open("wb") as fh:
            fh.truncate(BIG_BYTES)          # sparse: 50 MB on paper, no time spent writing it
        expected[path.name] = "rejected"
    i = 0
    while len(expected) < total:
        i += 1
        a = article(10_000 + i, rng)
        roll = rng.random()
        if roll < 0.6:
            kind = GOOD[i % len(GOOD)]
            suffix, data = _good(kind, a)
            outcome = "stored"
        elif roll < 0.7 and originals:
            src = rng.choice(originals)
            suffix, data, outcome, kind = "".join(src.suffixes), src.read_bytes(), "duplicate", "copy"
        else:
            kind = BAD[i % len(BAD)]
            suffix, data, outcome = _bad(kind, a, rng)
        path = folder / f"{i:04d}_{kind}{suffix}"
        path.write_bytes(data)
        expected[path.name] = outcome
        if outcome == "stored":
            originals.append(path)
    return expected
