"""F005 date-inconsistent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from editorial.lint.facts.dates import find_dates
from editorial.lint.rule import LintContext, Rule, Violation, example

LEAD_BLOCKS = 2  # paragraphs in which a date is taken to be the event's
EVENT_WINDOW_DAYS = 10
_EVENT = "title: T\nslug: example\nauthors: [ana-ruiz]\nevent: {name: Panel, date: 2025-03-14}\n"


class DateInconsistent(Rule):
    """A weekday that does not match its date, or a date that contradicts the front matter.

    **What it catches.** "Tuesday, March 3, 2025" when March 3, 2025 was a Monday; a date
    that does not exist ("February 30"); and, in the first paragraphs, a date close to the
    front matter's ``event.date`` but not equal to it. A date without a year is read in the
    year of ``event.date``, else of publication, else the current year.

    **Why it matters.** A wrong weekday or date in the lead is the first thing a reader who
    was there notices, and it undermines everything after it.

    **How to fix.** Check the calendar and the event's date; correct the text or the front
    matter. ``editorial lint --fix`` writes the weekday of the date when the year is written
    or is the event's (with a guessed year, only ``--unsafe-fixes`` does).
    """

    code = "F005"
    name = "date-inconsistent"
    severity = "error"
    must_fail = (
        example("The panel met on Tuesday, March 3, 2025, in Rosario.\n"),
        example("The panel met on Thursday, March 14.\n", _EVENT),
        example("The panel met on March 12 in Rosario.\n", _EVENT),
        example("Leap day: Friday, 29 February 2023.\n"),
    )
    must_pass = (
        example("The panel met on Friday, March 14, 2025, in Rosario.\n"),
        example("The panel met on Friday, March 14.\n", _EVENT),
        example("Leap day fell on a Thursday, February 29, 2024.\n"),
        example("The treaty was signed on May 2, 1998; the panel met on March 14.\n", _EVENT),
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        meta = ctx.article.meta
        assert meta is not None
        event = meta.event.date if meta.event else None
        when = meta.published_at or meta.publish_at or meta.created_at
        year = event.year if event else (when.year if when else dt.datetime.now(dt.UTC).year)
        mentions = find_dates(ctx.body, year)
        lead_end = _lead_end(ctx.body)
        for mention in mentions:
            if mention.date is None:
                yield ctx.at_body(
                    mention.start, mention.end, f"“{mention.text}” is not a date that exists"
                )
                continue
            actual = mention.date.strftime("%A")
            if mention.weekday and mention.weekday != actual:
                # the weekday is the match's first word; trusting the date is safe when
                # its year is written or is the event's, not when it is guessed
                weekday_end = mention.start + len(mention.weekday)
                sure = mention.year_given or event is not None
                yield ctx.at_body(
                    mention.start,
                    mention.end,
                    f"“{mention.text}”: {mention.date.strftime('%B %-d, %Y')} was a {actual}",
                    f"write “{actual}”, or check the date",
                    ctx.body_fix(mention.start, weekday_end, actual, safe=sure),
                )
                continue
            if (
                event is not None
                and mention.start < lead_end
                and mention.date != event
                and abs((mention.date - event).days) <= EVENT_WINDOW_DAYS
            ):
                yield ctx.at_body(
                    mention.start,
                    mention.end,
                    f"“{mention.text}” contradicts the event's date in the front matter "
                    f"({event.strftime('%A, %B %-d, %Y')})",
                    "correct the text or event.date",
                )


def _lead_end(body: str) -> int:
    """The offset where the lead (the first paragraphs of prose) ends."""
    count, at = 0, 0
    for paragraph in body.split("\n\n"):
        at += len(paragraph) + 2
        stripped = paragraph.strip()
        if stripped and not stripped.startswith("#"):
            count += 1
            if count >= LEAD_BLOCKS:
                break
    return at
