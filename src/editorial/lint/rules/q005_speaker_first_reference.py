"""Q005 speaker-first-reference."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.quotes.analysis import analysis_for
from editorial.lint.rule import LintContext, Rule, Violation
from editorial.lint.rules._fixtures import people


class SpeakerFirstReference(Rule):
    """The first reference to a quoted person is not their full name.

    **What it catches.** A person who is quoted in the article is first mentioned by
    surname, alias or title + surname ("Ortiz said…") before, or without, their full name
    ("Rafael Ortiz"). Titles before the full name are fine ("Minister Amara Okafor Nwosu").

    **Why it matters.** Style guides ask for the full name on first reference so readers
    know exactly who is speaking; a surname alone is ambiguous and often signals that an
    introduction was cut in editing.

    **How to fix.** Use the full name, with title or role, the first time the person
    appears; use the surname after that.
    """

    code = "Q005"
    name = "speaker-first-reference"
    severity = "warning"
    must_fail = (
        people("Ortiz, who chairs the cooperative, said: “We want to know what we will get.”\n"),
    )
    must_pass = (
        people(
            "Rafael Ortiz chairs the cooperative. “We want to know what we will get,” Ortiz said.\n"
        ),
        people("Minister Amara Okafor Nwosu said: “No treaty survives a drought.”\n"),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        analysis = analysis_for(ctx)
        assert ctx.article.meta is not None
        people = {p.id for p in ctx.article.meta.people}
        quoted = {
            c.speaker.id
            for c in analysis.checks
            if c.speaker is not None and c.speaker.id in people
        }
        text = list(analysis.found.masked)
        for q in analysis.found.quotations:
            text[q.start : q.end] = " " * (q.end - q.start)
        seen: set[str] = set()
        for start, end, who in analysis.names.mentions("".join(text)):
            if who.id is None or who.id in seen or who.id not in quoted:
                continue
            seen.add(who.id)
            written = analysis.found.masked[start:end]
            if analysis.names.is_full_reference(written, who.id):
                continue
            yield ctx.at_body(
                start,
                end,
                f"first reference to {who.name} is “{' '.join(written.split())}”",
                f"use the full name on first reference: {who.name}",
            )
