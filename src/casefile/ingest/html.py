"""HTML reader: the article's main text (trafilatura) and its metadata.

Nothing the page references is ever fetched and no script runs: trafilatura,
htmldate and lxml are only given the markup already in hand (htmldate is given a
parsed tree, never a string, because it treats a string that looks like a URL as
something to download).

Hostile markup is bounded before parsing: libxml2 silently drops everything
below its depth limit (10,000 nested <div> come out as an empty page), so trees
deeper than settings.MAX_HTML_DEPTH are flattened first by removing container
tags, which leaves paragraphs and headings intact.
"""
from __future__ import annotations

import html as htmllib
import json
import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any, Iterator
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from htmldate import find_date
from lxml import etree

from casefile import settings
from casefile.errors import InputError
from casefile.ingest.text import check_article_text, check_size, decode_bytes
from casefile.models import RawDocument

# Tags kept when a too-deep page is flattened: they carry the paragraphs, the
# headline and the metadata, and none of them nests.
KEEP_WHEN_FLATTENED = ("html", "head", "body", "title", "meta", "link", "script", "style",
                       "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li")
# Elements that close themselves or are closed implicitly; they never add depth.
NON_NESTING = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                         "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
                         "option", "tr", "td", "th", "!doctype"})
BLOCK_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr",
                        "blockquote", "section", "article", "header", "footer", "pre", "dd", "dt"})
TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(/?)>")
FLATTEN_RE = re.compile(r"</?(?!(?:%s)\b)[a-zA-Z][a-zA-Z0-9:-]*\b[^>]*>" % "|".join(KEEP_WHEN_FLATTENED),
                        re.IGNORECASE)
XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# JSON-LD types that describe the article itself, not the site or a breadcrumb.
ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                           "BlogPosting", "OpinionNewsArticle", "BackgroundNewsArticle",
                           "Report", "LiveBlogPosting", "ScholarlyArticle"})
# " | Site" or " - Site" endings of <title>: dropped when short or when they name the outlet.
TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " « ", " » ")
MAX_SITE_SUFFIX_WORDS = 4
# Above this many elements trafilatura takes many seconds (about 7 s for 20,000 on a
# shared core); such pages get the plain lxml text instead.
MAX_TRAFILATURA_ELEMENTS = 15_000
# WHATWG: a page declaring latin-1 or ASCII is decoded as windows-1252.
CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                   "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Bytes of a page to text: BOM, valid UTF-8, the declared charset (HTTP or <meta>), then detection.

    Valid UTF-8 wins over a declaration because pages that declare latin-1 but
    are saved as UTF-8 are common, while cp1252 text that happens to be valid
    UTF-8 is not.
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data)
    try:
        data.decode("utf-8")
        return decode_bytes(data)
    except UnicodeDecodeError:
        pass
    if not declared:
        match = META_CHARSET_RE.search(data[:4096])
        declared = match.group(1).decode("ascii", "ignore") if match else None
    if declared:
        encoding = CHARSET_ALIASES.get(declared.strip().lower(), declared.strip())
        try:
            return decode_bytes(data.decode(encoding).encode("utf-8"))  # same binary and newline checks
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; detect instead
    return decode_bytes(data)


def nesting_depth(markup: str) -> int:
    """Deepest element nesting, counted on the tags without building a tree."""
    return _tag_stats(markup)[0]


def _tag_stats(markup: str) -> tuple[int, int]:
    """(deepest nesting, number of elements), counted on the tags without building a tree."""
    depth = deepest = elements = 0
    for closing, name, selfclosing in TAG_RE.findall(markup):
        elements += not closing
        name = name.lower()
        if name in NON_NESTING or selfclosing:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest, elements


