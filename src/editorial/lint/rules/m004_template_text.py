"""M004 template-text."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.rule import LintContext, Rule, Violation, example
from editorial.newsroom.create import TEMPLATE_TEXT


class TemplateText(Rule):
    """The body still holds the placeholder that ``editorial new`` wrote.

    **What it catches.** A line reading "Write the article here." in the body: the draft
    was created but never written, or the placeholder was left under the text.

    **Why it matters.** A template is not an article. Without this rule an empty draft has
    nothing else to fail on and could be submitted, approved and published.

    **How to fix.** Write the article, and delete the placeholder line.
    """

    code = "M004"
    name = "template-text"
    severity = "error"
    must_fail = (
        example(f"\n# Panel weighs the treaty\n\n{TEMPLATE_TEXT}\n"),
        example(f"The panel met on Tuesday.\n\n{TEMPLATE_TEXT}\n"),
    )
    must_pass = (
        example("The panel met on Tuesday.\n"),
        example(f"She told us to “{TEMPLATE_TEXT.lower()}” and left.\n"),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        body = ctx.body
        at = 0
        while (found := body.find(TEMPLATE_TEXT, at)) >= 0:
            at = found + len(TEMPLATE_TEXT)
            line_start = body.rfind("\n", 0, found) + 1
            line_end = body.find("\n", at)
            line = body[line_start : line_end if line_end >= 0 else len(body)]
            if line.strip() == TEMPLATE_TEXT:
                yield ctx.at_body(
                    found,
                    at,
                    "the body still holds the placeholder that 'editorial new' wrote",
                    "write the article and delete this line",
                )
