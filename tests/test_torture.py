"""One ingest over 1,000 hostile files: every file stored or rejected with a reason, nothing lost."""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter

import pytest

from .helpers.torture import make_batch

pytestmark = pytest.mark.slow
MAX_RSS_MB = 1500
PEAK_OF_CHILD = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
                 "print('peak_rss_kb', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
                 "sys.exit(code)")


def test_a_thousand_file_torture_batch_loses_nothing(tmp_path):
    expected = make_batch(tmp_path / "batch", total=1000)
    db = str(tmp_path / "torture.db")
    # The ingest runs under a parent that reports its peak memory alone: this process's own
    # RUSAGE_CHILDREN would also count every earlier child of the session (Spark's JVM, browsers).
    run = subprocess.run([sys.executable, "-c", PEAK_OF_CHILD, sys.executable, "-m", "casefile.cli", "ingest",
                          str(tmp_path / "batch"), "--db", db, "--quiet"], capture_output=True, text=True, timeout=3000)
    output = run.stdout + run.stderr
    assert "Traceback" not in output
    assert run.returncode == 1                       # some inputs were rejected
    m = re.search(r"stored (\d+), duplicates (\d+), near-duplicates \d+, rejected (\d+), lost (\d+)", run.stdout)
    assert m, run.stdout[-500:]
    stored, duplicates, rejected, lost = map(int, m.groups())
    assert lost == 0
    want = Counter(expected.values())
    assert rejected >= want["rejected"]
    assert stored >= want["stored"] - want["duplicate"]   # copies of a stored file are duplicates
    assert stored + duplicates + rejected >= len(expected)

    rejected_lines = [line for line in run.stderr.splitlines() if line.startswith("rejected: ")]
    for name, outcome in expected.items():
        if outcome == "rejected":
            assert any(name in line for line in rejected_lines), f"{name} was not reported"
    assert all(re.match(r"rejected: .+: \w", line) for line in rejected_lines)

    errors = subprocess.run([sys.executable, "-m", "casefile.cli", "errors", "--db", db], capture_output=True,
                            text=True, timeout=120)
    for name, outcome in expected.items():
        if outcome == "rejected":
            assert name in errors.stdout
    peak = re.search(r"^peak_rss_kb (\d+)$", run.stderr, re.M)
    assert peak, run.stderr[-300:]
    peak_mb = int(peak.group(1)) / 1024
    assert peak_mb < MAX_RSS_MB, f"peak memory {peak_mb:.0f} MB"
