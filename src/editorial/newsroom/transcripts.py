"""Reading transcripts: WebVTT (Zoom, Teams, Otter) and plain text or Markdown.

WebVTT: the speaker is the ``<v Name>`` voice span or a leading ``Name:`` in the cue text;
a cue with neither continues the previous speaker. Text and Markdown: paragraphs that begin
``Name:`` or ``**Name:**``, or a line holding only a name and a time (``Ana Ruiz  0:02``,
as Otter and Zoom export text); a paragraph without a speaker continues the previous one. Lines
before the first speaker (a title, a date) are not anyone's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import webvtt
from webvtt.errors import MalformedFileError

from editorial.data import word_list
from editorial.errors import InputError
from editorial.model.transcript import Transcript, Utterance
from editorial.newsroom.text import decode

# "Name:" at the start of a cue or paragraph: 1 to 6 words, each capitalised or a particle,
# optionally with a title, a parenthesis ("(she/her)") or an affiliation after a dash.
_NAME = r"[^\W\d_][\w.'’\-]*"
_SPEAKER = re.compile(
    rf"^\s*(?:\*\*|__)?(?P<name>{_NAME}(?:[ \t]+(?:{_NAME}|\([^)\n]{{1,40}}\))){{0,6}})"
    r"(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*",
)
# "Ana Ruiz  0:02" or "[Ana Ruiz] 10:03:15" alone on a line: Otter and Zoom text exports.
_HEADER = re.compile(
    rf"^\s*\[?(?P<name>{_NAME}(?:[ \t]+{_NAME}){{0,5}})\]?"
    r"[ \t]+\(?\d{1,2}:\d{2}(?::\d{2})?\)?\s*$"
)
# A cue's timing line as WebVTT has it, and lines that were meant to be one ("00:05,000 ->").
_TIMING = re.compile(r"^\s*(?:\d+:)?\d{2}:\d{2}\.\d{3}\s+-->\s+(?:\d+:)?\d{2}:\d{2}\.\d{3}(?:\s|$)")
_LOOKS_TIMED = re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}\s*-{1,2}>")
_LOWER_OK = frozenset([*word_list("particles"), "st."])


def _speaker_prefix(text: str) -> tuple[str, str] | None:
    """``("Name", rest)`` when ``text`` begins with a speaker label, else None."""
    match = _SPEAKER.match(text)
    if match is None:
        return None
    name = match.group("name").strip()
    words = [w for w in name.split() if not w.startswith("(")]
    if not words or not words[0][0].isupper():
        return None
    if any(not (w[0].isupper() or w.lower() in _LOWER_OK) for w in words):
        return None
    return name, text[match.end() :]


@lru_cache(maxsize=4096)
def clean_speaker(label: str) -> str:
    """A speaker label without pronouns in parentheses or an affiliation after a dash (cached:
    a transcript of thousands of cues then holds each speaker's name once)."""
    label = re.sub(r"\([^)]*\)", " ", label)
    label = re.split(r"\s+[-–—|]\s+", label)[0]
    return " ".join(label.split()).strip("*_ ")


def parse_vtt(text: str, name: str) -> Transcript:
    """Parse a WebVTT transcript; ``InputError`` when it is not WebVTT."""
    return _parse_vtt_pieces([(1, text)], name)


def _parse_vtt_pieces(pieces: Iterable[tuple[int, str]], name: str) -> Transcript:
    """Parse WebVTT given as pieces of whole blocks, each with the line it starts at; only
    one piece is held at a time, so a long transcript costs its utterances, not its text."""
    utterances: list[Utterance] = []
    problems: list[tuple[int, str]] = []
    speaker = ""
    for first_line, piece in pieces:
        if first_line > 1:  # the reader wants a header on every piece
            piece, first_line = "WEBVTT\n\n" + piece, first_line - 2
        try:
            captions = webvtt.from_string(piece)
        except MalformedFileError as exc:
            raise InputError(f"not a valid WebVTT file: {exc}", path=name) from exc
        timing_lines = _timing_lines(piece, first_line, problems)
        caption: Any
        for number, caption in enumerate(captions.captions):
            words = " ".join(caption.text.split())
            if caption.voice:
                speaker = clean_speaker(caption.voice)
            else:
                found = _speaker_prefix(words)
                if found is not None:
                    speaker, words = clean_speaker(found[0]), found[1]
            if not words or not speaker:
                continue
            line = timing_lines[number] if number < len(timing_lines) else first_line
            utterances.append(
                Utterance(speaker=speaker, text=words, line=line, start=caption.start_in_seconds)
            )
    return Transcript.model_construct(name=name, utterances=utterances, problems=problems)


def _timing_lines(piece: str, first_line: int, problems: list[tuple[int, str]]) -> list[int]:
    """The line of each well-formed cue timing in ``piece``; a line that was meant to be a
    timing and is not is added to ``problems`` (the WebVTT reader skips its cue silently)."""
    found: list[int] = []
    expected = "HH:MM:SS.mmm --> HH:MM:SS.mmm"
    for number, text_line in enumerate(piece.splitlines(), start=first_line):
        if _TIMING.match(text_line):
            found.append(number)
        elif "-->" in text_line or _LOOKS_TIMED.match(text_line):
            problems.append(
                (number, f"line {number}: cue timing is not '{expected}'; the cue is skipped")
            )
    return found


def parse_text(text: str, name: str) -> Transcript:
    """Parse a plain-text or Markdown transcript of ``Name:`` paragraphs."""
    return _parse_text_lines(text.splitlines(), name)


def _parse_text_lines(lines: Iterable[str], name: str) -> Transcript:
    utterances: list[Utterance] = []
    speaker = ""
    paragraph: list[str] = []
    start_line = 1

    def flush() -> None:
        nonlocal speaker
        if not paragraph:
            return
        joined = " ".join(" ".join(paragraph).split())
        found = _speaker_prefix(joined)
        if found is not None:
            speaker, joined = clean_speaker(found[0]), found[1]
        if speaker and joined:
            utterances.append(Utterance(speaker=speaker, text=joined, line=start_line))
        paragraph.clear()

    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        header = _HEADER.match(stripped)
        if header is not None and header.group("name")[0].isupper():
            flush()
            speaker = clean_speaker(header.group("name"))
            continue
        starts_turn = _speaker_prefix(stripped) is not None
        if not stripped or (starts_turn and paragraph):
            flush()
        if stripped:
            if not paragraph:
                start_line = number
            paragraph.append(stripped)
    flush()
    return Transcript.model_construct(name=name, utterances=utterances, problems=[])


def read_transcript(path: Path, name: str | None = None) -> Transcript:
    """Read a transcript file by its extension (``.vtt``, else text or Markdown)."""
    label = name or path.name
    stat = _stat(path, label)
    return _read_cached(str(path), label, stat)


def _stat(path: Path, label: str) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError as exc:
        raise InputError(f"cannot read transcript: {exc.strerror or exc}", path=label) from exc
    return info.st_mtime_ns, info.st_size


@lru_cache(maxsize=64)
def _read_cached(path: str, label: str, stat: tuple[int, int]) -> Transcript:
    pieces = _pieces(Path(path), label)
    if path.lower().endswith(".vtt"):
        return _parse_vtt_pieces(pieces, label)
    return _parse_text_lines((line for _, piece in pieces for line in piece.splitlines()), label)


_PIECE_BYTES = 1 << 18


def _pieces(path: Path, label: str) -> Iterator[tuple[int, str]]:
    """The file as decoded pieces of about 256 KB that end at a blank line (a WebVTT
    block or a paragraph is never cut), each with the line it starts at."""
    try:
        with path.open("rb") as handle:
            first = number = 1
            lines: list[bytes] = []
            size = 0
            for raw in handle:
                lines.append(raw)
                size += len(raw)
                number += 1
                if size >= _PIECE_BYTES and not raw.strip():
                    yield first, _decode_piece(b"".join(lines), first, label)
                    first, lines, size = number, [], 0
            if lines or first == 1:
                yield first, _decode_piece(b"".join(lines), first, label)
    except OSError as exc:
        raise InputError(f"cannot read transcript: {exc.strerror or exc}", path=label) from exc


def _decode_piece(data: bytes, first_line: int, label: str) -> str:
    try:
        return decode(data, first_line)
    except ValueError as exc:
        raise InputError(exc.args[0], path=label, line=exc.args[1]) from exc
