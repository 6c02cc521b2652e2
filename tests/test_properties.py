"""Property tests: arbitrary input raises only casefile's own errors, offsets stay inside the text."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.errors import CasefileError
from casefile.extract import make_parsed
from casefile.extract.chain import extract_all
from casefile.ingest import build_document, dedup
from casefile.ingest.clean import clean
from casefile.ingest.metadata import date_hint, iso, parse_date
from casefile.models import Document, RawDocument

# Text that looks like news often enough to exercise the rules: words, quotes, dates, names.
PIECES = st.sampled_from([
    "said", "told", "\u201c", "\u201d", '"', "'", "\u2018", "\u2019", "Police", "arrested", "Ana Rell", "Nguyễn Văn A",
    "on March 3, 2024", "last year", "two months later", "Directive 9", "$5 million", "18 months", "\n", "\n\n",
    ".", ",", " ", "the", "court", "sentenced", "Play Live Radio", "© 2024 Some Radio", "Updated May 1, 2024",
    "according to", "he", "she", "it", "they", "Ministry of Justice", "in February", "Wednesday", "(", ")", "—",
])
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map(" ".join)
ANY_TEXT = st.one_of(NEWSY, st.text(max_size=400))


@given(ANY_TEXT)
def test_cleaning_keeps_a_faithful_map_to_the_raw_text(raw):
    out = clean(raw)
    for clean_start, raw_start, length in out.segments:
        assert out.text[clean_start:clean_start + length] == out.raw[raw_start:raw_start + length]
    assert len(out.text) <= len(out.raw)


@given(ANY_TEXT)
def test_building_a_document_raises_nothing_but_input_errors(raw):
    try:
        doc = build_document(RawDocument(source="fuzz.txt", text=raw))
    except CasefileError:
        return
    assert doc.text and len(doc.id) == 16


@given(ANY_TEXT, st.one_of(st.none(), st.dates()))
def test_metadata_helpers_never_raise(text, before):
    date_hint(text)
    iso(text)
    parse_date(text, before=before)


@given(ANY_TEXT)
def test_signatures_are_total(text):
    assert len(dedup.signature(text)) == dedup.NUM_PERM


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(NEWSY, st.sampled_from([None, "2024-03-01"]))
def test_every_extracted_record_points_inside_its_text(nlp, text, published):
    if not text.strip():
        return
    doc = Document(id="fuzz", source="fuzz", text=text, published=published)
    ex = extract_all(make_parsed(doc, nlp(text)))
    spans = [(r.start, r.end, r.text) for r in [*ex.quotes, *ex.times, *ex.amounts]]
    spans += [(m.start, m.end, m.text) for e in ex.entities for m in e.mentions]
    spans += [(e.start, e.end, e.trigger) for e in ex.events]
    for start, end, value in spans:
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == value


def test_export_then_ingest_round_trips_documents(tmp_path):
    from casefile.export import build
    from casefile.pipeline import ingest
    from casefile.store.db import Store

    src = tmp_path / "a.txt"
    src.write_text("Kestria court jails two lawyers\n\nA court in Vell sentenced two lawyers to six years in prison "
                   "on Monday, their families said.", encoding="utf-8")
    first = Store.open(str(tmp_path / "one.db"))
    ingest([str(src)], first)
    exported = build(first)
    lines = tmp_path / "export.jsonl"
    lines.write_text("\n".join(json.dumps({k: d[k] for k in ("text", "title", "outlet", "published", "source")})
                               for d in exported["documents"]), encoding="utf-8")
    second = Store.open(str(tmp_path / "two.db"))
    ingest([str(lines)], second)
    again = build(second)
    assert [d["id"] for d in again["documents"]] == [d["id"] for d in exported["documents"]]
    assert [d["text"] for d in again["documents"]] == [d["text"] for d in exported["documents"]]
    assert len(again["times"]) == len(exported["times"])
