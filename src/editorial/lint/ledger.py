"""The newsroom's ledger: what each article contributes to the checks that compare
articles (rules Q006 and F006): its attributed quotations and its comparable figures,
with their positions in the file. Contributions are cached with each article's findings,
so the checks across articles stay fresh without re-reading every article."""

from __future__ import annotations

import re
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from sys import intern
from typing import Any

from editorial.lint.quotes.names import Speaker
from editorial.newsroom.text import Position

MIN_QUOTE_WORDS = 5
FEW_PHRASES = 32  # quotations looked for in a text one by one; more go through its runs
OPENS, ENDS = 1, 2  # a run that opens a quotation, one that ends it
SAME = 0.02  # figures closer than this are the same figure, rounded
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
    settled: bool = False  # the register of facts confirms this value


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
            [f.path, f.key, f.value, f.text, *_pos(f.start, f.end), list(f.terms), f.settled]
            for f in self.figures
        ]

    def outline(self, part: str) -> list[tuple[Any, ...]]:
        """What other articles' findings can read of ``part``: everything but positions
        in this article (a rule that compares articles names the other article, its
        words, speaker or figure, never where they are in it)."""
        if part == "quotes":
            return [(q.words, q.speaker) for q in self.quotes]
        if part == "figures":
            return [(f.key, f.value, f.text, f.terms, f.settled) for f in self.figures]
        raise ValueError(f"no ledger part {part!r}")

    def index(self) -> dict[str, list[tuple[int, float]]]:
        """What the cache indexes of this contribution, by ledger part: each five-word run
        of its quotations (hash, and 1 when it opens a quotation, 2 when it ends one), and
        each figure's quantity (hash, value)."""
        runs: dict[int, int] = {}
        for quote in self.quotes:
            last = len(quote.words) - MIN_QUOTE_WORDS
            for i in range(last + 1):
                key = run_hash(quote.words[i : i + MIN_QUOTE_WORDS])
                runs[key] = runs.get(key, 0) | (OPENS if i == 0 else 0) | (ENDS if i == last else 0)
        return {"quotes": sorted(runs.items()), "figures": self.quantities()}

    def quantities(self) -> list[tuple[int, float]]:
        """Each figure's quantity (hash) and value, as the cache indexes them."""
        return sorted({(run_hash((f.key,)), f.value) for f in self.figures})

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Contribution:
        quotes = [
            QuoteEntry(p, tuple(map(intern, w)), Speaker(i, n), Position(a, b), Position(c, d))
            for p, w, i, n, a, b, c, d in data.get("quotes") or []
        ]
        figures = [
            FigureEntry(p, k, float(v), t, Position(a, b), Position(c, d), tuple(terms), settled)
            for p, k, v, t, a, b, c, d, terms, settled in data.get("figures") or []
        ]
        return cls(quotes, figures)


def _speaker_key(speaker: Speaker) -> str:
    return speaker.id or " ".join(speaker.name.lower().split())


def _pos(start: Position, end: Position) -> list[int]:
    return [start.line, start.column, end.line, end.column]


def differ(a: float, b: float) -> bool:
    """True when two values of one quantity are different figures, not one rounded."""
    return abs(a - b) > SAME * max(abs(a), abs(b))


def quote_runs(words: tuple[str, ...]) -> list[int]:
    """The hashes of a quotation's five-word runs."""
    return [
        run_hash(words[i : i + MIN_QUOTE_WORDS]) for i in range(len(words) - MIN_QUOTE_WORDS + 1)
    ]


def run_hash(words: Sequence[str]) -> int:
    """A stable hash of a run of words or of a figure's quantity. Two different runs may
    share one: that only makes an article look related when it is not."""
    return zlib.crc32(" ".join(words).encode("utf-8"))


