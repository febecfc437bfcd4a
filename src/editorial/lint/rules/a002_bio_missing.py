"""A002 bio-missing."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.errors import InputError
from editorial.lint.rule import Example, LintContext, Rule, Violation, example

MIN_BIO_WORDS = 20
_FRONT = "title: Example\nslug: example\nauthors: [tom-becker]\n"


class BioMissing(Rule):
    """A byline author whose file has no bio, a bio under 20 words, or cannot be read.

    **What it catches.** The body of ``authors/<slug>.md`` is empty or shorter than 20
    words, or the file's front matter is broken (no ``name``, invalid YAML).

    **Why it matters.** Published pages end with "About the authors"; readers and partner
    sites expect to know who wrote the piece and why they are placed to write it.

    **How to fix.** Write two or three sentences in the author file: role, beat, past work.
    """

    code = "A002"
    name = "bio-missing"
    severity = "error"
    must_fail = (
        example(
            "Body.\n", _FRONT, {"authors/tom-becker.md": "---\nname: Tom Becker\n---\nShort.\n"}
        ),
        example("Body.\n", _FRONT, {"authors/tom-becker.md": "---\ntitle: [\n---\nBio.\n"}),
    )
    must_pass = (
        Example(
            text=f"---\n{_FRONT}---\nBody.\n",
            files={
                "authors/tom-becker.md": "---\nname: Tom Becker\n---\n"
                "Tom Becker covers water, energy and the courts for the newsroom. He spent "
                "ten years at regional papers before joining the investigations desk.\n"
            },
        ),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        meta = ctx.article.meta
        assert meta is not None
        for i, slug in enumerate(meta.authors):
            try:
                author = ctx.newsroom.author(slug)
            except InputError as exc:
                yield ctx.at_field(["authors", i], f"author file cannot be read: {exc}")
                continue
            if author is None:
                continue
            if author.bio_words < MIN_BIO_WORDS:
                yield ctx.at_field(
                    ["authors", i],
                    f"authors/{slug}.md has a bio of {author.bio_words} words "
                    f"(at least {MIN_BIO_WORDS} expected)",
                    "write two or three sentences about the author under the front matter",
                )
