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
PARTS = frozenset({"quotes", "figures"})


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
    terms: tuple[str, ...] = ()  # what another article must contain to state it


@dataclass
class Contribution:
    """One article's quotations and figures for the ledger."""

    quotes: list[QuoteEntry] = field(default_factory=list)
    figures: list[FigureEntry] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"quotes": self.quotes_json(), "figures": self.figures_json()}

    def quotes_json(self) -> list[list[Any]]:
        return [
            [q.path, list(q.words), q.speaker.id, q.speaker.name, *_pos(q.start, q.end)]
            for q in self.quotes
        ]

    def figures_json(self) -> list[list[Any]]:
        return [
            [f.path, f.key, f.value, f.text, *_pos(f.start, f.end), list(f.terms)]
            for f in self.figures
        ]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Contribution:
        quotes = [
            QuoteEntry(p, tuple(w), Speaker(i, n), Position(a, b), Position(c, d))
            for p, w, i, n, a, b, c, d in data.get("quotes") or []
        ]
        figures = [
            FigureEntry(p, k, float(v), t, Position(a, b), Position(c, d), tuple(terms))
            for p, k, v, t, a, b, c, d, terms in data.get("figures") or []
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


def contribution_of(ctx: Any, parts: frozenset[str] = PARTS) -> Contribution:
    """What the context's article adds to the ledger (its analyses are reused): the
    ``parts`` asked for, "quotes" (needs the quotations attributed) and "figures"."""
    from editorial.lint.facts.analysis import facts_for
    from editorial.lint.quotes.analysis import analysis_for
    from editorial.lint.quotes.verify import normal_tokens
    from editorial.lint.rules.f003_figure_inconsistent import comparable

    where = ctx.newsroom.relative(ctx.article.path)
    doc = ctx.document
    result = Contribution()
    if ctx.article.meta is None:
        return result
    for check in analysis_for(ctx).checks if "quotes" in parts else ():
        attribution = check.attribution
        if attribution.speaker is None or attribution.kind == "description":
            continue
        words = tuple(normal_tokens(check.text))
        if len(words) >= MIN_QUOTE_WORDS:
            result.quotes.append(
                QuoteEntry(where, words, attribution.speaker, check.start, check.end)
            )
    for claim in facts_for(ctx).claims if "figures" in parts else ():
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
                _figure_terms(key, ctx.newsroom.facts.facts),
            )
        )
    return result


def _figure_terms(key: tuple[object, ...], facts: Any) -> tuple[str, ...]:
    """Word stems one of which any article stating the same quantity must contain: the
    unit's words (all of them, for a unit), or a registry fact's unit words and keywords."""
    from editorial.lint.facts.figures import normal_unit

    if key[0] == "fact":
        fact = next((f for f in facts if f.id == key[1]), None)
        if fact is None:
            return ()
        words = [_stem(w) for w in normal_unit(fact.unit).split()]
        return ("any", *words, *(k.lower() for k in fact.keywords))
    unit = key[1][1] if isinstance(key[1], tuple) else None
    if not isinstance(unit, str):
        return ()
    return ("all", *(_stem(w) for w in unit.split()))


def _stem(word: str) -> str:
    """A prefix every written form of a singular unit word shares ("city", "cities")."""
    return word[: max(3, len(word) - 2)]


class Sketch:
    """A quick look at an article's text, to tell without analysing it that it cannot
    conflict with the articles being linted: no five-word run of their quotations and no
    unit of their figures occurs in it. It only ever errs towards analysing."""

    def __init__(self, text: str) -> None:
        from editorial.lint.quotes.names import fold

        # compared words drop apostrophes ("don't" is "dont"), so the text does too
        self.text = fold(text).lower().replace("’", "").replace("'", "")
        self._seen: dict[str, bool] = {}

    def has(self, word: str) -> bool:
        if not word.isalpha() or word == "percent":
            # "%" is "percent", and "30" may be written "thirty": no telling
            return True
        if word not in self._seen:
            self._seen[word] = word in self.text
        return self._seen[word]

    def may_quote(self, runs: set[tuple[str, ...]]) -> bool:
        return any(all(self.has(w) for w in run) for run in runs)

    def may_state(self, terms: set[tuple[str, ...]]) -> bool:
        for term in terms:
            if not term:
                return True  # nothing to go on: analyse
            mode, *words = term
            if (all if mode == "all" else any)(self.has(w) for w in words):
                return True
        return False


def wanted_runs(contributions: list[Contribution]) -> set[tuple[str, ...]]:
    """Every five-word run of the quotations in ``contributions``."""
    runs: set[tuple[str, ...]] = set()
    for contribution in contributions:
        for quote in contribution.quotes:
            runs |= _runs(quote.words)
    return runs


def wanted_terms(contributions: list[Contribution]) -> set[tuple[str, ...]]:
    return {f.terms for c in contributions for f in c.figures}
