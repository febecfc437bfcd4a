"""Q001 quote-unattributed."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.quotes.analysis import analysis_for
from editorial.lint.rule import LintContext, Rule, Violation
from editorial.lint.rules._fixtures import panel, people


class QuoteUnattributed(Rule):
    """A direct quotation with no identifiable speaker.

    **What it catches.** Text in quotation marks, or a block quote, that no cue ties to a
    person: no speech verb in its sentence ("…,” she said / X said: “…”), no "according
    to", no possessive or colon introduction, no speaker heading above it, no quotation of
    the same paragraph with a known speaker. Terms and titles of three words or fewer with
    no sentence punctuation are not quotations and are never flagged.

    **Why it matters.** A quotation without a speaker cannot be checked, and readers cannot
    weigh it. Wire services and most style guides require attribution for every quote.

    **How to fix.** Name the speaker in the sentence ("…,” Ortiz said). The suggestion
    lists the people named just before the quotation and, when the transcript has the
    words, who said them there.
    """

    code = "Q001"
    name = "quote-unattributed"
    severity = "error"
    must_fail = (
        people("The river is low.\n\n“We will need every drop we can find this summer.”\n"),
        panel("Everyone agreed on one thing: “The basin does not care about borders.”\n"),
    )
    must_pass = (
        people("“We will need every drop we can find,” Ortiz said.\n"),
        people("The treaty has a so-called “drought clause” that no one uses.\n"),
        people("Rafael Ortiz said: “We will need every drop.” “And more,” he added.\n"),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        analysis = analysis_for(ctx)
        for check in analysis.checks:
            if check.speaker is not None:
                continue
            hints = []
            candidates = [c.name for c in check.attribution.candidates]
            if len(candidates) > 1:
                hints.append(f"the text just before names {_listing(candidates)}; say which")
            elif candidates:
                hints.append(f"the text just before names {candidates[0]}; say so if it is theirs")
            verdict = check.verdict
            if verdict is not None and verdict.matches:
                said = verdict.matches[0]
                when = f" at {said.timestamp}" if said.timestamp else ""
                hints.append(f"{said.transcript} gives these words to {said.speaker}{when}")
            q = check.quotation
            yield ctx.at_body(
                q.start,
                q.end,
                f"quotation has no identifiable speaker: “{_short(check.text)}”",
                "; ".join(hints) or "name the speaker in the sentence, e.g. “…,” she said",
            )


def _listing(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
