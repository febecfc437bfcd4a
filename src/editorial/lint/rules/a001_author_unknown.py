"""A001 author-unknown."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.rule import LintContext, Rule, Violation, example


class AuthorUnknown(Rule):
    """A byline author with no ``authors/<slug>.md`` file.

    **What it catches.** A slug in the article's ``authors`` list that names no file in
    the newsroom's authors/ folder.

    **Why it matters.** The byline, the "About the authors" section and the two-person
    approval rule all read the author file; a typo in a slug publishes a nameless byline.

    **How to fix.** Correct the slug, or create ``authors/<slug>.md`` with a ``name`` and
    a bio of at least 20 words.
    """

    code = "A001"
    name = "author-unknown"
    severity = "error"
    must_fail = (example("Body.\n", "title: Example\nslug: example\nauthors: [nobody-here]\n"),)
    must_pass = (example("Body.\n"),)

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        meta = ctx.article.meta
        assert meta is not None
        for i, slug in enumerate(meta.authors):
            if not ctx.newsroom.author_path(slug).is_file():
                known = [a.slug for a in ctx.newsroom.authors()]
                hint = f"known authors: {', '.join(known)}" if known else None
                yield ctx.at_field(
                    ["authors", i], f"author '{slug}' has no file authors/{slug}.md", hint
                )
