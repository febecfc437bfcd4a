"""Golden quote sheets and findings of the demo newsroom's articles.

Regenerate after an intended change with ``make golden`` (REGEN_GOLDEN=1), then review
the diff: it shows exactly which quotation, speaker or verdict changed.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from editorial.cli import cli

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parents[1] / "golden"
ARTICLES = sorted(p.stem for p in (ROOT / "drafts").glob("*.md")) + sorted(
    p.stem for p in (ROOT / "published").glob("*.md")
)


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["--root", str(ROOT), *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.output


def _compare(path: Path, actual: str) -> None:
    if os.environ.get("REGEN_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"{path} is missing: run 'make golden'"
    assert actual == path.read_text(encoding="utf-8"), (
        f"{path.name} changed: review, then 'make golden'"
    )


@pytest.mark.parametrize("slug", ARTICLES)
def test_quote_sheet(slug: str) -> None:
    folder = "drafts" if (ROOT / "drafts" / f"{slug}.md").exists() else "published"
    output = _run("quotes", "--format", "json", str(ROOT / folder / f"{slug}.md"))
    json.loads(output)
    _compare(GOLDEN / "quotes" / f"{slug}.json", output)


@pytest.mark.parametrize("slug", ARTICLES)
def test_findings(slug: str) -> None:
    folder = "drafts" if (ROOT / "drafts" / f"{slug}.md").exists() else "published"
    output = _run("lint", "--format", "json", str(ROOT / folder / f"{slug}.md"))
    # a stale fact's age grows by a day every day: the golden file keeps the rest exact
    output = re.sub(r"\b\d+ days old\b", "N days old", output)
    _compare(GOLDEN / "findings" / f"{slug}.json", output)


def test_demo_shows_every_quotation_figure_and_citation_rule() -> None:
    findings = json.loads(_run("lint", "--format", "json"))
    codes = {f["code"] for f in findings}
    wanted = {"Q001", "Q002", "Q003", "Q004", "Q005", "Q006", "S001", "S002", "M002", "M003"}
    wanted |= {
        "F001",
        "F002",
        "F003",
        "F004",
        "F005",
        "F006",
        "C001",
        "C002",
        "C003",
        "A001",
        "A002",
    }
    assert wanted <= codes, wanted - codes
