"""C002 citation-unused."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.facts.analysis import facts_for
from editorial.lint.rule import LintContext, Rule, Violation, example
from editorial.lint.rules._facts_fixtures import CITED_FRONT


class CitationUnused(Rule):
    """A citation entry, or a footnote definition, that no marker uses.

    **What it catches.** An entry of the front matter's ``citations`` whose id appears in no
    ``[@id]`` marker, and a ``[^label]: …`` definition with no ``[^label]`` in the text.

    **Why it matters.** An unused source is either a marker that was edited out (and a
    claim that lost its source) or clutter in the citation list.

    **How to fix.** Cite it where the text relies on it, or remove the entry.
    """

    code = "C002"
    name = "citation-unused"
    severity = "warning"
    must_fail = (
        example("Water use rose last year.\n", CITED_FRONT),
        example("Water use rose.\n\n[^1]: Basin report, 2024.\n"),
    )
    must_pass = (example("Water use rose [@report].\n", CITED_FRONT),)

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        meta = ctx.article.meta
        assert meta is not None
        analysis = facts_for(ctx)
        used = analysis.citations.keys()
        for i, citation in enumerate(meta.citations):
            if citation.id not in used:
                yield ctx.at_field(
                    ["citations", i, "id"],
                    f"citation '{citation.id}' is never cited with [@{citation.id}]",
                    "cite it where the text relies on it, or remove it",
                )
        referenced = {m.key for m in analysis.citations.markers if m.footnote}
        for label, offset in analysis.citations.footnotes.items():
            if label not in referenced:
                yield ctx.at_body(
                    offset, offset + len(label) + 3, f"footnote [^{label}] is never referenced"
                )
