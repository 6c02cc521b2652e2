"""`casefile spark-ingest` + `casefile load` give the store `casefile ingest` gives on the same files.

Spark runs for real (local[2], Java 17). In CI a missing Java is installed with
scripts/install_java.sh; a missing Java or pyspark fails there instead of skipping.
"""
from __future__ import annotations

import importlib.util
import io
import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from casefile.cli import main
from casefile.export import build
from casefile.store.db import Store

from .pg import ROOT, in_ci
from .test_parallel import article, snapshot

pytestmark = pytest.mark.slow
INSTALL_JAVA = ROOT / "scripts" / "install_java.sh"

if "spark-ingest" not in main.commands:     # until cli.py registers them
    from casefile.cli_scale import register

    register(main)


def require_spark() -> None:
    if shutil.which("java") is None and in_ci():
        subprocess.run(["bash", str(INSTALL_JAVA)], check=False)
    missing = [what for what, ok in (("java", shutil.which("java")),
                                     ("pyspark", importlib.util.find_spec("pyspark"))) if not ok]
    if missing:
        message = f"{' and '.join(missing)} not installed (scripts/install_java.sh, pip install pyspark)"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


def html_page(i: int) -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in article(i).splitlines()[2:] if line)
    return (f"<html><head><title>Report {i}</title></head><body><nav>Home | World | Contact</nav>"
            f"<article><h1>Report {i}</h1>{paragraphs}</article><footer>© Tull Times</footer>"
            "</body></html>").encode("utf-8")


def write_warc(path, pages: dict[str, bytes]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, body in pages.items():
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A JSONL file (with a broken line) and a gzipped WARC of two pages; one article in both."""
    root = tmp_path_factory.mktemp("spark_corpus")
    lines = [json.dumps({"text": article(i), "outlet": "Tull Times", "published": "2025-03-20"}) for i in (0, 1)]
    lines.append("{broken")
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_warc(root / "crawl.warc.gz", {"https://news.example.org/a/2": html_page(2),
                                        "https://news.example.org/a/3": html_page(3)})
    return [str(root / "wire.jsonl"), str(root / "crawl.warc.gz")]


@pytest.fixture(scope="module")
def stores(corpus, tmp_path_factory):
    """(plain ingest store, spark-ingest + load store, spark output folder, --workers 2 store)."""
    require_spark()
    root = tmp_path_factory.mktemp("spark_run")
    runner = CliRunner()
    plain, loaded, output = str(root / "plain.db"), str(root / "spark.db"), root / "parquet"
    workers = str(root / "workers.db")
    result = runner.invoke(main, ["ingest", *corpus, "--db", plain, "-q"])
    assert "stored 4," in result.output, result.output
    result = runner.invoke(main, ["ingest", *corpus, "--db", workers, "-q", "--workers", "2", "--batch-size", "1"])
    assert "stored 4," in result.output, result.output
    result = runner.invoke(main, ["spark-ingest", *corpus, "--output", str(output), "--master", "local[2]"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["load", str(output), "--db", loaded])
    assert "stored 4," in result.output, result.output
    return Store.open(plain, readonly=True), Store.open(loaded, readonly=True), output, Store.open(workers, readonly=True)


def test_the_job_writes_one_parquet_table_per_store_table(stores):
    _, _, output, _ = stores
    from casefile.spark_tables import TABLES, read_table

    assert {p.name for p in output.iterdir() if p.is_dir()} >= set(TABLES)
    documents = read_table(output, "documents")
    assert len(documents) == 4 and all(isinstance(d["provenance"], dict) for d in documents)


@pytest.mark.parametrize("section", ["documents", "entities", "quotes", "times", "events"])
def test_spark_and_plain_ingest_export_the_same_records(stores, section):
    plain, loaded, _, _ = stores
    ours, theirs = build(loaded)[section], build(plain)[section]
    assert ours == theirs
    if section != "documents":
        assert ours, f"the corpus should yield some {section}"


def test_spark_and_plain_ingest_fill_every_table_alike(stores):
    plain, loaded, _, _ = stores
    assert snapshot(loaded) == snapshot(plain)


def test_record_offsets_point_into_the_document_text(stores):
    _, loaded, _, _ = stores
    texts = {d["id"]: d["text"] for d in loaded.rows("documents")}
    for table in ("mentions", "quotes", "times", "events"):
        for row in loaded.rows(table):
            assert texts[row["document_id"]][row["start"]:row["end"]] == row["text"]


def test_the_broken_line_is_reported_as_plain_ingest_reports_it(stores):
    plain, loaded, _, _ = stores
    def issues(store):
        return sorted((r["item"].rsplit("/", 1)[-1], r["reason"]) for r in store.issues())
    assert issues(loaded) == issues(plain)
    assert any(item == "wire.jsonl#L3" for item, _ in issues(loaded))


def test_loading_the_same_output_twice_changes_nothing(stores, tmp_path):
    _, loaded, output, _ = stores
    target = tmp_path / "twice.db"
    runner = CliRunner()
    runner.invoke(main, ["load", str(output), "--db", str(target)])
    once = snapshot(Store.open(str(target), readonly=True))
    again = runner.invoke(main, ["load", str(output), "--db", str(target)])
    assert "stored 0, duplicates 4" in again.output, again.output
    assert snapshot(Store.open(str(target), readonly=True)) == once


@pytest.mark.parametrize("args, message", [
    (["load", "{missing}"], "does not exist"),
    (["load", "{empty}"], "no Spark output here"),
    (["spark-ingest", "x.jsonl", "--output", "o", "--published", "yesterday"], "not a date"),
])
def test_bad_arguments_fail_with_one_line(tmp_path, args, message):
    (tmp_path / "empty").mkdir()
    args = [a.format(missing=tmp_path / "nope", empty=tmp_path / "empty") for a in args]
    result = CliRunner().invoke(main, [*args, "--db", str(tmp_path / "x.db")] if args[0] == "load" else args)
    assert result.exit_code != 0 and message in result.output
    assert "Traceback" not in result.output

