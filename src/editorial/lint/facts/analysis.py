"""One article's figures, their support and registry facts, its dates and citations: what
the F and C rules read. Computed once per article and lint run."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editorial.lint.facts.citations import Citations, find_citations
from editorial.lint.facts.figures import (
    Figure,
    find_figures,
    normal_unit,
    number_pattern,
    qualifier_group,
    units,
)
from editorial.lint.quotes.analysis import found_for
from editorial.lint.quotes.finder import Found, find_quotations
from editorial.model.article import ArticleMeta
from editorial.model.fact import Fact
from editorial.newsroom.article import Article

# A figure's sentence that names its source in prose: "according to the ministry", "police
# said", "the study found", "data from the census".
_PROSE_SOURCE = re.compile(
    r"\b(?:according\s+to|said|says|say|told|tells|reported|reports|estimated|estimates|"
    r"found|finds|showed|shows|data\s+from|figures\s+from|statistics\s+from|census)\b",
    re.IGNORECASE,
)
_GENERIC_COUNT = {"people", "person", "resident", "inhabitant", "death", "case", "victim"}
_CURRENCY_UNITS = {"usd", "ars", "eur", "gbp", "brl", "jpy", "cny", "dollar", "peso", "euro"}


@dataclass
class Claim:
    """A figure with what supports it."""

    figure: Figure
    sentence: tuple[int, int]
    paragraph: tuple[int, int]
    cited: bool
    fact: Fact | None = None
    attributed: bool = False  # its sentence names its source in prose


@dataclass
class FactsAnalysis:
    """Everything the figure, date and citation rules need about one article."""

    body: str
    citations: Citations
    claims: list[Claim] = field(default_factory=list)


def fact_kind(fact: Fact) -> str:
    unit = fact.unit.strip().lower()
    if unit in ("%", "percent", "per cent", "percentage points"):
        return "percent"
    if unit in _CURRENCY_UNITS or unit in {c.lower() for c in units()["currencies"]["words"]}:
        return "money"
    return "count"


_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z“\"(])")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


class _Sentences:
    """Sentence bounds in a text, its breaks found once per paragraph (a paragraph of
    thousands of figures stays linear)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: dict[tuple[int, int], list[int]] = {}

    def bounds(self, at: int, lo: int, hi: int) -> tuple[int, int]:
        breaks = self._breaks.get((lo, hi))
        if breaks is None:
            breaks = [m.end() for m in _SENTENCE_BREAK.finditer(self.text, lo, hi)]
            self._breaks[(lo, hi)] = breaks
        # the last break whose next sentence starts before ``at``
        i = bisect.bisect_left(breaks, at)
        start = breaks[i - 1] if i else lo
        end_match = _SENTENCE_END.search(self.text, at, hi)
        end = end_match.end() if end_match else hi
        return start, end


def match_fact(claim_text: str, figure: Figure, sentence: str, facts: list[Fact]) -> Fact | None:
    """The registry fact a figure states: by its unit noun, or by a keyword of its sentence.

    A specific unit ("cubic hectometres") is enough; a generic one ("people") needs a
    keyword of the fact in the sentence too; a keyword alone needs a figure whose noun is
    generic or absent.
    """
    best: tuple[int, float, Fact] | None = None
    lowered = sentence.lower()
    figure_words = set((figure.unit or "").split())
    generic_figure = bool(figure_words & _GENERIC_COUNT) or figure.unit is None
    phrase = set(figure.phrase.split())  # the whole noun phrase, modifiers and all
    for fact in facts:
        if fact_kind(fact) != figure.kind:
            continue
        unit = normal_unit(fact.unit)
        unit_words = set(unit.split())
        generic_unit = bool(unit_words & _GENERIC_COUNT)
        by_keyword = any(k.lower() in lowered for k in fact.keywords)
        if figure.kind == "count":
            by_unit = bool(unit_words) and (
                unit_words <= figure_words
                or (figure.unit is not None and figure.unit.split()[0] == unit.split()[0])
            )
            # the fact's unit or a keyword within the figure's whole noun phrase: "over
            # 12,500 annual statewide traffic fatalities" states the traffic-fatalities fact
            in_phrase = (bool(unit_words) and not generic_unit and unit_words <= phrase) or any(
                set(normal_unit(k).split()) <= phrase for k in fact.keywords if normal_unit(k)
            )
            by_unit = by_unit or in_phrase
            score = (1 if generic_unit else 3) if by_unit else 0
            if by_keyword and (by_unit or generic_figure):
                score += 2
            if score < 2:
                continue
        else:
            if not by_keyword and unit not in lowered:
                continue
            score = 2
        distance = abs(figure.value - fact.value) / max(abs(fact.value), 1e-9)
        if best is None or (score, -distance) > (best[0], -best[1]):
            best = (score, distance, fact)
    return best[2] if best else None


