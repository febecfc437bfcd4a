"""The lint cache and parallel linting, on real files and real processes."""

from __future__ import annotations

import sqlite3

import pytest

from editorial.lint.cache import FORMAT
from editorial.lint.engine import run_lint
from editorial.newsroom.newsroom import Newsroom
from tests.conftest import Room, count_reads

ARTICLE = """---
title: "Article {n}"
slug: article-{n}
authors: [ana-ruiz]
---
Courts issue {value} eviction orders a year [@x]. “We moved three times in two years,”
said Julián Méndez, a tenant.
"""


def fill(room: Room, count: int) -> None:
    for n in range(count):
        room.write(f"drafts/article-{n}.md", ARTICLE.format(n=n, value=4000 + (n % 2) * 1000))


def test_second_run_is_answered_from_the_cache(room: Room) -> None:
    fill(room, 6)
    newsroom = Newsroom.open(room.root)
    first = run_lint(newsroom)
    assert (first.cached, first.read) == (0, 6)
    second = run_lint(Newsroom.open(room.root))
    assert (second.cached, second.read) == (6, 0)
    assert second.findings == first.findings
    assert {f.code for f in first.findings} >= {"Q002", "F006", "C001"}


def test_an_edit_reads_only_that_article(room: Room) -> None:
    fill(room, 6)
    run_lint(Newsroom.open(room.root))
    room.write("drafts/article-0.md", ARTICLE.format(n=0, value=9000))
    report = run_lint(Newsroom.open(room.root))
    assert report.read == 1
    messages = [
        f.message for f in report.findings if f.code == "F006" and f.path == "drafts/article-1.md"
    ]
    assert any("9,000" in m for m in messages)  # the comparison saw the edit


def test_a_changed_registry_or_selection_invalidates(room: Room) -> None:
    fill(room, 3)
    run_lint(Newsroom.open(room.root))
    room.write("sources/facts.yaml", "facts: []\n")
    assert run_lint(Newsroom.open(room.root)).read == 3
    assert run_lint(Newsroom.open(room.root), select=["Q"]).read == 3
    assert run_lint(Newsroom.open(room.root), select=["Q"]).read == 0


def test_no_cache_and_a_broken_cache(room: Room) -> None:
    fill(room, 3)
    run_lint(Newsroom.open(room.root))
    assert run_lint(Newsroom.open(room.root), use_cache=False).read == 3
    cache = room.root / ".editorial" / "cache" / "lint.db"
    cache.write_text("{not a database", encoding="utf-8")
    assert run_lint(Newsroom.open(room.root)).read == 3
    with sqlite3.connect(cache) as db:
        assert db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone() == (
            str(FORMAT),
        )
    assert run_lint(Newsroom.open(room.root)).read == 0


def test_parallel_matches_serial(room: Room) -> None:
    fill(room, 30)
    serial = run_lint(Newsroom.open(room.root), use_cache=False, jobs=1)
    steps: list[tuple[int, int]] = []
    parallel = run_lint(
        Newsroom.open(room.root),
        use_cache=False,
        jobs=2,
        progress=lambda d, t: steps.append((d, t)),
    )
    assert parallel.findings == serial.findings
    assert steps[-1] == (30, 30)


def test_cli_options(room: Room) -> None:
    fill(room, 2)
    assert room.run("lint", "--no-cache", "--jobs", "2", "--format", "json").exit_code == 1
    bad = room.run("lint", "--jobs", "-1")
    assert bad.exit_code == 2


def test_a_transcript_beside_an_article_invalidates(room: Room) -> None:
    from editorial.lint.rules._fixtures import PANEL_FRONT, PANEL_VTT

    text = "---\n" + PANEL_FRONT.replace("transcripts: [panel.vtt]\n", "") + "---\n"
    text += "“The basin does not care about borders,” Okafor Nwosu said.\n"
    room.write("drafts/example.md", text)
    assert "Q004" not in room.run("lint").output
    room.write("drafts/example.vtt", PANEL_VTT)
    assert "Q004" in room.run("lint").output


def test_an_article_over_the_size_limit_is_one_finding_and_not_checked(room: Room) -> None:
    config = (room.root / "editorial.toml").read_text(encoding="utf-8")
    room.write("editorial.toml", config + "\n[lint]\nmax_article_bytes = 2000\n")
    big = room.write(
        "drafts/big.md", ARTICLE.format(n=1, value=4000) + "“Unattributed words.” " * 200
    )
    report = run_lint(Newsroom.open(room.root), [big], use_cache=False)
    assert [(f.code, f.message) for f in report.findings] == [
        (
            "M001",
            f"the file is {big.stat().st_size:,} bytes, more than [lint] max_article_bytes "
            "(2,000); it is not checked",
        )
    ]


def test_a_cache_of_the_right_digest_but_the_wrong_shape_is_dropped(room: Room) -> None:
    fill(room, 3)
    first = run_lint(Newsroom.open(room.root))
    cache = room.root / ".editorial" / "cache" / "lint.db"
    for bad in ('"not a list"', '[{"line": "x"}]', '{"a": 1}', "7", "not json"):
        run_lint(Newsroom.open(room.root))  # the cache, made again after a drop
        with sqlite3.connect(cache) as db:
            db.execute("UPDATE entries SET findings = ?", (bad,))
        report = run_lint(Newsroom.open(room.root))
        assert report.findings == first.findings
    run_lint(Newsroom.open(room.root))
    with sqlite3.connect(cache) as db:
        db.execute("DROP TABLE runs")
    assert run_lint(Newsroom.open(room.root)).findings == first.findings


def test_an_unchanged_file_is_not_read_again(room: Room, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file whose size, times and inode are those it was read with is trusted; one
    modified since, or just before it was read (the same clock tick), is read again."""
    from editorial.newsroom import cachedb

    fill(room, 3)
    monkeypatch.setattr(cachedb, "RACY_NS", 0)
    run_lint(Newsroom.open(room.root))
    read = count_reads(monkeypatch)
    assert run_lint(Newsroom.open(room.root)).read == 0
    assert not [name for name in read if name.endswith(".md")]
    room.write("drafts/article-1.md", ARTICLE.format(n=1, value=7000))
    report = run_lint(Newsroom.open(room.root))
    assert report.read == 1 and "article-1.md" in read
    monkeypatch.setattr(cachedb, "RACY_NS", 10**18)  # everything "just modified"
    read.clear()
    assert run_lint(Newsroom.open(room.root)).read == 0
    assert sorted(n for n in read if n.endswith(".md")) == [
        "article-0.md",
        "article-1.md",
        "article-2.md",
    ]
