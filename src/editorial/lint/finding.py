"""A finding: one problem at one place of one file, as every output format reports it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


class FixEdit(BaseModel):
    """One replacement of a fix, in file positions (1-based; the end is exclusive)."""

    model_config = ConfigDict(frozen=True)

    line: int
    column: int
    end_line: int
    end_column: int
    content: str


class FindingFix(BaseModel):
    """How ``editorial lint --fix`` resolves a finding (``safe``), or only with
    ``--unsafe-fixes`` (a change to what the article says)."""

    model_config = ConfigDict(frozen=True)

    safe: bool
    edits: tuple[FixEdit, ...]


class Finding(BaseModel):
    """SPEC section 2: the fields of ``editorial lint --format json``."""

    model_config = ConfigDict(frozen=True)

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: Severity
    message: str
    suggestion: str | None = None
    # not in the JSON output, whose fields SPEC fixes; kept in the cache for --fix
    fix: FindingFix | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)
