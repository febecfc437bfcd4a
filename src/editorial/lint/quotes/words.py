"""Word lists kept as data in ``editorial/data``: speech verbs, titles, attribution nouns."""

from __future__ import annotations

import re
from functools import cache

from editorial.data import word_list

__all__ = ["alternation", "word_list"]


def alternation(entries: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of ``entries``, longest first, spaces matching any whitespace."""
    ordered = sorted(set(entries), key=len, reverse=True)
    return "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in ordered)


@cache
def speech_verbs() -> str:
    return alternation(word_list("speech_verbs"))


@cache
def titles() -> tuple[str, ...]:
    return word_list("titles")


@cache
def title_pattern() -> str:
    """Titles as a regex, each with an optional period: ``Dr\\.?|Minister|…``."""
    ordered = sorted(titles(), key=len, reverse=True)
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") + r"\.?" for t in ordered)


@cache
def attribution_nouns() -> str:
    return alternation(word_list("attribution_nouns"))


@cache
def not_names() -> frozenset[str]:
    return frozenset(word_list("not_names"))
