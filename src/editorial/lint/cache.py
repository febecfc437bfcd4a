"""The lint cache, a SQLite database in ``.editorial/cache/lint.db`` (the newsroom's
.gitignore leaves it out; ``--no-cache`` keeps one in memory for the run instead).

It holds, under a digest of everything but the articles that findings depend on (the
editorial version and its rules, the configuration, the fact registry, sources and author
files, the selected rules, the day):

- ``files``: each article file's size, times and inode with the content key they were
  read as, so an unchanged file is not read or hashed again;
- ``entries``: by content key, an article's findings and its ledger parts (attributed
  quotations, comparable figures);
- ``runs`` and ``quantities``: for each entry, a hash of every five-word run of its
  quotations and of every figure's quantity, so the articles a change can affect are
  found without loading the others (two quotations conflict only when they share a run,
  two figures only when they are of the same quantity);
- ``state``: each article's content key at the last comparison across articles, and its
  cross-article findings then, by rule, which stand while no article they depend on
  changes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from editorial._version import __version__
from editorial.lint.registry import Selection, all_rules, plugins
from editorial.newsroom import cachedb
from editorial.newsroom.newsroom import Newsroom
from editorial.newsroom.storage import STATE_DIR

CACHE_FILE = "lint.db"
FORMAT = 6
MAX_ENTRIES = 50_000
PARTS = ("findings", "quotes", "figures")
INDEX = {"quotes": "runs", "figures": "quantities"}  # ledger part -> its table of hashes

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE files (
    path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, ctime INTEGER, inode INTEGER,
    key TEXT, seen INTEGER
) WITHOUT ROWID;
CREATE TABLE entries (
    id INTEGER PRIMARY KEY, key TEXT UNIQUE, findings TEXT, quotes TEXT, figures TEXT
);
CREATE TABLE runs (hash INTEGER, entry INTEGER, edge INTEGER, PRIMARY KEY (hash, entry))
    WITHOUT ROWID;
CREATE INDEX edges ON runs (hash) WHERE edge > 0;
CREATE TABLE quantities (hash INTEGER, entry INTEGER, value REAL,
    PRIMARY KEY (hash, entry, value)) WITHOUT ROWID;
CREATE TABLE state (rel TEXT PRIMARY KEY, key TEXT, compared TEXT) WITHOUT ROWID;
"""


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def run_digest(newsroom: Newsroom, selection: Selection, transcripts: Sequence[Path]) -> str:
    """A digest of everything but the article itself that its findings depend on."""
    import editorial

    package = os.path.dirname(os.path.realpath(editorial.__file__))  # noqa: PTH120 (fast)
    parts = [f"format={FORMAT}", f"version={__version__}", f"day={dt.date.today().isoformat()}"]
    parts += cachedb.files_under([package], (".py", ".txt", ".yaml"))
    rules = all_rules()
    parts += [  # a house rule's package version and source: an edited rule re-lints
        f"plugin={code}:{p.package}:{p.version}:{p.source}"
        for code, p in sorted(plugins().items())
        if selection.is_selected(code)
    ]
    parts.append(
        "rules="
        + ",".join(
            f"{c}:{selection.severity_of(r)}" for c, r in rules.items() if selection.is_selected(c)
        )
    )
    config = newsroom.root / "editorial.toml"
    parts.append(
        "config=" + content_hash(config.read_bytes()) if config.is_file() else "config=none"
    )
    parts += cachedb.files_under([newsroom.sources_dir, newsroom.authors_dir])
    for folder in (newsroom.drafts_dir, newsroom.published_dir):  # transcripts beside articles
        if folder.is_dir():
            with os.scandir(folder) as found:
                names = sorted(e.name for e in found if e.name.endswith((".vtt", ".txt")))
            parts += [cachedb.stat_line(str(folder / name)) for name in names]
    parts += [cachedb.stat_line(str(Path(p).resolve())) for p in transcripts]
    return content_hash("\n".join(parts).encode("utf-8"))


def file_key(path: str, data: bytes) -> str:
    """The content key of a file: its path and its bytes."""
    return content_hash(path.encode("utf-8") + b"\0" + data)


