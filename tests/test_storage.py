from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest

from editorial.errors import InputError, LockedError
from editorial.newsroom.storage import atomic_move, atomic_write, newsroom_lock


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "a" / "file.md"
    atomic_write(target, "one\r\n")
    atomic_write(target, "two\r\n")
    assert target.read_bytes() == b"two\r\n"
    assert [p.name for p in target.parent.iterdir()] == ["file.md"]


def test_atomic_write_failure_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "file.md"
    atomic_write(target, "old")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("editorial.newsroom.storage.os.fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        atomic_write(target, "new text that never lands")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.md"]


def test_atomic_move_refuses_to_overwrite(tmp_path: Path) -> None:
    a, b = tmp_path / "a.md", tmp_path / "sub" / "b.md"
    atomic_write(a, "A")
    atomic_write(b, "B")
    with pytest.raises(InputError, match="already exists"):
        atomic_move(a, b)
    atomic_move(a, tmp_path / "sub" / "c.md")
    assert not a.exists() and (tmp_path / "sub" / "c.md").read_text() == "A"


def _hold(root: str, seconds: float, ready: object) -> None:
    with newsroom_lock(Path(root)):
        ready.set()  # type: ignore[attr-defined]
        time.sleep(seconds)


def test_lock_is_exclusive_across_processes(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Event()
    proc = ctx.Process(target=_hold, args=(str(tmp_path), 3.0, ready))
    proc.start()
    try:
        assert ready.wait(30)
        with (
            pytest.raises(LockedError, match="holds the newsroom lock"),
            newsroom_lock(tmp_path, timeout=0.2),
        ):
            pass
    finally:
        proc.join(30)
    with newsroom_lock(tmp_path, timeout=1):
        pass
