"""Dates in the body, for rule F005: a weekday that does not match its date, and a date in
the lead that contradicts the front matter's ``event.date``."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from editorial.lint.quotes.scan import mask

_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_MONTH = "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True))
_DATE = re.compile(
    rf"(?:(?P<weekday>{_DAYS}),?\s+(?:the\s+)?)?"
    rf"(?:(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH})\.?)"
    r"(?:,?\s+(?P<year>\d{4}))?\b"
)


@dataclass(frozen=True)
class DateMention:
    """A date written in the body, at body offsets ``start``-``end``."""

    start: int
    end: int
    text: str
    date: dt.date | None  # None when the day does not exist (February 30)
    weekday: str | None
    year_given: bool


def find_dates(body: str, default_year: int) -> list[DateMention]:
    """Every "Tuesday, March 3, 2025", "3 March", "March 3" of ``body``; dates without a
    year are read in ``default_year``."""
    text = mask(body)
    found = []
    for match in _DATE.finditer(text):
        month = (match.group("month") or match.group("month2") or "").lower()
        day = int(match.group("day") or match.group("day2"))
        year = int(match.group("year")) if match.group("year") else default_year
        number = _MONTHS.get(month)
        if number is None:
            continue
        if (
            month == "may"
            and not match.group("weekday")
            and not match.group("year")
            and match.group("day2") is None
            and not re.match(r"^May\s+\d", match.group(0))
        ):
            continue
        try:
            date: dt.date | None = dt.date(year, number, day)
        except ValueError:
            date = None
        found.append(
            DateMention(
                start=match.start(),
                end=match.end(),
                text=" ".join(body[match.start() : match.end()].split()),
                date=date,
                weekday=match.group("weekday"),
                year_given=bool(match.group("year")),
            )
        )
    return found
