"""init, new, status and show."""

from __future__ import annotations

import json
from pathlib import Path

import click

from editorial.cli.app import Env, cli, format_option, pass_env, warn_skipped
from editorial.model.state import State
from editorial.newsroom.create import init_newsroom, new_article
from editorial.printable import plural, printable
from editorial.review.board import BoardRow, board, describe_age

# colours that read on light and dark terminals alike: no white, black or yellow (a
# draft keeps the terminal's own colour, in bold)
_STATE_COLOURS: dict[State, str | None] = {
    State.DRAFT: None,
    State.IN_REVIEW: "cyan",
    State.CHANGES_REQUESTED: "magenta",
    State.APPROVED: "green",
    State.SCHEDULED: "blue",
    State.PUBLISHED: "green",
    State.RETRACTED: "red",
}


@cli.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", help="The newsroom's name (default: from the folder name).")
def init(folder: Path | None, name: str | None) -> None:
    """Create a newsroom skeleton in FOLDER (default: the current folder).

    Writes editorial.toml, the folders drafts/, published/, authors/ and sources/, an
    example author and a first draft. Refused when FOLDER already has an editorial.toml.
    """
    config = init_newsroom(folder or Path.cwd(), name)
    click.echo(f"Created a newsroom in {config.parent}")
    click.echo("Next: edit editorial.toml ([staff]), then 'editorial new \"Title\" --author SLUG'.")


@cli.command()
@click.argument("title")
@click.option(
    "--author", "author", required=True, metavar="SLUG", help="Byline author (authors/SLUG.md)."
)
@click.option("--section", metavar="S", help="The article's section.")
@click.option("--slug", metavar="SLUG", help="File name and URL (default: from the title).")
@pass_env
def new(env: Env, title: str, author: str, section: str | None, slug: str | None) -> None:
    """Create drafts/<slug>.md for TITLE, in state draft."""
    newsroom = env.newsroom()
    path = new_article(newsroom, title, author, section=section, slug=slug)
    click.echo(f"Created {newsroom.relative(path)}")
    if not newsroom.author_path(author).is_file():
        click.echo(f"warning: there is no authors/{author}.md yet (lint rule A001)", err=True)


@cli.command()
@click.option(
    "--state",
    "states",
    multiple=True,
    type=click.Choice([s.value for s in State]),
    help="Only articles in this state (repeatable).",
)
@click.option("--author", metavar="SLUG", help="Only articles with this byline author.")
@format_option()
@click.option(
    "--lint/--no-lint",
    "with_lint",
    default=True,
    show_default=True,
    help="Count each draft's lint errors (from the lint cache when fresh).",
)
@pass_env
def status(
    env: Env, states: tuple[str, ...], author: str | None, fmt: str, with_lint: bool
) -> None:
    """The board: every article by state, with authors, assignee, age and lint errors."""
    newsroom = env.newsroom()
    rows = board(newsroom, states=[State(s) for s in states], author=author, lint_errors=with_lint)
    warn_skipped(newsroom)
    if fmt == "json":
        click.echo(json.dumps([r.model_dump(mode="json") for r in rows], indent=2))
        return
    if not rows:
        click.echo("No articles.")
        return
    colour = env.colour()
    cells = [_board_cells(row) for row in rows if not row.problem]
    head = ("SLUG", "AGE", "AUTHORS", "ASSIGNEE", "LINT", "TITLE")
    widths = [max(len(c[i]) for c in [head, *cells]) for i in range(len(head) - 1)]
    widths[0] = max([widths[0], *(len(r.slug) for r in rows)])

    def line(values: tuple[str, ...], lint_colour: str | None = None) -> str:
        columns = []
        for i, (value, width) in enumerate(zip(values, widths, strict=False)):
            padded = value.rjust(width) if i == 1 else value.ljust(width)
            if i == 4 and value and lint_colour:
                padded = click.style(padded, fg=lint_colour)
            columns.append(padded)
        return ("  " + "  ".join([*columns, values[-1]])).rstrip()

    click.echo(click.style(line(head), dim=True), color=colour)
    current: object = object()
    for row in rows:
        if row.state != current:
            current = row.state
            label = row.state.value if row.state else "unreadable"
            count = sum(1 for r in rows if r.state == row.state)
            tint = _STATE_COLOURS.get(row.state, "red") if row.state else "red"
            click.echo(click.style(f"{label} ({count})", fg=tint, bold=True), color=colour)
        if row.problem:
            where = f"{printable(row.path)}: {printable(row.problem)}"
            click.echo(f"  {row.slug.ljust(widths[0])}  {where}")
            continue
        click.echo(line(_board_cells(row), lint_colour="red"), color=colour)


def _board_cells(row: BoardRow) -> tuple[str, ...]:
    """The board's columns for one article, as text."""
    return (
        row.slug,
        describe_age(row.age_days),
        printable(", ".join(row.authors)),
        printable(row.assignee or ""),
        plural(row.errors, "error") if row.errors else "",
        printable(row.title),
    )


@cli.command()
@click.argument("slug")
@format_option()
@pass_env
def show(env: Env, slug: str, fmt: str) -> None:
    """One article's metadata: state, byline, people, sources, citations, history."""
    newsroom = env.newsroom()
    article = newsroom.article(slug)
    meta = article.meta
    assert meta is not None
    if fmt == "json":
        data = meta.model_dump(mode="json", by_alias=True, exclude_none=True)
        data["path"] = newsroom.relative(article.path)
        data["words"] = len(article.body.split())
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    lines = [
        click.style(printable(meta.title), bold=True),
        f"  slug        {meta.slug}",
        f"  path        {newsroom.relative(article.path)}",
        f"  state       {meta.state.value}",
        f"  authors     {', '.join(meta.authors)}",
    ]
    optional = [
        ("section", meta.section),
        ("tags", ", ".join(meta.tags)),
        ("assignee", meta.assignee),
        ("event", meta.event and ", ".join(str(v) for v in meta.event.model_dump().values() if v)),
        ("publish at", meta.publish_at and meta.publish_at.isoformat()),
        ("published", meta.published_at and meta.published_at.isoformat()),
        ("version", meta.version and str(meta.version)),
        ("transcripts", ", ".join(meta.transcripts)),
    ]
    lines += [f"  {label.ljust(11)} {printable(value)}" for label, value in optional if value]
    lines.append(f"  words       {len(article.body.split())}")
    if meta.people:
        lines.append("  people")
        lines += [
            f"    {p.id.ljust(12)} {printable(p.name)}"
            + (f", {printable(p.role)}" if p.role else "")
            for p in meta.people
        ]
    if meta.citations:
        lines.append("  citations")
        lines += [f"    {c.id.ljust(12)} {printable(c.title or '')}" for c in meta.citations]
    counted = plural(len(meta.history), "entry", "entries")
    lines.append(f"  history     {counted} ('editorial history {meta.slug}')")
    if meta.corrections:
        lines.append(f"  corrections {len(meta.corrections)}")
    click.echo("\n".join(lines))
