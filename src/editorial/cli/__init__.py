"""The command line: click commands, each a thin layer over the library, loaded when used."""

from editorial.cli.app import cli, load_all


def main() -> None:
    """Entry point of the ``editorial`` console script."""
    cli(prog_name="editorial")


__all__ = ["cli", "load_all", "main"]
