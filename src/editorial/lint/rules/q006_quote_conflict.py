"""Q006 quote-conflict."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.quotes.analysis import analysis_for, ledger_for
from editorial.lint.quotes.attribution import same_speaker
from editorial.lint.quotes.verify import normal_tokens
from editorial.lint.rule import Example, LintContext, Rule, Violation
from editorial.lint.rules._fixtures import PEOPLE_FRONT, people

_OTHER = """\
---
title: Other
slug: other
authors: [ana-ruiz]
people:
  - {id: fernandez, name: Lucía Fernández}
---
“The basin does not care about borders, and neither does the drought,” Fernández said.
"""


class QuoteConflict(Rule):
    """Another article of the newsroom gives the same quotation to a different speaker.

    **What it catches.** The same words (at least five, one quotation containing the
    other) appear in another draft or published article, attributed to someone else.

    **Why it matters.** One of the two articles is wrong, and a published one may need a
    correction. Quotations travel between pieces (a preview, the event summary, a later
    feature) and an error in one tends to be copied.

    **How to fix.** Check the transcript or the reporter's notes, then correct whichever
    article is wrong.
    """

    code = "Q006"
    name = "quote-conflict"
    severity = "warning"
    must_fail = (
        Example(
            text=f"---\n{PEOPLE_FRONT}---\n“The basin does not care about borders,” Okafor Nwosu said.\n",
            files={"published/other.md": _OTHER},
        ),
    )
    must_pass = (
        Example(
            text=f"---\n{PEOPLE_FRONT}---\n“The drought does not care about borders,” Okafor Nwosu said.\n",
            files={"published/other.md": _OTHER},
        ),
        people("“The basin does not care about borders,” Okafor Nwosu said.\n"),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        here = ctx.newsroom.relative(ctx.article.path)
        ledger = ledger_for(ctx)
        for check in analysis_for(ctx).checks:
            speaker = check.speaker
            if speaker is None or check.attribution.kind == "description":
                continue
            words = tuple(normal_tokens(check.text))
            if len(words) < 5:
                continue
            for entry in ledger.overlapping(words):
                if entry.path != here and not same_speaker(speaker, entry.speaker):
                    q = check.quotation
                    yield ctx.at_body(
                        q.start,
                        q.end,
                        f"{entry.path} attributes these words to {entry.speaker.name}, "
                        f"not {speaker.name}",
                        "check the transcript or notes and correct the article that is wrong",
                    )
                    break
