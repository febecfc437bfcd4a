"""editorial build: pages, incremental rebuilds, embargoes, overrides, the CLI and serve."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
import urllib.request
from pathlib import Path

import pytest

from editorial import Newsroom
from editorial.errors import UsageError
from editorial.publish import build_site
from editorial.publish.serve import make_server
from tests.conftest import Room, count_reads
from tests.publish.conftest import NOW


def _snapshot(site: Path) -> dict[str, tuple[int, bytes]]:
    return {
        p.relative_to(site).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in site.rglob("*")
        if p.is_file()
    }


def test_article_page_shows_everything(demo: Path) -> None:
    build_site(Newsroom.open(demo), now=NOW)
    page = (demo / "site" / "river-ports-forum" / "index.html").read_text()
    assert "<h1>Harbour master and freight researcher split" in page
    assert 'href="../authors/tom-becker/index.html" rel="author">Tom Becker</a>' in page
    assert (
        '<link rel="canonical" href="https://delta-review.example.org/river-ports-forum/">' in page
    )
    assert 'id="corrections-title">Corrections</h2>' in page
    assert "misnamed Dr. Kwame Mensah" in page
    assert 'id="bios-title">About the authors</h2>' in page
    assert "statistician at a provincial planning agency" in page  # Tom Becker's bio
    assert '<li id="ref-1"><a href="https://port.example.org/statistics/2024">' in page
    assert '<h2 id="captain-elena-sorrentino">Captain Elena Sorrentino</h2>' in page
    retracted = (demo / "site" / "dredging-contract-brief" / "index.html").read_text()
    assert "This article has been retracted." in retracted
    assert "awarded after a public tender" in retracted


def test_sources_box_lists_transcript_and_timestamps(demo: Path) -> None:
    build_site(Newsroom.open(demo), now=NOW)
    page = (demo / "site" / "river-ports-forum" / "index.html").read_text()
    box = page[page.index('class="sources"') :]
    assert "<h3>river-ports-forum-2025.vtt</h3>" in box
    assert "<strong>Elena Sorrentino</strong>" in box
    assert '<span class="stamp">00:00:15</span> “Last season we turned away ships' in box
    assert '<span class="stamp">00:00:43</span>' in box  # Mensah's second quotation


def test_sources_box_is_off_by_default(demo: Path) -> None:
    config = demo / "editorial.toml"
    config.write_text(config.read_text().replace("show_sources = true", "show_sources = false"))
    build_site(Newsroom.open(demo), now=NOW)
    assert 'class="sources"' not in (demo / "site" / "river-ports-forum" / "index.html").read_text()


def test_second_build_writes_nothing(demo: Path) -> None:
    newsroom = Newsroom.open(demo)
    first = build_site(newsroom, now=NOW)
    assert len(first.written) > 10
    before = _snapshot(demo / "site")
    second = build_site(Newsroom.open(demo), now=NOW)
    assert second.written == [] and second.removed == []
    assert second.rendered == 0
    assert _snapshot(demo / "site") == before


def test_one_changed_article_rewrites_its_page_and_listings_only(demo: Path) -> None:
    build_site(Newsroom.open(demo), now=NOW)
    path = demo / "published" / "drought-budget-hearing.md"
    path.write_text(path.read_text().replace("tense hearing", "heated hearing"))
    report = build_site(Newsroom.open(demo), now=NOW)
    assert report.rendered == 1
    written = set(report.written)
    assert "drought-budget-hearing/index.html" in written
    assert {"index.html", "feed.xml", "atom.xml", "feed.json"} <= written
    assert "sections/politics/index.html" in written
    assert "tags/budget/index.html" in written and "authors/tom-becker/index.html" in written
    assert "river-ports-forum/index.html" not in written  # another article's page
    assert "tags/ports/index.html" not in written  # a listing it is not in
    assert "sections/events/index.html" not in written


def test_embargoed_and_scheduled_articles_appear_nowhere(room: Room) -> None:
    room.article("early", "published", text=_published("early", "2025-05-01T00:00:00Z"))
    room.article(
        "embargoed",
        "published",
        text=_published("embargoed", "2025-05-01T00:00:00Z", publish_at="2025-07-01T09:00:00Z"),
    )
    room.article("later", "published", text=_published("later", "2025-08-01T00:00:00Z"))
    room.article(
        "queued",
        "scheduled",
        text=_published("queued", None, state="scheduled", publish_at="2025-05-02T00:00:00Z"),
    )
    newsroom = Newsroom.open(room.root)
    build_site(newsroom, now=NOW)
    site = room.root / "site"
    everything = "".join(p.read_text() for p in site.rglob("*") if p.is_file())
    assert "early" in everything
    for hidden in ("embargoed", "later", "queued"):
        assert hidden not in everything
        assert not (site / hidden).exists()
    report = build_site(Newsroom.open(room.root), now=dt.datetime(2025, 7, 1, 9, 0, tzinfo=dt.UTC))
    assert "embargoed/index.html" in report.written
    assert "embargoed" in (site / "feed.xml").read_text()
    assert "later" not in (site / "feed.xml").read_text()


def _published(
    slug: str, at: str | None, *, state: str = "published", publish_at: str | None = None
) -> str:
    lines = [
        "---",
        f'title: "Story {slug}"',
        f"slug: {slug}",
        "authors: [ana-ruiz]",
        f"state: {state}",
        "section: events",
    ]
    if at:
        lines.append(f"published_at: {at}")
    if publish_at:
        lines.append(f"publish_at: {publish_at}")
    return "\n".join([*lines, "---", f"The body of {slug}.", ""])


def test_pagination(room: Room) -> None:
    config = room.root / "editorial.toml"
    config.write_text(config.read_text() + "\n[site]\nper_page = 2\n")
    for day in range(1, 6):
        room.article(
            f"s{day}", "published", text=_published(f"s{day}", f"2025-05-0{day}T00:00:00Z")
        )
    build_site(Newsroom.open(room.root), now=NOW)
    site = room.root / "site"
    first = (site / "index.html").read_text()
    assert "Story s5" in first and "Story s4" in first and "Story s3" not in first
    assert 'href="page/2/index.html" rel="next"' in first
    third = (site / "page" / "3" / "index.html").read_text()
    assert "Story s1" in third and 'rel="prev"' in third and "Page 3 of 3" in third
    # fewer articles: the third page goes away
    (room.root / "published" / "s1.md").unlink()
    report = build_site(Newsroom.open(room.root), now=NOW)
    assert "page/3/index.html" in report.removed
    assert not (site / "page" / "3").exists()


def test_newsroom_templates_override_the_built_in_ones(demo: Path) -> None:
    (demo / "templates").mkdir()
    (demo / "templates" / "style.css").write_text("body { color: red; }\n")
    (demo / "templates" / "list.html").write_text(
        '{% extends "base.html" %}{% block content %}<p>House list: {{ page.articles | length }}</p>{% endblock %}\n'
    )
    build_site(Newsroom.open(demo), now=NOW)
    assert (demo / "site" / "style.css").read_text() == "body { color: red; }\n"
    assert "<p>House list: 3</p>" in (demo / "site" / "index.html").read_text()
    # editing a template rebuilds what uses it
    (demo / "templates" / "list.html").write_text(
        '{% extends "base.html" %}{% block content %}<p>Changed</p>{% endblock %}\n'
    )
    report = build_site(Newsroom.open(demo), now=NOW)
    assert "index.html" in report.written


def test_broken_template_is_one_clear_error(demo: Path) -> None:
    (demo / "templates").mkdir()
    (demo / "templates" / "list.html").write_text("{% block content %}\n{% if %}\n")
    from editorial.errors import InputError

    with pytest.raises(InputError) as caught:
        build_site(Newsroom.open(demo), now=NOW)
    assert "list.html:2" in str(caught.value)


def test_a_first_build_that_fails_leaves_no_half_made_site(demo: Path) -> None:
    """A site built for the first time is made in a hidden folder beside it and moved
    into place at the end: a build that fails half-way leaves neither."""
    (demo / "templates").mkdir()
    (demo / "templates" / "author.html").write_text("{{ no_such_value }}\n")
    from editorial.errors import InputError

    with pytest.raises(InputError):
        build_site(Newsroom.open(demo), now=NOW)
    assert not (demo / "site").exists()
    assert not (demo / ".site.building").exists()


def test_what_a_stopped_first_build_left_is_cleared(demo: Path) -> None:
    left = demo / ".site.building" / "stale-page"
    left.mkdir(parents=True)
    (left / "index.html").write_text("<p>from a build that was killed</p>\n")
    report = build_site(Newsroom.open(demo), now=NOW)
    site = demo / "site"
    assert not (demo / ".site.building").exists()
    assert not (site / "stale-page").exists()
    assert sorted(report.written) == sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
    )
    assert (site / "river-ports-forum" / "index.html").is_file()


def test_refuses_to_build_into_the_newsroom(demo: Path) -> None:
    newsroom = Newsroom.open(demo)
    for out in (demo, demo / "published", demo / "sources" / "x", demo.parent):
        with pytest.raises(UsageError):
            build_site(newsroom, out)


def test_broken_article_is_skipped_and_named(demo: Path) -> None:
    (demo / "published" / "broken.md").write_text("---\ntitle: [unclosed\n---\nBody\n")
    report = build_site(Newsroom.open(demo), now=NOW)
    assert report.articles == 3
    assert report.skipped and report.skipped[0].startswith("published/broken.md:")


def test_cli_build(demo: Path) -> None:
    room = Room(demo)
    result = room.run("build")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Built 3 articles into site/: ")
    again = room.run("build", "--verbose")
    assert "0 written" in again.output
    bad = room.run("build", "--out", str(demo / "drafts"))
    assert bad.exit_code == 2
    assert "refusing to build into" in bad.output


def test_serve_serves_the_site(demo: Path) -> None:
    report = build_site(Newsroom.open(demo), now=NOW)
    server = make_server(report.out, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/river-ports-forum/") as response:
            assert response.status == 200
            assert b"Harbour master" in response.read()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/feed.json") as response:
            assert json.loads(response.read())["version"].endswith("1.1")
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("damage", ["not a database", "other tables", "older format"])
def test_unreadable_record_means_a_full_build(demo: Path, damage: str) -> None:
    build_site(Newsroom.open(demo), now=NOW)
    (record,) = (demo / ".editorial" / "build").glob("*.db")
    if damage == "not a database":
        for suffix in ("-wal", "-shm"):
            record.with_name(record.name + suffix).unlink(missing_ok=True)
        record.write_bytes(b"{not a database" * 100)
    else:
        with sqlite3.connect(record) as db:
            if damage == "other tables":
                db.execute("DROP TABLE outputs")
            else:
                db.execute("UPDATE meta SET value = '1' WHERE name = 'format'")
        db.close()
    report = build_site(Newsroom.open(demo), now=NOW)
    assert report.rendered == 3 and report.written == []
    assert os.path.exists(demo / "site" / "index.html")
    assert build_site(Newsroom.open(demo), now=NOW).rendered == 0


def test_a_json_manifest_of_an_earlier_version_is_removed(demo: Path) -> None:
    build_site(Newsroom.open(demo), now=NOW)
    (record,) = (demo / ".editorial" / "build").glob("*.db")
    old = record.with_suffix(".json")
    old.write_text('{"version": 2}')
    build_site(Newsroom.open(demo), now=NOW)
    assert not old.exists()


def test_an_unchanged_article_file_is_not_read_again(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file whose size, times and inode are those it was read with is trusted; a
    touched file is read and, when its bytes are as they were, not rendered again."""
    from editorial.newsroom import cachedb

    monkeypatch.setattr(cachedb, "RACY_NS", 0)
    build_site(Newsroom.open(demo), now=NOW)
    read = count_reads(monkeypatch)
    assert build_site(Newsroom.open(demo), now=NOW).rendered == 0
    assert not [name for name in read if name.endswith(".md")]
    path = demo / "published" / "river-ports-forum.md"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    report = build_site(Newsroom.open(demo), now=NOW)
    assert report.rendered == 0 and report.written == []
    assert [name for name in read if name.endswith(".md")] == ["river-ports-forum.md"]
    read.clear()
    assert build_site(Newsroom.open(demo), now=NOW).rendered == 0
    assert not [name for name in read if name.endswith(".md")]


