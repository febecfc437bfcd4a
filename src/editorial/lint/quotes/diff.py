"""What a quotation changed of what was said: a word-level comparison of the quotation
with the closest transcript passage, in words a reporter can act on."""

from __future__ import annotations

from difflib import SequenceMatcher

from editorial.lint.quotes.verify import token_spans

MAX_CHANGES = 4  # listed in a message; the rest are counted
_ELLIPSIS = ("…", "...")


def word_changes(quote: str, passage: str) -> list[str]:
    """The differences between ``quote`` and ``passage``, word by word: “what” for “how
    much” (changed), “indeed” is not in the transcript (added), “really” left out
    (dropped without an ellipsis). Case, punctuation and accents do not count; words left
    out at an ellipsis and words in [brackets] are the quotation's right."""
    quoted = list(token_spans(quote))
    said = list(token_spans(passage))
    matcher = SequenceMatcher(
        a=[w for w, _s, _e in quoted], b=[w for w, _s, _e in said], autojunk=False
    )
    changes: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        ours = quote[quoted[i1][1] : quoted[i2 - 1][2]] if i2 > i1 else ""
        theirs = passage[said[j1][1] : said[j2 - 1][2]] if j2 > j1 else ""
        if ours and _bracketed(quote, quoted[i1][1], quoted[i2 - 1][2]):
            continue  # an editor's substitution, marked as such
        if op == "replace":
            changes.append(f"“{ours}” for “{theirs}”")
        elif op == "delete":
            changes.append(f"“{ours}” added")
        elif 0 < i1 < len(quoted):
            # the matcher may place the left-out words up to their own length away from
            # the ellipsis that marks them (a repeated word shifts them)
            reach = j2 - j1
            before = quoted[max(0, i1 - 1 - reach)][2]
            after = quoted[min(len(quoted) - 1, i1 + reach)][1]
            if not _elided(quote, before, after):
                changes.append(f"“{theirs}” left out")
    return changes


def describe(changes: list[str]) -> str:
    """The changes as one clause: at most :data:`MAX_CHANGES`, then how many more."""
    shown = "; ".join(changes[:MAX_CHANGES])
    rest = len(changes) - MAX_CHANGES
    return shown + (f"; and {rest} more" if rest > 0 else "")


def _elided(quote: str, start: int, end: int) -> bool:
    between = quote[start:end]
    return any(mark in between for mark in _ELLIPSIS)


def _bracketed(quote: str, start: int, end: int) -> bool:
    opened = quote.rfind("[", 0, start)
    return opened >= 0 and quote.rfind("]", 0, start) < opened and "]" in quote[end:]
