#!/usr/bin/env python
"""Write examples/northbank_radio_crawl.warc.gz, the sample WARC archive.

    python scripts/make_examples.py [OUT_DIR]

The archive looks like a small news crawl (as in Common Crawl's CC-NEWS): a
warcinfo record, then for each page a request record and a response record,
plus one image response and one metadata record that readers must skip. All
stories are about the fictional country of Kestria. Record ids and dates are
fixed so the output is the same on every run.
"""
from __future__ import annotations

import io
import sys
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT_NAME = "northbank_radio_crawl.warc.gz"
CRAWL_DATE = "2025-04-09T06:00:00Z"
ID_NAMESPACE = uuid.UUID("6f1d3c1e-2a51-4a8e-9b5e-1c0d8e0f7a10")

PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} - Northbank Radio</title>
<meta property="og:site_name" content="Northbank Radio">
<meta property="og:title" content="{title}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{url}">
</head><body>
<div class="top-bar"><a href="/">Northbank Radio</a> | <a href="/live">Listen live</a> | <a href="/donate">Donate</a></div>
<div class="story"><h1>{title}</h1>
{paragraphs}
</div>
<div class="footer">Northbank Radio is an independent broadcaster. <a href="/contact">Contact us</a></div>
</body></html>
"""

STORIES = [
    {
        "url": "https://northbankradio.example/news/2025/04/orvel-university-protest",
        "title": "Police detain 14 students after protest at Orvel University",
        "author": "Jonas Pellar",
        "published": "2025-04-08T18:20:00+02:00",
        "paragraphs": [
            "ORVEL – Police detained 14 students on Tuesday after a protest at Orvel University against the "
            "arrest of blogger Lena Daskari, witnesses and a students' union said.",
            "About 200 students gathered in front of the main library at noon, holding signs that read "
            "“Free Lena” and “Repeal Decree 17.” Riot police arrived about an hour later and dispersed the "
            "crowd, the witnesses said.",
            "“They pulled people into vans without saying what they were accused of,” said Tereza Hollin, "
            "a second-year law student who was at the protest. “One of my classmates was hit with a baton.”",
            "Police spokesman Major Aron Belic said the gathering had not been authorized and that officers "
            "had acted “in line with the law.” He said the 14 students were being questioned on suspicion of "
            "disturbing public order and would be released if they were not charged within 48 hours.",
            "The students' union said the detained included two of its elected officers. It called on the "
            "university rector, Professor Hanna Wolde, to demand their release.",
            "Daskari, a blogger who wrote about last year's floods in Helsa province, has been held since "
            "March 3 on charges of spreading false information. Her trial is expected to begin in May.",
            "The Open Voice Foundation, a rights group, said the detentions were “part of a wider effort to "
            "frighten young people away from politics.”",
        ],
    },
    {
        "url": "https://northbankradio.example/news/2025/04/helsa-farmers-petition",
        "title": "Farmers in Helsa province summoned by police over dam petition",
        "author": "Mirela Stan",
        "published": "2025-04-03T09:05:00+02:00",
        "paragraphs": [
            "HELSA – Three farmers who organized a petition against a planned dam on the Varna river were "
            "summoned for questioning by police on Wednesday, their relatives said.",
            "The petition, signed by more than 4,000 residents of Helsa province, asks the government to "
            "suspend work on the dam until an independent study of its effects on farmland is published.",
            "“We only collected signatures. That is not a crime in any country,” said Viktor Amsel, one of "
            "the three organizers, before he entered the police station in the town of Kerrin.",
            "Provincial governor Lukas Dorran said on Thursday that the dam was “vital for the whole "
            "country” and that the project would go ahead. He said the petition had been “used by people "
            "with political goals.”",
            "Lawyers for the farmers said police had warned them that the petition could fall under Decree 17 "
            "on Public Order, which punishes content that “undermines trust in state institutions.” None of "
            "the three has been charged, the lawyers said.",
            "Helsa was badly hit by floods last autumn, and many residents say compensation promised by the "
            "government has not arrived.",
        ],
    },
]

# A 1x1 transparent PNG: a non-HTML response that readers must skip.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(ID_NAMESPACE, name)}>"


def page_html(story: dict) -> bytes:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in story["paragraphs"])
    fields = {k: v for k, v in story.items() if k != "paragraphs"}
    return PAGE_TEMPLATE.format(paragraphs=paragraphs, **fields).encode("utf-8")


def write_archive(out: io.BufferedIOBase) -> None:
    writer = WARCWriter(out, gzip=True)
    info = writer.create_warcinfo_record(OUT_NAME, {"software": "casefile make_examples",
                                                     "description": "sample news crawl (fictional)"})
    info.rec_headers.replace_header("WARC-Record-ID", record_id("warcinfo"))
    info.rec_headers.replace_header("WARC-Date", CRAWL_DATE)
    writer.write_record(info)
    for story in STORIES:
        _write_exchange(writer, story["url"], "text/html; charset=utf-8", page_html(story))
    _write_exchange(writer, "https://northbankradio.example/static/pixel.png", "image/png", PIXEL)
    meta = writer.create_warc_record(STORIES[0]["url"], "metadata", payload=io.BytesIO(b"fetchTimeMs: 212\n"),
                                     warc_content_type="application/warc-fields",
                                     warc_headers_dict={"WARC-Record-ID": record_id("metadata"),
                                                        "WARC-Date": CRAWL_DATE})
    writer.write_record(meta)


def _write_exchange(writer: WARCWriter, url: str, content_type: str, body: bytes) -> None:
    host = url.split("/")[2]
    path = "/" + url.split("/", 3)[3]
    request = StatusAndHeaders(f"GET {path} HTTP/1.1", [("Host", host), ("User-Agent", "examplebot/1.0")],
                               is_http_request=True)
    writer.write_record(writer.create_warc_record(
        url, "request", payload=io.BytesIO(b""), http_headers=request,
        warc_headers_dict={"WARC-Record-ID": record_id("request " + url), "WARC-Date": CRAWL_DATE}))
    response = StatusAndHeaders("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                                protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=response,
        warc_headers_dict={"WARC-Record-ID": record_id("response " + url), "WARC-Date": CRAWL_DATE}))


def main(argv: list[str]) -> None:
    out_dir = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "examples"
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / OUT_NAME, "wb") as out:
        write_archive(out)
    print(out_dir / OUT_NAME)


if __name__ == "__main__":
    main(sys.argv[1:])
