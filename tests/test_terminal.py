"""Terminal output: colours that read on light and dark backgrounds, rule docs rendered,
progress bars on a terminal only."""

from __future__ import annotations

import io
import re
import sys

import pytest

from editorial.cli.terminal import progress_bar
from tests.conftest import Room

SGR = re.compile(r"\x1b\[([0-9;]*)m")
# black, yellow, white and their bright forms, any background, 256 and true colours
UNREADABLE = {"30", "33", "37", "90", "93", "97", "38", "48"} | {
    str(n) for n in [*range(40, 48), *range(100, 108)]
}


def codes(text: str) -> set[str]:
    return {code for params in SGR.findall(text) for code in params.split(";") if code}


def test_every_colour_reads_on_light_and_dark_terminals(demo: Room) -> None:
    seen: set[str] = set()
    for args in (
        ("lint", str(demo.root / "drafts")),
        ("lint", "--format", "concise", str(demo.root / "drafts")),
        ("status",),
        ("show", "water-treaty-panel"),
        ("rule", "Q003"),
        ("rule", "F002"),
        ("lint", "--fix", str(demo.root / "drafts")),
    ):
        result = demo.run("--color", "always", *args, color=True)
        assert result.exit_code in (0, 1), result.output
        used = codes(result.output)
        assert used, f"{args}: no colour at all with --color always"
        assert not used & UNREADABLE, (args, used & UNREADABLE)
        seen |= used
    assert {"31", "35", "1"} <= seen  # errors red, warnings magenta, bold


def test_rule_docs_are_rendered_on_a_terminal_and_markdown_in_a_pipe(room: Room) -> None:
    rendered = room.run("--color", "always", "rule", "Q003", color=True).output
    assert "# quote-not-in-transcript" not in rendered  # a heading, not its hashes
    assert "**What it catches.**" not in rendered
    assert "\x1b[1mWhat it catches.\x1b[0m" in rendered
    piped = room.run("rule", "Q003").output
    assert piped.startswith("# quote-not-in-transcript (Q003)\n")
    assert "**What it catches.**" in piped and "\x1b[" not in piped


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_for_long_runs_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with progress_bar("Linting", 20, colour=False) as update:
        assert update is not None
        update(3, 10)  # too short a run to be worth a bar
        assert terminal.getvalue() == ""
        update(5, 30)
        assert "Linting" in terminal.getvalue() and "5/30" in terminal.getvalue()
        update(30, 30)
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    with progress_bar("Linting", 20, colour=False) as update:
        assert update is None
