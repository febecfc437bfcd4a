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
    _newsroom: Newsroom | None = field(default=None, repr=False)

    def newsroom(self) -> Newsroom:
        if self._newsroom is None:
            from editorial.newsroom.newsroom import Newsroom

            self._newsroom = Newsroom.open(self.root)
        return self._newsroom


pass_env = click.make_pass_decorator(Env, ensure=True)


def fail(message: str, code: int = 2) -> None:
    """Print one error line on stderr and exit with ``code``."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


# Each command's module, imported only when the command runs (or help lists it), so that
# `editorial --version` and a mistyped command load nothing heavy.
COMMANDS = {
    "init": "newsroom_cmds",
    "new": "newsroom_cmds",
    "status": "newsroom_cmds",
    "show": "newsroom_cmds",
    "lint": "lint_cmds",
    "rule": "lint_cmds",
    "quotes": "lint_cmds",
    "submit": "review_cmds",
    "assign": "review_cmds",
    "approve": "review_cmds",
    "request-changes": "review_cmds",
    "publish": "review_cmds",
    "correct": "review_cmds",
    "retract": "review_cmds",
    "history": "review_cmds",
    "build": "publish_cmds",
    "serve": "publish_cmds",
    "syndicate": "syndicate_cmds",
}


def load_all() -> None:
    """Import every command module (for the generated CLI reference)."""
    for module in sorted(set(COMMANDS.values())):
        importlib.import_module(f"editorial.cli.{module}")


class EditorialGroup(click.Group):
    """Loads commands when they are asked for, and turns library errors into one line on
    stderr and an exit code, never a traceback (set ``EDITORIAL_DEBUG=1`` to see it)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            importlib.import_module(f"editorial.cli.{COMMANDS[cmd_name]}")
        return self.commands.get(cmd_name)

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
@click.pass_context
def cli(ctx: click.Context, root: Path | None, user: str | None) -> None:
    """Lint, review, publish and syndicate a newsroom's articles.

    Quotations are checked against event transcripts, figures against the register of
    checked facts, and articles move draft -> review -> publish. Run 'editorial COMMAND
    --help' for a command's options.
    """
    ctx.obj = Env(root=root, user=user)


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
