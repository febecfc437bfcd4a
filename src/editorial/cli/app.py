"""The click group: global options, the shared context, and errors mapped to exit codes."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from editorial._version import __version__
from editorial.errors import EditorialError

if TYPE_CHECKING:
    from editorial.newsroom.newsroom import Newsroom

DEBUG_ENV = "EDITORIAL_DEBUG"
F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Env:
    """What every command shares: the global options and the opened newsroom."""

    root: Path | None = None
    user: str | None = None
    color: str = "auto"
    _newsroom: Newsroom | None = field(default=None, repr=False)

    def colour(self, stream: Any = None) -> bool:
        """Whether to colour output to ``stream`` (stdout): ``--color always|never``; with
        ``auto``, NO_COLOR (set and not empty) turns colour off and FORCE_COLOR on, else a
        terminal has colour and a pipe or file has none."""
        if self.color != "auto":
            return self.color == "always"
        if os.environ.get("NO_COLOR"):
            return False
        if os.environ.get("FORCE_COLOR"):
            return True
        return bool((stream or sys.stdout).isatty())

    def newsroom(self) -> Newsroom:
        if self._newsroom is None:
            from editorial.newsroom.newsroom import Newsroom

            self._newsroom = Newsroom.open(self.root)
        return self._newsroom


pass_env = click.make_pass_decorator(Env, ensure=True)


def warn_skipped(newsroom: Newsroom) -> None:
    """One line on stderr for each file of the newsroom that was not read, and why."""
    from editorial.printable import printable

    for path, why in sorted(newsroom.skipped.items()):
        where = printable(
            str(path.relative_to(newsroom.root))
            if path.is_relative_to(newsroom.root)
            else str(path)
        )
        click.echo(f"warning: {where}: {why}", err=True)


def closed_pipe() -> None:
    """Exit quietly when stdout's reader has gone: no message, no traceback at shutdown,
    the status a shell gives a command ended by SIGPIPE."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os._exit(141)


