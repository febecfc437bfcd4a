"""C003 citation-incomplete."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.rule import LintContext, Rule, Violation, example

_FRONT = "title: T\nslug: example\nauthors: [ana-ruiz]\ncitations:\n  - {id: report, title: Basin report}\n"
_FULL = (
    "title: T\nslug: example\nauthors: [ana-ruiz]\ncitations:\n"
    "  - {id: report, title: Basin report, publisher: River Basin Authority, url: 'https://rba.example.org'}\n"
)


class CitationIncomplete(Rule):
    """A citation without a title, a publisher or a URL.

    **What it catches.** An entry of ``citations`` missing any of ``title``, ``publisher``
    and ``url``.

    **Why it matters.** The citation list is how readers check the article; "Basin report"
    with no publisher or link cannot be found.

    **How to fix.** Fill in the missing fields.
    """

    code = "C003"
    name = "citation-incomplete"
    severity = "warning"
    must_fail = (example("Water use rose [@report].\n", _FRONT),)
    must_pass = (example("Water use rose [@report].\n", _FULL),)

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        meta = ctx.article.meta
        assert meta is not None
        for i, citation in enumerate(meta.citations):
            missing = [f for f in ("title", "publisher", "url") if not getattr(citation, f)]
            if missing:
                yield ctx.at_field(
                    ["citations", i, "id"],
                    f"citation '{citation.id}' has no {' and no '.join(missing)}",
                    f"add {', '.join(missing)}",
                )
