"""The lint cache: each article's findings and ledger contribution, keyed by the hash of
its content, under a digest of everything else its findings depend on (the editorial
version and its rules, the configuration, the fact registry, sources and author files,
the selected rules, the day). Stored in ``.editorial/cache/lint.json``, which the
newsroom's .gitignore leaves out; ``--no-cache`` bypasses it."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from editorial._version import __version__
from editorial.lint.registry import Selection, all_rules, plugins
from editorial.newsroom.newsroom import Newsroom
from editorial.newsroom.storage import STATE_DIR, atomic_write

CACHE_FILE = "lint.json"
FORMAT = 4
MAX_ENTRIES = 50_000


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _stat_line(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        return f"{path}:missing"
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


def run_digest(newsroom: Newsroom, selection: Selection, transcripts: Sequence[Path]) -> str:
    """A digest of everything but the article itself that its findings depend on."""
    import editorial

    package = Path(editorial.__file__).resolve().parent
    parts = [f"format={FORMAT}", f"version={__version__}", f"day={dt.date.today().isoformat()}"]
    parts += sorted(
        _stat_line(p) for p in package.rglob("*") if p.suffix in (".py", ".txt", ".yaml")
    )
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
    for folder in (newsroom.sources_dir, newsroom.authors_dir):
        if folder.is_dir():
            parts += sorted(_stat_line(p) for p in folder.rglob("*") if p.is_file())
    for folder in (newsroom.drafts_dir, newsroom.published_dir):  # transcripts beside articles
        if folder.is_dir():
            parts += sorted(_stat_line(p) for p in folder.iterdir() if p.suffix in (".vtt", ".txt"))
    parts += [_stat_line(Path(p).resolve()) for p in transcripts]
    return content_hash("\n".join(parts).encode("utf-8"))


class LintCache:
    """Cached entries of one newsroom for one digest."""

    def __init__(self, newsroom: Newsroom, digest: str, enabled: bool = True) -> None:
        self.path = newsroom.root / STATE_DIR / "cache" / CACHE_FILE
        self.digest = digest
        self.enabled = enabled
        self.entries: dict[str, dict[str, Any]] = {}
        # the cross-article findings of the last run, for the state of every article then
        self.compared: dict[str, Any] = {}
        self.hits = 0
        self.dirty = False
        if enabled:
            self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if (
            isinstance(data, dict)
            and data.get("digest") == self.digest
            and data.get("format") == FORMAT
        ):
            entries = data.get("entries")
            if isinstance(entries, dict):
                self.entries = entries
            compared = data.get("compared")
            if isinstance(compared, dict) and isinstance(compared.get("findings"), dict):
                self.compared = compared

    def get(self, key: str) -> dict[str, Any] | None:
        return self.entries.get(key) if self.enabled else None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        if not self.enabled:
            return
        merged = {**self.entries.get(key, {}), **{k: v for k, v in entry.items() if v is not None}}
        self.entries[key] = merged
        self.dirty = True

    def compared_findings(self, signature: str) -> dict[str, list[dict[str, Any]]]:
        """The cross-article findings kept for ``signature`` (every article's path and
        content, as :func:`ledger_signature` digests them), by article; empty when the
        newsroom has changed since."""
        if not self.enabled or self.compared.get("signature") != signature:
            return {}
        found: dict[str, list[dict[str, Any]]] = self.compared["findings"]
        return found

    def keep_compared(self, signature: str, findings: dict[str, list[dict[str, Any]]]) -> None:
        """Keep cross-article findings for ``signature``, beside those kept for it before."""
        if not self.enabled or not findings:
            return
        kept = self.compared_findings(signature)
        self.compared = {"signature": signature, "findings": {**kept, **findings}}
        self.dirty = True

    def save(self) -> None:
        """Write the cache atomically (a cache that cannot be written is skipped)."""
        if not (self.enabled and self.dirty):
            return
        if len(self.entries) > MAX_ENTRIES:
            keep = list(self.entries.items())[-MAX_ENTRIES:]
            self.entries = dict(keep)
        data = {
            "format": FORMAT,
            "digest": self.digest,
            "entries": self.entries,
            "compared": self.compared,
        }
        with contextlib.suppress(OSError):
            atomic_write(self.path, json.dumps(data, ensure_ascii=False))