def bounded(markup: str) -> tuple[str, bool]:
    """Markup safe to hand to libxml2 (XML declaration removed, deep trees flattened), and
    whether it is small enough for trafilatura, whose time grows faster than the page."""
    markup = XML_DECL_RE.sub("", markup, count=1)
    deepest, elements = _tag_stats(markup)
    if deepest > settings.MAX_HTML_DEPTH:
        markup = FLATTEN_RE.sub(_flatten_tag, markup)
    return markup, elements <= MAX_TRAFILATURA_ELEMENTS


def _flatten_tag(match: re.Match) -> str:
    name = TAG_RE.match(match.group(0))
    tag = name.group(2).lower() if name else ""
    return "<br>" if tag in BLOCK_TAGS else ""


def parse_tree(markup: str) -> Any | None:
    """An lxml tree of bounded markup, or None when nothing parses."""
    try:
        return lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None


def main_text(markup: str, *, use_trafilatura: bool = True) -> str:
    """Article paragraphs, one per line with a blank line between them."""
    extracted = None
    try:
        if use_trafilatura:
            extracted = trafilatura.extract(markup, output_format="txt", include_comments=False,
                                            include_tables=False, include_links=False,
                                            include_images=False, favor_precision=False)
    except Exception:  # trafilatura on hostile markup: fall back to plain lxml text
        extracted = None
    if not extracted:
        tree = parse_tree(markup)  # a fresh tree: the fallback edits it
        extracted = _fallback_text(tree) if tree is not None else ""
    if not extracted:
        return ""
    lines = [" ".join(line.split()) for line in extracted.splitlines()]
    return "\n\n".join(line for line in lines if line)


def _fallback_text(tree: Any) -> str:
    """Visible text with block elements on their own lines, for pages trafilatura declines."""
    for bad in tree.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n" + (el.text or "")
    return tree.text_content()


def iso_date(value: Any) -> str | None:
    """A date or datetime as ISO 8601, keeping the source's own offset; None when unparseable."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    for parse in (_from_iso, parsedate_to_datetime):
        try:
            parsed = parse(value)
        except (ValueError, TypeError, IndexError):
            continue
        if parsed is not None:
            if (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0) and len(value) <= 10:
                return parsed.date().isoformat()
            return parsed.isoformat()
    match = re.match(r"(\d{4}-\d{2}-\d{2})", value)
    return match.group(1) if match else None


def _from_iso(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def json_ld_article(tree: Any) -> dict[str, Any]:
    """The JSON-LD object that describes the article, or {}."""
    candidates: list[dict[str, Any]] = []
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        candidates.extend(_ld_objects(data))
    for obj in candidates:
        types = obj.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(t in ARTICLE_TYPES for t in types if isinstance(t, str)) and obj.get("headline"):
            return obj
    return next((obj for obj in candidates if obj.get("headline")), {})


def _ld_objects(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"], depth + 1)


def _name(value: Any) -> str | None:
    """A person or organisation as JSON-LD gives it: a string, {"name": ...} or a list of those."""
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and value.strip():
        return " ".join(htmllib.unescape(value).split())
    return None


def meta_index(tree: Any) -> dict[str, str]:
    """Every <meta> value by its property/name/itemprop, first one wins (one pass over the page)."""
    index: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = " ".join((meta.get("content") or "").split())
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip()
            if key:
                index.setdefault(key.lower(), content)
    return index


def _meta(metas: dict[str, str], *keys: str) -> str | None:
    return next((metas[key.lower()] for key in keys if key.lower() in metas), None)


def clean_title(title: str | None, outlet: str | None) -> str | None:
    """Drop a trailing " | Site" from a page title."""
    if not title:
        return None
    title = " ".join(htmllib.unescape(title).split())
    for sep in TITLE_SEPARATORS:
        if sep not in title:
            continue
        head, tail = title.rsplit(sep, 1)
        names_outlet = bool(outlet) and _norm(tail) in (_norm(outlet), _norm(outlet).replace(" ", ""))
        if names_outlet or (sep.strip() == "|" and len(tail.split()) <= MAX_SITE_SUFFIX_WORDS
                            and len(head) > len(tail)):
            return head.strip() or title
    return title


def _norm(text: str) -> str:
    return re.sub(r"[^\w ]+", "", text.lower()).strip()


def page_metadata(tree: Any, *, small: bool = True) -> dict[str, str | None]:
    """Title, author, dates, outlet and URL from JSON-LD, Open Graph and standard meta tags.

    htmldate (the last resort for the date) only runs on pages of ordinary size.
    """
    ld = json_ld_article(tree)
    metas = meta_index(tree)
    outlet = _meta(metas, "og:site_name") or _name(ld.get("publisher")) or _meta(metas, "application-name")
    title_tag = tree.findtext(".//head/title") or tree.findtext(".//title")  # not an <svg> icon's title
    title = _meta(metas, "og:title") or _name(ld.get("headline")) or title_tag or _meta(metas, "twitter:title")
    author = next((a for a in (_name(ld.get("author")), _meta(metas, "author"), _meta(metas, "article:author"),
                               _meta(metas, "byl"), _byline(tree))
                   if a and not a.lower().startswith(("http://", "https://", "www."))), None)  # not profile links
    updated = iso_date(ld.get("dateModified")) or iso_date(_meta(metas, "article:modified_time", "og:updated_time"))
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    url = (canonical[0].strip() if canonical and canonical[0].strip() else None) or _meta(metas, "og:url")
    published = (iso_date(ld.get("datePublished")) or iso_date(_meta(metas, "article:published_time"))
                 or iso_date(_meta(metas, "datePublished", "pubdate", "date"))
                 or (_htmldate(tree) if small else None))  # last: htmldate may prune the tree it is given
    return {"title": clean_title(title, outlet), "author": author, "published": published,
            "updated": updated, "outlet": outlet, "url": url}


def _absolute(url: str | None, base_url: str | None) -> str | None:
    """A page URL made absolute against ``base_url``; a relative one with no base is dropped."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    if base_url:
        return urljoin(base_url, url) if url else base_url
    return None


