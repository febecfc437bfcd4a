from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from editorial import __version__
from editorial.cli import cli
from tests.conftest import Room


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"editorial, version {__version__}\n"


def test_init_creates_a_working_newsroom(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["init", str(tmp_path / "room"), "--name", "River Post"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Created a newsroom in {tmp_path / 'room'}\n")
    root = tmp_path / "room"
    for sub in ("drafts", "published", "authors", "sources"):
        assert (root / sub).is_dir()
    assert 'name = "River Post"' in (root / "editorial.toml").read_text()
    lint = runner.invoke(cli, ["--root", str(root), "lint"])
    assert lint.exit_code == 1, lint.output  # the welcome draft is a template until written
    assert "M004" in lint.output and "Found 1 problem (1 error, 0 warnings)" in lint.output
    draft = root / "drafts" / "welcome-to-your-newsroom.md"
    draft.write_text(
        draft.read_text().replace("Write the article here.", "The desk opened today."),
        encoding="utf-8",
    )
    lint = runner.invoke(cli, ["--root", str(root), "lint"])
    assert lint.exit_code == 0, lint.output
    assert "All checks passed (1 file)." in lint.output


def test_init_refuses_an_existing_newsroom(room: Room) -> None:
    before = (room.root / "editorial.toml").read_text()
    result = CliRunner().invoke(cli, ["init", str(room.root)])
    assert result.exit_code == 1
    assert (
        result.output
        == f"error: {room.root / 'editorial.toml'}: already exists; nothing was changed\n"
    )
    assert (room.root / "editorial.toml").read_text() == before


def test_init_keeps_every_file_already_there(tmp_path: Path) -> None:
    root = tmp_path / "room"
    kept = {
        "authors/example-author.md": "---\nname: Someone Else\n---\nTheir own bio.\n",
        "drafts/welcome-to-your-newsroom.md": "my own draft, not a template\n",
        "sources/facts.yaml": "facts: []\n",
        ".gitignore": "*.bak\n",
    }
    for name, text in kept.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(root)])
    assert result.exit_code == 0, result.output
    assert (root / "editorial.toml").is_file()
    for name, text in kept.items():
        assert (root / name).read_text(encoding="utf-8") == text, name


def test_new_creates_a_draft(room: Room) -> None:
    result = room.run(
        "new", "Drought: the Cost of Doing Nothing", "--author", "ana-ruiz", "--section", "news"
    )
    assert result.exit_code == 0, result.output
    assert result.output == "Created drafts/drought-the-cost-of-doing-nothing.md\n"
    text = (room.root / "drafts" / "drought-the-cost-of-doing-nothing.md").read_text()
    assert "title: 'Drought: the Cost of Doing Nothing'" in text
    assert "state: draft" in text
    assert "section: news" in text
    lint = room.run("lint")
    assert lint.exit_code == 1 and "M004" in lint.output  # not an article until written


def test_new_refuses_an_existing_draft(room: Room) -> None:
    room.run("new", "Same title", "--author", "ana-ruiz")
    path = room.root / "drafts" / "same-title.md"
    path.write_text(path.read_text() + "\nMy precious work.\n")
    before = path.read_text()
    result = room.run("new", "Same title", "--author", "tom-becker")
    assert result.exit_code == 1
    assert (
        result.output
        == "error: drafts/same-title.md: already exists; choose another title or pass --slug\n"
    )
    assert path.read_text() == before


def test_new_refuses_a_published_slug(room: Room) -> None:
    room.article("panel", "published")
    result = room.run("new", "Panel", "--author", "ana-ruiz")
    assert result.exit_code == 1
    assert "published/panel.md: already exists" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--slug", "../escape"], "slug '../escape' is not valid"),
        (["--slug", "Has Spaces"], "slug 'Has Spaces' is not valid"),
        (["--slug", "Capitals"], "slug 'Capitals' is not valid"),
        (["--author", "../../etc"], "author '../../etc' is not a valid slug"),
        (["--author", "Ana Ruiz"], "author 'Ana Ruiz' is not a valid slug"),
        (["--author", "ANA"], "author 'ANA' is not a valid slug"),
    ],
)
def test_new_refuses_hostile_names(room: Room, args: list[str], message: str) -> None:
    base = ["new", "A title"]
    if "--author" not in args:
        base += ["--author", "ana-ruiz"]
    result = room.run(*base, *args)
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {message}")
    assert list((room.root / "drafts").iterdir()) == []
    assert not (room.root.parent / "escape.md").exists()


def test_new_with_an_empty_title(room: Room) -> None:
    result = room.run("new", "  ", "--author", "ana-ruiz")
    assert result.exit_code == 2
    assert result.output == "error: the title is empty\n"


def test_new_warns_about_an_unknown_author(room: Room) -> None:
    result = room.run("new", "Title", "--author", "zoe-lane")
    assert result.exit_code == 0
    assert "warning: there is no authors/zoe-lane.md yet (lint rule A001)" in result.output


