"""F006 figure-conflict."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.facts.analysis import facts_for, figure_ledger_for, fmt
from editorial.lint.rule import Example, LintContext, Rule, Violation
from editorial.lint.rules.f003_figure_inconsistent import SAME, comparable

_FRONT = "---\ntitle: T\nslug: example\nauthors: [ana-ruiz]\n---\n"
_OTHER = "---\ntitle: Other\nslug: other\nauthors: [ana-ruiz]\n---\nCourts issue 4,000 eviction orders a year [@x].\n"


class FigureConflict(Rule):
    """Another article of the newsroom states the same quantity with a different value.

    **What it catches.** A figure that another draft or published article states
    differently: the same registry fact, or the same specific unit and rate ("eviction
    orders a year").

    **Why it matters.** A newsroom that prints two numbers for one thing loses the
    reader's trust in both; often one article used an older source.

    **How to fix.** Check which figure is current, correct the other article (a correction,
    if it is published), and add the figure to the registry.
    """

    code = "F006"
    name = "figure-conflict"
    severity = "warning"
    must_fail = (
        Example(
            text=f"{_FRONT}Courts issue 3,000 eviction orders a year [@x].\n",
            files={"published/other.md": _OTHER},
        ),
    )
    must_pass = (
        Example(
            text=f"{_FRONT}Courts issue 4,000 eviction orders a year [@x].\n",
            files={"published/other.md": _OTHER},
        ),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        here = ctx.newsroom.relative(ctx.article.path)
        ledger = figure_ledger_for(ctx)
        for claim in facts_for(ctx).claims:
            key = comparable(claim)
            if key is None:
                continue
            value = claim.figure.value
            for entry in ledger.get(key, ()):
                if entry.path == here:
                    continue
                if abs(entry.value - value) > SAME * max(abs(entry.value), abs(value)):
                    figure = claim.figure
                    yield ctx.at_body(
                        figure.start,
                        figure.end,
                        f"{entry.path} states this as “{entry.text}” ({fmt(entry.value)}), "
                        f"not {fmt(value)}",
                        "check which figure is current and correct the other article",
                    )
                    break
