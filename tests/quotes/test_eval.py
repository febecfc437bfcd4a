"""The evaluation set keeps its figures: attribution precision >= 97%, recall >= 90%."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import quotes_eval  # noqa: E402


def test_development_set_meets_the_targets() -> None:
    report = quotes_eval.evaluate("labels.yaml")
    assert report.quotations >= 200
    assert report.articles >= 15
    assert report.attribution.precision >= 0.97, report.attribution.errors
    assert report.attribution.recall >= 0.90, report.attribution.errors
    assert report.detection.precision >= 0.97, report.detection.errors
    assert report.verdicts.precision >= 0.97 and report.verdicts.recall >= 0.90, (
        report.verdicts.errors
    )


def test_held_out_set_meets_the_targets() -> None:
    report = quotes_eval.evaluate("labels_heldout.yaml")
    assert report.attribution.precision >= 0.97, report.attribution.errors
    assert report.attribution.recall >= 0.90, report.attribution.errors
