"""Running a rule's must-fail and must-pass examples in a throwaway newsroom."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

from editorial.lint.engine import lint_article, run_lint
from editorial.lint.finding import Finding, Severity
from editorial.lint.registry import Selection
from editorial.lint.rule import Example, Rule
from editorial.newsroom.article import load_article
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


class _Only(Selection):
    """A selection of one rule, made without the registry (which is still loading it)."""

    def __init__(self, rule: type[Rule]) -> None:
        super().__init__([rule.code])
        self.only = rule

    def rules(self) -> list[type[Rule]]:
        return [self.only]

    def severity_of(self, rule: type[Rule]) -> Severity:
        return rule.severity


def example_failures(rule: type[Rule]) -> Iterator[str]:
    """What is wrong with an article-scope rule's own examples: a must-fail example it
    does not flag, a must-pass example it flags, or an example it cannot check."""
    if rule.scope != "article":
        return
    cases = [("must_fail", i, e) for i, e in enumerate(rule.must_fail, 1)]
    cases += [("must_pass", i, e) for i, e in enumerate(rule.must_pass, 1)]
    for kind, number, case in cases:
        with tempfile.TemporaryDirectory(prefix="editorial-example-") as folder:
            path = build_example(case, Path(folder))
            newsroom = Newsroom.open(Path(folder))
            try:
                findings = lint_article(newsroom, load_article(path, newsroom.root), _Only(rule))
            except Exception as exc:  # the rule's own failure, reported as the plugin's
                yield f"fails on its {kind} example {number}: {type(exc).__name__}: {exc}"
                continue
        if kind == "must_fail" and not findings:
            yield f"does not flag its {kind} example {number}"
        elif kind == "must_pass" and findings:
            first = findings[0]
            yield (f"flags its {kind} example {number} (line {first.line}: {first.message})")
