"""Every regular expression editorial compiles, checked for catastrophic backtracking.

Patterns are collected as they are compiled (many are built at run time from word lists):
every module is imported, then the demo newsroom is linted, its quotations listed and its
site built, so lazily built patterns compile too. Each pattern from editorial's own code is
analysed with regexploit; one that can backtrack worse than quadratically on some input
(regexploit's "starriness" above 2) is printed with where it was compiled, and the exit code
is 1. Patterns regexploit cannot read (possessive quantifiers and atomic groups, which do
not backtrack by construction) are counted apart.

    python bench/regex_audit.py [NEWSROOM]      # make audit-regex
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pkgutil
import re
import shutil
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LIMIT = int(os.environ.get("STARRINESS", "2"))
SEEN: dict[tuple[Any, int], str] = {}  # pattern and flags: where editorial compiled it
LOOKED_AT: set[tuple[Any, int]] = set()


def _record(compile_: Any) -> Any:
    def hooked(pattern: Any, flags: int) -> Any:
        key = (pattern, int(flags))
        if key not in LOOKED_AT and isinstance(pattern, str):
            LOOKED_AT.add(key)
            for frame in reversed(traceback.extract_stack()[:-1]):
                if "/editorial/" in frame.filename and "/re/" not in frame.filename:
                    SEEN[key] = f"{frame.filename}:{frame.lineno}"
                    break
        return compile_(pattern, flags)

    return hooked


def collect(newsroom: Path) -> dict[tuple[Any, int], str]:
    """Every pattern compiled by editorial's code while it imports and runs on ``newsroom``."""
    re._compile = _record(re._compile)  # type: ignore[attr-defined]
    import editorial
    from editorial.cli import cli

    for module in pkgutil.walk_packages(editorial.__path__, "editorial."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "newsroom"
        copy.mkdir()
        for name in ("editorial.toml", "drafts", "published", "authors", "sources"):
            if (newsroom / name).is_dir():
                shutil.copytree(newsroom / name, copy / name)
            elif (newsroom / name).is_file():
                shutil.copy2(newsroom / name, copy / name)
        for args in (
            ["lint", "--no-cache", "--jobs", "1"],
            ["quotes", *(str(p) for p in sorted((copy / "drafts").glob("*.md")))],
            ["build", "--out", str(Path(tmp) / "site")],
            ["status"],
        ):
            with (
                contextlib.suppress(SystemExit),
                open(os.devnull, "w") as quiet,
                contextlib.redirect_stdout(quiet),
                contextlib.redirect_stderr(quiet),
            ):
                cli.main(["--root", str(copy), *args], standalone_mode=False)
    return SEEN


def audit(patterns: dict[tuple[Any, int], str]) -> tuple[list[str], int, int]:
    """(findings, patterns analysed, patterns regexploit cannot read)."""
    from regexploit.ast.sre import SreOpParser
    from regexploit.redos import find

    findings: list[str] = []
    analysed = unreadable = 0
    for (pattern, flags), where in sorted(patterns.items(), key=lambda item: item[1]):
        try:
            parsed = SreOpParser().parse_sre(pattern, flags)
        except Exception:  # regexploit predates 3.11's possessive syntax
            unreadable += 1
            continue
        analysed += 1
        for redos in find(parsed):
            if redos.starriness > LIMIT:
                findings.append(
                    f"{where}: {pattern[:120]!r} backtracks in O(n^{redos.starriness}) "
                    f"on {redos.example()[:80]!r}"
                )
                break
    return findings, analysed, unreadable


def main() -> int:
    newsroom = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT
    findings, analysed, unreadable = audit(collect(newsroom))
    for line in findings:
        print(line)
    print(
        f"{analysed} patterns analysed, {unreadable} not readable by regexploit "
        f"(possessive or atomic), {len(findings)} that can backtrack catastrophically"
    )
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
