"""The command line: click commands, each a thin layer over the library."""

from editorial.cli import (  # noqa: F401  (registers commands)
    lint_cmds,
    newsroom_cmds,
    publish_cmds,
    review_cmds,
    syndicate_cmds,
)
from editorial.cli.app import cli


def main() -> None:
    """Entry point of the ``editorial`` console script."""
    cli(prog_name="editorial")


__all__ = ["cli", "main"]
