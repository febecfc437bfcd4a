"""S002 punctuation-stray."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editorial.lint.quotes.scan import mask
from editorial.lint.rule import LintContext, Rule, Violation, example

# (pattern, what it is, the replacement of the matched text); the text is masked, so code,
# URLs and markers never match.
PATTERNS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"(?<=\w)[ \t]+([,;:!?])(?=[\s”\"’»]|$)", re.M), "space before punctuation", r"\1"),
    (re.compile(r"(?<=\w)\s+(\.)(?=\s|$)(?!\s*\.)", re.M), "space before a full stop", r"\1"),
    (re.compile(r"([,;:])\1+"), "doubled punctuation", r"\1"),
    (re.compile(r"(?<![.\w])([a-z]{2,})(\.\.)(?!\.)"), "doubled full stop", r"\1."),
    (
        re.compile(r"([.!?])([”\"’»])([,.])"),
        "punctuation on both sides of the closing mark",
        r"\1\2",
    ),
    (re.compile(r",([”\"»])[,.]"), "punctuation on both sides of the closing mark", r",\1"),
    (re.compile(r"(?<=[a-z]),([.;:])"), "comma before another mark", r"\1"),
    (re.compile(r"(?<=[a-z]{3})([;:])([,.])"), "two marks in a row", r"\2"),
]


class PunctuationStray(Rule):
    """Doubled or misplaced punctuation such as ``.”,`` or a space before a comma.

    **What it catches.** A space before a comma, full stop, colon, semicolon, question or
    exclamation mark; doubled commas, colons, semicolons and full stops (an ellipsis is
    fine); punctuation on both sides of a closing quotation mark (``.”,``); a comma right
    before another mark.

    **Why it matters.** These are leftovers of editing: a clause cut without its comma, a
    quotation moved without its punctuation. They read as carelessness.

    **How to fix.** Apply the suggestion, or run ``editorial lint --fix``.
    """

    code = "S002"
    name = "punctuation-stray"
    severity = "warning"
    needs_meta = False
    must_fail = (
        example("The treaty was signed in 1998 , in a wet decade.\n"),
        example("We warned the wrong people,, and too late.\n"),
        example("“It was late.”, she said.\n"),
        example("It was late.. Then it rained.\n"),
    )
    must_pass = (
        example("The treaty was signed in 1998, in a wet decade… and then the rain stopped.\n"),
        example("“It was late,” she said. See `a , b` and [the site](https://x.org/a,,b).\n"),
        example("The U.S., Canada and Mexico signed it, e.g., in 1998.\n"),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        body = ctx.body
        text = mask(body)
        for pattern, what, replacement in PATTERNS:
            for match in pattern.finditer(text):
                if body[match.start() : match.end()] != match.group(0):
                    continue  # a masked marker or link stands there, not a real space
                fixed = match.expand(replacement)
                yield ctx.at_body(
                    match.start(),
                    match.end(),
                    f"{what}: “{match.group(0).strip() or match.group(0)}”",
                    f"write “{fixed}”",
                    ctx.body_fix(match.start(), match.end(), fixed),
                )
