from __future__ import annotations

import json
from pathlib import Path

import pytest

from editorial.errors import ConfigError
from editorial.newsroom.config import find_root, load_config, toml_line
from tests.conftest import Room


def test_find_root_walks_up(room: Room) -> None:
    deep = room.root / "drafts" / "a" / "b"
    deep.mkdir(parents=True)
    assert find_root(start=deep) == room.root.resolve()


def test_find_root_explicit_and_env(
    room: Room, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert find_root(room.root) == room.root.resolve()
    monkeypatch.setenv("EDITORIAL_ROOT", str(room.root))
    assert find_root(start=tmp_path) == room.root.resolve()
    with pytest.raises(ConfigError, match=r"no editorial\.toml"):
        find_root(tmp_path / "elsewhere")


def test_find_root_none(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="editorial init"):
        find_root(start=tmp_path)


def test_config_is_read(room: Room) -> None:
    config = load_config(room.root / "editorial.toml")
    assert config.newsroom.name == "Delta Review"
    assert config.staff["ana"].author == "ana-ruiz"
    assert [r.value for r in config.staff["tom"].roles] == ["author", "editor"]


def test_broken_toml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "editorial.toml"
    path.write_text('[newsroom]\nname = "x"\nbase_url = \n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.line == 3
    assert str(caught.value).startswith(f"{path}:3: not valid TOML")


def test_invalid_value_names_the_field_and_line(tmp_path: Path) -> None:
    path = tmp_path / "editorial.toml"
    path.write_text(
        '[newsroom]\nname = "x"\n\n[staff.ana]\nname = "Ana"\nroles = ["author", "boss"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "staff.ana.roles" in str(caught.value)
    assert caught.value.line == 6


def test_toml_line_of_a_table(tmp_path: Path) -> None:
    text = '[partners.wire]\nname = "W"\nformat = "nope"\n'
    assert toml_line(text, ["partners", "wire", "format"]) == 3
    assert toml_line(text, ["partners", "wire", "missing"]) == 1
    assert toml_line(text, ["absent"]) is None


def test_config_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "editorial.toml"
    path.write_bytes('[newsroom]\nname = "Caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(ConfigError, match="UTF-8"):
        load_config(path)


@pytest.mark.parametrize(
    ("added", "message", "line"),
    [
        ("[lint]\nignroe = []\n", "unknown key 'ignroe' in [lint]; did you mean 'ignore'?", 2),
        ("[lnit]\nignore = []\n", "unknown section [lnit]; did you mean [lint]?", 1),
        (
            '[staff.zed]\nname = "Zed"\nrole = ["editor"]\n',
            "unknown key 'role' in [staff.zed]; did you mean 'roles'?",
            3,
        ),
        (
            '[partners.x]\nname = "X"\nformat = "rss"\ndelivry = "webhook"\n',
            "unknown key 'delivry' in [partners.x]; did you mean 'delivery'?",
            4,
        ),
        ("[site]\nzzz = 1\n", "unknown key 'zzz' in [site] (known: out, templates,", 2),
    ],
)
def test_an_unknown_key_names_its_line_and_the_key_it_looks_like(
    tmp_path: Path, added: str, message: str, line: int
) -> None:
    path = tmp_path / "editorial.toml"
    path.write_text('[newsroom]\nname = "X"\n' + added, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert message in caught.value.message
    assert caught.value.line == line + 2


def test_per_file_ignores_silence_codes_in_matching_files(room: Room) -> None:
    body = "---\ntitle: T\nslug: {slug}\nauthors: [ana-ruiz]\n---\nSee the report [@nowhere].\n"
    room.write("drafts/old-panel.md", body.format(slug="old-panel"))
    room.write("drafts/panel.md", body.format(slug="panel"))
    config = room.root / "editorial.toml"
    before = room.run("lint", "--format", "json")
    assert {f["path"] for f in json.loads(before.output) if f["code"] == "C001"} == {
        "drafts/old-panel.md",
        "drafts/panel.md",
    }
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text + '\n[lint]\nper-file-ignores = { "drafts/old-*" = ["C0"], "published/" = ["F"] }\n',
        encoding="utf-8",
    )
    after = room.run("lint", "--format", "json")
    assert {f["path"] for f in json.loads(after.output) if f["code"] == "C001"} == {
        "drafts/panel.md"
    }
    config.write_text(
        text + '\n[lint]\nper-file-ignores = { "drafts/*" = ["Z9"] }\n', encoding="utf-8"
    )
    bad = room.run("lint")
    assert bad.exit_code == 2
    assert "[lint] per-file-ignores 'drafts/*': 'Z9' matches no rule code" in bad.output