class LintCache:
    """The cache of one newsroom for one digest. With ``enabled=False`` (or when the
    database cannot be opened) it lives in memory for one run: nothing is trusted from
    earlier runs and nothing is kept."""

    def __init__(self, newsroom: Newsroom, digest: str, enabled: bool = True) -> None:
        self.path = newsroom.root / STATE_DIR / "cache" / CACHE_FILE
        self.digest = digest
        self.enabled = enabled
        self.db = self._open() if enabled else None
        if self.db is None:
            self.enabled = False
            self.db = cachedb.in_memory(_SCHEMA)

    def _open(self) -> sqlite3.Connection | None:
        return cachedb.open_db(self.path, _SCHEMA, {"format": str(FORMAT), "digest": self.digest})

    @staticmethod
    def drop(newsroom: Newsroom) -> None:
        """Remove the cache of ``newsroom`` (it is made again on the next run)."""
        cachedb.drop(newsroom.root / STATE_DIR / "cache" / CACHE_FILE)

    def close(self) -> None:
        assert self.db is not None
        self.db.close()

    @property
    def _db(self) -> sqlite3.Connection:
        assert self.db is not None
        return self.db

    # -- files -------------------------------------------------------------------------

    def keys(self, paths: Iterable[str]) -> dict[str, str]:
        """The content key of each file: from the cache when its size, times and inode
        are those it was read with (and it was not modified just before), else read and
        hashed now. A file that cannot be read has the key of no bytes."""
        paths = list(paths)
        known: dict[str, tuple[int, int, int, int, str, int]] = {}
        if self.enabled:
            known = {
                row[0]: row[1:]
                for row in self._db.execute(
                    "SELECT path, size, mtime, ctime, inode, key, seen FROM files"
                )
            }
        keys: dict[str, str] = {}
        fresh: list[tuple[str, int, int, int, int, str, int]] = []
        now = time.time_ns()
        for path in paths:
            stamp = cachedb.stamp(path)
            row = known.get(path)
            if row is not None and cachedb.unchanged(stamp, row[:4], row[5]):
                keys[path] = row[4]
                continue
            try:
                data = Path(path).read_bytes()
            except OSError:
                data = b""
            keys[path] = file_key(path, data)
            if stamp is not None:
                fresh.append((path, *stamp, keys[path], now))
        if fresh and self.enabled:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?,?)", fresh)
        return keys

    # -- entries -----------------------------------------------------------------------

    def _select(self, keys: Iterable[str], columns: Sequence[str]) -> Iterator[tuple[Any, ...]]:
        """``key`` and ``columns`` of the entries of ``keys`` (asked for a few hundred at
        a time)."""
        wanted = ", ".join(["key", *columns])
        for chunk in cachedb.chunks(list(dict.fromkeys(keys))):
            marks = ",".join("?" * len(chunk))
            yield from self._db.execute(
                f"SELECT {wanted} FROM entries WHERE key IN ({marks})", chunk
            ).fetchall()

    @staticmethod
    def _held(parts: Sequence[str]) -> tuple[str, list[frozenset[str]]]:
        """A column giving, as a bit each, which of ``parts`` an entry holds, and the set
        of parts for each value of it (made once, not once an entry)."""
        bits = " | ".join(f"(({p} IS NOT NULL) << {i})" for i, p in enumerate(parts)) or "0"
        sets = [
            frozenset(p for i, p in enumerate(parts) if mask >> i & 1)
            for mask in range(1 << len(parts))
        ]
        return bits, sets

    def rows(
        self, keys: Iterable[str], parts: Sequence[str] = PARTS
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """The cached ``parts`` of the entries of ``keys``, one entry at a time (key,
        {part: value or None})."""
        for key, *values in self._select(keys, parts):
            yield (
                key,
                {
                    part: None if value is None else [] if value == "[]" else json.loads(value)
                    for part, value in zip(parts, values, strict=True)
                },
            )

    def present(self, keys: Iterable[str], parts: Sequence[str]) -> dict[str, frozenset[str]]:
        """Which of ``parts`` each entry of ``keys`` holds (without reading them)."""
        bits, sets = self._held(parts)
        return {key: sets[mask] for key, mask in self._select(keys, [bits])}

    def findings(
        self, keys: Iterable[str], parts: Sequence[str]
    ) -> dict[str, tuple[list[dict[str, Any]] | None, frozenset[str]]]:
        """The cached findings of the entries of ``keys`` (None when not kept) and which
        of ``parts`` they hold. Most articles have none: only the others' are decoded."""
        bits, sets = self._held(parts)
        found: dict[str, tuple[list[dict[str, Any]] | None, frozenset[str]]] = {}
        for key, some, none, mask in self._select(
            keys, ["NULLIF(findings, '[]')", "findings IS NULL", bits]
        ):
            found[key] = (None if none else json.loads(some) if some else [], sets[mask])
        return found

    def put(
        self, key: str, entry: dict[str, Any], index: Mapping[str, Sequence[tuple[int, float]]]
    ) -> None:
        """Keep the parts of ``entry`` that are not None (beside those kept before), and
        the index of its ledger parts (:meth:`Contribution.index`)."""
        values = {
            p: json.dumps(entry[p], ensure_ascii=False) for p in PARTS if entry.get(p) is not None
        }
        db = self._db
        db.execute("INSERT OR IGNORE INTO entries (key) VALUES (?)", (key,))
        if values:
            sets = ", ".join(f"{p} = ?" for p in values)
            db.execute(f"UPDATE entries SET {sets} WHERE key = ?", [*values.values(), key])
        if any(index.values()):
            (entry_id,) = db.execute("SELECT id FROM entries WHERE key = ?", (key,)).fetchone()
            for part, rows in index.items():
                db.executemany(
                    f"INSERT OR IGNORE INTO {INDEX[part]} VALUES (?, ?, ?)",
                    [(h, entry_id, number) for h, number in rows],
                )

    def _wanted(self, hashes: Iterable[int]) -> None:
        db = self._db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (hash INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM wanted")
        db.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", ((h,) for h in hashes))

    def quote_partners(self, runs: Sequence[int]) -> set[str]:
        """The keys of the entries that may hold a quotation holding the one of ``runs``
        (they have every run of it) or held by it (they have a run opening a quotation
        and a run ending one among its runs)."""
        self._wanted(runs)
        db = self._db
        counts = db.execute(
            "SELECT hash, COUNT(*) FROM runs WHERE hash IN (SELECT hash FROM wanted) GROUP BY hash"
        ).fetchall()
        found: set[int] = set()
        wanted = len(set(runs))
        if len(counts) == wanted:  # every run is held somewhere: look among the rarest's
            rarest = min(counts, key=lambda row: row[1])[0]
            found.update(
                entry
                for (entry,) in db.execute(
                    "SELECT held.entry FROM runs AS held JOIN runs ON runs.entry = held.entry"
                    " AND runs.hash IN (SELECT hash FROM wanted) WHERE held.hash = ?"
                    " GROUP BY held.entry HAVING COUNT(*) = ?",
                    (rarest, wanted),
                )
            )
        found.update(
            entry
            for (entry,) in db.execute(
                "SELECT entry FROM runs WHERE hash IN (SELECT hash FROM wanted) AND edge > 0"
                " GROUP BY entry HAVING MAX(edge & 1) AND MAX(edge & 2)"
            )
        )
        return self._keys_of(found)

    def _keys_of(self, ids: Iterable[int]) -> set[str]:
        keys: set[str] = set()
        for chunk in cachedb.chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT key FROM entries WHERE id IN ({marks})", chunk)
            keys.update(key for (key,) in rows)
        return keys

    def quantity_partners(self, hashes: Iterable[int]) -> list[tuple[str, int, float]]:
        """Every figure of a quantity of ``hashes``: the entry's key, the hash, the value."""
        self._wanted(hashes)
        rows = self._db.execute(
            "SELECT entries.key, found.hash, found.value FROM wanted JOIN quantities AS found"
            " ON found.hash = wanted.hash JOIN entries ON entries.id = found.entry"
        )
        return list(rows)

    # -- the state of the last comparison ----------------------------------------------

    def state(self) -> dict[str, tuple[str, bool]]:
        """Each article of the last comparison: its content key then, and whether its
        cross-article findings are kept."""
        if not self.enabled:
            return {}
        rows = self._db.execute("SELECT rel, key, compared IS NOT NULL FROM state")
        return {rel: (key, bool(kept)) for rel, key, kept in rows}

    def compared(self, rels: Iterable[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
        """The kept cross-article findings of ``rels``, by rule (those with none are left
        out)."""
        wanted = set(rels)
        rows = self._db.execute(
            "SELECT rel, compared FROM state WHERE compared IS NOT NULL AND compared != '{}'"
        )  # few articles have any: reading them all beats asking for thousands by name
        return {rel: json.loads(value) for rel, value in rows if rel in wanted}

    def keep_state(
        self,
        current: dict[str, str],
        changed: Iterable[str],
        findings: dict[str, dict[str, list[dict[str, Any]]]],
        stale: Iterable[str],
    ) -> None:
        """Record the articles as they are now (``changed``: those whose key differs from
        the state), the cross-article findings just made, and drop those now ``stale``."""
        if not self.enabled:
            return  # a run without the cache: nothing is kept for the next
        db = self._db
        for rel in changed:
            if rel in current:
                db.execute(
                    "INSERT INTO state VALUES (?, ?, NULL) ON CONFLICT (rel) DO UPDATE"
                    " SET key = excluded.key",
                    (rel, current[rel]),
                )
            else:
                db.execute("DELETE FROM state WHERE rel = ?", (rel,))
        db.executemany("UPDATE state SET compared = NULL WHERE rel = ?", [(rel,) for rel in stale])
        db.executemany(
            "UPDATE state SET compared = ? WHERE rel = ?",
            [
                (json.dumps({c: f for c, f in found.items() if f}, ensure_ascii=False), rel)
                for rel, found in findings.items()
            ],
        )

    def commit(self) -> None:
        """Commit what was put so far (a cache that cannot be written is skipped)."""
        with contextlib.suppress(sqlite3.OperationalError):
            self._db.commit()

    def save(self) -> None:
        """Commit this run's changes, dropping the oldest entries beyond the limit (a
        cache that cannot be written is skipped)."""
        db = self._db
        if not self.enabled:
            return
        with contextlib.suppress(sqlite3.DatabaseError):
            (last,) = db.execute("SELECT COALESCE(MAX(id), 0) FROM entries").fetchone()
            if last > MAX_ENTRIES:
                old = last - MAX_ENTRIES
                db.execute(
                    "DELETE FROM entries WHERE id <= ? AND key NOT IN (SELECT key FROM files)"
                    " AND key NOT IN (SELECT key FROM state)",
                    (old,),
                )
                for table in INDEX.values():
                    db.execute(
                        f"DELETE FROM {table} WHERE entry <= ?"
                        " AND entry NOT IN (SELECT id FROM entries)",
                        (old,),
                    )
            db.commit()
