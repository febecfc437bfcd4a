"""M002 front-matter-unknown-key."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from editorial.lint.rule import LintContext, Rule, Violation, example
from editorial.model.article import ArticleMeta


class FrontMatterUnknownKey(Rule):
    """A front matter key that editorial does not know.

    **What it catches.** A top-level key that is not part of the article schema, most often
    a typo (``auther:``, ``transcript:``) that silently drops what the author meant to say.

    **Why it matters.** A misspelt ``transcripts`` key means quotes are never checked
    against the recording; a misspelt ``citations`` key turns every marker into C001.

    **How to fix.** Rename the key as the suggestion says, or remove it. Keys for your own
    tools can stay: ignore this rule for them with ``[lint] ignore = ["M002"]``.
    """

    code = "M002"
    name = "front-matter-unknown-key"
    severity = "warning"
    needs_meta = False
    must_fail = (
        example(
            "Body.\n", "title: Example\nslug: example\nauthors: [ana-ruiz]\ntranscript: [a.vtt]\n"
        ),
    )
    must_pass = (example("Body.\n"),)

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        known = sorted(ArticleMeta.known_keys())
        for key in ctx.article.unknown_keys:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.7)
            suggestion = f"did you mean '{close[0]}'?" if close else None
            yield ctx.at_field([key], f"unknown front matter key '{key}'", suggestion)
