"""Reading transcripts: WebVTT (Zoom, Teams, Otter) and plain text or Markdown.

WebVTT: the speaker is the ``<v Name>`` voice span or a leading ``Name:`` in the cue text;
a cue with neither continues the previous speaker. Text and Markdown: paragraphs that begin
``Name:`` or ``**Name:**``, or a line holding only a name and a time (``Ana Ruiz  0:02``,
as Otter and Zoom export text); a paragraph without a speaker continues the previous one. Lines
before the first speaker (a title, a date) are not anyone's words.
"""

from __future__ import annotations

import re
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


def clean_speaker(label: str) -> str:
    """A speaker label without pronouns in parentheses or an affiliation after a dash."""
    label = re.sub(r"\([^)]*\)", " ", label)
    label = re.split(r"\s+[-–—|]\s+", label)[0]
    return " ".join(label.split()).strip("*_ ")


def parse_vtt(text: str, name: str) -> Transcript:
    """Parse a WebVTT transcript; ``InputError`` when it is not WebVTT."""
    try:
        captions = webvtt.from_string(text)
    except MalformedFileError as exc:
        raise InputError(f"not a valid WebVTT file: {exc}", path=name) from exc
    timing_lines: list[int] = []
    problems: list[tuple[int, str]] = []
    expected = "HH:MM:SS.mmm --> HH:MM:SS.mmm"
    for number, text_line in enumerate(text.splitlines(), start=1):
        if _TIMING.match(text_line):
            timing_lines.append(number)
        elif "-->" in text_line or _LOOKS_TIMED.match(text_line):
            # the WebVTT reader skips such a cue without a word: say so, with its line
            problems.append(
                (number, f"line {number}: cue timing is not '{expected}'; the cue is skipped")
            )
    utterances: list[Utterance] = []
    speaker = ""
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
        line = timing_lines[number] if number < len(timing_lines) else 1
        utterances.append(
            Utterance(speaker=speaker, text=words, line=line, start=caption.start_in_seconds)
        )
    return Transcript(name=name, utterances=utterances, problems=problems)


def parse_text(text: str, name: str) -> Transcript:
    """Parse a plain-text or Markdown transcript of ``Name:`` paragraphs."""
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

    for number, line in enumerate(text.splitlines(), start=1):
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
    return Transcript(name=name, utterances=utterances)


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
    try:
        text = decode(Path(path).read_bytes())
    except OSError as exc:
        raise InputError(f"cannot read transcript: {exc.strerror or exc}", path=label) from exc
    except ValueError as exc:
        raise InputError(exc.args[0], path=label, line=exc.args[1]) from exc
    if path.lower().endswith(".vtt"):
        return parse_vtt(text, label)
    return parse_text(text, label)
