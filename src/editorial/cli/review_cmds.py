"""The workflow commands: submit, assign, approve, request-changes, publish, correct,
retract, history."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import click

from editorial.cli.app import Env, cli, format_option, pass_env
from editorial.errors import UsageError
from editorial.printable import printable
from editorial.review.identity import identify
from editorial.review.workflow import Outcome, publish_due, transition


def as_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--as USER`` after the command name too (before it is the global option)."""

    def remember(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
        if value:
            ctx.ensure_object(Env).user = value

    return click.option(
        "--as",
        "as_user",
        metavar="USER",
        expose_value=False,
        callback=remember,
        help="Act as this member of [staff].",
    )(command)


def _done(outcome: Outcome) -> None:
    where = outcome.path.parent.name + "/" + outcome.path.name
    if outcome.before == outcome.after:
        click.echo(f"{outcome.action} {outcome.slug}: {outcome.after.value} ({where})")
    else:
        moved = f"{outcome.before.value} -> {outcome.after.value}"
        click.echo(f"{outcome.action} {outcome.slug}: {moved} ({where})")
    if outcome.warning:
        click.echo(f"warning: {outcome.warning}", err=True)


def _run(env: Env, slug: str, action: str, **options: Any) -> None:
    newsroom = env.newsroom()
    actor = identify(newsroom, env.user)
    _done(transition(newsroom, slug, action, actor, **options))


@cli.command()
@click.argument("slug")
@as_option
@pass_env
def submit(env: Env, slug: str) -> None:
    """Send SLUG to review (draft or changes_requested -> in_review).

    Needs an author of the article or an editor, and no lint errors.
    """
    _run(env, slug, "submit")


@cli.command()
@click.argument("slug")
@click.option("--to", "to_user", required=True, metavar="USER", help="The reviewing editor.")
@as_option
@pass_env
def assign(env: Env, slug: str, to_user: str) -> None:
    """Set the reviewing editor of SLUG (needs the editor role)."""
    _run(env, slug, "assign", to_user=to_user)


@cli.command()
@click.argument("slug")
@click.option("-m", "--message", "note", metavar="NOTE", help="A note for the history.")
@as_option
@pass_env
def approve(env: Env, slug: str, note: str | None) -> None:
    """Approve SLUG (in_review -> approved).

    Needs the editor role, no lint errors, and an editor who is not an author of the
    article (the two-person rule).
    """
    _run(env, slug, "approve", note=note)


@cli.command("request-changes")
@click.argument("slug")
@click.option("-m", "--message", "note", required=True, metavar="NOTE", help="What to change.")
@as_option
@pass_env
def request_changes(env: Env, slug: str, note: str) -> None:
    """Send SLUG back to its authors (in_review -> changes_requested); needs an editor."""
    _run(env, slug, "request-changes", note=note)


def _parse_when(value: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise UsageError(
            f"--at: '{value}' is not a date and time (use 2025-03-14T12:00:00Z)"
        ) from exc
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


@cli.command()
@click.argument("slug", required=False)
@click.option(
    "--at",
    "at",
    metavar="DATETIME",
    help="Schedule for this time (ISO 8601; UTC unless an offset is given).",
)
@click.option("--due", is_flag=True, help="Publish every scheduled article whose time has come.")
@as_option
@pass_env
def publish(env: Env, slug: str | None, at: str | None, due: bool) -> None:
    """Publish SLUG (approved -> published), or schedule it with --at.

    An article whose publish_at (or --at) is in the future becomes scheduled; 'editorial
    publish --due' publishes what is due and is safe to run from cron every minute. A
    scheduled article is rescheduled with --at, published at once without it, and
    taken off the schedule with 'editorial unschedule'. Needs the publisher role.
    """
    newsroom = env.newsroom()
    actor = identify(newsroom, env.user)
    if due:
        if slug or at:
            raise UsageError("--due takes no SLUG and no --at")
        outcomes = publish_due(newsroom, actor)
        for outcome in outcomes:
            _done(outcome)
        if not outcomes:
            click.echo("Nothing is due.")
        return
    if not slug:
        raise UsageError("publish needs a SLUG (or --due)")
    when = _parse_when(at) if at else None
    _done(transition(newsroom, slug, "publish", actor, at=when))


@cli.command()
@click.argument("slug")
@as_option
@pass_env
def unschedule(env: Env, slug: str) -> None:
    """Take scheduled SLUG off the schedule (scheduled -> approved); publisher only."""
    _run(env, slug, "unschedule")


@cli.command()
@click.argument("slug")
@click.option(
    "-m",
    "--message",
    "note",
    required=True,
    metavar="TEXT",
    help="The correction, as readers will see it.",
)
@as_option
@pass_env
def correct(env: Env, slug: str, note: str) -> None:
    """Append a dated correction to published SLUG (the version goes up); publisher only."""
    _run(env, slug, "correct", note=note)


@cli.command()
@click.argument("slug")
@click.option(
    "-m", "--message", "note", required=True, metavar="TEXT", help="The retraction notice."
)
@as_option
@pass_env
def retract(env: Env, slug: str, note: str) -> None:
    """Retract published SLUG (published -> retracted); the page stays, with the notice."""
    _run(env, slug, "retract", note=note)


@cli.command()
@click.argument("slug")
@format_option()
@pass_env
def history(env: Env, slug: str, fmt: str) -> None:
    """The workflow history of SLUG: every transition, who made it and when."""
    article = env.newsroom().article(slug)
    meta = article.meta
    assert meta is not None
    if fmt == "json":
        click.echo(
            json.dumps([h.model_dump(mode="json", by_alias=True) for h in meta.history], indent=2)
        )
        return
    if not meta.history:
        click.echo(f"{slug}: no history yet ({meta.state.value})")
        return
    for entry in meta.history:
        when = entry.at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")
        moved = (
            f"{entry.from_.value if entry.from_ else '?'} -> {entry.to.value if entry.to else '?'}"
        )
        line = f"{when}  {printable(entry.by):<10} {printable(entry.action):<16} {moved}"
        if entry.note:
            line += f"  “{printable(entry.note)}”"
        click.echo(line)
