"""Loading rules, checking their codes, and choosing which run.

Rules are the modules of :mod:`editorial.lint.rules` (one rule a file) plus whatever other
packages register under the ``editorial.rules`` entry point group, so a newsroom can add
house rules without forking. Codes are checked when rules load: the pattern, no duplicate
code or name, documentation and examples present.
"""

from __future__ import annotations

import fnmatch
import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from editorial.errors import PluginError, UsageError
from editorial.lint import rules as builtin
from editorial.lint.finding import SEVERITY_ORDER, Severity
from editorial.lint.rule import Rule

CODE_RE = re.compile(r"^[A-Z]{1,3}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z]+(-[a-z]+)*$")
PREFIX_RE = re.compile(r"^[A-Z]{0,3}[0-9]{0,3}$")
ENTRY_POINT_GROUP = "editorial.rules"


class RuleError(Exception):
    """A rule that does not meet the registry's requirements (a programming error)."""


@dataclass(frozen=True)
class Plugin:
    """Where a rule that is not built in comes from: its entry point and package."""

    entry_point: str  # "house-style = delta_house.rules:NoPassiveHeadlines"
    package: str  # the distribution's name, "delta-house"
    version: str
    source: str  # the rule module's file, size and modification time

    def __str__(self) -> str:
        return f"house rules {self.package} {self.version} ({self.entry_point})"


def validate(rules: Iterable[type[Rule]]) -> dict[str, type[Rule]]:
    """Check every rule and return them by code, sorted; raise ``RuleError`` on a defect."""
    by_code: dict[str, type[Rule]] = {}
    names: set[str] = set()
    for rule in rules:
        where = f"{rule.__module__}.{rule.__qualname__}"
        code = getattr(rule, "code", None)
        if not isinstance(code, str) or not CODE_RE.match(code):
            raise RuleError(f"{where}: code {code!r} does not match {CODE_RE.pattern}")
        if code in by_code:
            raise RuleError(f"{where}: code {code} is already used by {by_code[code].__name__}")
        name = getattr(rule, "name", None)
        if not isinstance(name, str) or not NAME_RE.match(name):
            raise RuleError(f"{where}: name {name!r} must be lowercase words joined by '-'")
        if name in names:
            raise RuleError(f"{where}: name {name} is already used")
        if getattr(rule, "severity", None) not in SEVERITY_ORDER:
            raise RuleError(f"{where}: severity must be one of {sorted(SEVERITY_ORDER)}")
        if not rule.doc():
            raise RuleError(f"{where}: the docstring is the rule's documentation; write one")
        if not rule.must_fail or not rule.must_pass:
            raise RuleError(f"{where}: needs at least one must-fail and one must-pass example")
        by_code[code] = rule
        names.add(name)
    return dict(sorted(by_code.items()))


def _builtin_rules() -> list[type[Rule]]:
    found = []
    for info in pkgutil.iter_modules(builtin.__path__):
        module = importlib.import_module(f"{builtin.__name__}.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Rule)
                and value is not Rule
                and value.__module__ == module.__name__
            ):
                found.append(value)
    return found


def _source_stamp(value: object) -> str:
    """The file a rule is defined in, its size and modification time (an edited rule
    whose package version did not change still reads as changed)."""
    try:
        source = inspect.getsourcefile(value)  # type: ignore[arg-type]
        info = Path(source).stat() if source else None
    except (TypeError, OSError):
        return ""
    return f"{source}:{info.st_size}:{info.st_mtime_ns}" if info else ""


def _plugin_rules() -> dict[type[Rule], Plugin]:
    from importlib.metadata import entry_points  # not at start-up: --version needs none

    found: dict[type[Rule], Plugin] = {}
    for point in entry_points(group=ENTRY_POINT_GROUP):
        dist = getattr(point, "dist", None)
        plugin = Plugin(
            entry_point=f"{point.name} = {point.value}",
            package=getattr(dist, "name", None) or "an unnamed package",
            version=getattr(dist, "version", None) or "(no version)",
            source="",
        )
        try:
            value = point.load()
        except Exception as exc:  # any failure of a third party's import is its own
            raise PluginError(f"{plugin}: cannot be loaded: {type(exc).__name__}: {exc}") from exc
        if not (isinstance(value, type) and issubclass(value, Rule)):
            raise PluginError(f"{plugin}: {point.value} is not a subclass of editorial.Rule")
        found[value] = replace(plugin, source=_source_stamp(value))
    return found


