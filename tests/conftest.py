from __future__ import annotations

import ctypes
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from editorial.cli import cli
from editorial.newsroom.storage import atomic_write

CONFIG = """\
[newsroom]
name = "Delta Review"
base_url = "https://example.org"
language = "en"

[staff.ana]
name = "Ana Ruiz"
author = "ana-ruiz"
email = "ana@example.org"
roles = ["author", "editor", "publisher"]

[staff.tom]
name = "Tom Becker"
author = "tom-becker"
email = "tom@example.org"
roles = ["author", "editor"]

[staff.pat]
name = "Pat Okoye"
email = "pat@example.org"
roles = ["publisher"]
"""

BIO = """\
---
name: {name}
title: Correspondent
---
{name} covers water, climate and regional politics for Delta Review, and has reported from
the river basin for a decade before leading the newsroom's events desk.
"""

ARTICLE = """\
---
title: "Panel weighs the river treaty"
slug: {slug}
authors: [ana-ruiz]
state: {state}
section: events
---
The panel met in Rosario.
"""


@dataclass
class Room:
    """A newsroom on disk in tmp_path, and a CLI runner bound to it."""

    root: Path

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        atomic_write(path, text)
        return path

    def article(self, slug: str = "panel", state: str = "draft", text: str | None = None) -> Path:
        folder = "published" if state in ("published", "retracted") else "drafts"
        return self.write(f"{folder}/{slug}.md", text or ARTICLE.format(slug=slug, state=state))

    def run(
        self,
        *args: str,
        env: dict[str, str] | None = None,
        input: str | None = None,
        color: bool = False,
    ) -> Result:
        """Run the CLI in this newsroom (``color``: keep ANSI codes in the output)."""
        runner = CliRunner()
        return runner.invoke(
            cli,
            ["--root", str(self.root), *args],
            env=env,
            input=input,
            catch_exceptions=False,
            color=color,
        )


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in list(os.environ):
        if name.startswith("EDITORIAL_"):
            monkeypatch.delenv(name)
    yield


@pytest.fixture
def room(tmp_path: Path) -> Room:
    root = tmp_path / "newsroom"
    room = Room(root)
    room.write("editorial.toml", CONFIG)
    room.write("authors/ana-ruiz.md", BIO.format(name="Ana Ruiz"))
    room.write("authors/tom-becker.md", BIO.format(name="Tom Becker"))
    (root / "drafts").mkdir(exist_ok=True)
    (root / "published").mkdir(exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    return room


DEMO = Path(__file__).resolve().parent.parent  # the demo newsroom ships at the root


@pytest.fixture
def demo(room: Room) -> Room:
    """``room`` holding a copy of the demo newsroom: its config, articles, bios, sources."""
    for folder in ("drafts", "published", "authors", "sources"):
        shutil.copytree(DEMO / folder, room.root / folder, dirs_exist_ok=True)
    shutil.copy(DEMO / "editorial.toml", room.root / "editorial.toml")
    return room


def _drop_root_powers() -> None:
    """Run as root, a process writes into read-only folders all the same; dropping the
    capabilities that override file modes (DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER) from the
    bounding set before exec makes the child obey them, as any other user would."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


# ``preexec_fn`` for a subprocess that must obey file modes (read-only folders, unreadable
# files) even when the tests run as root; nothing to do for any other user
without_root_powers = _drop_root_powers if os.geteuid() == 0 else None


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, the name of every file read with ``Path.read_bytes``, in order."""
    read: list[str] = []
    real = Path.read_bytes

    def counting(self: Path) -> bytes:
        read.append(self.name)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    return read
