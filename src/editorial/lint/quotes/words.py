"""Word lists kept as data in ``editorial/data``: speech verbs, titles, attribution nouns."""

from __future__ import annotations

import re
from functools import cache

from editorial.data import word_list

__all__ = ["alternation", "word_list"]


def alternation(entries: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of ``entries``, longest first, spaces matching any whitespace.

    Lowercase ASCII entries are written as a tree of their shared beginnings
    (``said|says|sa`` as ``sa(?:id|ys)?``): it matches exactly what the flat list would,
    as two branches never start with the same character, and each place of the text is
    tried against a few first letters instead of every entry (a speech-verb scan of an
    article: 0.68 ms -> 0.15 ms)."""
    unique = set(entries)
    if all(e.isascii() and e == e.lower() and e for e in unique):
        return _tree(unique)
    ordered = sorted(unique, key=len, reverse=True)
    return "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in ordered)


_Node = dict[str, "_Node"]
_END = ""


def _tree(entries: set[str]) -> str:
    root: _Node = {}
    for entry in entries:
        node = root
        for token in entry:  # each space is a \s+, as in the flat list
            node = node.setdefault(token, {})
        node[_END] = {}
    return _branches(root)


def _branches(node: _Node) -> str:
    """The pattern of a node: its branches, then nothing when an entry ends there (the
    greedy ``?`` tries the longer entries first)."""
    branches = [
        (r"\s+" if token == " " else re.escape(token)) + _branches(child)
        for token, child in sorted(node.items())
        if token != _END
    ]
    if not branches:
        return ""
    if len(branches) > 1:
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if _END in node else body
    return f"(?:{branches[0]})?" if _END in node else branches[0]


@cache
def speech_verbs() -> str:
    """Speech verbs as a regex alternation: the listed forms and every finite form of the
    speech acts ("accuses", "accused")."""
    finite, _progressive = speech_acts()
    return alternation([*word_list("speech_verbs"), *finite])


# Verbs whose object is who was spoken to or of, never who spoke: "told CNBC", "urged Congress".
_ADDRESSEE_VERBS = frozenset(
    (
        *("told", "tells", "told reporters", "reminded", "reminds", "assured", "assures"),
        *("urged", "urges", "described", "describes", "questioned", "characterized"),
        *("characterised", "summarized", "summarised"),
    )
)


@cache
def inverting_verbs() -> str:
    """The speech verbs that may come before their subject ("said X", "adds Y"), as a regex
    alternation; verbs of speaking to or of someone take an object there instead."""
    return alternation([v for v in word_list("speech_verbs") if v not in _ADDRESSEE_VERBS])


@cache
def progressive_acts() -> str:
    """The -ing forms of the speech acts, as a regex alternation ("is accusing")."""
    return alternation(speech_acts()[1])


@cache
def speech_acts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The finite forms (third person, past) and the -ing forms of every speech act in
    ``data/speech_acts.txt``; a line's extra words are its irregular forms."""
    finite: list[str] = []
    progressive: list[str] = []
    for line in word_list("speech_acts"):
        lemma, *irregular = line.split()
        ing = [form for form in irregular if form.endswith("ing")]
        past = [form for form in irregular if not form.endswith("ing")] or [_past(lemma)]
        finite += [_third(lemma), *past]
        progressive += ing or [_ing(lemma)]
    return tuple(dict.fromkeys(finite)), tuple(dict.fromkeys(progressive))


def _third(lemma: str) -> str:
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _ing(lemma: str) -> str:
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        return lemma[:-1] + "ing"
    return lemma + "ing"


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of ``data/<name>.txt`` as a set, for membership tests."""
    return frozenset(word_list(name))


_HEAD_STOP = frozenset(
    ("who", "that", "which", "of", "from", "at", "in", "with", "for", "on", "whose", "close")
)


def head_noun(words: list[str]) -> str | None:
    """The head noun of a phrase whose first word is a determiner ("the", "a", "his"): the
    last word before a preposition or a relative ("the union of dockworkers" -> "union")."""
    head = None
    for word in words[1:]:
        bare = word.strip(",.;:").lower()
        if bare in _HEAD_STOP:
            break
        head = bare
    return head


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
