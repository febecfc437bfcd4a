"""Event transcripts: who said what, in order."""

from __future__ import annotations

from pydantic import BaseModel, Field
from pydantic.dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Utterance:
    """One turn (or cue) of a transcript: a speaker and their words.

    A validated dataclass with slots, not a ``BaseModel``: a long transcript has hundreds of
    thousands of cues, and this costs a quarter of the memory of a model instance.
    """

    speaker: str
    text: str
    line: int = Field(ge=1, description="1-based line of the file where the utterance starts")
    start: float | None = Field(default=None, description="seconds from the start, for cues")

    @property
    def timestamp(self) -> str | None:
        """``hh:mm:ss`` of the start, when known."""
        if self.start is None:
            return None
        whole = int(self.start)
        return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


class Transcript(BaseModel):
    """A transcript file under sources/: its name and its utterances in order."""

    name: str
    utterances: list[Utterance] = Field(default_factory=list)
    problems: list[tuple[int, str]] = Field(
        default_factory=list, description="(line, message): parts that could not be read"
    )

    @property
    def speakers(self) -> list[str]:
        """Every speaker, in order of first appearance."""
        return list(dict.fromkeys(u.speaker for u in self.utterances))
