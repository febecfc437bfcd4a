"""Output formats of ``editorial lint``: text, json, github and sarif."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from itertools import groupby

import click

from editorial._version import __version__
from editorial.lint.engine import LintReport
from editorial.lint.finding import Finding
from editorial.lint.fixes import Applied, fixable
from editorial.lint.registry import all_rules
from editorial.printable import plural, printable

FORMATS = ("text", "concise", "json", "github", "sarif")
# readable on light and dark terminals alike: no yellow (lost on white), white or black
_COLOURS = {"error": "red", "warning": "magenta", "info": "blue"}


def render(report: LintReport, fmt: str, *, colour: bool = False) -> str:
    """The report in one of :data:`FORMATS`."""
    if fmt == "json":
        return to_json(report.findings)
    if fmt == "github":
        return to_github(report.findings)
    if fmt == "sarif":
        return to_sarif(report.findings)
    if fmt == "concise":
        return to_concise(report, colour=colour)
    return to_text(report, colour=colour)


def _styler(colour: bool) -> Callable[..., str]:
    """``click.style`` when colouring, else the text as it is."""

    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if colour else text  # type: ignore[arg-type]

    return style


def render_fixes(applied: Sequence[Applied], *, colour: bool = False) -> str:
    """One line a change that ``--fix`` made, then how many: ``Fixed 2 problems.``"""
    if not applied:
        return ""

    style = _styler(colour)
    lines = [
        f"{style('fixed', fg='green')} {printable(a.finding.path)}:{a.finding.line}:"
        f"{a.finding.column}: {style(a.finding.code, bold=True)} "
        f"“{printable(a.before)}” → “{printable(a.after)}”"
        for a in applied
    ]
    files = len({a.finding.path for a in applied})
    lines.append(
        style(f"Fixed {plural(len(applied), 'problem')} in {plural(files, 'file')}.", bold=True)
    )
    return "\n".join(lines)


def to_json(findings: Sequence[Finding]) -> str:
    return json.dumps(
        [f.model_dump(exclude={"fix"}) for f in findings], indent=2, ensure_ascii=False
    )


def to_text(report: LintReport, *, colour: bool = False) -> str:
    """Findings grouped by file, ruff-like, with a closing summary line."""

    style = _styler(colour)
    lines: list[str] = []
    for path, group in groupby(report.findings, key=lambda f: f.path):
        lines.append(style(printable(path), bold=True))
        for f in group:
            where = f"{f.line}:{f.column}".ljust(8)
            level = style(f.severity.ljust(7), fg=_COLOURS[f.severity])
            code = style(f.code, bold=True)
            mark = f" {style('[*]', fg='cyan')}" if fixable(f) else ""
            lines.append(f"  {where} {level} {code}{mark}  {printable(f.message)}  [{f.rule}]")
            if f.suggestion:
                label = style("suggestion:", dim=True)
                lines.append(f"  {'':8} {'':7} {'':4}  {label} {printable(f.suggestion)}")
        lines.append("")
    lines.append(_summary(report, style))
    return "\n".join(lines)


def to_concise(report: LintReport, *, colour: bool = False) -> str:
    """One line a finding, ``path:line:col: CODE message``, then the summary."""

    style = _styler(colour)
    lines = [
        f"{style(printable(f.path), bold=True)}:{f.line}:{f.column}: "
        f"{style(f.code, fg=_COLOURS[f.severity], bold=True)} {printable(f.message)}"
        for f in report.findings
    ]
    return "\n".join([*lines, _summary(report, style)])


def _summary(report: LintReport, style: Callable[..., str]) -> str:
    """``Found 3 problems (1 error, 1 warning, 1 info) in 2 files.``, or all passed."""
    checked = plural(len(report.files), "file")
    if not report.findings:
        return style(f"All checks passed ({checked}).", fg="green")
    counts = [plural(report.errors, "error"), plural(report.warnings, "warning")]
    if report.count("info"):
        counts.append(plural(report.count("info"), "info"))
    summary = f"Found {plural(len(report.findings), 'problem')} ({', '.join(counts)}) in {checked}."
    lines = [style(summary, fg=_COLOURS["error" if report.errors else "warning"], bold=True)]
    safe = sum(fixable(f) for f in report.findings)
    unsafe = sum(fixable(f, unsafe=True) for f in report.findings) - safe
    if safe or unsafe:
        more = f" ({unsafe} more with --unsafe-fixes)" if safe and unsafe else ""
        lines.append(
            f"[*] {safe} fixable with --fix{more}."
            if safe
            else f"{unsafe} fixable with --unsafe-fixes."
        )
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands, one annotation a finding."""
    out = []
    for f in findings:
        level = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
        props = ",".join(
            [
                f"file={_escape_property(f.path)}",
                f"line={f.line}",
                f"col={f.column}",
                f"endLine={f.end_line}",
                f"endColumn={f.end_column}",
                f"title={_escape_property(f'{f.code} {f.rule}')}",
            ]
        )
        message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        out.append(f"::{level} {props}::{_escape_data(message)}")
    return "\n".join(out)


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def to_sarif(findings: Sequence[Finding]) -> str:
    """SARIF 2.1.0, as GitHub code scanning accepts it."""
    rules = list(all_rules().values())
    index = {rule.code: i for i, rule in enumerate(rules)}
    driver_rules = [
        {
            "id": rule.code,
            "name": "".join(part.title() for part in rule.name.split("-")),
            "shortDescription": {"text": rule.summary()},
            "fullDescription": {"text": rule.doc()},
            "help": {"text": rule.doc(), "markdown": rule.doc()},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
            "properties": {"tags": [rule.name]},
        }
        for rule in rules
    ]
    results = []
    for f in findings:
        result: dict[str, object] = {
            "ruleId": f.code,
            "level": _SARIF_LEVEL[f.severity],
            "message": {
                "text": f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")
            },
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path, "uriBaseId": "%SRCROOT%"},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                        },
                    }
                }
            ],
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        results.append(result)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "editorial",
                        "version": __version__,
                        "informationUri": "https://example.org/editorial",
                        "rules": driver_rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False)
