from __future__ import annotations

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
