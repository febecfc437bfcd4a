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
from editorial.printable import plural, printable


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


SPEAKER_WIDTH = 28  # the widest speaker column; longer names are shortened at words
TEXT_WIDTH = 60


def short_name(name: str, width: int) -> str:
    """``name`` within ``width`` characters, never cut inside a word: capitalised given
    names become initials ("A. Okafor Nwosu", "M. del C. F. de la Vega") when that is
    enough, else whole words are dropped from the end ("Ministry of Water…")."""
    if len(name) <= width:
        return name
    words = name.split()
    for i in range(len(words) - 1):
        if words[i][:1].isupper():
            words[i] = words[i][0] + "."
            if len(" ".join(words)) <= width:
                return " ".join(words)
    return clip_words(name, width)


def clip_words(text: str, width: int) -> str:
    """``text`` within ``width`` characters, cut at a space and ended with "…"."""
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0] if " " in text[: width - 1] else ""
    return (cut.rstrip(",;:") or text[: width - 1]) + "…"


def render_text(sheet: QuoteSheet) -> str:
    """The sheet as a readable table, grouped by file."""
    rows = [(row, _speaker(row), _verdict(row)) for row in sheet.rows]
    speaker_width = max([len("speaker"), *(len(s) for _r, s, _v in rows)])
    verdict_width = max([len("transcript"), *(len(v) for _r, _s, v in rows)])
    cue_width = max([len("cue"), *(len(r.cue or "-") for r, _s, _v in rows)])
    lines: list[str] = []
    current = None
    for row, speaker, verdict in rows:
        if row.path != current:
            if current is not None:
                lines.append("")
            current = row.path
            lines.append(printable(row.path))
            lines.append(
                f"  {'where':<8} {'speaker':<{speaker_width}} {'cue':<{cue_width}} "
                f"{'transcript':<{verdict_width}} quotation"
            )
        text = clip_words(printable(row.text), TEXT_WIDTH)
        lines.append(
            f"  {f'{row.line}:{row.column}':<8} {speaker:<{speaker_width}} "
            f"{row.cue or '-':<{cue_width}} {verdict:<{verdict_width}} “{text}”"
        )
    total = len(sheet.rows)
    if lines:
        lines.append("")
    unattributed = sum(1 for r in sheet.rows if r.speaker is None)
    lines.append(f"{plural(total, 'quotation')}, {unattributed} without a speaker.")
    return "\n".join(lines)


def _speaker(row: QuoteRow) -> str:
    """The speaker column: the name (shortened at words), marked "(org)", "(doc)", or "?"
    when the name is not among the article's people."""
    if not row.speaker:
        return "(none)"
    mark = ""
    if row.speaker.get("kind") in ("organization", "document"):
        mark = " (org)" if row.speaker["kind"] == "organization" else " (doc)"
    elif row.speaker["id"] is None:
        mark = " ?"
    return short_name(printable(row.speaker["name"] or ""), SPEAKER_WIDTH - len(mark)) + mark


def _verdict(row: QuoteRow) -> str:
    """The transcript column: verbatim, closest and its score, or none; with the surname
    of whoever the transcript gives the words to, when it is someone else."""
    if row.transcript is None:
        return "-"
    status = row.transcript["status"]
    verdict = f"closest {row.transcript['score']:.0%}" if status == "closest" else status
    said_by = row.transcript["speaker"]
    if (
        status in ("verbatim", "closest")
        and said_by
        and (row.speaker is None or said_by != row.speaker["name"])
    ):
        verdict += f" ({printable(said_by.split()[-1])})"
    return verdict
