"""A date that no calendar has ("Feb. 30", "Sept. 31", "Feb. 29, 2017").

**What it flags.** A month and day that do not exist (April, June,
September and November have 30 days; February 28, or 29 in a leap year),
written in any form factlint reads as a date ("Sept. 31", "February 30,
2017", "2/30/2017", "2017-02-30"), and February 29 in a stated year that is
no leap year. A misspelt month ("Sepember 30") is not read as a date at all.

**Why.** An impossible date is a slip of the finger or of the notes, and
the reader cannot tell which day was meant; nothing else in the story can
be checked against it (weekday, tense, other stories).

**Example.**

    The council approved the budget on Sept. 31.

**Fix.** Check the source and write the real date ("Sept. 30" or "Oct. 1").
No automatic fix is offered: only the source knows the day.
"""

from __future__ import annotations

from collections.abc import Iterator

from factlint import Document, DocumentRule, Facts, Finding, Severity


class ImpossibleDate(DocumentRule):
    code = "FL306"
    name = "impossible-date"
    severity = Severity.ERROR
    requires = ("dates",)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        for expression in facts.get_list("dates"):
            if getattr(expression, "impossible", False):
                yield self.finding(
                    document,
                    expression.start,
                    expression.end,
                    f'"{expression.text}" is not in the calendar; check the day with the source',
                    subject=expression.text.lower(),
                )


RULE = ImpossibleDate