def fail(message: str, code: int = 2) -> None:
    """Print one error line on stderr and exit with ``code``."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


# Each command's module and one-line summary: a module is imported only when its command
# runs, so `editorial --version`, `editorial --help` and a mistyped command load nothing
# heavy (a test checks the summaries against the commands' own help).
COMMANDS: dict[str, tuple[str, str]] = {
    "init": (
        "newsroom_cmds",
        "Create a newsroom skeleton in FOLDER (default: the current folder).",
    ),
    "new": ("newsroom_cmds", "Create drafts/<slug>.md for TITLE, in state draft."),
    "status": (
        "newsroom_cmds",
        "The board: every article by state, with authors, assignee, age and lint errors.",
    ),
    "show": (
        "newsroom_cmds",
        "One article's metadata: state, byline, people, sources, citations, history.",
    ),
    "lint": (
        "lint_cmds",
        "Check articles: quotations, figures, citations, authors and front matter.",
    ),
    "rule": ("lint_cmds", "A lint rule's documentation (CODE or name), or the list of all rules."),
    "quotes": (
        "lint_cmds",
        "The quote sheet: every quotation with its speaker and transcript match.",
    ),
    "submit": ("review_cmds", "Send SLUG to review (draft or changes_requested -> in_review)."),
    "assign": ("review_cmds", "Set the reviewing editor of SLUG (needs the editor role)."),
    "approve": ("review_cmds", "Approve SLUG (in_review -> approved)."),
    "request-changes": (
        "review_cmds",
        "Send SLUG back to its authors (in_review -> changes_requested); needs an editor.",
    ),
    "publish": ("review_cmds", "Publish SLUG (approved -> published), or schedule it with --at."),
    "unschedule": (
        "review_cmds",
        "Take scheduled SLUG off the schedule (scheduled -> approved); publisher only.",
    ),
    "correct": (
        "review_cmds",
        "Append a dated correction to published SLUG (the version goes up); publisher only.",
    ),
    "retract": (
        "review_cmds",
        "Retract published SLUG (published -> retracted); the page stays, with the notice.",
    ),
    "history": (
        "review_cmds",
        "The workflow history of SLUG: every transition, who made it and when.",
    ),
    "build": (
        "publish_cmds",
        "Render published/ into a static site with feeds, sitemaps and JSON-LD.",
    ),
    "serve": (
        "publish_cmds",
        "Build the site, then preview it on http://127.0.0.1:PORT/ (Ctrl-C stops).",
    ),
    "syndicate": ("syndicate_cmds", "Deliver new, corrected and retracted articles to partners."),
}


def _shorten(summary: str, limit: int) -> str:
    """``summary`` cut at a word to fit ``limit`` characters, as click shortens help."""
    if len(summary) <= limit:
        return summary
    words: list[str] = []
    used = 0
    for word in summary.split():
        if used + len(word) + (1 if words else 0) > limit - 3:
            break
        used += len(word) + (1 if words else 0)
        words.append(word)
    return " ".join(words) + "..."


def load_all() -> None:
    """Import every command module (for the generated CLI reference)."""
    for module in sorted({module for module, _summary in COMMANDS.values()}):
        importlib.import_module(f"editorial.cli.{module}")


class EditorialGroup(click.Group):
    """Loads commands when they are asked for, and turns library errors into one line on
    stderr and an exit code, never a traceback (set ``EDITORIAL_DEBUG=1`` to see it)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            importlib.import_module(f"editorial.cli.{COMMANDS[cmd_name][0]}")
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``--help``, from the summaries (no command is imported)."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            if name in self.commands or name not in COMMANDS:
                command = self.get_command(ctx, name)
                summary = command.get_short_help_str(limit) if command else ""
            else:
                summary = _shorten(COMMANDS[name][1], limit)
            rows.append((name, summary))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EditorialError as exc:
            if os.environ.get(DEBUG_ENV):
                raise
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:  # the reader went away (``editorial status | head -3``)
            closed_pipe()
        except OSError as exc:  # the system refused a file: its name and why, not a bug
            if os.environ.get(DEBUG_ENV):
                raise
            from editorial.printable import printable

            name = exc.filename
            where = f"{printable(os.fsdecode(name))}: " if isinstance(name, str | bytes) else ""
            click.echo(f"error: {where}{exc.strerror or exc}", err=True)
            ctx.exit(2)
        except Exception as exc:  # a bug: still one line, unless debugging
            if os.environ.get(DEBUG_ENV):
                raise
            click.echo(
                f"error: internal error: {type(exc).__name__}: {exc} "
                f"(run with {DEBUG_ENV}=1 for the traceback and please report it)",
                err=True,
            )
            ctx.exit(2)


@click.group(cls=EditorialGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="editorial")
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="EDITORIAL_ROOT",
    help="The newsroom folder (default: found from the current folder upwards).",
)
@click.option(
    "--as",
    "user",
    metavar="USER",
    envvar="EDITORIAL_USER",
    help="Act as this member of [staff] (default: $EDITORIAL_USER, else the git user's email).",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the output (auto: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces).",
)
@click.pass_context
def cli(ctx: click.Context, root: Path | None, user: str | None, color: str) -> None:
    """Lint, review, publish and syndicate a newsroom's articles.

    Quotations are checked against event transcripts, figures against the register of
    checked facts, and articles move draft -> review -> publish. Run 'editorial COMMAND
    --help' for a command's options.
    """
    ctx.obj = Env(root=root, user=user, color=color)


def format_option(
    choices: tuple[str, ...] = ("text", "json"), help: str = "Output format."
) -> Callable[[F], F]:
    """``--format`` with these choices, text by default."""
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default="text", show_default=True, help=help
    )


def transcript_option(command: F) -> F:
    """``--transcript FILE``, repeatable: extra transcripts to verify quotations against."""
    return click.option(
        "--transcript",
        "transcripts",
        multiple=True,
        type=click.Path(path_type=Path),
        help="An extra transcript to verify quotations against (repeatable).",
    )(command)
