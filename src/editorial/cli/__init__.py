"""The command line: click commands, each a thin layer over the library."""

from editorial.cli import lint_cmds, newsroom_cmds, review_cmds  # noqa: F401  (registers commands)
from editorial.cli.app import cli


def main() -> None:
    """Entry point of the ``editorial`` console script."""
    cli(prog_name="editorial")


__all__ = ["cli", "main"]
