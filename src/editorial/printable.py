"""Text from files, shown on a terminal: control characters made visible.

A title, a note, a quotation or a name comes from a file anyone on the desk can edit. Put
raw on a terminal, a newline in a note prints a fake history row, an escape sequence
clears the screen or writes the clipboard (OSC 52), and a bidirectional override reverses
what follows. Every text output passes such fields through :func:`printable` first (and
then adds its own colours), so what is printed is what the file says, character for
character, with the invisible ones spelled out.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line and paragraph separators, and bidirectional controls
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _spell(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character written out ("\\n", "\\x1b", "\\u202e")."""
    return _UNSAFE.sub(_spell, text)


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``count`` and ``noun``, in the plural unless the count is one: "1 entry", "2 errors",
    "3 deliveries" (``many``: the plural form when adding "s" is wrong)."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"