def test_a_body_edit_rewrites_the_page_and_feeds_not_the_listings(demo: Path) -> None:
    build_site(Newsroom.open(demo), now=NOW)
    path = demo / "published" / "river-ports-forum.md"
    text = path.read_text()
    assert "## Captain Elena Sorrentino" in text
    path.write_text(text.replace("## Captain Elena Sorrentino", "## Capt. Elena Sorrentino"))
    report = build_site(Newsroom.open(demo), now=NOW)
    assert report.rendered == 1
    assert set(report.written) == {
        "river-ports-forum/index.html",
        "feed.xml",
        "atom.xml",
        "feed.json",
    }
    assert "Capt. Elena Sorrentino" in (demo / "site" / "feed.xml").read_text()


def test_a_deleted_article_leaves_the_record_and_the_site(demo: Path) -> None:
    build_site(Newsroom.open(demo), now=NOW)
    (demo / "published" / "river-ports-forum.md").unlink()
    report = build_site(Newsroom.open(demo), now=NOW)
    assert "river-ports-forum/index.html" in report.removed
    assert report.articles == 2
    (record,) = (demo / ".editorial" / "build").glob("*.db")
    with sqlite3.connect(record) as db:
        rels = [rel for (rel,) in db.execute("SELECT rel FROM articles")]
    db.close()
    assert "published/river-ports-forum.md" not in rels and len(rels) == 2


