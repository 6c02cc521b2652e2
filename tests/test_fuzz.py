"""A bounded run of the coverage-guided fuzzer over the readers and the cleaner."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
TARGET = Path(__file__).resolve().parents[1] / "fuzz" / "fuzz_ingest.py"


def test_the_ingest_fuzz_target_finds_no_crash_in_a_bounded_run(tmp_path):
    pytest.importorskip("atheris")
    run = subprocess.run([sys.executable, str(TARGET), "-runs=1500", "-seed=1", f"-artifact_prefix={tmp_path}/"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Done 1500 runs" in run.stderr
    assert not list(tmp_path.glob("crash-*"))
