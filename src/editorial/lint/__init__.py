"""The lint engine: findings, the rule registry, selection, suppression and output."""

from editorial.lint.engine import LintReport, expand_paths, lint_article, run_lint, selection_for
from editorial.lint.finding import Finding, Severity
from editorial.lint.registry import Selection, all_rules, get_rule
from editorial.lint.rule import Example, LintContext, Rule, Violation, example

__all__ = [
    "Example",
    "Finding",
    "LintContext",
    "LintReport",
    "Rule",
    "Selection",
    "Severity",
    "Violation",
    "all_rules",
    "example",
    "expand_paths",
    "get_rule",
    "lint_article",
    "run_lint",
    "selection_for",
]