@cache
def _loaded() -> tuple[dict[str, type[Rule]], dict[str, Plugin]]:
    builtin_rules = validate(_builtin_rules())
    plugins = _plugin_rules()
    for rule, plugin in plugins.items():
        try:
            validate([*builtin_rules.values(), *(r for r in plugins if r is not rule), rule])
        except RuleError as exc:
            raise PluginError(f"{plugin}: {str(exc).split(': ', 1)[-1]}") from exc
        from editorial.lint.examples import example_failures

        for failure in example_failures(rule):
            raise PluginError(f"{plugin}: {rule.code} {failure}")
    rules = validate([*builtin_rules.values(), *plugins])
    return rules, {rule.code: plugin for rule, plugin in plugins.items()}


def all_rules() -> dict[str, type[Rule]]:
    """Every rule, built in and from plugins, by code. A plugin that cannot be used
    raises :class:`PluginError` naming it."""
    return _loaded()[0]


def plugins() -> dict[str, Plugin]:
    """The package each rule that is not built in comes from, by rule code."""
    return _loaded()[1]


def get_rule(code: str) -> type[Rule]:
    """The rule with this code (or name); ``UsageError`` when there is none."""
    rules = all_rules()
    wanted = code.strip()
    if wanted.upper() in rules:
        return rules[wanted.upper()]
    for rule in rules.values():
        if rule.name == wanted.lower():
            return rule
    raise UsageError(f"unknown rule '{code}' (run 'editorial rule' for the list)")


def check_codes(codes: Iterable[str], option: str) -> list[str]:
    """Normalise codes or prefixes given by a user; ``UsageError`` for one that matches none."""
    result = []
    known = all_rules()
    for raw in codes:
        code = raw.strip().upper()
        if not code:
            continue
        if code == "ALL":
            code = ""
        if not PREFIX_RE.match(code) or not any(c.startswith(code) for c in known):
            raise UsageError(f"{option}: '{raw}' matches no rule code")
        result.append(code)
    return result


class Selection:
    """Which rules run, and at what severity.

    ``select`` and ``ignore`` hold codes or prefixes; for each rule the longest matching
    entry wins, and on a tie ``ignore`` wins. An empty ``select`` selects everything.
    ``severity`` overrides map codes or prefixes to severities, the longest match winning.
    """

    def __init__(
        self,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        severity: dict[str, Severity] | None = None,
        per_file: dict[str, list[str]] | None = None,
    ) -> None:
        self.select = list(select) or [""]
        self.ignore = list(ignore)
        self.severity = dict(severity or {})
        # glob of newsroom-relative paths -> codes or prefixes ignored there; "*" crosses "/"
        self.per_file = {
            (glob + "*" if glob.endswith("/") else glob): [c.upper() for c in codes]
            for glob, codes in (per_file or {}).items()
        }

    def ignored_in(self, path: str, code: str) -> bool:
        """Whether ``per-file-ignores`` silences ``code`` in the file at ``path``."""
        return any(
            fnmatch.fnmatchcase(path, glob) and any(code.startswith(c) for c in codes)
            for glob, codes in self.per_file.items()
        )

    def is_selected(self, code: str) -> bool:
        best_select = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        best_ignore = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return best_select > best_ignore

    def severity_of(self, rule: type[Rule]) -> Severity:
        matches = [p for p in self.severity if rule.code.startswith(p.upper())]
        if not matches:
            return rule.severity
        return self.severity[max(matches, key=len)]

    def rules(self) -> list[type[Rule]]:
        return [rule for code, rule in all_rules().items() if self.is_selected(code)]
