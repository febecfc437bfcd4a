"""Q004 quote-misattributed."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.quotes.analysis import analysis_for
from editorial.lint.rule import LintContext, Rule, Violation
from editorial.lint.rules._fixtures import panel
from editorial.lint.rules.q001_quote_unattributed import _short


class QuoteMisattributed(Rule):
    """A quotation that the transcript gives, word for word, to someone else.

    **What it catches.** The quoted words are in one of the article's transcripts, but
    never in the mouth of the person the article names; the message names the real
    speaker and where they said it. When two people said the same words, the article may
    credit either of them.

    **Why it matters.** Putting a quotation in the wrong mouth misrepresents two people at
    once, and is among the corrections publications most regret.

    **How to fix.** Attribute the quotation to the person the transcript names.
    """

    code = "Q004"
    name = "quote-misattributed"
    severity = "error"
    must_fail = (
        panel("“The basin does not care about borders,” Minister Okafor said.\n"),
        panel(
            "Rafael Ortiz was blunt. “No treaty survives a drought it was never written for,” he said.\n"
        ),
    )
    must_pass = (
        panel("“The basin does not care about borders,” Dr. Fernández said.\n"),
        panel("Okafor Nwosu said: “No treaty survives a drought it was never written for.”\n"),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        analysis = analysis_for(ctx)
        for check in analysis.checks:
            speaker, verdict = check.speaker, check.verdict
            if speaker is None or verdict is None or not verdict.matches:
                continue
            if check.attribution.kind == "description":
                continue
            if verdict.said_by(analysis.is_speaker(speaker)):
                continue
            real = verdict.matches[0]
            when = f", {real.timestamp}" if real.timestamp else ""
            q = check.quotation
            yield ctx.at_body(
                q.start,
                q.end,
                f"“{_short(check.text)}” is attributed to {speaker.name}, but {real.speaker} "
                f"said it ({real.transcript}, line {real.line}{when})",
                f"attribute it to {real.speaker}",
            )
