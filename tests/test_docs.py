"""The generated references in docs/ are current, and every command has help."""

from __future__ import annotations

from pathlib import Path

import click

from editorial.cli import cli
from editorial.docgen import GENERATED, _walk

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_generated_docs_are_current() -> None:
    for name, make in GENERATED.items():
        assert (DOCS / name).read_text(encoding="utf-8") == make(), (
            f"docs/{name} is stale: run 'make docs'"
        )


def test_every_command_has_help_and_a_reference_entry() -> None:
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    for path, command in _walk(cli, ["editorial"]):
        assert command.help and command.help.strip(), f"{' '.join(path)} has no help text"
        assert f"## `{' '.join(path)}`" in reference
        for param in command.params:
            if (
                isinstance(param, click.Option)
                and not param.hidden
                and param.name not in ("help", "version")
            ):
                assert param.help, f"{' '.join(path)} {param.opts} has no help"
