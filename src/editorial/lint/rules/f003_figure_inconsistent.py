"""F003 figure-inconsistent."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.facts.analysis import Claim, facts_for, fmt
from editorial.lint.facts.figures import units
from editorial.lint.ledger import differ as values_differ
from editorial.lint.rule import LintContext, Rule, Violation, example
from editorial.lint.rules._facts_fixtures import registry


def comparable(claim: Claim) -> tuple[object, ...] | None:
    """What makes two figures the same quantity: the same registry fact, or the same
    specific unit (two words or more, or a rate) and rate; None when too generic to say."""
    figure = claim.figure
    if claim.fact is not None:
        return ("fact", claim.fact.id)
    if figure.kind == "count" and figure.unit:
        words = figure.unit.split()
        if len(words) < 2 and figure.rate is None:
            return None
        if words[0] in units()["generic"]:
            return None
    if figure.kind != "count":
        return None  # "$2.4 million a year" and "$1 million a year" are seldom one quantity
    return ("unit", figure.key)


def differ(a: Claim, b: Claim) -> bool:
    return values_differ(a.figure.value, b.figure.value)


class FigureInconsistent(Rule):
    """The same quantity stated with different values in one article.

    **What it catches.** Two figures with the same specific unit and rate ("4,000 eviction
    orders a year" and later "3,500 eviction orders a year"), or two figures stating the same
    registry fact, whose values differ by more than rounding.

    **Why it matters.** Readers notice, and one of the two is wrong.

    **How to fix.** Check the source and use one figure throughout; if both are right,
    say what each one counts.
    """

    code = "F003"
    name = "figure-inconsistent"
    severity = "error"
    must_fail = (
        example(
            "Courts issue 4,000 eviction orders a year [@x].\n\nAbout 3,500 eviction orders a year are enforced [@x].\n"
        ),
        registry(
            "Withdrawals reached 4,200 cubic hectometres.\n\nLater: withdrawals of 3,000 cubic hectometres.\n"
        ),
        registry(
            "Courts issued 4,100 eviction orders.\n\nJudges signed 3,000 contested residential "
            "eviction orders.\n"
        ),
    )
    must_pass = (
        example(
            "Courts issue 4,000 eviction orders a year [@x]. Over 4,000 eviction orders annually.\n"
        ),
        example("The fire drew 300 firefighters and 200 firefighters more came [@x].\n"),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        seen: dict[object, Claim] = {}
        for claim in facts_for(ctx).claims:
            key = comparable(claim)
            if key is None:
                continue
            first = seen.get(key)
            if first is None:
                seen[key] = claim
                continue
            if differ(first, claim):
                line = ctx.document.body_position(first.figure.start).line
                figure = claim.figure
                yield ctx.at_body(
                    figure.start,
                    figure.end,
                    f"“{figure.text}” contradicts “{first.figure.text}” on line {line} "
                    f"({fmt(figure.value)} vs {fmt(first.figure.value)})",
                    "use one figure throughout, or say what each one counts",
                )
