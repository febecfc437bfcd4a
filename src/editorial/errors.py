"""The one exception tree of editorial.

Every error the library raises on purpose derives from :class:`EditorialError`, so a caller
(and the command line) can catch one type. Errors about a file carry its path and, when it
is known, the 1-based line, and render as one line: ``path:line: message``.

    EditorialError
    ├── ConfigError          editorial.toml missing, unreadable or invalid
    ├── InputError           an unreadable or invalid input file (article, author, facts)
    ├── UsageError           bad arguments: a hostile slug, an unknown user or rule code
    ├── NotFoundError        an article, author or file that does not exist
    ├── PluginError          a house-rules package that does not load or fails its examples
    ├── RefusedError         an action that the rules of the newsroom do not allow (exit 1)
    │   └── LockedError      another command holds the newsroom lock
    └── DeliveryError        a syndication partner could not be reached or refused a delivery

The command line exits 2 for every error except :class:`RefusedError` and
:class:`DeliveryError`, which exit 1 (the command ran and refused, or failed to deliver).
"""

from __future__ import annotations

from pathlib import Path


class EditorialError(Exception):
    """Base of every error raised by editorial."""

    exit_code = 2

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = str(self.path) if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class ConfigError(EditorialError):
    """The newsroom configuration is missing, unreadable or invalid."""


class InputError(EditorialError):
    """An input file cannot be read or does not have the expected form."""


class UsageError(EditorialError):
    """The arguments of a call are wrong (a hostile slug, an unknown user, a bad code)."""


class NotFoundError(EditorialError):
    """An article, author or file that was asked for does not exist."""


class PluginError(EditorialError):
    """A house-rules package that cannot be used: it does not import, or one of its rules
    does not meet the registry's requirements or its own examples. The message names the
    package, its version and its entry point."""


class RefusedError(EditorialError):
    """The newsroom's rules refuse the action; nothing was changed."""

    exit_code = 1


class LockedError(RefusedError):
    """Another command holds the newsroom lock."""


class DeliveryError(EditorialError):
    """A delivery to a syndication partner failed."""

    exit_code = 1
