"""M003 source-missing."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.quotes.analysis import analysis_for
from editorial.lint.rule import LintContext, Rule, Violation, example
from editorial.lint.rules._fixtures import PANEL_VTT

_FRONT = "title: T\nslug: example\nauthors: [ana-ruiz]\ntranscripts: [panel.vtt]\n"


class SourceMissing(Rule):
    """A transcript listed in the front matter that does not exist or cannot be read.

    **What it catches.** A name under ``transcripts`` with no file in sources/, a file
    that is not UTF-8, or a ``.vtt`` file that is not valid WebVTT.

    **Why it matters.** Quotations are verified against the transcripts the article
    lists; a missing one means its quotations are silently not checked.

    **How to fix.** Put the transcript in sources/ under that name, or correct the name.
    """

    code = "M003"
    name = "source-missing"
    severity = "error"
    must_fail = (
        example("Body.\n", _FRONT),
        example("Body.\n", _FRONT, {"sources/panel.vtt": "not a vtt file\n"}),
    )
    must_pass = (example("Body.\n", _FRONT, {"sources/panel.vtt": PANEL_VTT}),)

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for problem in analysis_for(ctx).problems:
            if problem.index is None:
                continue
            yield ctx.at_field(["transcripts", problem.index], problem.message)
