"""Q006 quote-conflict."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.rule import Example, NewsroomContext, Rule, Violation
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
    scope = "newsroom"
    ledger_reach = "shared"
    ledger_parts = frozenset({"quotes"})
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

    def check_newsroom(self, ctx: NewsroomContext) -> Iterator[Violation]:
        for quote in ctx.mine.quotes:
            other = ctx.ledger.conflict(quote)
            if other is not None:
                yield Violation(
                    quote.start,
                    quote.end,
                    f"{other.path} attributes these words to {other.speaker.name}, "
                    f"not {quote.speaker.name}",
                    "check the transcript or notes and correct the article that is wrong",
                )