def test_status_board(room: Room) -> None:
    room.article("panel", "draft")
    room.article("budget", "in_review")
    room.article("old-news", "published")
    room.write("drafts/broken.md", "---\ntitle: [\n---\n")
    result = room.run("status")
    assert result.exit_code == 0, result.output
    head, *lines = result.output.splitlines()
    assert head.split() == ["SLUG", "AGE", "AUTHORS", "ASSIGNEE", "LINT", "TITLE"]
    assert lines[0] == "draft (1)"
    assert lines[1].startswith("  panel ")
    # every row's columns start where the header's labels do
    assert lines[1].index("ana-ruiz") == head.index("AUTHORS")
    assert lines[1].index("Panel weighs") == head.index("TITLE")
    assert lines[2] == "in_review (1)"
    assert lines[4] == "published (1)"
    assert lines[6] == "unreadable (1)"
    assert "drafts/broken.md: front matter is not valid YAML" in lines[7]
    only = room.run("status", "--state", "in_review")
    assert len(only.output.splitlines()) == 3
    assert "budget" in only.output and "panel" not in only.output


def test_status_json_and_author_filter(room: Room) -> None:
    room.article("panel", "draft")
    result = room.run("status", "--format", "json", "--author", "ana-ruiz")
    data = json.loads(result.output)
    assert [row["slug"] for row in data] == ["panel"]
    assert data[0]["state"] == "draft"
    assert data[0]["authors"] == ["ana-ruiz"]
    none = room.run("status", "--author", "tom-becker")
    assert none.output == "No articles.\n"


def test_status_outside_a_newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["status"])
    assert result.exit_code == 2
    assert result.output.startswith("error: no editorial.toml found in")


def test_broken_config_exits_2_naming_the_file(room: Room) -> None:
    room.write("editorial.toml", "[newsroom\nname = 1\n")
    result = room.run("status")
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {room.root / 'editorial.toml'}:1: not valid TOML")
    assert len(result.output.splitlines()) == 1


def test_show(room: Room) -> None:
    room.write(
        "drafts/panel.md",
        "---\ntitle: Panel\nslug: panel\nauthors: [ana-ruiz]\nsection: events\n"
        "people:\n  - {id: okafor, name: Amara Okafor, role: Minister}\n"
        "citations:\n  - {id: basin, title: Basin report}\n---\nBody text here.\n",
    )
    result = room.run("show", "panel")
    assert result.exit_code == 0
    assert result.output.splitlines()[:5] == [
        "Panel",
        "  slug        panel",
        "  path        drafts/panel.md",
        "  state       draft",
        "  authors     ana-ruiz",
    ]
    assert "    okafor       Amara Okafor, Minister" in result.output
    assert "    basin        Basin report" in result.output
    data = json.loads(room.run("show", "panel", "--format", "json").output)
    assert data["people"][0]["name"] == "Amara Okafor"
    assert data["words"] == 3


@pytest.mark.parametrize(
    ("slug", "code", "message"),
    [
        ("missing", 2, "error: no article 'missing' in drafts/ or published/\n"),
        (
            "../etc/passwd",
            2,
            "error: '../etc/passwd' is not a valid slug (lowercase letters, digits, hyphens)\n",
        ),
    ],
)
def test_show_errors(room: Room, slug: str, code: int, message: str) -> None:
    result = room.run("show", slug)
    assert result.exit_code == code
    assert result.output == message


def test_show_broken_front_matter(room: Room) -> None:
    room.write("drafts/panel.md", "---\ntitle: Panel\nslug: panel\nauthors: []\n---\n")
    result = room.run("show", "panel")
    assert result.exit_code == 2
    assert result.output.startswith("error: drafts/panel.md:4: 'authors'")


def test_internal_errors_are_one_line_unless_debugging(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    import editorial.cli.newsroom_cmds as cmds

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr(cmds, "board", boom)
    runner = CliRunner()
    result = runner.invoke(cli, ["--root", str(room.root), "status"])
    assert result.exit_code == 2
    assert result.output.startswith("error: internal error: RuntimeError: kaput")
    debug = runner.invoke(cli, ["--root", str(room.root), "status"], env={"EDITORIAL_DEBUG": "1"})
    assert isinstance(debug.exception, RuntimeError)


def test_library_errors_show_traceback_when_debugging(room: Room) -> None:
    from editorial.errors import NotFoundError

    result = CliRunner().invoke(
        cli, ["--root", str(room.root), "show", "nope"], env={"EDITORIAL_DEBUG": "1"}
    )
    assert isinstance(result.exception, NotFoundError)


def test_python_dash_m(room: Room) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "editorial", "--root", str(room.root), "status"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout == "No articles.\n"


def test_show_a_latin1_file(room: Room) -> None:
    (room.root / "drafts" / "latin.md").write_bytes(
        "---\ntitle: café\nslug: latin\n---\n".encode("latin-1")
    )
    result = room.run("show", "latin")
    assert result.exit_code == 2
    assert (
        result.output
        == "error: drafts/latin.md:2: not valid UTF-8: byte 0xe9 at line 2, column 11 (save the file as UTF-8)\n"
    )


def test_help_lists_commands_from_summaries_that_match_their_help() -> None:
    """`editorial --help` imports no command module, so its summaries live in a table:
    each must say what the command's own help says."""
    import subprocess
    import sys

    from editorial.cli.app import COMMANDS, cli, load_all

    load_all()
    for name, (_module, summary) in COMMANDS.items():
        assert cli.commands[name].get_short_help_str(limit=1000) == summary, name
    probe = (
        "import sys; from editorial.cli import main; sys.argv = ['editorial', '--help'];\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('editorial.cli.') and m.endswith('_cmds')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
    assert "request-changes" in out.stdout


def test_show_says_one_entry_not_one_entries(room: Room) -> None:
    room.article("panel", "draft")
    assert room.run("--as", "ana", "submit", "panel").exit_code == 0
    assert "  history     1 entry ('editorial history panel')" in room.run("show", "panel").output
