"""Applying the fixes that findings carry (``editorial lint --fix``).

A fix is a set of replacements in file positions. Fixes are applied to the file as it was
linted and only to it: a file saved again since the run is left alone. Edits that overlap
an edit already taken wait for the next round, after the file is linted again, so two
fixes never write over each other. The file is written atomically, with its line endings
and byte order mark as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from editorial.lint.engine import LintReport, content_key
from editorial.lint.finding import Finding
from editorial.newsroom.newsroom import Newsroom
from editorial.newsroom.storage import atomic_write_bytes
from editorial.newsroom.text import LineIndex

BOM = "\ufeff"


@dataclass(frozen=True)
class Applied:
    """One fix made: the finding it resolved and the text before and after."""

    finding: Finding
    before: str
    after: str


def fixable(finding: Finding, unsafe: bool = False) -> bool:
    """Whether ``--fix`` (or, with ``unsafe``, ``--unsafe-fixes``) resolves ``finding``."""
    return finding.fix is not None and (finding.fix.safe or unsafe)


def apply_fixes(
    newsroom: Newsroom,
    findings: Sequence[Finding],
    linted: dict[str, str],
    *,
    unsafe: bool = False,
) -> list[Applied]:
    """Apply the fixes of ``findings`` to their files; return what was changed.

    ``linted`` maps each path to the digest of the bytes its findings were made from
    (:attr:`LintReport.linted`); a file whose bytes have changed since is skipped."""
    applied: list[Applied] = []
    chosen = [f for f in findings if fixable(f, unsafe)]
    for path, group in groupby(sorted(chosen, key=lambda f: f.path), key=lambda f: f.path):
        applied += _fix_file(newsroom.root / path, list(group), linted.get(path))
    return applied


def _fix_file(path: Path, findings: list[Finding], key: str | None) -> list[Applied]:
    try:
        data = path.read_bytes()
    except OSError:
        return []
    if key is None or content_key(path, data) != key:
        return []  # saved again since it was linted: its positions no longer hold
    raw = data.decode("utf-8")
    bom = raw.startswith(BOM)
    text = raw[1:] if bom else raw
    index = LineIndex(text)
    taken: list[tuple[int, int, str, Finding]] = []
    for finding in findings:
        assert finding.fix is not None
        spans = [
            (index.offset(e.line, e.column), index.offset(e.end_line, e.end_column), e.content)
            for e in finding.fix.edits
        ]
        if any(_overlaps(a, b, taken) for a, b, _content in spans):
            continue  # the next round, on the file as this round leaves it
        taken += [(a, b, content, finding) for a, b, content in spans]
    if not taken:
        return []
    applied: list[Applied] = []
    for a, b, content, finding in sorted(taken, key=lambda t: t[0], reverse=True):
        applied.append(Applied(finding, text[a:b], content))
        text = text[:a] + content + text[b:]
    atomic_write_bytes(path, ((BOM if bom else "") + text).encode("utf-8"))
    return sorted(applied, key=lambda a: a.finding.sort_key())


def _overlaps(start: int, end: int, taken: Iterable[tuple[int, int, str, Finding]]) -> bool:
    return any((start < b and a < end) or start == a == end == b for a, b, _c, _f in taken)


MAX_ROUNDS = 5  # rounds of fix and lint again; overlapping fixes wait for the next


def fix_and_lint(
    newsroom: Newsroom, lint: Callable[[], LintReport], *, unsafe: bool = False
) -> tuple[LintReport, list[Applied]]:
    """Lint, apply the fixes, and lint again until nothing more is fixed; return the last
    report (what remains) and every change made."""
    report = lint()
    done: list[Applied] = []
    for _round in range(MAX_ROUNDS):
        applied = apply_fixes(newsroom, report.findings, report.linted, unsafe=unsafe)
        if not applied:
            break
        done += applied
        report = lint()
    return report, done
