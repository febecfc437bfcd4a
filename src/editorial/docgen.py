"""Generate docs/cli.md (from ``--help``) and docs/rules.md (from the rules' docstrings).

Run ``python -m editorial.docgen`` (``make docs``); a test fails when they are stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from editorial.cli import cli, load_all
from editorial.lint.registry import all_rules


def _help(command: click.Command, path: list[str]) -> str:
    name = " ".join(path)
    settings = {
        "terminal_width": 88,
        "max_content_width": 88,
        "help_option_names": ["-h", "--help"],
    }
    with click.Context(command, info_name=name, **settings) as ctx:  # type: ignore[arg-type]
        return command.get_help(ctx)


def _walk(command: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            found += _walk(command.commands[name], [*path, name])
    return found


def cli_reference() -> str:
    """The CLI reference: every command's ``--help``, in order."""
    parts = [
        "# Command-line reference\n",
        "Generated from `editorial --help` by `make docs`; do not edit by hand.\n",
    ]
    load_all()
    for path, command in _walk(cli, ["editorial"]):
        parts.append(f"## `{' '.join(path)}`\n\n```text\n{_help(command, path).rstrip()}\n```\n")
    return "\n".join(parts)


def rules_reference() -> str:
    """The rules reference: a table of every rule, then each rule's documentation."""
    rules = list(all_rules().values())
    parts = [
        "# Lint rules\n",
        "Generated from the rules' docstrings by `make docs`; do not edit by hand. "
        "`editorial rule CODE` prints the same text.\n",
        "| code | rule | default | summary |",
        "|---|---|---|---|",
    ]
    parts += [f"| {r.code} | {r.name} | {r.severity} | {r.summary()} |" for r in rules]
    parts.append("")
    for r in rules:
        parts.append(f"## {r.code} {r.name}\n\nDefault severity: **{r.severity}**.\n\n{r.doc()}\n")
    return "\n".join(parts)


GENERATED = {"cli.md": cli_reference, "rules.md": rules_reference}


def main(argv: list[str] | None = None) -> int:
    folder = Path(argv[0] if argv else "docs")
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in GENERATED.items():
        target = folder / name
        text = make()
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