def _runs(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    n = MIN_QUOTE_WORDS
    return {words[i : i + n] for i in range(len(words) - n + 1)}


_SHIFT = 24
_MASK = (1 << _SHIFT) - 1


def _holding(index: array[int], run: int) -> list[int]:
    """The quotations an index (hash << 24 | quotation, sorted) holds for ``run``."""
    start = bisect_left(index, run << _SHIFT)
    end = bisect_left(index, (run + 1) << _SHIFT, start)
    return [value & _MASK for value in index[start:end]]


def contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """True when ``shorter`` appears as a contiguous run in ``longer``."""
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


class Ledger:
    """Every contribution of the newsroom, indexed for the comparisons."""

    def __init__(self, contributions: dict[str, Contribution]) -> None:
        self.contributions = contributions
        self.quotes = [q for c in contributions.values() for q in c.quotes]
        if len(self.quotes) > _MASK:
            raise ValueError(f"a ledger holds at most {_MASK:,} quotations")
        # every run of five words (by its hash: the words are compared at the end) with
        # the quotation holding it, and every quotation by the run it opens with, as
        # sorted arrays of hash << 24 | quotation: 8 bytes a run, even for an archive
        runs: list[int] = []
        first: list[int] = []
        for i, entry in enumerate(self.quotes):
            hashes = quote_runs(entry.words)
            runs.extend(h << _SHIFT | i for h in set(hashes))
            first.append(hashes[0] << _SHIFT | i)
        self._runs = array("q", sorted(runs))
        self._first = array("q", sorted(first))
        del runs, first
        self.figures: dict[str, list[FigureEntry]] = {}
        self._bounds: dict[str, tuple[float, float]] = {}
        for contribution in contributions.values():
            for figure in contribution.figures:
                self.figures.setdefault(figure.key, []).append(figure)

    def bounds(self, key: str) -> tuple[float, float]:
        """The least and the greatest value any article gives the quantity ``key``."""
        if key not in self._bounds:
            values = [f.value for f in self.figures.get(key, ())]
            self._bounds[key] = (min(values), max(values)) if values else (0.0, 0.0)
        return self._bounds[key]

    def conflict(self, quote: QuoteEntry) -> QuoteEntry | None:
        """The first quotation of another article with the same words and another speaker.

        One quotation must hold the other whole. A longer one holds every run of ours, so
        it is among the holders of our rarest run; a shorter one opens with a run of ours.
        Looking only there keeps the check near linear when a phrase is in many articles.
        """
        from editorial.lint.quotes.cues import same_speaker

        runs = set(quote_runs(quote.words))
        if not any(
            self.quotes[i].path != quote.path for run in runs for i in _holding(self._runs, run)
        ):
            return None  # no five words of it are in another article
        mine = _speaker_key(quote.speaker)
        words = quote.words
        holders = min((_holding(self._runs, run) for run in runs), key=len, default=[])
        openers = [i for run in runs for i in _holding(self._first, run)]
        for i in sorted({*holders, *openers}):
            entry = self.quotes[i]
            if entry.path == quote.path or _speaker_key(entry.speaker) == mine:
                continue
            if same_speaker(quote.speaker, entry.speaker):
                continue
            longer, shorter = (
                (entry.words, words) if len(entry.words) >= len(words) else (words, entry.words)
            )
            if contains(longer, shorter):
                return entry
        return None


def contribution_of(ctx: Any, parts: frozenset[str] = PARTS) -> Contribution:
    """What the context's article adds to the ledger (its analyses are reused): the
    ``parts`` asked for, "quotes" (needs the quotations attributed) and "figures"."""
    from editorial.lint.facts.analysis import facts_for, within_tolerance
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
                claim.fact is not None and within_tolerance(figure, claim.fact),
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
        # matched by its unit (whose first word the figure's unit shares) or a keyword
        words = normal_unit(fact.unit).split()[:1]
        return ("any", *(_stem(w) for w in words), *(k.lower() for k in fact.keywords))
    unit = key[1][1] if isinstance(key[1], tuple) else None
    if not isinstance(unit, str):
        return ()
    return ("all", *(_stem(w) for w in unit.split()))


def _stem(word: str) -> str:
    """What every written form of a singular unit word contains: units are singular
    by dropping an "s" or turning "ies" into "y" ("orders", "cities")."""
    return word[:-1] if word.endswith("y") and len(word) > 3 else word


_MARK = "\x01"
_OPENING = '“"«„‘‹「'
_MARKS = str.maketrans(dict.fromkeys(_OPENING, _MARK))


class Sketch:
    """A quick look at an article's text, to tell without analysing it that it cannot
    conflict with the articles being linted. Two quotations conflict when one holds the
    other (five words or more): so the other article must hold one of ours whole, or
    open a quotation with five of our words in a row. A figure conflicts only with one of
    the same unit, so the unit's words must be there. It only ever errs towards analysing.
    """

    def __init__(self, text: str) -> None:
        from editorial.lint.quotes.names import fold

        # the words as quotations are compared: folded, lowercase, no apostrophes; an
        # opening quotation mark is kept as a word of its own
        lowered = (fold(text) if not text.isascii() else text).lower()
        self.text = lowered.replace("’", "").replace("'", "")
        words = " ".join(_tokens().findall(self.text)).translate(_MARKS).replace(",", "")
        self.words = f" {words} "
        self._seen: dict[str, bool] = {}
        self._runs: set[str] | None = None

    def has(self, word: str) -> bool:
        if word not in self._seen:
            self._seen[word] = word in self.text
        return self._seen[word]

    def _windows(self) -> set[str]:
        """Every run of five words of the text, as :attr:`Wanted.whole` begins."""
        if self._runs is None:
            tokens = self.words.split()
            n = MIN_QUOTE_WORDS
            self._runs = {" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}
        return self._runs

    def _holds_whole(self, wanted: Wanted) -> bool:
        """True when the text holds one of many quotations whole. One can be here only
        where its first five words are: those are looked up among the text's runs of five
        words (one set lookup each) before the text is searched."""
        words = self.words
        if any(phrase in words for phrase in wanted.short):
            return True
        windows = self._windows()
        starts = wanted.starts
        if len(starts) < len(windows):
            found = [start for start in starts if start in windows]
        else:
            found = [window for window in windows if window in starts]
        return any(phrase in words for start in found for phrase in starts[start])

    def may_quote(self, wanted: Wanted) -> bool:
        words = self.words
        if len(wanted.whole) <= FEW_PHRASES:
            if any(phrase in words for phrase in wanted.whole):
                return True
        elif self._holds_whole(wanted):
            return True
        if wanted.runs:
            tokens = words.split()
            opened = {
                " ".join(tokens[i + 1 : i + 1 + MIN_QUOTE_WORDS])
                for i, token in enumerate(tokens)
                if token == _MARK
            }
            if opened & wanted.runs:
                return True
        # "%" is "percent" and "30" may be written "thirty": word by word
        return any(
            all(self.has(w) for w in run if w.isalpha() and w != "percent") for run in wanted.loose
        )

    def may_state(self, terms: set[tuple[str, ...]]) -> bool:
        for term in terms:
            if not term:
                return True  # nothing to go on: analyse
            mode, *words = term
            if mode == "all" and self._after_number(words):
                return True  # "4,100 eviction orders"
            if mode == "any" and (
                (words and self._after_number(words[:1])) or any(k in self.text for k in words[1:])
            ):
                return True  # a registry fact: its unit after a number, or a keyword
        return False

    def _after_number(self, stems: Sequence[str]) -> bool:
        """The unit's words in a row, at most six words after a number."""
        unit = r"\s+".join(rf"{re.escape(w)}\w*" for w in stems)
        return (
            re.search(
                rf"(?:\d|\b(?:{_number_words()})\b)\S*(?:\s+\S+){{0,6}}?\s+{unit}", self.words
            )
            is not None
        )


@cache
def _number_words() -> str:
    from editorial.lint.facts.figures import units

    data = units()
    words = [*data["number_words"], *data["scales"], "dozen", "hundred", "thousand", "million"]
    return "|".join(re.escape(str(w).lower()) for w in sorted(set(words), key=len, reverse=True))


@dataclass
class Wanted:
    """What another article must hold to conflict with a quotation of ours: one of them
    whole (``whole``, as phrases of :attr:`Sketch.words`), or five of its words in a row
    just after an opening quotation mark (``runs``), or, for words a text may write
    otherwise (numerals, percentages), each of the words somewhere (``loose``)."""

    whole: set[str] = field(default_factory=set)
    runs: set[str] = field(default_factory=set)
    loose: set[tuple[str, ...]] = field(default_factory=set)
    starts: dict[str, set[str]] = field(default_factory=dict)  # the whole by first five words
    short: set[str] = field(default_factory=set)  # the whole of fewer than five words

    def add_whole(self, words: tuple[str, ...]) -> None:
        phrase = f" {' '.join(words)} "
        self.whole.add(phrase)
        if len(words) < MIN_QUOTE_WORDS:
            self.short.add(phrase)
        else:
            self.starts.setdefault(" ".join(words[:MIN_QUOTE_WORDS]), set()).add(phrase)


def _plain(words: tuple[str, ...]) -> bool:
    return all(w.isalpha() and w != "percent" for w in words)


def wanted_quotes(contributions: list[Contribution]) -> Wanted:
    """What another article must hold to conflict with the quotations of ``contributions``."""
    wanted = Wanted()
    for contribution in contributions:
        for quote in contribution.quotes:
            if not _plain(quote.words):
                # a quotation of ours or one inside it: each holds a run of ours whole
                wanted.loose |= _runs(quote.words)
                continue
            wanted.add_whole(quote.words)
            wanted.runs |= {" ".join(run) for run in _runs(quote.words)}
    return wanted


@cache
def _tokens() -> re.Pattern[str]:
    from editorial.lint.quotes.verify import TOKEN

    return re.compile(rf"{TOKEN.pattern}|[{_OPENING}]")


def wanted_terms(contributions: list[Contribution]) -> set[tuple[str, ...]]:
    return {f.terms for c in contributions for f in c.figures}
