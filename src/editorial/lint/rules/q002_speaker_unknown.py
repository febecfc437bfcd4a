"""Q002 speaker-unknown."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.quotes.analysis import analysis_for
from editorial.lint.rule import LintContext, Rule, Violation
from editorial.lint.rules._fixtures import people
from editorial.lint.rules.q001_quote_unattributed import _short


class SpeakerUnknown(Rule):
    """A quotation attributed to someone who is not among the article's people.

    **What it catches.** The quotation's speaker is named ("…,” said Julián Méndez) but
    neither the front matter's ``people`` nor the article's authors include that name, an
    alias, or the surname. Unnamed sources described as such ("a tenant who asked not to
    be named") are not flagged.

    **Why it matters.** ``people`` is the fact-checker's list of who speaks in the piece,
    with titles and roles checked once; a name missing from it is a name nobody checked,
    often a misspelling ("Fernandes" for "Fernández").

    **How to fix.** Add the person to ``people`` with their full name, title and role, or
    correct the spelling of the name in the text.
    """

    code = "Q002"
    name = "speaker-unknown"
    severity = "error"
    must_fail = (
        people("“Owners are not banks, and they cannot wait,” said Julián Méndez.\n"),
        people("“Owners are not banks, and they cannot wait,” Rafael Ortis said.\n"),
    )
    must_pass = (
        people("“Owners are not banks, and they cannot wait,” said Rafael Ortiz.\n"),
        people("A tenant who asked not to be named said: “We moved three times in two years.”\n"),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for check in analysis_for(ctx).checks:
            attribution = check.attribution
            if attribution.kind != "name" or check.speaker is None:
                continue
            q = check.quotation
            yield ctx.at_body(
                q.start,
                q.end,
                f"“{_short(check.text)}” is attributed to {check.speaker.name}, "
                "who is not in the front matter's people",
                f"add {check.speaker.name} to people (name, title, role), or correct the name",
            )
