"""Atomic writes and the newsroom lock.

Every write goes to a temporary file in the same folder, is flushed to disk, and replaces
the target with one rename, so a crash leaves either the old file or the new one. Every
mutating operation holds the newsroom lock, so two commands never interleave.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from editorial.errors import InputError, LockedError

STATE_DIR = ".editorial"


def atomic_write(path: Path, text: str, *, durable: bool = True) -> None:
    """Write ``text`` (UTF-8, line breaks as given) to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"), durable=durable)


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file, fsync, one rename.

    ``durable=False`` leaves out the two fsyncs, for files that can be made again (a
    built site): a crash may then leave the old file, never a half-written one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)  # an existing file keeps its mode
    except OSError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise
    if durable:
        _fsync_dir(path.parent)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_move(source: Path, target: Path) -> None:
    """Move a file with one rename; refuse to overwrite an existing target."""
    if target.exists():
        raise InputError(f"{target.name} already exists; nothing was moved", path=target)
    target.parent.mkdir(parents=True, exist_ok=True)
    source.replace(target)
    _fsync_dir(target.parent)
    _fsync_dir(source.parent)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def newsroom_lock(root: Path, timeout: float = 10.0) -> Iterator[None]:
    """Hold the newsroom's lock for the duration of a mutating operation."""
    state = root / STATE_DIR
    state.mkdir(exist_ok=True)
    lock = FileLock(str(state / "lock"), timeout=timeout)
    try:
        with lock:
            yield
    except Timeout as exc:
        raise LockedError(
            f"another editorial command holds the newsroom lock (waited {timeout:g}s); "
            "try again when it has finished",
            path=state / "lock",
        ) from exc
