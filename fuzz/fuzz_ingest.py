"""Coverage-guided fuzzing of the readers and the cleaner with atheris (libFuzzer).

    .venv/bin/python fuzz/fuzz_ingest.py -runs=20000          # or -max_total_time=300
    .venv/bin/python fuzz/fuzz_ingest.py corpus_dir/          # keep interesting inputs

Any exception other than casefile's own CasefileError is a crash. The sniffed reader
path is the one `casefile ingest` takes for a file of unknown type.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from casefile.errors import CasefileError
    from casefile.ingest import build_document
    from casefile.ingest.sources import iter_inputs
    from casefile.models import IngestIssue, RawDocument

SUFFIXES = (".txt", ".html", ".xml", ".jsonl", ".warc.gz", ".bin")
_tmp = Path(tempfile.mkdtemp(prefix="casefile-fuzz-"))


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    suffix = SUFFIXES[fdp.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
    path = _tmp / f"input{suffix}"
    path.write_bytes(fdp.ConsumeBytes(fdp.remaining_bytes()))
    for item in iter_inputs([str(path)]):
        if isinstance(item, IngestIssue):
            assert item.reason
            continue
        assert isinstance(item, RawDocument)
        try:
            doc = build_document(item)
        except CasefileError:
            continue
        assert doc.text and doc.id


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
