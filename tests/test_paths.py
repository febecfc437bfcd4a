"""How files are named in findings: relative to the newsroom, whatever way they were given."""

from __future__ import annotations

import os

import pytest

from editorial.lint.engine import expand_paths, run_lint
from editorial.newsroom.newsroom import Newsroom
from tests.conftest import Room


@pytest.mark.parametrize(
    ("given", "named"),
    [
        ("{root}/published/panel.md", "published/panel.md"),
        ("{root}/./published/panel.md", "published/panel.md"),
        ("{root}/drafts/../published/panel.md", "published/panel.md"),
        ("{root}//published//panel.md", "published/panel.md"),
        ("{root}/published/", "published"),
        ("{root}/published/.", "published"),
        ("{root}/.hidden/panel.md", ".hidden/panel.md"),
        ("{root}/..x/panel.md", "..x/panel.md"),
        ("{root}", "."),
    ],
)
def test_paths_are_named_from_the_root(room: Room, given: str, named: str) -> None:
    newsroom = Newsroom.open(room.root)
    assert newsroom.relative(given.format(root=room.root)) == named


def test_a_path_outside_the_newsroom_keeps_its_name(room: Room) -> None:
    newsroom = Newsroom.open(room.root)
    outside = f"{room.root.parent}{os.sep}elsewhere.md"
    assert newsroom.relative(outside) == outside


def test_files_given_in_any_form_are_linted_once_under_one_name(room: Room) -> None:
    room.article("panel", state="published")
    root = room.root
    given = [
        root / "published",
        f"{root}/published/",
        f"{root}/./published/panel.md",
        f"{root}/drafts/../published/panel.md",
    ]
    newsroom = Newsroom.open(root)
    assert expand_paths(newsroom, given) == [root / "published" / "panel.md"]
    report = run_lint(newsroom, given, use_cache=False)
    assert report.files == ["published/panel.md"]
