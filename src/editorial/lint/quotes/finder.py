"""Finding quotations in an article's body.

A quotation is text in double quotation marks (“…”, "…", « », „“) or a Markdown block
quote. A span of three words or fewer with no sentence punctuation inside is a term or a
title ("scare quotes"), not a quotation. A quotation may run over several paragraphs: each
paragraph reopens it and only the last one closes it. Marks that are never closed in their
paragraph, or closed without being opened, are recorded for rule S001.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from editorial.lint.quotes.scan import Block, blocks, mask

# Opening mark -> the marks that close it.
CLOSERS: dict[str, str] = {"“": '”"', "„": "“”", "«": "»", "‟": "”", '"': '"”', "”": '”"'}
OPENERS = "“„«‟"
STRAY_CLOSERS = "”»"
_ANY_MARK = re.compile(f'[{OPENERS}{STRAY_CLOSERS}"]')
_SENTENCE_PUNCT = re.compile(r"[.!?,;:…]")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# the name starts and ends with a letter or mark, not a space: no two ways to split spaces
_DASH_LINE = re.compile(
    r"(?:^|\n)[ \t]*(?:—|–|--|―|-)[ \t]*(?P<who>[^ \t\n](?:[^\n]*[^ \t\n])?)[ \t]*$"
)

QuoteKind = Literal["inline", "block", "heading"]


@dataclass
class Quotation:
    """One quotation: its span in the body (marks included) and its words."""

    start: int
    end: int
    parts: list[tuple[int, int]]
    kind: QuoteKind
    block: int
    last_block: int
    closed: bool = True
    dash_attribution: tuple[int, int] | None = None
    short: bool = False

    def text(self, masked: str) -> str:
        """The words of the quotation, whitespace folded, paragraphs joined by a space."""
        return " ".join(" ".join(masked[a:b].split()) for a, b in self.parts).strip()


@dataclass
class Unbalanced:
    """A quotation mark without its partner, at ``offset`` in the body."""

    offset: int
    mark: str
    opening: bool


@dataclass
class Found:
    """Everything the finder saw in one body."""

    masked: str
    blocks: list[Block]
    quotations: list[Quotation] = field(default_factory=list)
    terms: list[Quotation] = field(default_factory=list)
    unbalanced: list[Unbalanced] = field(default_factory=list)


def is_term(text: str) -> bool:
    """Three words or fewer with no sentence punctuation inside: a term, not a quotation."""
    stripped = text.strip()
    return len(_WORD.findall(stripped)) <= 3 and not _SENTENCE_PUNCT.search(stripped.rstrip())


def is_short(text: str) -> bool:
    """Three words or fewer whose only punctuation ends the span (“the Throat.”, “Wild,”):
    a quotation only when a cue ties it to a speaker, else a term punctuated in the
    American way."""
    stripped = text.strip()
    body = re.sub(r"[.!?,;:…]+$", "", stripped)
    return len(_WORD.findall(stripped)) <= 3 and not _SENTENCE_PUNCT.search(body)


def _opens_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def _leading_mark(text: str) -> tuple[int, str] | None:
    stripped = text.lstrip()
    if stripped and stripped[0] in OPENERS + '"':
        return len(text) - len(stripped), stripped[0]
    return None


def find_quotations(body: str) -> Found:
    """Every quotation, term and unbalanced mark of ``body``, in order."""
    masked = mask(body)
    parts = blocks(masked)
    clean = list(masked)
    for block in parts:  # blank the Markdown prefixes ('#', '>', '-') in the text itself
        clean[block.start : block.end] = block.text
    found = Found(masked="".join(clean), blocks=parts)
    carry: Quotation | None = None  # a quotation left open at the end of the previous block
    carry_mark = ""
    for index, block in enumerate(found.blocks):
        if carry is not None:
            lead = _leading_mark(block.text)
            if block.kind in ("paragraph", "item", "blockquote") and lead and lead[1] == carry_mark:
                carry.last_block = index
                carry, carry_mark = _scan(found, index, block, carry, carry_mark, lead[0] + 1)
                continue
            _close_unclosed(found, carry, carry_mark)
            carry = None
        if block.kind == "blockquote" and not any(m in block.text for m in OPENERS + '"'):
            _add_block_quote(found, index, block)
            continue
        carry, carry_mark = _scan(found, index, block, None, "", 0)
    if carry is not None:
        _close_unclosed(found, carry, carry_mark)
    return found


def _close_unclosed(found: Found, quote: Quotation, mark: str) -> None:
    quote.closed = False
    found.unbalanced.append(Unbalanced(quote.start, mark, opening=True))
    _keep(found, quote)


def _add_block_quote(found: Found, index: int, block: Block) -> None:
    text = block.text
    dash = _DASH_LINE.search(text)
    content_end = len(text)
    attribution = None
    if dash is not None and dash.start() > 0:
        content_end = dash.start()
        attribution = (block.offset(dash.start("who")), block.offset(dash.end("who")))
    lead = len(text) - len(text.lstrip())
    quote = Quotation(
        start=block.offset(lead),
        end=block.offset(len(text[:content_end].rstrip())),
        parts=[(block.offset(lead), block.offset(content_end))],
        kind="block",
        block=index,
        last_block=index,
        dash_attribution=attribution,
    )
    _keep(found, quote)


def _keep(found: Found, quote: Quotation) -> None:
    text = quote.text(found.masked)
    if not text:
        return
    if quote.kind != "block" and quote.closed and is_term(text):
        found.terms.append(quote)
    else:
        quote.short = quote.kind == "inline" and is_short(text)
        found.quotations.append(quote)


def _scan(
    found: Found, index: int, block: Block, carry: Quotation | None, carry_mark: str, begin: int
) -> tuple[Quotation | None, str]:
    """Scan one block; return the quotation still open at its end, if any."""
    text = block.text
    stack: list[tuple[str, int]] = []  # (opening mark, index in text) of nested quotes
    outer = carry
    outer_mark = carry_mark
    part_start = begin if carry is not None else -1
    if carry is not None:
        stack.append((carry_mark, begin - 1))
    i = begin
    while True:
        mark_at = _ANY_MARK.search(text, i)  # the text between marks needs no look
        if mark_at is None:
            break
        i = mark_at.start()
        c = text[i]
        if stack:
            mark, _ = stack[-1]
            closes = c in CLOSERS[mark] and not (c == "“" and mark == "“")
            if c == '"' and mark != '"' and _opens_straight(text, i):
                closes = False
            if closes:
                stack.pop()
                if not stack and outer is not None:
                    outer.parts.append((block.offset(part_start), block.offset(i)))
                    outer.end = block.offset(i + 1)
                    _keep(found, outer)
                    outer = None
                i += 1
                continue
            if c in OPENERS or (c == '"' and _opens_straight(text, i)):
                if c == mark and len(stack) == 1 and (i == 0 or text[i - 1].isspace()):
                    # the same mark opening again: the previous quotation was left open
                    if outer is not None:
                        outer.parts.append((block.offset(part_start), block.offset(i)))
                        outer.end = block.offset(i)
                        _close_unclosed(found, outer, mark)
                    stack.clear()
                else:
                    stack.append((c, i))
                    i += 1
                    continue
            else:
                i += 1
                continue
        # nothing open here
        if c == '"' and i > 0 and text[i - 1].isdigit():
            i += 1  # inches: 5'10"
            continue
        opening = c in OPENERS or (c == '"' and _opens_straight(text, i))
        if not opening and c == "”" and _opens_straight(text, i):
            opening = True  # a closing mark used to open
        if not opening:
            found.unbalanced.append(Unbalanced(block.offset(i), c, opening=False))
            i += 1
            continue
        stack = [(c, i)]
        outer_mark = c
        part_start = i + 1
        outer = Quotation(
            start=block.offset(i),
            end=block.offset(i + 1),
            parts=[],
            kind="heading" if _is_pull_quote(block, i) else "inline",
            block=index,
            last_block=index,
        )
        i += 1
    if outer is not None and stack:
        outer.parts.append((block.offset(part_start), block.offset(len(text.rstrip()))))
        outer.end = block.offset(len(text.rstrip()))
        return outer, outer_mark
    return None, ""


def _is_pull_quote(block: Block, i: int) -> bool:
    """A heading that is itself a quotation: it begins with the opening mark."""
    return block.kind == "heading" and not block.text[:i].strip(" *_")
