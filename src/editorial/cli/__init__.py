"""The command line: click commands, each a thin layer over the library, loaded when used."""

import sys

from editorial.cli.app import cli, closed_pipe, load_all


def main() -> None:
    """Entry point of the ``editorial`` console script."""
    try:
        cli(prog_name="editorial")
    except BrokenPipeError:  # in click's own output (help, usage), or at the last flush
        closed_pipe()
    finally:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            closed_pipe()


__all__ = ["cli", "load_all", "main"]
