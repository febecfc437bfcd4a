"""One bad file never breaks the others: each gets one clear line, never an internal error."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import Room, without_root_powers

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


def test_unreadable_files_and_folders_are_one_line_each_and_the_rest_is_checked(
    room: Room,
) -> None:
    """Run without root's power over file modes, as any newsroom member would."""
    room.write("drafts/good.md", GOOD)
    secret = room.write("drafts/secret.md", GOOD.replace("slug: good", "slug: secret"))
    folder = room.root / "drafts" / "archive"
    room.write("drafts/archive/old.md", GOOD.replace("slug: good", "slug: old"))
    secret.chmod(0)
    folder.chmod(0)
    try:
        results = {
            name: subprocess.run(
                [sys.executable, "-m", "editorial", "--root", str(room.root), *command],
                capture_output=True,
                text=True,
                preexec_fn=without_root_powers,
                check=False,
            )
            for name, command in {
                "lint": ["lint", "--no-cache", str(room.root / "drafts")],
                "status": ["status"],
                "show": ["show", "secret"],
            }.items()
        }
    finally:
        secret.chmod(0o644)
        folder.chmod(0o755)
    lint = results["lint"]
    assert lint.returncode == 1, lint.stderr
    assert "drafts/secret.md\n  1:1      error   M001  cannot read the file: Permission denied" in (
        lint.stdout
    )
    assert "warning: drafts/archive: cannot read the folder: Permission denied" in lint.stderr
    assert "Found 1 problem (1 error, 0 warnings) in 2 files." in lint.stdout  # good.md too
    status = results["status"]
    assert status.returncode == 0 and "drafts/secret.md: cannot read the file" in status.stdout
    show = results["show"]
    assert show.returncode == 2
    assert show.stderr == "error: drafts/secret.md:1: cannot read the file: Permission denied\n"
    for result in results.values():
        assert "internal error" not in result.stdout + result.stderr
