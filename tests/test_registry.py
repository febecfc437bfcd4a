from __future__ import annotations

import importlib.metadata

import pytest

from editorial.errors import PluginError, UsageError
from editorial.lint.registry import RuleError, Selection, all_rules, check_codes, get_rule, validate
from editorial.lint.rule import LintContext, Rule, Violation, example


def make_rule(**attrs: object) -> type[Rule]:
    base: dict[str, object] = {
        "__doc__": "Summary.\n\nDetails.",
        "code": "X001",
        "name": "house-rule",
        "severity": "warning",
        "must_fail": (example("a"),),
        "must_pass": (example("b"),),
    }
    base.update(attrs)
    return type("HouseRule", (Rule,), base)


def test_a_valid_rule_loads() -> None:
    assert list(validate([make_rule()])) == ["X001"]


@pytest.mark.parametrize(
    ("attrs", "message"),
    [
        ({"code": "x1"}, "does not match"),
        ({"code": "ABCD001"}, "does not match"),
        ({"name": "House Rule"}, "lowercase words"),
        ({"severity": "fatal"}, "severity"),
        ({"__doc__": None}, "docstring"),
        ({"must_fail": ()}, "must-fail"),
    ],
)
def test_invalid_rules_are_refused(attrs: dict[str, object], message: str) -> None:
    with pytest.raises(RuleError, match=message):
        validate([make_rule(**attrs)])


def test_duplicate_codes_and_names_are_refused() -> None:
    with pytest.raises(RuleError, match="already used"):
        validate([make_rule(), make_rule(name="other-rule")])
    with pytest.raises(RuleError, match="already used"):
        validate([make_rule(), make_rule(code="X002")])


def test_builtin_codes_are_unique_and_documented() -> None:
    rules = all_rules()
    assert len({r.name for r in rules.values()}) == len(rules)
    for rule in rules.values():
        assert "**What it catches.**" in rule.doc(), rule.code
        assert "**How to fix.**" in rule.doc(), rule.code


def test_selection_longest_prefix_wins() -> None:
    sel = Selection(select=["Q", "F001"], ignore=["Q00", "F"])
    assert not sel.is_selected("Q001")
    assert sel.is_selected("F001")
    assert not sel.is_selected("F002")
    assert not sel.is_selected("A001")
    tie = Selection(select=["Q001"], ignore=["Q001"])
    assert not tie.is_selected("Q001")
    assert Selection().is_selected("M001")


def test_severity_override_longest_prefix() -> None:
    sel = Selection(severity={"M": "info", "M002": "error"})
    assert sel.severity_of(get_rule("M002")) == "error"
    assert sel.severity_of(get_rule("M001")) == "info"
    assert sel.severity_of(get_rule("A001")) == "error"


def test_check_codes() -> None:
    assert check_codes(["m00", " A001 ", "", "all"], "--select") == ["M00", "A001", ""]
    with pytest.raises(UsageError):
        check_codes(["Q9"], "--select")
    with pytest.raises(UsageError):
        check_codes(["../x"], "--ignore")


def test_plugin_rules_load_from_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    import editorial.lint.registry as registry

    class Point:
        name = "house"
        value = "house:HouseRule"

        def load(self) -> object:
            def check(self: Rule, ctx: LintContext) -> list[Violation]:
                return [ctx.at_body(0, 1, "an a")] if ctx.body.startswith("a") else []

            return make_rule(code="H001", name="house-style", check=check)

    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: [Point()])
    registry._loaded.cache_clear()
    try:
        assert "H001" in registry.all_rules()
    finally:
        registry._loaded.cache_clear()

    class Bad(Point):
        def load(self) -> object:
            return object

    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: [Bad()])
    with pytest.raises(PluginError, match=r"\(house = house:HouseRule\): .* not a subclass"):
        registry._plugin_rules()