def test_pages_rendered_over_several_processes_match_one_process(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many pages are rendered and written by forked workers reading the record."""
    import editorial.publish.site as site_module

    build_site(Newsroom.open(demo), now=NOW)
    serial = _snapshot(demo / "site")
    monkeypatch.setattr(site_module, "PARALLEL_PAGES", 1)
    monkeypatch.setattr(site_module, "PARALLEL_MIN", 1)
    other = demo / "site-parallel"
    report = build_site(Newsroom.open(demo), other, now=NOW)
    assert report.rendered == 3 and len(report.written) == len(serial)
    assert {p: data for p, (_, data) in _snapshot(other).items()} == {
        p: data for p, (_, data) in serial.items()
    }


def test_cli_build_exits_1_naming_a_broken_article(demo: Path) -> None:
    (demo / "published" / "broken.md").write_text("---\ntitle: [unclosed\n---\nBody\n")
    result = Room(demo).run("build")
    assert result.exit_code == 1
    assert "skipped published/broken.md:" in result.output
    assert (demo / "site" / "river-ports-forum" / "index.html").is_file()


def test_tags_without_latin_letters_get_stable_paths(room: Room) -> None:
    room.article(
        "x",
        "published",
        text=_published("x", "2025-05-01T00:00:00Z").replace(
            "section: events", 'section: events\ntags: ["中国", "!!", "../etc"]'
        ),
    )
    build_site(Newsroom.open(room.root), now=NOW)
    tags = sorted(p.name for p in (room.root / "site" / "tags").iterdir())
    assert "etc" in tags and len(tags) == 3
    assert all(name.startswith("t-") for name in tags if name != "etc")
    page = (room.root / "site" / "x" / "index.html").read_text()
    assert ">中国</a>" in page


def test_a_record_that_cannot_be_written_still_builds_the_site(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record on a full disk or a read-only file: the build is made without it."""
    import editorial.publish.site as site_module

    build_site(Newsroom.open(demo), now=NOW)
    path = demo / "published" / "river-ports-forum.md"
    path.write_text(path.read_text().replace("## Captain Elena", "## Capt. Elena"))
    real = site_module._Record.put

    def refused(self: site_module._Record, *args: object) -> None:
        if self.shared:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(site_module._Record, "put", refused)
    report = build_site(Newsroom.open(demo), now=NOW)
    assert "river-ports-forum/index.html" in report.written
    assert "Capt. Elena" in (demo / "site" / "river-ports-forum" / "index.html").read_text()
    assert report.rendered == 3  # every view made again, in memory
