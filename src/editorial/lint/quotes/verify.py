"""Verifying quotations against transcripts.

Verbatim means the same words in the same order, ignoring case, punctuation, accents and
the kind of quotation mark or dash. In the quotation, "…" (or "...") stands for omitted
words and ``[bracketed words]`` for an editor's substitution of at most a few words.

The transcripts are flattened into one token stream with a boundary token wherever the
speaker (or the file) changes, so a match can run over several cues of one speaker but
never over two speakers. An index from each token to its positions finds candidates in
microseconds; rapidfuzz scores candidate windows for the closest passage.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from rapidfuzz import fuzz

from editorial.lint.quotes.names import Speaker, fold
from editorial.model.transcript import Transcript, Utterance

TOKEN = re.compile(r"[^\W_]+(?:['’,][^\W_]+)*")
_TOKEN = TOKEN
_ELLIPSIS = re.compile(r"…|\.\s*\.\s*\.")
_BRACKET = re.compile(r"\[([^\]]*)\]")
BOUNDARY = "\x00"
MAX_OMISSION = 80  # words an ellipsis may stand for
MAX_SUBSTITUTED = 6  # words a [bracketed] substitution may replace
CLOSEST_MIN_SCORE = 0.7

Status = Literal["verbatim", "closest", "none"]


_NUMBERS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
}


def _word(token: str) -> str:
    """A token as compared: a number word and its numeral are one word ("thirty", "30")."""
    if "'" in token or "’" in token or "," in token:
        token = token.replace("'", "").replace("’", "").replace(",", "")
    return _NUMBERS.get(token, token)


_PERCENT = re.compile(r"\s?%")


def token_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """The compared words of ``text`` with their offsets: folded, lowercase, apostrophes
    dropped, number words as numerals, "%" and "per cent" as "percent"."""
    folded = fold(text).lower()
    if "%" not in folded and "per cent" not in folded:  # the common case, at full speed
        for match in _TOKEN.finditer(folded):
            yield _word(match.group()), match.start(), match.end()
        return
    matches = list(_TOKEN.finditer(folded))
    i = 0
    while i < len(matches):
        match = matches[i]
        word = match.group(0)
        if word == "per" and i + 1 < len(matches) and matches[i + 1].group(0) == "cent":
            yield "percent", match.start(), matches[i + 1].end()
            i += 2
            continue
        yield _word(word), match.start(), match.end()
        percent = _PERCENT.match(folded, match.end(), match.end() + 2)
        if percent:
            yield "percent", match.start(), percent.end()
        i += 1


def normal_tokens(text: str) -> list[str]:
    """Words of ``text`` as they are compared (see :func:`token_spans`)."""
    return [word for word, _start, _end in token_spans(text)]


@dataclass(frozen=True)
class _Lit:
    words: tuple[str, ...]


@dataclass(frozen=True)
class _Gap:
    low: int
    high: int


def quote_pattern(text: str) -> list[_Lit | _Gap]:
    """A quotation as literal runs and gaps (ellipses and bracketed substitutions)."""
    parts: list[_Lit | _Gap] = []
    pieces = re.split(f"({_ELLIPSIS.pattern}|{_BRACKET.pattern})", text)
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if piece is None:
            i += 1
            continue
        if _ELLIPSIS.fullmatch(piece):
            parts.append(_Gap(0, MAX_OMISSION))
            i += 2  # the bracket group of the split is None here
            continue
        if _BRACKET.fullmatch(piece):
            parts.append(_Gap(0, MAX_SUBSTITUTED))
            i += 2
            continue
        words = normal_tokens(piece)
        if words:
            parts.append(_Lit(tuple(words)))
        i += 1
    merged: list[_Lit | _Gap] = []
    for part in parts:
        if merged and isinstance(part, _Lit) and isinstance(merged[-1], _Lit):
            merged[-1] = _Lit(merged[-1].words + part.words)
        elif merged and isinstance(part, _Gap) and isinstance(merged[-1], _Gap):
            last = merged[-1]
            merged[-1] = _Gap(last.low + part.low, last.high + part.high)
        else:
            merged.append(part)
    while merged and isinstance(merged[0], _Gap):
        merged.pop(0)
    while merged and isinstance(merged[-1], _Gap):
        merged.pop()
    return merged


@dataclass(frozen=True)
class Passage:
    """Words of a transcript: who said them, where, and how close they are to a quote."""

    transcript: str
    speaker: str
    text: str
    line: int
    timestamp: str | None
    score: float
    speaker_id: str | None = None


@dataclass
class Verdict:
    """What the transcripts say about one quotation."""

    status: Status
    matches: list[Passage] = field(default_factory=list)
    closest: Passage | None = None

    @property
    def passage(self) -> Passage | None:
        return self.matches[0] if self.matches else self.closest

    def said_by(self, is_speaker: Callable[[Passage], bool]) -> bool:
        return any(is_speaker(m) for m in self.matches)


class _Tokens:
    """The token stream of a set of transcripts (shared by every article that cites them).

    Kept in flat integer arrays, about 20 bytes a word: a word id for each position (0 is
    the boundary between turns), where in which utterance the word is, and for each word id
    the positions it occurs at. A long transcript costs tens of megabytes, not gigabytes.
    """

    def __init__(self, transcripts: Sequence[Transcript]) -> None:
        self.utterances: list[tuple[str, Utterance]] = []
        self.ids: dict[str, int] = {BOUNDARY: 0}
        self.words: list[str] = [BOUNDARY]
        self.tokens = array("i")
        self.utterance = array("i")  # -1 at a boundary
        self.start = array("i")
        self.end = array("i")
        self.positions: dict[int, array[int]] = {}
        previous: tuple[str, str] | None = None
        for transcript in transcripts:
            for utterance in transcript.utterances:
                turn = (transcript.name, utterance.speaker)
                if turn != previous:
                    self._boundary()
                    previous = turn
                number = len(self.utterances)
                self.utterances.append((transcript.name, utterance))
                for word, start, end in token_spans(utterance.text):
                    ident = self.ids.get(word)
                    if ident is None:
                        ident = self.ids[word] = len(self.words)
                        self.words.append(word)
                        self.positions[ident] = array("i")
                    self.positions[ident].append(len(self.tokens))
                    self.tokens.append(ident)
                    self.utterance.append(number)
                    self.start.append(start)
                    self.end.append(end)
        self._boundary()

    def _boundary(self) -> None:
        self.tokens.append(0)
        self.utterance.append(-1)
        self.start.append(0)
        self.end.append(0)


_SHARED: dict[tuple[int, ...], tuple[tuple[Transcript, ...], _Tokens]] = {}


def _tokens_for(transcripts: Sequence[Transcript]) -> _Tokens:
    """The token stream of ``transcripts``, built once while they stay loaded."""
    ident = tuple(id(t) for t in transcripts)
    found = _SHARED.get(ident)
    if found is None or any(a is not b for a, b in zip(found[0], transcripts, strict=True)):
        if len(_SHARED) > 32:
            _SHARED.clear()
        found = (tuple(transcripts), _Tokens(transcripts))
        _SHARED[ident] = found
    return found[1]


class TranscriptIndex:
    """Every word of a set of transcripts, indexed for verbatim and closest look-ups."""

    def __init__(
        self,
        transcripts: Sequence[Transcript],
        resolve: Callable[[str], Speaker | None] = lambda _: None,
    ) -> None:
        shared = _tokens_for(transcripts)
        self._shared = shared
        self.utterances = shared.utterances
        self.tokens = shared.tokens
        self.positions = shared.positions
        self.speaker_ids: dict[str, str | None] = {}
        for _name, utterance in self.utterances:
            if utterance.speaker not in self.speaker_ids:
                found = resolve(utterance.speaker)
                self.speaker_ids[utterance.speaker] = found.id if found else None

    @property
    def speakers(self) -> list[str]:
        return list(self.speaker_ids)

    def __len__(self) -> int:
        return len(self.tokens)

    def _ids(self, words: Sequence[str]) -> array[int] | None:
        """The word ids of ``words``; None when one of them is never said."""
        ids = array("i")
        for word in words:
            ident = self._shared.ids.get(word)
            if ident is None:
                return None
            ids.append(ident)
        return ids

    # -- verbatim ------------------------------------------------------------------

    def find(self, quote: str) -> list[Passage]:
        """Every place where ``quote`` was said verbatim, one per speaker turn."""
        pattern = self._pattern(quote_pattern(quote))
        if not pattern:
            return []
        first = pattern[0]
        assert isinstance(first, array)
        found: list[Passage] = []
        seen: set[int] = set()
        for start in self._occurrences(first):
            end = self._match(pattern, 1, start + len(first))
            if end is None:
                continue
            turn = self._turn(start)
            if turn in seen:
                continue
            seen.add(turn)
            found.append(self._passage(start, end, 1.0))
        return found

    def _pattern(self, pattern: list[_Lit | _Gap]) -> list[array[int] | _Gap] | None:
        """``pattern`` with its words as ids; None when a word is never said."""
        out: list[array[int] | _Gap] = []
        for part in pattern:
            if isinstance(part, _Gap):
                out.append(part)
                continue
            ids = self._ids(part.words)
            if ids is None:
                return None
            out.append(ids)
        return out

    def _occurrences(self, ids: array[int], low: int = 0, high: int | None = None) -> list[int]:
        rarest = min(range(len(ids)), key=lambda i: len(self.positions[ids[i]]))
        positions = self.positions[ids[rarest]]
        lo = bisect_left(positions, low + rarest)
        hi = len(positions) if high is None else bisect_left(positions, high + rarest + 1)
        n = len(ids)
        out = []
        for p in positions[lo:hi]:
            start = p - rarest
            if start >= 0 and self.tokens[start : start + n] == ids:
                out.append(start)
        return out

    def _match(self, pattern: list[array[int] | _Gap], i: int, pos: int) -> int | None:
        if i == len(pattern):
            return pos
        element = pattern[i]
        if isinstance(element, array):  # literals follow literals only after merging gaps
            n = len(element)
            if self.tokens[pos : pos + n] == element:
                return self._match(pattern, i + 1, pos + n)
            return None
        following = pattern[i + 1]
        assert isinstance(following, array)
        for start in self._occurrences(following, pos + element.low, pos + element.high):
            if 0 in self.tokens[pos:start]:
                break
            end = self._match(pattern, i + 2, start + len(following))
            if end is not None:
                return end
        return None

    def _turn(self, position: int) -> int:
        while position > 0 and self.tokens[position] != 0:
            position -= 1
        return position

    def _passage(self, start: int, end: int, score: float) -> Passage:
        shared = self._shared
        spots = [i for i in range(start, end) if shared.utterance[i] >= 0]
        if not spots:
            raise ValueError("empty passage")
        pieces: list[str] = []
        numbers = list(dict.fromkeys(shared.utterance[i] for i in spots))
        for number in numbers:
            in_utt = [i for i in spots if shared.utterance[i] == number]
            text = self.utterances[number][1].text
            stop = shared.end[in_utt[-1]]
            if number != numbers[-1]:  # keep the sentence's punctuation between cues
                while stop < len(text) and text[stop] in ".,;:!?…":
                    stop += 1
            pieces.append(text[shared.start[in_utt[0]] : stop])
        name, utterance = self.utterances[numbers[0]]
        return Passage(
            transcript=name,
            speaker=utterance.speaker,
            text=" ".join(pieces),
            line=utterance.line,
            timestamp=utterance.timestamp,
            score=round(score, 3),
            speaker_id=self.speaker_ids.get(utterance.speaker),
        )

    # -- closest -------------------------------------------------------------------

    def closest(self, quote: str) -> Passage | None:
        """The window of the transcripts most like ``quote`` (any speaker), or None."""
        words = [w for part in quote_pattern(quote) if isinstance(part, _Lit) for w in part.words]
        if not words:
            return None
        votes: Counter[int] = Counter()
        common = max(50, len(self.tokens) // 50)
        for j, word in enumerate(words):
            ident = self._shared.ids.get(word)
            positions = self.positions[ident] if ident else ()
            if len(positions) > common:
                continue
            for p in positions:
                votes[p - j] += 1
        target = " ".join(words)
        best: tuple[float, int, int] | None = None
        n = len(words)
        vocabulary = self._shared.words
        for start, _count in votes.most_common(12):
            for length in range(max(1, n - 3), n + 4):
                lo, hi = max(0, start), min(len(self.tokens), start + length)
                window = [vocabulary[t] for t in self.tokens[lo:hi] if t]
                if not window:
                    continue
                score = fuzz.ratio(target, " ".join(window)) / 100
                if best is None or score > best[0]:
                    best = (score, lo, hi)
        if best is None:
            return None
        score, lo, hi = best
        start, end = self._cover(words, lo, hi)
        if (start, end) != (lo, hi):
            window = [vocabulary[t] for t in self.tokens[start:end] if t]
            covered = fuzz.ratio(target, " ".join(window)) / 100
            if covered >= CLOSEST_MIN_SCORE or score < CLOSEST_MIN_SCORE:
                score, lo, hi = covered, start, end  # never turns "closest" into "none"
        while lo < hi and self.tokens[lo] == 0:
            lo += 1
        try:
            return self._passage(lo, hi, score)
        except ValueError:
            return None

    def _cover(self, words: list[str], lo: int, hi: int) -> tuple[int, int]:
        """The window ``lo:hi`` moved to cover the quotation's words and no more: its
        edges at the transcript's words for the quotation's first and last words, and as
        many words beyond a matched word as the quotation has there (a changed first word,
        a pronoun the quotation kept but the window dropped), within the speaker's turn."""
        tokens = self.tokens
        spots = [i for i in range(lo, hi) if tokens[i]]
        vocabulary = self._shared.words
        matcher = SequenceMatcher(a=words, b=[vocabulary[tokens[i]] for i in spots], autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not blocks:
            return lo, hi
        first, last = blocks[0], blocks[-1]
        start = spots[first.b]
        for _ in range(first.a):  # the quotation's words before its first matched word
            if start == 0 or tokens[start - 1] == 0:
                break
            start -= 1
        end = spots[last.b + last.size - 1] + 1
        for _ in range(len(words) - (last.a + last.size)):
            if end >= len(tokens) or tokens[end] == 0:
                break
            end += 1
        return start, end

    def verdict(self, quote: str) -> Verdict:
        """Verbatim matches, else the closest passage when it is close enough."""
        matches = self.find(quote)
        if matches:
            return Verdict("verbatim", matches)
        near = self.closest(quote)
        if near is not None and near.score >= CLOSEST_MIN_SCORE:
            return Verdict("closest", closest=near)
        return Verdict("none", closest=near)
