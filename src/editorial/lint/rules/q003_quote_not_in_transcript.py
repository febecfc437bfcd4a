"""Q003 quote-not-in-transcript."""

from __future__ import annotations

from collections.abc import Iterator

from editorial.lint.quotes.analysis import analysis_for
from editorial.lint.quotes.diff import describe, word_changes
from editorial.lint.quotes.finder import Quotation
from editorial.lint.rule import Fix, LintContext, Rule, Violation
from editorial.lint.rules._fixtures import panel
from editorial.lint.rules.q001_quote_unattributed import _short

_CLOSING = ".,;:!?… "  # punctuation a quotation ends with, inside its marks


class QuoteNotInTranscript(Rule):
    """A quotation that its speaker's transcript does not contain verbatim.

    **What it catches.** The article lists transcripts, the quotation's speaker speaks in
    them, and the quoted words are not there in that order. Case, punctuation, accents and
    the kind of quotation mark or dash do not count; "…" stands for omitted words and
    ``[brackets]`` for a few substituted words. The message gives the closest passage,
    who said it, where, and how close it is, and then the differences word by word: words
    changed (“what” for “how much”), added, or left out without an ellipsis.

    **Why it matters.** A quotation is a promise that the person said exactly these words.
    A paraphrase inside quotation marks is a misquote, the error that most harms a
    publication.

    **How to fix.** Quote the transcript exactly, mark omissions with "…" and
    substitutions with brackets, or paraphrase without quotation marks.
    ``editorial lint --unsafe-fixes`` puts the transcript's words in place of the
    quotation's when the closest passage is the speaker's own (check the sentence reads
    well after it).
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
                yield ctx.at_body(q.start, q.end, message)
                continue
            when = f", {near.timestamp}" if near.timestamp else f", line {near.line}"
            changes = word_changes(check.text, near.text)
            message = (
                f"“{_short(check.text)}” is not what {speaker.name} said verbatim; closest "
                f"({near.score:.0%}): {near.speaker} in {near.transcript}{when}: "
                f"“{_short(near.text, 120)}”"
            ) + (f"; word by word: {describe(changes)}" if changes else "")
            fix = None
            if analysis.is_speaker(speaker)(near):
                fix = _requote(ctx, q, near.text)
            yield ctx.at_body(
                q.start, q.end, message, f"quote the transcript exactly: “{near.text}”", fix
            )


def _requote(ctx: LintContext, q: Quotation, said: str) -> Fix | None:
    """An unsafe fix putting the transcript's words in place of the quotation's, keeping
    the quotation's own closing punctuation ("…get,” Ortiz said"); only for a quotation in
    one paragraph, within its marks."""
    if q.kind == "block" or len(q.parts) != 1:
        return None
    start, end = q.parts[0]
    words = ctx.body[start:end]
    if "\n\n" in words:
        return None
    kept = len(words) - len(words.rstrip(_CLOSING))
    text = said.rstrip(_CLOSING) + words[len(words) - kept :] if kept else said
    return ctx.body_fix(start, end, text, safe=False)
