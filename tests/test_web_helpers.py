"""Stores for the web tests, built once per test process (spaCy parses each article once).

Not a test module of its own: the web test modules import ``web_store`` from here. The
fictional articles below are written for these tests; the seeds are read from ../shared.
"""
from __future__ import annotations

import functools
import json
import tempfile
from pathlib import Path

from tests.conftest import SEEDS

XSS_PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">click</a>')
XSS_ARTICLE = {
    "title": "Hostile headline <script>alert(1)</script> <img src=x onerror=alert(1)>",
    "outlet": "Test Wire <b>bold</b>",
    "published": "2022-05-04",
    "text": ("Authorities in the town of Orlavia detained the editor Mirela Dovan on April 2, 2022, "
             "her lawyer said on Monday. "
             "The charge sheet quoted a post that read <script>alert(1)</script> and an image tag "
             "<img src=x onerror=alert(1)> as evidence. "
             'A reader sent a link, <a href="javascript:alert(1)">click</a>, which police also cited. '
             '"I only published what officials told me," Dovan said before her detention.'),
}
FICTION_ARTICLE = {
    "title": "Blogger Teodor Kalvan sentenced to five years in Veskar",
    "outlet": "Northern Ledger",
    "published": "2021-06-20",
    "text": ("A court in the city of Veskar sentenced the blogger Teodor Kalvan to five years in prison on "
            "June 18, 2021, his wife said. "
            "Police arrested Kalvan on January 9, 2021, after he wrote about land seizures. "
            '"My husband did nothing wrong," said his wife, Ilsa Kalvan, who added that he was denied '
            "family visits for months. "
            "The rights group Free Voices Forum called the verdict a warning to every independent writer."),
}


def _jsonl(folder: Path, name: str, articles: list[dict]) -> Path:
    path = folder / name
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


@functools.cache
def web_store() -> str:
    """A SQLite store holding the two seeds, a fictional article and a hostile one."""
    from casefile.pipeline import ingest
    from casefile.store.db import Store

    folder = Path(tempfile.mkdtemp(prefix="casefile-web-tests-"))
    db = str(folder / "web.db")
    store = Store.open(db)
    inputs = [str(_jsonl(folder, "fiction.jsonl", [FICTION_ARTICLE, XSS_ARTICLE]))]
    if SEEDS.is_dir():
        inputs.append(str(SEEDS))
    report = ingest(inputs, store)
    store.close()
    assert report.stored == 2 + (2 if SEEDS.is_dir() else 0), report.summary()
    return db


def visible_text(page: str) -> str:
    """What a reader sees of a page: no head, scripts, styles, SVG tooltips, attributes or tags."""
    import html
    import re

    page = re.sub(r"<(head|script|style|title|datalist)\b[^>]*>.*?</\1>", " ", page, flags=re.S | re.I)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
