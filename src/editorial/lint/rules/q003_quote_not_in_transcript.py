"""Q003 quote-not-in-transcript."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.quotes.analysis import analysis_for
from editorial.lint.rule import LintContext, Rule, Violation
from editorial.lint.rules._fixtures import panel
from editorial.lint.rules.q001_quote_unattributed import _short


class QuoteNotInTranscript(Rule):
    """A quotation that its speaker's transcript does not contain verbatim.

    **What it catches.** The article lists transcripts, the quotation's speaker speaks in
    them, and the quoted words are not there in that order. Case, punctuation, accents and
    the kind of quotation mark or dash do not count; "…" stands for omitted words and
    ``[brackets]`` for a few substituted words. The message gives the closest passage,
    who said it, where, and how close it is.

    **Why it matters.** A quotation is a promise that the person said exactly these words.
    A paraphrase inside quotation marks is a misquote, the error that most harms a
    publication.

    **How to fix.** Quote the transcript exactly, mark omissions with "…" and
    substitutions with brackets, or paraphrase without quotation marks.
    """

    code = "Q003"
    name = "quote-not-in-transcript"
    severity = "error"
    must_fail = (
        panel(
            "“We are not asking for more water, we want to know what we will get,” Ortiz said.\n"
        ),
        panel("Rafael Ortiz said: “We are asking for more water.”\n"),
    )
    must_pass = (
        panel(
            "“We are not asking for more water. We are asking to know how much we will get,” Ortiz said.\n"
        ),
        panel("“We are not asking … to know how much we will get,” Rafael Ortiz said.\n"),
        panel("“[Farmers] are asking to know how much we will get,” Rafael Ortiz said.\n"),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        analysis = analysis_for(ctx)
        for check in analysis.checks:
            speaker, verdict = check.speaker, check.verdict
            if speaker is None or verdict is None or check.attribution.kind == "description":
                continue
            if verdict.matches or not analysis.speaker_in_transcripts(speaker):
                continue
            q = check.quotation
            near = verdict.closest
            if near is None or verdict.status == "none":
                message = (
                    f"“{_short(check.text)}” is not in the transcripts, nor anything close to it"
                )
                suggestion = None
            else:
                when = f", {near.timestamp}" if near.timestamp else f", line {near.line}"
                message = (
                    f"“{_short(check.text)}” is not what {speaker.name} said verbatim; closest "
                    f"({near.score:.0%}): {near.speaker} in {near.transcript}{when}: "
                    f"“{_short(near.text, 120)}”"
                )
                suggestion = f"quote the transcript exactly: “{near.text}”"
            yield ctx.at_body(q.start, q.end, message, suggestion)
