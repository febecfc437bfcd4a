"""F001 figure-unsupported."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.facts.analysis import facts_for
from editorial.lint.rule import LintContext, Rule, Violation, example
from editorial.lint.rules._facts_fixtures import CITED_FRONT, registry


class FigureUnsupported(Rule):
    """A figure with no citation in its sentence or paragraph and no registry fact.

    **What it catches.** A count of 100 or more, an amount of money or a percentage, with
    neither a citation marker (``[@id]``, a footnote) in its sentence or paragraph, nor a
    source named in its sentence ("according to the ministry", "police said", "the study
    found"), nor a fact in ``sources/facts.yaml`` whose unit or keywords it names. Years,
    dates, times, ordinals, small counts and numbers inside quotations are not figures.

    **Why it matters.** An unsourced number cannot be checked, and numbers are what readers
    and other outlets repeat.

    **How to fix.** Cite the source (``[@report]``), or add the figure to the fact registry
    once the data desk has checked it.
    """

    code = "F001"
    name = "figure-unsupported"
    severity = "warning"
    must_fail = (
        example("The city spends $2.4 million a year on emergency shelter.\n"),
        example("Unemployment rose to 8.1% in June.\n"),
    )
    must_pass = (
        example(
            "The city spends $2.4 million a year on emergency shelter [@report].\n", CITED_FRONT
        ),
        registry("Withdrawals reached 4,200 cubic hectometres last year.\n"),
        registry("Judges signed 4,150 contested residential eviction orders last year.\n"),
        example("In 2024, on March 14, at 6 a.m., 45 people met for the 3rd time.\n"),
        example("“We spend $2.4 million a year,” the mayor said.\n"),
        example("More than 300 firefighters were sent, officials said.\n"),
        example("Unemployment rose to 8.1% in June, according to the statistics office.\n"),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for claim in facts_for(ctx).claims:
            if claim.cited or claim.attributed or claim.fact is not None:
                continue
            figure = claim.figure
            yield ctx.at_body(
                figure.start,
                figure.end,
                f"figure “{figure.text}” has no source: no citation in its sentence or "
                "paragraph, no source named in its sentence, and no fact in the registry",
                "cite the source with [@id], or add the figure to sources/facts.yaml",
            )
