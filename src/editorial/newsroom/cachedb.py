"""The SQLite databases under ``.editorial/`` that hold what can always be made again (the
lint cache, a build's record): opening one and starting it afresh when it is of another
shape, and knowing a file unchanged from its size, times and inode without reading it."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

RACY_NS = 2_000_000_000  # a file modified this close to when it was read is read again

Stamp = tuple[int, int, int, int]  # size, modification time, change time, inode


def stamp(path: str) -> Stamp | None:
    """The stamp of ``path``, or None when it cannot be stated."""
    try:
        info = os.stat(path)  # noqa: PTH116 (no Path for each of thousands)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def stat_line(path: str) -> str:
    """A file's name, size and modification time, as a line of a digest ("missing" when it
    cannot be stated): cheap on every run, even for hours of transcripts."""
    try:
        info = os.stat(path)  # noqa: PTH116
    except OSError:
        return f"{path}:missing"
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


def files_under(folders: Iterable[Path | str], suffixes: tuple[str, ...] = ()) -> list[str]:
    """The :func:`stat_line` of every file under ``folders`` (of ``suffixes`` only, when
    given), sorted; a folder that does not exist has none."""
    lines = [
        stat_line(os.path.join(folder, name))  # noqa: PTH118
        for top in folders
        for folder, _dirs, names in os.walk(top)
        for name in names
        if not suffixes or name.endswith(suffixes)
    ]
    return sorted(lines)


def unchanged(now: Stamp | None, then: Sequence[int], seen: int) -> bool:
    """True when a file stamped ``now`` is the one stamped ``then`` when it was read at
    ``seen`` (ns): same size, times and inode, and not modified just before it was read,
    when the clock may not have ticked between a write and the read."""
    return (
        now is not None
        and tuple(then) == now
        and now[1] < seen - RACY_NS
        and now[2] < seen - RACY_NS
    )


def connect(where: str) -> sqlite3.Connection:
    db = sqlite3.connect(where, timeout=30, isolation_level="DEFERRED")
    if where != ":memory:":
        db.execute("PRAGMA page_size = 16384")  # a new database only: fewer, larger writes
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    return db


def _tables(db: sqlite3.Connection) -> set[str]:
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {name for (name,) in rows}


def open_db(path: Path, schema: str, meta: Mapping[str, str]) -> sqlite3.Connection | None:
    """The database at ``path`` with the tables of ``schema`` and the ``meta`` rows
    (name, value) given. One with other tables or other such rows is emptied and made
    afresh; a file that is not a database is removed first. None when the folder cannot
    be written."""
    shape = sqlite3.connect(":memory:")
    shape.executescript(schema)
    wanted = _tables(shape)
    shape.close()
    for _attempt in range(2):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = connect(str(path))
            tables = _tables(db)
            found = dict(db.execute("SELECT name, value FROM meta")) if "meta" in tables else {}
            if tables != wanted or any(found.get(k) != v for k, v in meta.items()):
                with db:
                    for table in tables:
                        db.execute(f'DROP TABLE "{table}"')
                    db.executescript(schema)
                    db.executemany("INSERT INTO meta VALUES (?, ?)", list(meta.items()))
            return db
        except sqlite3.DatabaseError:  # not a database, or of an older shape: start over
            drop(path)
        except OSError:
            return None
    return None


def in_memory(schema: str) -> sqlite3.Connection:
    db = connect(":memory:")
    db.executescript(schema)
    return db


def drop(path: Path) -> None:
    """Remove the database at ``path`` and its journal files."""
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def chunks(items: list[Any], size: int = 900) -> Iterable[list[Any]]:
    """``items`` in lists short enough for one statement's parameters."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
