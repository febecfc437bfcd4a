"""F006 figure-conflict."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.facts.analysis import fmt
from editorial.lint.ledger import FigureEntry, differ
from editorial.lint.rule import Example, NewsroomContext, Rule, Violation
from editorial.lint.rules._facts_fixtures import FACTS

_FRONT = "---\ntitle: T\nslug: example\nauthors: [ana-ruiz]\n---\n"
_OTHER = "---\ntitle: Other\nslug: other\nauthors: [ana-ruiz]\n---\nCourts issue 4,000 eviction orders a year [@x].\n"


class FigureConflict(Rule):
    """Another article of the newsroom states the same quantity with a different value.

    **What it catches.** A figure that another draft or published article states
    differently: the same registry fact, or the same specific unit and rate ("eviction
    orders a year").

    **Why it matters.** A newsroom that prints two numbers for one thing loses the
    reader's trust in both; often one article used an older source.

    A figure the register of facts confirms is not flagged: the other article is the one
    to correct, and F002 says so there.

    **How to fix.** Check which figure is current, correct the other article (a correction,
    if it is published), and add the figure to the registry.
    """

    code = "F006"
    name = "figure-conflict"
    severity = "warning"
    scope = "newsroom"
    ledger_reach = "shared"
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
        Example(  # ours is the register's figure; the other article gets F002
            text=f"{_FRONT}Courts issue 4,100 eviction orders a year [@x].\n",
            files={
                "published/other.md": _OTHER.replace("4,000", "3,000"),
                "sources/facts.yaml": FACTS,
            },
        ),
    )

    def check_newsroom(self, ctx: NewsroomContext) -> Iterator[Violation]:
        theirs: dict[str, list[FigureEntry]] = {}  # per quantity, other articles' figures
        for figure in ctx.mine.figures:
            if figure.settled:
                continue  # the register confirms ours: the other article has F002 to fix
            # the values that agree with ours are an interval: when the least and the
            # greatest value of the newsroom agree, every other one does
            if not any(differ(v, figure.value) for v in ctx.ledger.bounds(figure.key)):
                continue
            if figure.key not in theirs:
                theirs[figure.key] = [
                    o for o in ctx.ledger.figures.get(figure.key, ()) if o.path != ctx.path
                ]
            for other in theirs[figure.key]:
                if differ(other.value, figure.value):
                    yield Violation(
                        figure.start,
                        figure.end,
                        f"{other.path} states this as “{other.text}” ({fmt(other.value)}), "
                        f"not {fmt(figure.value)}",
                        "check which figure is current and correct the other article",
                    )
                    break