def _byline(tree: Any) -> str | None:
    for el in tree.xpath('//*[@rel="author" or contains(@class, "byline") or contains(@class, "author")]'):
        text = " ".join(el.text_content().split())
        text = re.sub(r"^(?:by|By|BY)\s+", "", text)
        if 2 < len(text) <= 80:
            return text
    return None


def _htmldate(tree: Any) -> str | None:
    try:
        return find_date(tree, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # htmldate on odd trees: no date rather than no document
        return None


def read_html(data: bytes | str, source: str, *, fmt: str = "html", charset: str | None = None,
              base_url: str | None = None, overrides: dict[str, str | None] | None = None) -> RawDocument:
    """One HTML page -> RawDocument with ``html`` (as received), ``text`` (main text) and metadata.

    ``base_url`` (where the page was fetched or crawled from) makes a relative
    canonical link absolute and is the page's URL when it names none.
    """
    if isinstance(data, bytes):
        check_size(len(data))
        markup = decode_html(data, charset)
    else:
        check_size(len(data.encode("utf-8", "surrogatepass")))
        markup = data.replace("\r\n", "\n").replace("\r", "\n")
    safe, small = bounded(markup)
    tree = parse_tree(safe)
    if tree is None:
        raise InputError("malformed HTML: nothing could be parsed")
    meta = page_metadata(tree, small=small)
    meta["url"] = _absolute(meta["url"], base_url)
    text = main_text(safe, use_trafilatura=small)
    if not text:
        body = json_ld_article(tree).get("articleBody")
        text = body.strip() if isinstance(body, str) else ""
    if not text.strip():
        raise InputError("no readable article text in the HTML page")
    check_article_text(text)
    doc = RawDocument(source=source, html=markup, text=text, format=fmt, **meta)
    for key, value in (overrides or {}).items():
        if value:
            setattr(doc, key, value)
    return doc
