"""Running the selected rules over articles and collecting their findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editorial.errors import NotFoundError
from editorial.lint.finding import Finding
from editorial.lint.registry import Selection, check_codes
from editorial.lint.rule import LintContext, Rule
from editorial.lint.suppress import find_suppressions
from editorial.newsroom.article import Article, load_article
from editorial.newsroom.newsroom import Newsroom


@dataclass
class LintReport:
    """The findings of one lint run over ``files`` files."""

    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def warnings(self) -> int:
        return self.count("warning")

    @property
    def exit_code(self) -> int:
        """1 when any finding is an error (SPEC section 2), else 0."""
        return 1 if self.errors else 0


def selection_for(
    newsroom: Newsroom, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> Selection:
    """The rules to run: ``select`` replaces the configured selection, ``ignore`` adds to it."""
    settings = newsroom.config.lint
    chosen = check_codes(select, "--select") or check_codes(settings.select, "[lint] select")
    ignored = [*check_codes(settings.ignore, "[lint] ignore"), *check_codes(ignore, "--ignore")]
    severity = {code.upper(): level for code, level in settings.severity.items()}
    return Selection(chosen, ignored, severity)


def expand_paths(newsroom: Newsroom, paths: Iterable[Path | str] = ()) -> list[Path]:
    """The article files to lint: each file given, the Markdown files under each folder
    given, or all of drafts/ when nothing is given."""
    given = [Path(p) for p in paths]
    if not given:
        return newsroom.article_paths("drafts")
    found: list[Path] = []
    for path in given:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.md") if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise NotFoundError(f"no such file or folder: {path}")
    unique = dict.fromkeys(p.resolve() for p in found)
    return list(unique)


def lint_article(
    newsroom: Newsroom,
    article: Article,
    selection: Selection,
    *,
    transcripts: Sequence[Path] = (),
    shared: dict[str, Any] | None = None,
) -> list[Finding]:
    """Every finding of the selected rules for one article, suppressions applied."""
    ctx = LintContext(newsroom, article, transcripts, shared if shared is not None else {})
    where = newsroom.relative(article.path)
    findings: list[Finding] = []
    for rule_type in selection.rules():
        if rule_type.needs_meta and article.meta is None:
            continue
        findings.extend(_run(rule_type, ctx, where, selection))
    suppressions = find_suppressions(article.document.text)
    kept = [f for f in findings if not suppressions.covers(f)]
    return sorted(set(kept), key=Finding.sort_key)


def _run(
    rule_type: type[Rule], ctx: LintContext, where: str, selection: Selection
) -> list[Finding]:
    severity = selection.severity_of(rule_type)
    return [
        Finding(
            path=where,
            line=v.start.line,
            column=v.start.column,
            end_line=v.end.line,
            end_column=v.end.column,
            code=rule_type.code,
            rule=rule_type.name,
            severity=severity,
            message=v.message,
            suggestion=v.suggestion,
        )
        for v in rule_type().check(ctx)
    ]


def run_lint(
    newsroom: Newsroom,
    paths: Iterable[Path | str] = (),
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    transcripts: Sequence[Path] = (),
    progress: Callable[[Path], None] | None = None,
) -> LintReport:
    """Lint articles (default: all of drafts/) and return every finding, in file order."""
    selection = selection_for(newsroom, select, ignore)
    files = expand_paths(newsroom, paths)
    for extra in transcripts:
        if not Path(extra).is_file():
            raise NotFoundError(f"no such transcript: {extra}")
    report = LintReport()
    shared: dict[str, Any] = {}
    for path in files:
        article = load_article(path)
        report.files.append(newsroom.relative(path))
        report.findings.extend(
            lint_article(newsroom, article, selection, transcripts=transcripts, shared=shared)
        )
        if progress is not None:
            progress(path)
    return report
