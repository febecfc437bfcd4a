"""Inputs that used to take minutes (a quadratic pass) finish: each is linted in a fresh
process under a generous time limit. The limit detects a hang; it is not a benchmark (the
growth table is in bench/growth.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import growth

HANG = 120  # seconds: each of these takes about a second on two cores


@pytest.mark.parametrize(
    ("make", "size"),
    [
        (growth.quotations_in_one_paragraph, 2000),
        (growth.figures, 4000),
        (growth.comment_openers, 20000),
        (growth.quotation_marks, 100000),
        (growth.prose_kb, 1024),
        (growth.reporting_kb, 1024),
        (growth.spaced_cues, 32000),
    ],
    ids=["quotations", "figures", "comments", "marks", "prose", "reporting", "spaces"],
)
def test_hostile_input_is_linted_without_hanging(tmp_path: Path, make: object, size: int) -> None:
    for folder in ("drafts", "authors", "sources"):
        (tmp_path / folder).mkdir()
    (tmp_path / "editorial.toml").write_text(growth.CONFIG, encoding="utf-8")
    (tmp_path / "authors" / "bench-author.md").write_text(growth.BIO, encoding="utf-8")
    body = make(size)  # type: ignore[operator]
    (tmp_path / "drafts" / "growth.md").write_text(growth.FRONT + body + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "editorial", "lint", "--no-cache", "drafts/growth.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=HANG,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "internal error" not in result.stderr
