"""F006 figure-conflict."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.facts.analysis import fmt
from editorial.lint.rule import Example, NewsroomContext, Rule, Violation
from editorial.lint.rules.f003_figure_inconsistent import SAME

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
    scope = "newsroom"
    ledger_parts = frozenset({"figures"})
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

    def check_newsroom(self, ctx: NewsroomContext) -> Iterator[Violation]:
        for figure in ctx.mine.figures:
            for other in ctx.ledger.figures.get(figure.key, ()):
                if other.path == ctx.path:
                    continue
                if abs(other.value - figure.value) > SAME * max(
                    abs(other.value), abs(figure.value)
                ):
                    yield Violation(
                        figure.start,
                        figure.end,
                        f"{other.path} states this as “{other.text}” ({fmt(other.value)}), "
                        f"not {fmt(figure.value)}",
                        "check which figure is current and correct the other article",
                    )
                    break
