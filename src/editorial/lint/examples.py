"""Running a rule's must-fail and must-pass examples in a throwaway newsroom."""

from __future__ import annotations

from pathlib import Path

from editorial.lint.engine import run_lint
from editorial.lint.finding import Finding
from editorial.lint.rule import Example
from editorial.newsroom.newsroom import Newsroom
from editorial.newsroom.storage import atomic_write

EXAMPLE_CONFIG = """\
[newsroom]
name = "Example Newsroom"
base_url = "https://example.org"

[staff.ana]
name = "Ana Ruiz"
author = "ana-ruiz"
roles = ["author", "editor", "publisher"]
"""

EXAMPLE_AUTHOR = """\
---
name: Ana Ruiz
title: Senior correspondent
---
Ana Ruiz covers water, climate and regional politics. She has reported from the river basin
for a decade and leads the newsroom's events desk.
"""


def build_example(example: Example, folder: Path) -> Path:
    """Write the example's newsroom into ``folder``; return the article's path."""
    files = {
        "editorial.toml": EXAMPLE_CONFIG,
        "authors/ana-ruiz.md": EXAMPLE_AUTHOR,
        **example.files,
    }
    for name, text in files.items():
        atomic_write(folder / name, text)
    article = folder / "drafts" / "example.md"
    atomic_write(article, example.text)
    return article


def run_example(example: Example, folder: Path, code: str) -> list[Finding]:
    """The findings of rule ``code`` on the example, linted in ``folder``."""
    article = build_example(example, folder)
    newsroom = Newsroom.open(folder)
    return run_lint(newsroom, [article], select=[code]).findings
