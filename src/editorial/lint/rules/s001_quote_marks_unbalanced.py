"""S001 quote-marks-unbalanced."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.quotes.analysis import found_for
from editorial.lint.rule import LintContext, Rule, Violation, example


class QuoteMarksUnbalanced(Rule):
    """An opening quotation mark never closed in its paragraph, or a closing mark never
    opened.

    **What it catches.** “ « „ or an opening " with no closing mark before the end of the
    paragraph, unless the next paragraph reopens the quotation (the convention for
    quotations that run over several paragraphs); and ” » closing nothing.

    **Why it matters.** An open quotation makes the reader (and the quotation checker)
    take the rest of the paragraph as the speaker's words.

    **How to fix.** Close the quotation where the speaker's words end.
    """

    code = "S001"
    name = "quote-marks-unbalanced"
    severity = "error"
    needs_meta = False
    must_fail = (
        example("“We warned the wrong people, and too late, he said.\n"),
        example("He said it twice.” Then he left.\n"),
    )
    must_pass = (
        example("“We warned the wrong people,” he said.\n"),
        example(
            "“First paragraph of a long quotation.\n\n“Second and last paragraph,” she said.\n"
        ),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        found = found_for(ctx)
        for mark in found.unbalanced:
            if mark.opening:
                message = f"opening {mark.mark} is never closed in its paragraph"
                suggestion = "close the quotation where the speaker's words end"
            else:
                message = f"closing {mark.mark} has no opening mark"
                suggestion = "open the quotation where the speaker's words begin"
            yield ctx.at_body(mark.offset, mark.offset + 1, message, suggestion)
