"""lint and rule."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from editorial.cli.app import Env, cli, format_option, pass_env, transcript_option, warn_skipped
from editorial.cli.terminal import markdown, progress_bar
from editorial.errors import NotFoundError
from editorial.lint.engine import LintReport, run_lint
from editorial.lint.fixes import fix_and_lint
from editorial.lint.output import FORMATS, render, render_fixes
from editorial.lint.registry import all_rules, get_rule

PROGRESS_MIN = 20  # files to read before a progress bar is worth showing


def _codes(values: tuple[str, ...]) -> list[str]:
    return [code for value in values for code in value.split(",") if code.strip()]


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option(FORMATS, help="Output format (text is coloured on a terminal).")
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Only these codes or prefixes (comma-separated).",
)
@click.option(
    "--ignore", multiple=True, metavar="CODES", help="Also ignore these codes or prefixes."
)
@transcript_option
@click.option("--no-cache", is_flag=True, help="Lint every file afresh, ignoring the cache.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Processes to use (0: one per core when many files need reading).",
)
@click.option(
    "--fix", is_flag=True, help="Apply the safe fixes (punctuation, weekdays) and say what changed."
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With the safe fixes, also replace misquotations with the transcript's words.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are errors.")
@pass_env
def lint(
    env: Env,
    paths: tuple[Path, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    transcripts: tuple[Path, ...],
    no_cache: bool,
    jobs: int,
    fix: bool,
    unsafe_fixes: bool,
    exit_zero: bool,
) -> None:
    """Check articles: quotations, figures, citations, authors and front matter.

    PATHS are files or folders (default: all of drafts/). Exits 1 when any finding is an
    error (after --fix, of those that remain). Suppress one finding with
    <!-- editorial: ignore CODE --> on its line or the line before.
    """
    newsroom = env.newsroom()
    colour = fmt in ("text", "concise") and env.colour()
    with progress_bar("Linting", PROGRESS_MIN, env.colour(sys.stderr)) as progress:

        def again() -> LintReport:
            return run_lint(
                newsroom,
                paths,
                select=_codes(select),
                ignore=_codes(ignore),
                transcripts=transcripts,
                use_cache=not no_cache,
                jobs=jobs,
                progress=progress,
            )

        if fix or unsafe_fixes:
            report, applied = fix_and_lint(newsroom, again, unsafe=unsafe_fixes)
        else:
            report, applied = again(), []
    warn_skipped(newsroom)
    changes = render_fixes(applied, colour=colour)
    if changes:
        click.echo(changes, err=fmt != "text", color=colour)
    click.echo(render(report, fmt, colour=colour), color=colour)
    sys.exit(0 if exit_zero else report.exit_code)


@cli.command()
@click.argument("code", required=False)
@format_option()
@pass_env
def rule(env: Env, code: str | None, fmt: str) -> None:
    """A lint rule's documentation (CODE or name), or the list of all rules.

    On a terminal the documentation is rendered; to a pipe or file it is printed as the
    Markdown it is written in.
    """
    rules = [get_rule(code)] if code else list(all_rules().values())
    if fmt == "json":
        data = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity,
                "summary": r.summary(),
                "doc": r.doc(),
            }
            for r in rules
        ]
        click.echo(json.dumps(data if not code else data[0], indent=2))
        return
    if code:
        found = rules[0]
        text = f"# {found.name} ({found.code})\n\nDefault severity: {found.severity}\n\n"
        markdown(text + found.doc(), env.colour())
        return
    width = max(len(r.name) for r in rules)
    for r in rules:
        click.echo(f"{r.code}  {r.name.ljust(width)}  {r.severity.ljust(8)} {r.summary()}")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option()
@transcript_option
@pass_env
def quotes(env: Env, paths: tuple[Path, ...], fmt: str, transcripts: tuple[Path, ...]) -> None:
    """The quote sheet: every quotation with its speaker and transcript match.

    PATHS are files or folders (default: all of drafts/). In JSON, one object per
    quotation in file order, with the speaker (its kind: person, organization or
    document), the cue that names them, and the transcript's verdict (verbatim, closest
    or none).
    """
    from editorial.lint.quotes.sheet import quote_sheet, render_text  # the analyses: only here

    for extra in transcripts:
        if not extra.is_file():
            raise NotFoundError(f"no such transcript: {extra}")
    sheet = quote_sheet(env.newsroom(), paths, transcripts)
    for skipped in sheet.skipped:
        click.echo(f"warning: skipped {skipped}", err=True)
    if fmt == "json":
        click.echo(
            json.dumps([row.model_dump() for row in sheet.rows], indent=2, ensure_ascii=False)
        )
    else:
        click.echo(render_text(sheet))
