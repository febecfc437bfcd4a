"""C001 citation-undefined."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.facts.analysis import facts_for
from editorial.lint.rule import LintContext, Rule, Violation, example
from editorial.lint.rules._facts_fixtures import CITED_FRONT


class CitationUndefined(Rule):
    """A citation marker with no entry in ``citations``, or a footnote never defined.

    **What it catches.** ``[@id]`` (also ``[@a; @b]``, ``[@id, p. 4]``) whose ``id`` is not
    in the front matter's ``citations``, and ``[^label]`` with no ``[^label]: …`` line.

    **Why it matters.** The published page renders citations as a numbered list; an
    undefined one is a broken promise of a source, usually a typo in the key.

    **How to fix.** Add the citation to the front matter, or correct the key.
    """

    code = "C001"
    name = "citation-undefined"
    severity = "error"
    must_fail = (
        example("Water use rose [@basin-repot].\n", CITED_FRONT),
        example("Water use rose.[^1]\n"),
        example("Water use rose [@report; @other, p. 4].\n", CITED_FRONT),
    )
    must_pass = (
        example("Water use rose [@report, p. 4].\n", CITED_FRONT),
        example("Water use rose.[^1]\n\n[^1]: Basin report, 2024.\n"),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        meta = ctx.article.meta
        assert meta is not None
        known = {c.id for c in meta.citations}
        analysis = facts_for(ctx)
        for marker in analysis.citations.markers:
            if marker.footnote:
                if marker.key not in analysis.citations.footnotes:
                    yield ctx.at_body(
                        marker.start,
                        marker.end,
                        f"footnote [^{marker.key}] is never defined",
                        f"add a line “[^{marker.key}]: …” at the end of the article",
                    )
                continue
            if marker.key not in known:
                close = sorted(known, key=lambda k: _distance(k, marker.key))[:1]
                yield ctx.at_body(
                    marker.start,
                    marker.end,
                    f"citation '@{marker.key}' is not in the front matter's citations",
                    f"did you mean '@{close[0]}'?" if close else "add it under citations",
                )


def _distance(a: str, b: str) -> int:
    import difflib

    return int(100 * (1 - difflib.SequenceMatcher(None, a, b).ratio()))