QUALIFIER_SLACK = 0.15  # how far "more than X" may be above X, and "nearly X" below it


def within_tolerance(figure: Figure, fact: Fact) -> bool:
    """True when the figure, read with its qualifier, agrees with the registry's value."""
    x, f, t = figure.value, fact.value, fact.tolerance
    group = qualifier_group(figure.qualifier)
    if f == 0:
        return x == 0
    slack = max(t, QUALIFIER_SLACK)
    if group == "more":  # "more than X": the fact is a little above X
        return x * (1 - t) <= f <= x * (1 + slack)
    if group == "less":  # "nearly X": the fact is a little below X
        return x * (1 - slack) <= f <= x * (1 + t)
    allowed = max(t, 0.05) if group == "about" else t
    return abs(x - f) <= allowed * abs(f) + 1e-9


def reference_date(meta: ArticleMeta, today: dt.date) -> dt.date:
    """The day an article speaks from: its publication, else today."""
    if meta.published_at is not None:
        return meta.published_at.date()
    return today


def analyze_facts(article: Article, facts: list[Fact], found: Found | None = None) -> FactsAnalysis:
    """Find the figures, citations and supports of ``article`` (``found``: its quotations,
    when they have been found already)."""
    body = article.body
    citations = find_citations(body)
    found = found if found is not None else find_quotations(body)
    chars = list(found.masked)
    for q in [*found.quotations, *found.terms]:  # no figure inside quotation marks
        chars[q.start : q.end] = " " * (q.end - q.start)
    masked = "".join(chars)
    analysis = FactsAnalysis(body=body, citations=citations)
    blocks = found.blocks
    markers = [m.start for m in citations.markers]
    sentences = _Sentences(body)
    for figure in find_figures(body, masked):
        block = next((b for b in blocks if b.start <= figure.start <= b.end), None)
        lo, hi = (block.start, block.end) if block else (0, len(body))
        sentence = sentences.bounds(figure.start, lo, hi)
        cited = any(sentence[0] <= m < sentence[1] for m in markers) or any(
            lo <= m < hi for m in markers
        )
        text = masked[sentence[0] : sentence[1]]
        fact = match_fact(figure.text, figure, body[sentence[0] : sentence[1]], facts)
        attributed = _PROSE_SOURCE.search(text) is not None
        analysis.claims.append(Claim(figure, sentence, (lo, hi), cited, fact, attributed))
    return analysis


def facts_for(ctx: Any) -> FactsAnalysis:
    """The facts analysis of the context's article, computed once per lint run."""
    cache: dict[Path, FactsAnalysis] = ctx.shared.setdefault("facts", {})
    path = ctx.article.path
    if path not in cache:
        cache[path] = analyze_facts(ctx.article, list(ctx.newsroom.facts.facts), found_for(ctx))
    return cache[path]


def fmt(value: float) -> str:
    """A value as an editor writes it: 4,200 / 2.4 / 12,000,000."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def written_like(value: float, unit: str, figure: Figure) -> str:
    """``value`` of ``unit`` written the way the article writes ``figure``: its currency
    sign, its scale word, its thousands separators and its percent sign, so the registry's
    38,500,000 dollars reads “$38.5 million” beside the article's “$40 million”."""
    match = number_pattern().search(figure.text)
    if match is None:  # a figure in words ("thirty thousand"): digits, grouped
        return f"{fmt(value)} {unit}".strip()
    cur, raw, scale, pct = (match.group(n) or "" for n in ("cur", "num", "scale", "pct"))
    if scale:
        factor = units()["scales"][scale.lower()]
        spacing = figure.text[match.end("num") : match.start("scale")]
        number = fmt(round(value / factor, 2)) + spacing + scale
    elif "," in raw or abs(value) < 10_000:
        number = fmt(value)
    else:
        number = fmt(value).replace(",", "")  # the article writes 12000, not 12,000
    if cur:
        number = cur + figure.text[match.end("cur") : match.start("num")] + number
    currencies = units()["currencies"]
    if (cur and unit.lower() in currencies["words"]) or (pct and normal_unit(unit) == "percent"):
        unit = ""  # the sign says it
    return f"{number}{pct} {unit}".strip()
