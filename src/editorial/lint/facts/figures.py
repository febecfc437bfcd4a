"""Figures in the body: counts, money and percentages, with the noun that names them, a
qualifier ("more than") and a rate ("a year"), normalised so that "more than 4,000
evictions annually" and "over 4,000 evictions a year" are one claim.

Not figures: years, dates, times, ordinals, numbers inside quotations, links, code and
citation markers; small counts (under 100), small sums without a rate (under 1,000) and
durations ("forty years"), which are description rather than statistics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Literal

import yaml

from editorial.lint.quotes.finder import find_quotations

Kind = Literal["count", "money", "percent"]
MIN_COUNT = 100
MIN_MONEY = 1000


@cache
def units() -> dict[str, Any]:
    text = files("editorial").joinpath("data", "units.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@dataclass(frozen=True)
class Figure:
    """A quantity stated in the body, at body offsets ``start``-``end``."""

    start: int
    end: int
    text: str
    value: float
    kind: Kind
    unit: str | None
    noun: str | None
    qualifier: str | None
    rate: str | None
    phrase: str = ""  # the whole noun phrase after the number, modifiers and all

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        """What quantity this is, for comparing two figures."""
        return (self.kind, self.unit, self.rate)


def singular(word: str) -> str:
    """A rough singular: "orders" -> "order", "hectometres" -> "hectometre", "people" stays."""
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def normal_unit(text: str) -> str:
    return " ".join(singular(w) for w in re.findall(r"[a-z%]+", text.lower()))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    u = units()
    symbols = sorted(u["currencies"]["symbols"], key=len, reverse=True)
    scale = "|".join(sorted(u["scales"], key=len, reverse=True))
    words = "|".join(sorted(u["number_words"], key=len, reverse=True))
    big = "thousand|million|billion|trillion"
    word_number = (
        rf"(?:(?:a|one|half\s+a)\s+(?:{big}|dozen)|(?:{words})(?:[\s-]+(?:and\s+)?(?:{words}|{big}))*"
        rf"(?:\s+and\s+a\s+half)?(?:\s+(?:{big}))?)"
    )
    qualifiers = [q for group in u["qualifiers"].values() for q in group]
    rates = [r for group in u["rates"].values() for r in group]
    return {
        "number": re.compile(
            rf"(?P<cur>{'|'.join(re.escape(s) for s in symbols)})?\s?"
            r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
            rf"(?:\s?(?P<scale>{scale})\b)?"
            r"(?P<pct>\s?%|\s(?:percent|per\s+cent|percentage\s+points?)\b)?",
        ),
        "words": re.compile(rf"(?<![\w-])(?P<words>{word_number})(?![\w-])", re.I),
        "qualifier": re.compile(rf"(?:^|\s)(?P<q>{_alternation(qualifiers)})\s+$", re.I),
        "rate": re.compile(rf"^[\s,]*(?:[a-z]+\s+){{0,4}}?(?P<rate>{_alternation(rates)})\b", re.I),
        "noun": re.compile(
            r"^\s?(?P<noun>(?:[a-z][a-z'-]*)(?:\s+(?!a\b|an\b|per\b|each\b|every\b|annually\b|yearly\b|daily\b|monthly\b|weekly\b|hourly\b|in\b|of\b|on\b|at\b|to\b|for\b|and\b|or\b|the\b|from\b|by\b|with\b|than\b|that\b|who\b|which\b|was\b|were\b|is\b|are\b|have\b|has\b|had\b)[a-z][a-z'-]*){0,2}(?:\s+of\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b)[a-z][a-z'-]*)?)"
        ),
        "currency_word": re.compile(
            rf"^\s?(?P<cw>{'|'.join(sorted(u['currencies']['words'], key=len, reverse=True))})\b",
            re.I,
        ),
        "date_before": re.compile(rf"(?:{'|'.join(u['months'])})\.?\s+$", re.I),
        "date_after": re.compile(
            rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{'|'.join(u['months'])})\b", re.I
        ),
        "time_after": re.compile(r"^(?:\s?(?:a\.m\.|p\.m\.|am\b|pm\b|h\b|hrs\b)|:\d\d)", re.I),
        "ordinal_after": re.compile(r"^(?:st|nd|rd|th)\b", re.I),
    }


def number_pattern() -> re.Pattern[str]:
    """A number as the finder reads it: groups ``cur``, ``num``, ``scale`` and ``pct``."""
    return _patterns()["number"]


def _alternation(entries: list[str]) -> str:
    return "|".join(re.escape(e) for e in sorted(entries, key=len, reverse=True))


def _word_value(text: str) -> float | None:
    """The value of number words: "thirty thousand", "two and a half", "a million"."""
    u = units()
    words = re.findall(r"[a-z]+", text.lower())
    scales = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
    total, current, half = 0.0, 0.0, False
    i = 0
    while i < len(words):
        word = words[i]
        if word == "and":
            if words[i + 1 : i + 3] == ["a", "half"]:
                half = True
                i += 3
                continue
            i += 1
            continue
        if word in ("a", "one") and i + 1 < len(words) and words[i + 1] in (*scales, "dozen"):
            current = max(current, 1)
            i += 1
            continue
        if word == "half":
            current = 0.5
            i += 2 if i + 1 < len(words) and words[i + 1] == "a" else 1
            continue
        if word == "hundred":
            current = (current or 1) * 100
        elif word in scales:
            current = (current or 1) + (0.5 if half else 0)
            half = False
            total += current * scales[word]
            current = 0
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in u["number_words"]:
            current += float(u["number_words"][word])
        else:
            return None
        i += 1
    value = total + current + (0.5 if half else 0)
    return value if value else None


def find_figures(body: str, masked: str | None = None) -> list[Figure]:
    """Every figure of ``body``, in order. Quotations, code, links and markers are skipped."""
    if masked is None:
        found = find_quotations(body)
        chars = list(found.masked)
        for q in found.quotations:
            chars[q.start : q.end] = " " * (q.end - q.start)
        masked = "".join(chars)
    pats = _patterns()
    spans: list[tuple[int, int, float, str | None, bool, str | None]] = []
    for match in pats["number"].finditer(masked):
        raw = match.group("num")
        value = float(raw.replace(",", ""))
        scale = match.group("scale")
        if scale and scale.lower() in ("m", "b", "k") and not match.group("cur"):
            scale = None  # "5 m" is metres, not millions, without a currency
        if scale:
            value *= units()["scales"][scale.lower()]
        end = match.end() if (scale or match.group("pct")) else match.end("num")
        begin = match.start("cur") if match.group("cur") else match.start("num")
        spans.append((begin, end, value, match.group("cur"), bool(match.group("pct")), raw))
    for match in pats["words"].finditer(masked):
        worded = _word_value(match.group("words"))
        if worded is None or any(s <= match.start() < e for s, e, *_ in spans):
            continue
        value = worded
        after = masked[match.end() : match.end() + 30]
        pct = re.match(r"^\s(?:percent|per\s+cent)\b", after, re.I)
        end = match.end() + (pct.end() if pct else 0)
        spans.append((match.start(), end, value, None, bool(pct), None))
    spans.sort()
    figures = []
    for start, end, value, currency_symbol, percent, raw in spans:
        figure = _figure(masked, body, start, end, value, currency_symbol, percent, raw)
        if figure is not None:
            figures.append(figure)
    return figures


def _figure(
    masked: str,
    body: str,
    start: int,
    end: int,
    value: float,
    currency_symbol: str | None,
    percent: bool,
    raw: str | None,
) -> Figure | None:
    pats = _patterns()
    u = units()
    before = masked[max(0, start - 30) : start]
    after = masked[end : end + 80]
    if raw is not None:
        if re.match(r"^[-–/]\d", after) or re.search(r"\d[-–/:]$", before):
            return None  # scores, ranges written as 4-3, ISO dates, times
        if pats["date_before"].search(before) or pats["date_after"].match(after):
            return None
        if pats["time_after"].match(after) or pats["ordinal_after"].match(after):
            return None
        if re.match(r"^[A-Za-z]", after) and not after.startswith(("%",)):
            return None  # "4G", "19th"
        is_year = (
            re.fullmatch(r"(1[5-9]|20)\d\d", raw) is not None
            and not currency_symbol
            and not percent
        )
        if is_year:
            return None
    kind: Kind = "percent" if percent else "count"
    unit: str | None = "%" if percent else None
    currency = u["currencies"]["symbols"].get(currency_symbol) if currency_symbol else None
    noun = None
    tail = after
    if not percent:
        word = pats["currency_word"].match(tail)
        if word:
            currency = u["currencies"]["words"][word.group("cw").lower()]
            tail = tail[word.end() :]
            end += word.end()
        if currency:
            kind, unit = "money", currency
        found = pats["noun"].match(tail)
        if found:
            noun = _noun_phrase(found.group("noun"))
    if kind == "count":
        if noun is None:
            return None
        first = noun.split()[0]
        if first in u["durations"]:
            return None
        if value < MIN_COUNT and float(value).is_integer():
            return None
        unit = normal_unit(noun)
    phrase = normal_unit(_phrase(tail)) if kind == "count" else ""
    qualifier = None
    q = pats["qualifier"].search(masked[max(0, start - 40) : start])
    if q:
        qualifier = q.group("q").lower()
        start = start - (len(masked[max(0, start - 40) : start]) - q.start("q"))
    rate = None
    r = pats["rate"].match(masked[end : end + 60])
    if r and "." not in masked[end : end + r.start("rate")]:
        rate = next(k for k, v in u["rates"].items() if r.group("rate").lower() in v)
    if kind == "money" and value < MIN_MONEY and rate is None:
        return None  # "a $20 taxi": a price in a story, not a statistic
    return Figure(
        start=start,
        end=end,
        text=" ".join(body[start:end].split()),
        value=value,
        kind=kind,
        unit=unit,
        noun=noun,
        qualifier=qualifier,
        rate=rate,
        phrase=phrase,
    )


_VERBS = {
    "depend",
    "depends",
    "live",
    "lives",
    "die",
    "dies",
    "work",
    "works",
    "say",
    "says",
    "are",
    "were",
    "is",
    "was",
    "will",
    "would",
    "could",
    "can",
    "must",
    "may",
    "might",
    "need",
    "needs",
    "remain",
    "remains",
    "go",
    "went",
    "come",
    "came",
    "get",
    "got",
}


_PHRASE_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "per",
        "each",
        "every",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "from",
        "by",
        "with",
        "than",
        "that",
        "who",
        "which",
        "whose",
        "last",
        "this",
        "next",
        "during",
        "since",
        "across",
        "over",
        "under",
        "into",
    ]
)


def _phrase(text: str, limit: int = 6) -> str:
    """The noun phrase after a number, modifiers included ("annual statewide traffic
    fatalities", "drug-related arrests"): up to ``limit`` words, cut at punctuation, a
    function word or a verb."""
    words: list[str] = []
    for match in re.finditer(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]", text[:120]):
        word = match.group(0)
        lowered = word.lower()
        if not word[0].isalpha() or lowered in _PHRASE_STOP or lowered in _VERBS:
            break
        if words and "-" not in word and lowered.endswith(("ed", "ing")):
            break
        words.append(lowered)
        if len(words) == limit:
            break
    return " ".join(words)


def _noun_phrase(text: str) -> str:
    """The noun phrase at the start of ``text``, cut before the first verb-like word."""
    words = text.split()
    kept = words[:1]
    for word in words[1:]:
        if word in _VERBS or (word.endswith(("ed", "ing")) and word != "of"):
            break
        kept.append(word)
    return " ".join(kept)


def qualifier_group(qualifier: str | None) -> str:
    """``"more"``, ``"less"``, ``"about"`` or ``"exact"``."""
    if qualifier is None:
        return "exact"
    for group, words in units()["qualifiers"].items():
        if qualifier in words:
            return str(group)
    return "exact"
