"""Every rule's must-fail examples are flagged by it, and its must-pass examples are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from editorial.lint.examples import run_example
from editorial.lint.registry import all_rules
from editorial.lint.rule import Example

CASES = [
    pytest.param(rule.code, ex, expected, id=f"{rule.code}-{kind}-{i}")
    for rule in all_rules().values()
    for kind, examples, expected in (
        ("fail", rule.must_fail, True),
        ("pass", rule.must_pass, False),
    )
    for i, ex in enumerate(examples)
]


@pytest.mark.parametrize(("code", "example", "flagged"), CASES)
def test_rule_example(tmp_path: Path, code: str, example: Example, flagged: bool) -> None:
    findings = run_example(example, tmp_path, code)
    codes = [f.code for f in findings]
    if flagged:
        assert code in codes, f"{code} should flag:\n{example.text}"
        for finding in findings:
            assert finding.line >= 1 and finding.column >= 1
            assert (finding.end_line, finding.end_column) >= (finding.line, finding.column)
    else:
        assert code not in codes, f"{code} should pass, got {findings}"


def test_every_rule_has_examples_of_both_kinds() -> None:
    for rule in all_rules().values():
        assert rule.must_fail and rule.must_pass, rule.code
