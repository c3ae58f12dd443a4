"""A weekday that does not match its date ("Tuesday, July 5, 2017" was a Wednesday).

**What it flags.** A date written with its weekday, in any form
("Tuesday, July 5, 2017", "Tuesday (July 5)", "on Tuesday, Jul. 5",
"Wed., July 5", "July 5 (Wednesday)", "2019-03-05 (Monday)", "Wednesday,
5 July 2017", "Wednesday the 5th"), when that date falls on another day of
the week. A date without a year takes the year of its nearest occurrence to
the story's publication date; "Wednesday the 5th" takes the month whose 5th
is nearest it. The message says which day the date really is.

**Why.** One half is wrong, and a reader cannot tell which; weekday-date
pairs are among the most common errors in copy written from notes.

**Example.**

    The council will vote Tuesday, July 5, 2017.

**Fix.** Check the calendar and the source: either the weekday or the date
is wrong. No automatic fix is offered, because nobody knows which half to
change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from factlint import Document, DocumentRule, Facts, Finding, Severity
from factlint.facts.dates import WEEKDAYS


class WeekdayMismatch(DocumentRule):
    code = "FL301"
    name = "weekday-mismatch"
    severity = Severity.ERROR
    requires = ("dates",)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        for expression in facts.get_list("dates"):
            if expression.kind != "absolute" or not expression.weekday or not expression.value:
                continue
            date = dt.date.fromisoformat(expression.value)
            actual = WEEKDAYS[date.weekday()].capitalize()
            if actual.lower() != expression.weekday.lower():
                year_note = ""
                if expression.how.startswith("month and year"):
                    year_note = " (month and year taken from the publication date)"
                elif not expression.year_stated:
                    year_note = " (year taken from the publication date)"
                yield self.finding(
                    document,
                    expression.start,
                    expression.end,
                    f"{date:%B} {date.day}, {date.year}{year_note} is a {actual},"
                    f" not a {expression.weekday.capitalize()}",
                )


RULE = WeekdayMismatch
