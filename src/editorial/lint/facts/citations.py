"""Citation markers in the body: pandoc-style ``[@id]``, ``[@a; @b]``, ``[@id, p. 4]``,
``[-@id]``, and footnotes ``[^label]`` with their ``[^label]: text`` definitions."""

from __future__ import annotations

import re
from dataclasses import dataclass

_GROUP = re.compile(r"\[(?P<inner>[^\[\]\n]*-?@[^\[\]\n]*)\]")
_KEY = re.compile(r"(?:^|[;\s])-?@(?P<key>[A-Za-z0-9_][A-Za-z0-9_:.#$%&\-+?<>~/]*)")
_FOOTNOTE_REF = re.compile(r"\[\^(?P<label>[^\]\s]+)\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:", re.M)
_CODE = re.compile(
    r"^[ \t]{0,3}(```+|~~~+)[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)|(`+)[^`\n]*?\2"
    r"|<!--.*?(?:-->|\Z)",  # an unclosed comment runs to the end (one match, not one each)
    re.M | re.S,
)


@dataclass(frozen=True)
class Marker:
    """One cited key at a body offset: a citation id, or a footnote label."""

    key: str
    start: int
    end: int
    footnote: bool = False


@dataclass
class Citations:
    """Every marker and footnote definition of a body."""

    markers: list[Marker]
    footnotes: dict[str, int]  # label -> offset of its definition

    def keys(self) -> set[str]:
        return {m.key for m in self.markers if not m.footnote}

    def spans(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.markers]


def _code_blanked(body: str) -> str:
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)


def citation_keys(inner: str) -> list[str]:
    """The citation ids inside one bracketed group (``a; @b, p. 4`` -> ``["a", "b"]``)."""
    return [m.group("key").rstrip(".,;:") for m in _KEY.finditer(inner)]


def find_citations(body: str) -> Citations:
    """The citation markers and footnotes of ``body`` (code and comments skipped)."""
    text = _code_blanked(body)
    markers: list[Marker] = []
    for group in _GROUP.finditer(text):
        inner = group.group("inner")
        if re.search(r"\]\(", text[group.end() - 1 : group.end() + 1]):
            continue
        for key in _KEY.finditer(inner):
            start = group.start("inner") + key.start("key") - 1
            markers.append(
                Marker(key.group("key").rstrip(".,;:"), start, start + 1 + len(key.group("key")))
            )
    definitions = {m.group("label"): m.start() for m in _FOOTNOTE_DEF.finditer(text)}
    for ref in _FOOTNOTE_REF.finditer(text):
        markers.append(Marker(ref.group("label"), ref.start(), ref.end(), footnote=True))
    markers.sort(key=lambda m: m.start)
    return Citations(markers, definitions)
