"""Inline suppression: ``<!-- editorial: ignore Q001 -->`` on the line of a finding or on
the line before it; ``<!-- editorial: ignore-file F001 -->`` anywhere for the whole file.
Without codes, every rule is ignored there."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editorial.lint.finding import Finding
from editorial.newsroom.text import LineIndex

_COMMENT = re.compile(r"<!--\s*editorial:\s*(ignore-file|ignore)\b(?P<codes>.*?)-->", re.DOTALL)
ALL = ""


@dataclass
class Suppressions:
    """The suppression comments of one file."""

    by_line: dict[int, set[str]] = field(default_factory=dict)
    whole_file: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        if _matches(self.whole_file, finding.code):
            return True
        for line in (finding.line, finding.line - 1):
            if _matches(self.by_line.get(line, set()), finding.code):
                return True
        return False


def _matches(prefixes: set[str], code: str) -> bool:
    return any(code.startswith(prefix) for prefix in prefixes)


def find_suppressions(text: str) -> Suppressions:
    found = Suppressions()
    if "editorial:" not in text:
        return found
    index = LineIndex(text)
    for match in _COMMENT.finditer(text):
        codes = {c.upper() for c in re.split(r"[\s,]+", match.group("codes")) if c} or {ALL}
        if match.group(1) == "ignore-file":
            found.whole_file |= codes
            continue
        first = index.position(match.start()).line
        last = index.position(match.end()).line
        for line in range(first, last + 1):
            found.by_line.setdefault(line, set()).update(codes)
    return found
