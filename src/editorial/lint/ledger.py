"""The newsroom's ledger: what each article contributes to the checks that compare
articles (rules Q006 and F006): its attributed quotations and its comparable figures,
with their positions in the file. Contributions are cached with each article's findings,
so the checks across articles stay fresh without re-reading every article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from editorial.lint.quotes.names import Speaker
from editorial.newsroom.text import Position

MIN_QUOTE_WORDS = 5


@dataclass(frozen=True)
class QuoteEntry:
    """A quotation as an article attributes it."""

    path: str
    words: tuple[str, ...]
    speaker: Speaker
    start: Position
    end: Position


@dataclass(frozen=True)
class FigureEntry:
    """A comparable figure of an article: ``key`` says which quantity it is."""

    path: str
    key: str
    value: float
    text: str
    start: Position
    end: Position


@dataclass
class Contribution:
    """One article's quotations and figures for the ledger."""

    quotes: list[QuoteEntry] = field(default_factory=list)
    figures: list[FigureEntry] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "quotes": [
                [q.path, list(q.words), q.speaker.id, q.speaker.name, *_pos(q.start, q.end)]
                for q in self.quotes
            ],
            "figures": [
                [f.path, f.key, f.value, f.text, *_pos(f.start, f.end)] for f in self.figures
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Contribution:
        quotes = [
            QuoteEntry(p, tuple(w), Speaker(i, n), Position(a, b), Position(c, d))
            for p, w, i, n, a, b, c, d in data.get("quotes", [])
        ]
        figures = [
            FigureEntry(p, k, float(v), t, Position(a, b), Position(c, d))
            for p, k, v, t, a, b, c, d in data.get("figures", [])
        ]
        return cls(quotes, figures)


def _speaker_key(speaker: Speaker) -> str:
    return speaker.id or " ".join(speaker.name.lower().split())


def _pos(start: Position, end: Position) -> list[int]:
    return [start.line, start.column, end.line, end.column]


def _runs(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    n = MIN_QUOTE_WORDS
    return {words[i : i + n] for i in range(len(words) - n + 1)}


def contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """True when ``shorter`` appears as a contiguous run in ``longer``."""
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


class Ledger:
    """Every contribution of the newsroom, indexed for the comparisons."""

    def __init__(self, contributions: dict[str, Contribution]) -> None:
        self.contributions = contributions
        self.quotes = [q for c in contributions.values() for q in c.quotes]
        self._runs: dict[tuple[str, ...], list[int]] = {}
        for i, entry in enumerate(self.quotes):
            for run in _runs(entry.words):
                self._runs.setdefault(run, []).append(i)
        self.figures: dict[str, list[FigureEntry]] = {}
        for contribution in contributions.values():
            for figure in contribution.figures:
                self.figures.setdefault(figure.key, []).append(figure)

    def conflict(self, quote: QuoteEntry) -> QuoteEntry | None:
        """The first quotation of another article with the same words and another speaker."""
        from editorial.lint.quotes.cues import same_speaker

        mine = _speaker_key(quote.speaker)
        seen: set[int] = set()
        for run in _runs(quote.words):
            for i in self._runs.get(run, ()):
                if i in seen:
                    continue
                seen.add(i)
                entry = self.quotes[i]
                if entry.path == quote.path or _speaker_key(entry.speaker) == mine:
                    continue
                if same_speaker(quote.speaker, entry.speaker):
                    continue
                words = quote.words
                longer, shorter = (
                    (entry.words, words) if len(entry.words) >= len(words) else (words, entry.words)
                )
                if contains(longer, shorter):
                    return entry
        return None


def contribution_of(ctx: Any) -> Contribution:
    """What the context's article adds to the ledger (its analyses are reused)."""
    from editorial.lint.facts.analysis import facts_for
    from editorial.lint.quotes.analysis import analysis_for
    from editorial.lint.quotes.verify import normal_tokens
    from editorial.lint.rules.f003_figure_inconsistent import comparable

    where = ctx.newsroom.relative(ctx.article.path)
    doc = ctx.document
    result = Contribution()
    if ctx.article.meta is None:
        return result
    for check in analysis_for(ctx).checks:
        attribution = check.attribution
        if attribution.speaker is None or attribution.kind == "description":
            continue
        words = tuple(normal_tokens(check.text))
        if len(words) >= MIN_QUOTE_WORDS:
            result.quotes.append(
                QuoteEntry(where, words, attribution.speaker, check.start, check.end)
            )
    for claim in facts_for(ctx).claims:
        key = comparable(claim)
        if key is None:
            continue
        figure = claim.figure
        result.figures.append(
            FigureEntry(
                where,
                "|".join(str(part) for part in key),
                figure.value,
                figure.text,
                doc.body_position(figure.start),
                doc.body_position(figure.end),
            )
        )
    return result
