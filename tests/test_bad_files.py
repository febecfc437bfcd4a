"""One bad file never breaks the others: each gets one clear line, never an internal error."""

from __future__ import annotations

import os

import pytest

from tests.conftest import Room

GOOD = "---\ntitle: Good\nslug: good\nauthors: [ana-ruiz]\n---\nThe panel met on Tuesday.\n"


def test_a_file_name_that_is_not_utf8_is_skipped_with_a_warning(room: Room) -> None:
    room.write("drafts/good.md", GOOD)
    bad = os.fsencode(room.root / "drafts") + b"/caf\xe9.md"
    with open(bad, "wb") as handle:
        handle.write(GOOD.replace("slug: good", "slug: cafe").encode())
    for command in (["lint"], ["status"]):
        result = room.run(*command)
        assert "internal error" not in result.output
        assert "the file name is not valid UTF-8: rename it (not read)" in result.output
    given = room.run("lint", os.fsdecode(bad))
    assert given.exit_code == 2
    assert "the file name is not valid UTF-8; rename it" in given.output


@pytest.mark.parametrize("name", ["drafts", "published", ".editorial"])
def test_a_folder_that_is_a_file_is_one_clear_line(room: Room, name: str) -> None:
    target = room.root / name
    if target.is_dir():
        for child in target.iterdir():
            child.unlink()
        target.rmdir()
    target.write_text("not a folder\n", encoding="utf-8")
    for command in (["lint"], ["status"], ["build"]):
        result = room.run(*command)
        assert result.exit_code == 2, (command, result.output)
        assert f"{name} is a file, but the newsroom needs it to be a folder" in result.output
        assert "internal error" not in result.output
