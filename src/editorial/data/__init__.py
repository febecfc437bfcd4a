"""Word lists and tables kept as data files beside this module."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of ``editorial/data/<name>.txt`` (comments and blanks dropped), unique."""
    text = files("editorial").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(dict.fromkeys(e for e in entries if e))
