"""Text from files reaches the terminal with its control characters spelled out, so a
title, a note or a quotation cannot clear the screen, write the clipboard or print a fake
row of the board or the history."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from editorial.printable import printable
from tests.conftest import Room

UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
HOSTILE = "\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b[2J"

ARTICLE = """---
title: "Harbour \\e[2Jmaster\\n  zz-fake   1d  ana-ruiz  A title that is not there"
slug: panel
authors: [ana-ruiz]
people:
  - {id: ruiz, name: "Ana \\e]52;c;eA==\\aRuiz"}
section: events
history: []
---
“The channel was too shallow \x1b[31mfor a loaded carrier,” Ruiz said.
"""


@given(st.text())
def test_printable_leaves_no_control_character(text: str) -> None:
    shown = printable(text)
    assert not UNSAFE.search(shown) and "\n" not in shown
    if not UNSAFE.search(text) and "\n" not in text:
        assert shown == text


def test_no_command_prints_a_control_character_from_a_file(room: Room) -> None:
    room.write("drafts/panel.md", ARTICLE)
    note = f"Fine.\n2025-01-01 00:00  pat        publish          approved -> published{HOSTILE}"
    assert room.run("--as", "ana", "assign", "panel", "--to", "tom").exit_code == 0
    outputs = {
        "status": room.run("status"),
        "show": room.run("show", "panel"),
        "lint": room.run("lint", "drafts/panel.md"),
        "quotes": room.run("quotes", "drafts/panel.md"),
    }
    room.run("--as", "tom", "submit", "panel")
    room.run("--as", "tom", "request-changes", "panel", "-m", note)
    outputs["history"] = room.run("history", "panel")
    for name, result in outputs.items():
        assert not UNSAFE.search(result.output), (name, result.output)
    board = [line for line in outputs["status"].output.splitlines() if "zz-fake" in line]
    assert len(board) == 1 and "\\n" in board[0]  # the fake row stays inside the title
    history = outputs["history"].output.splitlines()
    assert sum("approved -> published" in line for line in history) == 1
    assert "\\n2025-01-01" in outputs["history"].output


def test_plural() -> None:
    from editorial.printable import plural

    assert plural(1, "entry", "entries") == "1 entry"
    assert plural(0, "entry", "entries") == "0 entries"
    assert plural(2, "error") == "2 errors"
    assert plural(1, "error") == "1 error"
