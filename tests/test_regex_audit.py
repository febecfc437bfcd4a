"""Every regular expression editorial compiles, on import and while it lints, quotes and
builds the demo newsroom, passes regexploit's backtracking analysis (bench/regex_audit.py).
It failed on three cue patterns before they were rewritten; the inputs that made them take
minutes are in the hang tests."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_pattern_can_backtrack_catastrophically() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "regex_audit.py"), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    counted = re.search(r"(\d+) patterns analysed", result.stdout)
    assert counted is not None, result.stdout
    analysed = int(counted.group(1))
    assert analysed > 250, result.stdout  # the patterns built from word lists are in too
    assert result.stdout.rstrip().endswith("0 that can backtrack catastrophically")
