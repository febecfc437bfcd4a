"""`editorial lint --fix` and `--unsafe-fixes`: what they change, what they leave, and what
they print."""

from __future__ import annotations

import json

from editorial.lint.engine import run_lint
from editorial.lint.fixes import apply_fixes
from editorial.lint.rules._fixtures import PANEL_FRONT, PANEL_VTT
from editorial.newsroom.newsroom import Newsroom
from tests.conftest import Room

BODY = """
# Panel on the river treaty

The panel met on Wednesday, April 24, 2025, in Rosario.

“We are not asking for more water, we want to know what we will get,” Rafael Ortiz said.

Fernández said the basin ignores borders ,, and so does the drought.
"""

FIXED_SAFE = """
# Panel on the river treaty

The panel met on Thursday, April 24, 2025, in Rosario.

“We are not asking for more water, we want to know what we will get,” Rafael Ortiz said.

Fernández said the basin ignores borders, and so does the drought.
"""


def draft(room: Room) -> str:
    return str(room.root / "drafts" / "example.md")


def panel_room(room: Room, newline: str = "\n") -> Room:
    room.write("sources/panel.vtt", PANEL_VTT)
    text = f"---\n{PANEL_FRONT}---\n{BODY}"
    (room.root / "drafts" / "example.md").write_bytes(text.replace("\n", newline).encode())
    return room


def test_fix_applies_the_safe_fixes_and_says_what_it_changed(room: Room) -> None:
    panel_room(room)
    before = room.run("lint", draft(room))
    assert "F005 [*]" in before.output and "S002 [*]" in before.output
    assert "[*] 2 fixable with --fix (1 more with --unsafe-fixes)." in before.output
    result = room.run("lint", "--fix", draft(room))
    assert result.exit_code == 1  # the misquotation is still there
    changes, remaining = result.output.split("\n\n", 1)[0], result.output
    # the second stray mark shows once the first is fixed: a second round fixes it
    assert changes.splitlines()[:4] == [
        "fixed drafts/example.md:14:18: F005 “Wednesday” → “Thursday”",
        "fixed drafts/example.md:18:42: S002 “,,” → “,”",
        "fixed drafts/example.md:18:41: S002 “ ,” → “,”",
        "Fixed 3 problems in 1 file.",
    ]
    text = (room.root / "drafts" / "example.md").read_text()
    assert text == f"---\n{PANEL_FRONT}---\n{FIXED_SAFE}"
    after = remaining.split("Fixed 3 problems in 1 file.\n", 1)[1]
    assert "Q003" in after and "F005" not in after and "S002" not in after


def test_unsafe_fixes_put_the_transcripts_words_in_the_quotation(room: Room) -> None:
    panel_room(room)
    result = room.run("lint", "--unsafe-fixes", draft(room))
    assert result.exit_code == 0, result.output
    assert (
        "Q003 “We are not asking for more water, we want to know what we will get,” → "
        "“We are not asking for more water. We are asking to know how much we will get,”"
    ) in result.output
    text = (room.root / "drafts" / "example.md").read_text()
    assert (
        "“We are not asking for more water. We are asking to know how much we will get,” "
        "Rafael Ortiz said." in text
    )
    assert "All checks passed" in result.output


def test_fixes_keep_line_endings_and_everything_else(room: Room) -> None:
    panel_room(room, newline="\r\n")
    room.run("lint", "--fix", draft(room))
    data = (room.root / "drafts" / "example.md").read_bytes()
    expected = f"---\n{PANEL_FRONT}---\n{FIXED_SAFE}".replace("\n", "\r\n").encode()
    assert data == expected


def test_a_file_saved_since_the_lint_is_left_alone(room: Room) -> None:
    panel_room(room)
    newsroom = Newsroom.open(room.root)
    report = run_lint(newsroom, [draft(room)], use_cache=False)
    path = room.root / "drafts" / "example.md"
    path.write_text(path.read_text() + "\nA new paragraph.\n")
    saved = path.read_bytes()
    assert apply_fixes(newsroom, report.findings, report.linted) == []
    assert path.read_bytes() == saved


def test_fixes_do_not_leak_into_json_and_are_described_in_the_messages(room: Room) -> None:
    panel_room(room)
    findings = json.loads(room.run("lint", "--format", "json", draft(room)).output)
    assert findings and all("fix" not in f for f in findings)
    q003 = next(f for f in findings if f["code"] == "Q003")
    assert q003["message"].endswith(
        "“We are not asking for more water. We are asking to know how much we will get”; "
        "word by word: “want” for “are asking”; “what” for “how much”"
    )


def test_json_with_fix_reports_the_changes_on_stderr(room: Room) -> None:
    panel_room(room)
    result = room.run("lint", "--fix", "--format", "json", draft(room))
    findings = json.loads(result.stdout)
    assert [f["code"] for f in findings] == ["Q003"]
    assert "Fixed 3 problems in 1 file." in result.stderr
