"""M001 front-matter-invalid."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.rule import Example, LintContext, Rule, Violation, example


class FrontMatterInvalid(Rule):
    """Front matter that is not valid YAML or does not fit the article schema.

    **What it catches.** A file with no front matter, front matter that is not valid YAML,
    a required field that is missing (``title``, ``slug``, ``authors``), a value of the
    wrong kind (a date that is not a date, a slug with capitals or ``../``, an unknown
    workflow state), or a ``slug`` that differs from the file name. The file is not UTF-8
    counts too: the message says which byte on which line.

    **Why it matters.** Every other check, the workflow and publishing read the front
    matter; an article whose front matter cannot be read cannot be checked or published.

    **How to fix.** Open the file at the line given and correct the field the message
    names. Strings with a colon need quotes: ``title: "Drought: the cost"``.
    """

    code = "M001"
    name = "front-matter-invalid"
    severity = "error"
    needs_meta = False
    must_fail = (
        example("Body.\n", 'title: "Unclosed\nslug: example\n'),
        example("Body.\n", "title: Example\nslug: example\nauthors: []\n"),
        example("Body.\n", "title: Example\nslug: Example Slug\nauthors: [ana-ruiz]\n"),
        example("Body.\n", "title: Example\nslug: other\nauthors: [ana-ruiz]\n"),
        Example(text="No front matter at all.\n"),
        Example(text=""),
    )
    must_pass = (example("A short body.\n"),)

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for problem in ctx.article.problems:
            if problem.field is not None:
                loc = [int(p) if p.isdigit() else p for p in problem.field.split(".")]
                yield ctx.at_field(loc, problem.message)
            else:
                yield ctx.at_line(problem.line, problem.message, column=problem.column)
