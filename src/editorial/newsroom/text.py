"""Exact positions: character offsets of a file mapped to 1-based lines and columns."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column in a file (columns count characters, not bytes)."""

    line: int
    column: int


class LineIndex:
    """Maps character offsets of a text to lines and columns, in O(log lines)."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        find = text.find
        at = find("\n")
        while at != -1:
            starts.append(at + 1)
            at = find("\n", at + 1)
        self._starts = starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> Position:
        """The line and column of the character at ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._starts, offset)
        return Position(line, offset - self._starts[line - 1] + 1)

    def offset(self, line: int, column: int = 1) -> int:
        """The character offset of a 1-based line and column."""
        line = max(1, min(line, len(self._starts)))
        return self._starts[line - 1] + column - 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


def decode(data: bytes, first_line: int = 1) -> str:
    """Decode UTF-8 (a byte-order mark is dropped); raise ``ValueError`` naming line and column.

    The message says where the first undecodable byte is, so a Latin-1 or Windows-1252 file
    gets one clear line instead of a traceback. ``first_line`` is the line ``data`` starts at
    in its file, for a file read piece by piece.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8", errors="replace")
        line = good.count("\n") + first_line
        column = len(good) - (good.rfind("\n") + 1) + 1
        raise ValueError(
            f"not valid UTF-8: byte 0x{data[exc.start]:02x} at line {line}, column {column} "
            "(save the file as UTF-8)",
            line,
        ) from exc
