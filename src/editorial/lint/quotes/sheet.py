"""The quote sheet: every quotation of some articles with its speaker and transcript match,
as ``editorial quotes`` prints it (SPEC section 2)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from editorial._types import StrPath
from editorial.lint.engine import expand_paths
from editorial.lint.quotes.analysis import QuoteCheck, analyze
from editorial.newsroom.article import load_article
from editorial.newsroom.newsroom import Newsroom
from editorial.printable import printable


class QuoteRow(BaseModel):
    """One quotation on the sheet (the fields of ``editorial quotes --format json``)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    speaker: dict[str, str | None] | None
    cue: str | None
    transcript: dict[str, Any] | None


class QuoteSheet(BaseModel):
    """The rows of a sheet, and the files that could not be read."""

    rows: list[QuoteRow]
    skipped: list[str]


def _transcript(check: QuoteCheck) -> dict[str, Any] | None:
    verdict = check.verdict
    if verdict is None:
        return None
    passage = verdict.passage
    data: dict[str, Any] = {
        "status": verdict.status,
        "speaker": passage.speaker if passage else None,
        "passage": passage.text if passage else None,
        "score": passage.score if passage else 0.0,
    }
    if passage is not None:
        data["file"] = passage.transcript
        data["line"] = passage.line
        data["timestamp"] = passage.timestamp
    if verdict.status == "none":
        data.update(speaker=None, passage=None, file=None, line=None, timestamp=None)
    return data


def quote_sheet(
    newsroom: Newsroom, paths: Iterable[StrPath] = (), transcripts: Sequence[StrPath] = ()
) -> QuoteSheet:
    """The quote sheet of the given files or folders (default: all of drafts/)."""
    extra = [Path(t) for t in transcripts]
    rows: list[QuoteRow] = []
    skipped: list[str] = []
    for path in expand_paths(newsroom, paths):
        article = load_article(path, newsroom.root)
        where = newsroom.relative(path)
        if article.meta is None and article.lenient is None and article.document.has_front_matter:
            problem = article.problems[0]
            skipped.append(f"{where}:{problem.line}: {problem.message}")
            continue
        for check in analyze(newsroom, article, extra).checks:
            rows.append(
                QuoteRow(
                    path=where,
                    line=check.start.line,
                    column=check.start.column,
                    end_line=check.end.line,
                    end_column=check.end.column,
                    text=check.text,
                    speaker=check.speaker.to_json() if check.speaker else None,
                    cue=check.attribution.cue,
                    transcript=_transcript(check),
                )
            )
    return QuoteSheet(rows=rows, skipped=skipped)


def render_text(sheet: QuoteSheet, width: int = 100) -> str:
    """The sheet as a readable table, grouped by file."""
    lines: list[str] = []
    current = None
    for row in sheet.rows:
        if row.path != current:
            if current is not None:
                lines.append("")
            current = row.path
            lines.append(printable(row.path))
            lines.append(f"  {'where':<8} {'speaker':<24} {'cue':<13} {'transcript':<22} quotation")
        speaker = printable(row.speaker["name"] or "") if row.speaker else "(none)"
        mark = ""
        if row.speaker and row.speaker.get("kind") in ("organization", "document"):
            mark = " (org)" if row.speaker["kind"] == "organization" else " (doc)"
        elif row.speaker and row.speaker["id"] is None:
            mark = " ?"
        if len(speaker) + len(mark) > 24:
            speaker = speaker[: 23 - len(mark)] + "…"
        speaker += mark
        verdict = "-"
        if row.transcript is not None:
            status = row.transcript["status"]
            verdict = status
            if status == "closest":
                verdict = f"closest {row.transcript['score']:.0%}"
            if (
                status in ("verbatim", "closest")
                and row.transcript["speaker"]
                and (row.speaker is None or row.transcript["speaker"] != row.speaker["name"])
            ):
                verdict += f" ({printable(row.transcript['speaker'].split()[-1])})"
        text = printable(row.text)
        text = text if len(text) <= 60 else text[:59] + "…"
        lines.append(
            f"  {f'{row.line}:{row.column}':<8} {speaker[:24]:<24} {row.cue or '-':<13} "
            f"{verdict[:22]:<22} “{text}”"
        )
    total = len(sheet.rows)
    if lines:
        lines.append("")
    unattributed = sum(1 for r in sheet.rows if r.speaker is None)
    lines.append(f"{total} quotation{'s' if total != 1 else ''}, {unattributed} without a speaker.")
    return "\n".join(lines)
