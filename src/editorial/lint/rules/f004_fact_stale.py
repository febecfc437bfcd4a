"""F004 fact-stale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from editorial.lint.facts.analysis import facts_for, reference_date
from editorial.lint.rule import LintContext, Rule, Violation
from editorial.lint.rules._facts_fixtures import registry


class FactStale(Rule):
    """The registry fact behind a figure is older than its ``max_age_days``.

    **What it catches.** A figure that matches a fact of ``sources/facts.yaml`` whose
    ``as_of`` date is more than ``max_age_days`` before the article's date (its publication
    date, or today for a draft).

    **Why it matters.** A checked figure goes out of date: last decade's eviction count
    presented as this year's is a quiet error.

    **How to fix.** Find the newer figure and update the registry (``value``, ``as_of``,
    ``source``), or say in the text when the figure is from.
    """

    code = "F004"
    name = "fact-stale"
    severity = "warning"
    must_fail = (registry("Courts issue more than 4,000 eviction orders a year.\n"),)
    must_pass = (registry("Withdrawals reached 4,200 cubic hectometres last year.\n"),)

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        meta = ctx.article.meta
        assert meta is not None
        today = reference_date(meta, dt.datetime.now(dt.UTC).date())
        for claim in facts_for(ctx).claims:
            fact = claim.fact
            if fact is None or not fact.is_stale(today) or fact.as_of is None:
                continue
            age = (today - fact.as_of).days
            figure = claim.figure
            yield ctx.at_body(
                figure.start,
                figure.end,
                f"“{figure.text}” rests on fact '{fact.id}' as of {fact.as_of.isoformat()}, "
                f"{age} days old (max_age_days: {fact.max_age_days})",
                "update the registry with a newer figure, or date the figure in the text",
            )
