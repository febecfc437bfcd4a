"""The body of an article as blocks of prose, with everything that is not prose masked.

Masking replaces code, HTML comments and tags, link targets, images and citation markers by
spaces of the same length, so that every offset in the masked text is the offset of the same
character in the body, and positions stay exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_FENCE = re.compile(r"^[ \t]{0,3}(```+|~~~+)[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.M | re.S)
_MASKS = [
    re.compile(r"<!--.*?(?:-->|\Z)", re.S),  # HTML comments (suppressions among them)
    re.compile(r"(`+)[^`\n]*?\1"),  # inline code
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),  # images
    re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$", re.M),  # link reference definitions
    re.compile(r"<https?://[^>\s]+>"),  # autolinks
    re.compile(r"https?://[^\s)\]>\"”]+"),  # bare URLs
    re.compile(r"\[@[^\]\n]*\]"),  # citation markers [@a; @b, p. 4]
    re.compile(r"\[\^[^\]\n]+\](?!:)"),  # footnote references
    re.compile(r"^\[\^[^\]\n]+\]:", re.M),  # footnote definition labels
    re.compile(r"</?[A-Za-z][^>\n]*>"),  # HTML tags (their text stays)
]
# Emphasis and strong markers become spaces in the skeleton that attribution reads.
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)|(?<=\S)(\*{1,3}|_{1,3})")


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


# A link: its text stays, its brackets and target go. [text](url "title") or [text][ref].
_LINK = re.compile(r"\[(?P<text>[^\[\]\n]*)\](?:\([^)\s]*(?:\s+\"[^\"\n]*\")?\)|\[[^\]\n]*\])")


def _link(match: re.Match[str]) -> str:
    text = match.group("text")
    return " " + text + " " * (len(match.group(0)) - len(text) - 1)


def mask(body: str) -> str:
    """``body`` with code, comments, tags, URLs and markers replaced by spaces."""
    text = _FENCE.sub(_blank, body)
    for pattern in _MASKS[:3]:  # comments, code and images first: their links stay hidden
        text = pattern.sub(_blank, text)
    text = _LINK.sub(_link, text)
    for pattern in _MASKS:
        text = pattern.sub(_blank, text)
    return text


BlockKind = Literal["paragraph", "heading", "blockquote", "item"]

_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+")
_QUOTE_PREFIX = re.compile(r"^[ \t]{0,3}>[ \t]?")
_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+")
_RULE = re.compile(r"^[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_TABLE = re.compile(r"^[ \t]*\|")


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item or block quote: ``text`` is the masked body between
    ``start`` and ``end`` with Markdown line prefixes (``>``, ``#``, ``-``) blanked."""

    kind: BlockKind
    start: int
    end: int
    text: str
    level: int = 0

    def offset(self, i: int) -> int:
        """The body offset of character ``i`` of ``text``."""
        return self.start + i


def blocks(masked: str) -> list[Block]:
    """Split masked body text into blocks, in order. Text with no blank line at all but
    several lines (one paragraph a line, as plain-text exports have it) is read a line a
    paragraph."""
    found: list[Block] = []
    one_a_line = "\n\n" not in masked.strip() and masked.strip().count("\n") >= 3
    if one_a_line:
        masked = masked.replace("\n", "\n\n")  # reading only: offsets are rebuilt below
        return [_shift(b, masked) for b in blocks(masked)]
    lines = masked.split("\n")
    offsets = []
    at = 0
    for line in lines:
        offsets.append(at)
        at += len(line) + 1
    current: list[int] = []
    kind: BlockKind = "paragraph"

    def flush() -> None:
        if not current:
            return
        start = offsets[current[0]]
        end = offsets[current[-1]] + len(lines[current[-1]])
        parts = []
        for number in current:
            line = lines[number]
            if kind == "blockquote":
                cut = 0
                while (prefix := _QUOTE_PREFIX.match(line[cut:])) is not None:
                    cut += prefix.end()
                line = " " * cut + line[cut:]
            if kind == "item" and number == current[0]:
                item = _ITEM.match(line)
                if item:
                    line = " " * item.end() + line[item.end() :]
            parts.append(line)
        text = "\n".join(parts)
        if text.strip():
            found.append(Block(kind, start, end, text))
        current.clear()

    for number, line in enumerate(lines):
        if not line.strip():
            flush()
            continue
        if _RULE.match(line) or _TABLE.match(line):
            flush()
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            text = " " * heading.end() + line[heading.end() :]
            text = re.sub(r"[ \t]+#+[ \t]*$", lambda m: " " * len(m.group(0)), text)
            found.append(
                Block(
                    "heading",
                    offsets[number],
                    offsets[number] + len(line),
                    text,
                    len(heading.group(1)),
                )
            )
            continue
        if _QUOTE_PREFIX.match(line):
            if current and kind != "blockquote":
                flush()
            kind = "blockquote"
            current.append(number)
            continue
        if _ITEM.match(line):
            flush()
            kind = "item"
            current.append(number)
            continue
        if current and kind == "blockquote":
            flush()
        if not current:
            kind = "paragraph"
        current.append(number)
    flush()
    return found


def _shift(block: Block, doubled: str) -> Block:
    """A block found in text whose line breaks were doubled, mapped back to the original."""
    start = block.start - doubled.count("\n", 0, block.start) // 2
    end = block.end - doubled.count("\n", 0, block.end) // 2
    return Block(block.kind, start, end, block.text.replace("\n\n", "\n"), block.level)


def skeleton(text: str) -> str:
    """``text`` with emphasis markers blanked, for reading attribution cues."""
    return _EMPHASIS.sub(lambda m: " " * len(m.group(0)), text)
