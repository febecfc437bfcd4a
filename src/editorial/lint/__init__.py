"""The lint engine: findings, the rule registry, selection, suppression and output."""

from typing import TYPE_CHECKING

from editorial._lazy import lazy_names

# Names load on first use, so importing one submodule (the citation pattern, say)
# does not load the whole package: each name -> the module that defines it.
_LAZY = {
    "LintReport": "editorial.lint.engine",
    "expand_paths": "editorial.lint.engine",
    "lint_article": "editorial.lint.engine",
    "run_lint": "editorial.lint.engine",
    "selection_for": "editorial.lint.engine",
    "Finding": "editorial.lint.finding",
    "Severity": "editorial.lint.finding",
    "Selection": "editorial.lint.registry",
    "all_rules": "editorial.lint.registry",
    "get_rule": "editorial.lint.registry",
    "Example": "editorial.lint.rule",
    "LintContext": "editorial.lint.rule",
    "Rule": "editorial.lint.rule",
    "Violation": "editorial.lint.rule",
    "example": "editorial.lint.rule",
}

if TYPE_CHECKING:
    from editorial.lint.engine import (
        LintReport,
        expand_paths,
        lint_article,
        run_lint,
        selection_for,
    )
    from editorial.lint.finding import Finding, Severity
    from editorial.lint.registry import Selection, all_rules, get_rule
    from editorial.lint.rule import Example, LintContext, Rule, Violation, example


__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())

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
