"""The house-rules package of docs/house-rules.md, installed as a real package and run by
a real `editorial` process: it loads through its entry point, lints, is reported by name
when it is broken, and a change to it re-lints cached articles."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import Room

DOC = Path(__file__).resolve().parent.parent / "docs" / "house-rules.md"
FILE_BLOCK = re.compile(r'^```\w+ title="([^"]+)"\n(.*?)^```$', re.M | re.S)
DRAFT = """\
---
title: "Dam delayed"
slug: dam
authors: [ana-ruiz]
---
The dam will be delayed again, sources said.
"""


def install(site: Path, package: Path) -> None:
    """Install the package from the doc the way an installer lays it out: the import
    package on the path, and a dist-info with its name, version and entry points."""
    for relative, text in (m.groups() for m in FILE_BLOCK.finditer(DOC.read_text())):
        target = package.parent / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    project = tomllib.loads((package / "pyproject.toml").read_text())["project"]
    (site / "delta_house").symlink_to(package / "src" / "delta_house")
    info = site / f"delta_house-{project['version']}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
    )
    points = "".join(
        f"[{group}]\n" + "".join(f"{name} = {value}\n" for name, value in entries.items())
        for group, entries in project["entry-points"].items()
    )
    (info / "entry_points.txt").write_text(points)


@pytest.fixture
def house(room: Room, tmp_path: Path) -> tuple[Room, Path, Path]:
    site = tmp_path / "site"
    site.mkdir()
    install(site, tmp_path / "delta-house")
    room.write("drafts/dam.md", DRAFT)
    return room, site, tmp_path / "delta-house" / "src" / "delta_house" / "rules.py"


def editorial(room: Room, site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "editorial", "--root", str(room.root), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=room.root,
        timeout=120,
    )


def test_the_documented_package_loads_and_lints(house: tuple[Room, Path, Path]) -> None:
    room, site, _rules = house
    listed = editorial(room, site, "rule")
    assert re.search(r"^H001\s+vague-attribution\s+warning", listed.stdout, re.M)
    doc = editorial(room, site, "rule", "H001")
    assert doc.returncode == 0
    assert "name the person" in doc.stdout.lower()
    lint = editorial(room, site, "lint", "drafts/dam.md", "--format", "concise")
    assert lint.returncode == 0, lint.stderr  # a warning does not fail the run
    assert "drafts/dam.md:6:32: H001 “sources said”: name the source" in lint.stdout
    ignored = editorial(room, site, "lint", "drafts/dam.md", "--ignore", "H")
    assert "H001" not in ignored.stdout


def test_a_changed_rule_relints_cached_articles(house: tuple[Room, Path, Path]) -> None:
    room, site, rules = house
    assert "name the source" in editorial(room, site, "lint", "drafts/dam.md").stdout
    rules.write_text(rules.read_text().replace("name the source", "who are they?"))
    second = editorial(room, site, "lint", "drafts/dam.md").stdout
    assert "who are they?" in second and "name the source" not in second


def test_a_new_version_relints_cached_articles(house: tuple[Room, Path, Path]) -> None:
    from editorial.lint import registry
    from editorial.lint.cache import run_digest
    from editorial.newsroom.newsroom import Newsroom

    room, site, _rules = house
    sys.path.insert(0, str(site))
    try:
        registry._loaded.cache_clear()
        selection = registry.Selection()
        before = run_digest(Newsroom.open(room.root), selection, ())
        assert registry.plugins()["H001"].version == "1.0.0"
        info = site / "delta_house-1.0.0.dist-info"
        (info / "METADATA").write_text((info / "METADATA").read_text().replace("1.0.0", "1.1.0"))
        registry._loaded.cache_clear()
        assert run_digest(Newsroom.open(room.root), selection, ()) != before
    finally:
        sys.path.remove(str(site))
        sys.modules.pop("delta_house.rules", None)
        sys.modules.pop("delta_house", None)
        registry._loaded.cache_clear()


@pytest.mark.parametrize(
    ("edit", "complaint"),
    [
        (("must_pass = (", "must_pass = () and ("), "needs at least one must-fail and one"),
        (
            ("said Ana Ruiz, the project's engineer", "sources said"),
            "H001 flags its must_pass example 1 (line 6: “sources said”",
        ),
        (("sources said.", "Ana said."), "H001 does not flag its must_fail example 1"),
        (("import re\n", "import re\nimport no_such_module\n"), "cannot be loaded"),
        (("class VagueAttribution(Rule)", "class VagueAttribution"), "is not a subclass"),
    ],
)
def test_a_broken_plugin_is_reported_by_name(
    house: tuple[Room, Path, Path], edit: tuple[str, str], complaint: str
) -> None:
    room, site, rules = house
    text = rules.read_text()
    assert edit[0] in text
    rules.write_text(text.replace(edit[0], edit[1], 1))
    for args in (("lint",), ("rule",), ("status",)):
        result = editorial(room, site, *args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert result.stderr.startswith(
            "error: house rules delta-house 1.0.0 "
            "(vague-attribution = delta_house.rules:VagueAttribution): "
        ), result.stderr
        assert complaint in result.stderr
        assert "internal error" not in result.stderr and "Traceback" not in result.stderr
