"""F002 figure-contradicts-registry."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.facts.analysis import facts_for, within_tolerance, written_like
from editorial.lint.rule import LintContext, Rule, Violation
from editorial.lint.rules._facts_fixtures import registry


class FigureContradictsRegistry(Rule):
    """A figure that names a registry fact but differs from it beyond its tolerance.

    **What it catches.** A figure whose unit noun or sentence matches a fact of
    ``sources/facts.yaml`` ("4,900 cubic hectometres" when the registry says 4,200 with a
    tolerance of 10%). Qualifiers count: "more than X" agrees with a fact a little above X,
    "nearly X" with one a little below it. The message gives the registry's value, source
    and date, the figure written the way the article writes its own ("$38.5 million" beside
    "$40 million").

    **Why it matters.** The registry holds the figures the data desk has checked; an article
    that differs from it is either wrong or knows something the desk should hear about.

    **How to fix.** Use the registry's figure, or update the registry with the new source.
    """

    code = "F002"
    name = "figure-contradicts-registry"
    severity = "error"
    must_fail = (
        registry("Withdrawals reached 4,900 cubic hectometres last year.\n"),
        registry("Courts issue nearly 2,000 eviction orders a year.\n"),
        registry("Judges signed over 9,000 contested residential eviction orders last year.\n"),
    )
    must_pass = (
        registry("Withdrawals reached 4,300 cubic hectometres last year.\n"),
        registry("Courts issue more than 4,000 eviction orders a year.\n"),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for claim in facts_for(ctx).claims:
            fact, figure = claim.fact, claim.figure
            if fact is None or within_tolerance(figure, fact):
                continue
            source = fact.source
            origin = ", ".join(
                part for part in (source and source.title, source and source.publisher) if part
            )
            dated = f", as of {fact.as_of.isoformat()}" if fact.as_of else ""
            registered = written_like(fact.value, fact.unit, figure)
            yield ctx.at_body(
                figure.start,
                figure.end,
                f"“{figure.text}” differs from the registry's {registered} "
                f"(fact '{fact.id}'{': ' + origin if origin else ''}{dated}; tolerance "
                f"{fact.tolerance:.0%})",
                f"use the registry's figure: {registered}",
            )
