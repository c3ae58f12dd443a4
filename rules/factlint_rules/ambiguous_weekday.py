"""A weekday with "next", "last" or "this" that readers can take for two dates.

**What it flags.** "next Friday", "last Tuesday" and "this Thursday" when
the two common readings fall on different days: "next Friday" in a story of
Tuesday, July 4, is the Friday three days on (July 7) to some readers and
the Friday of next week (July 14) to others; "last Tuesday" in a story of
Thursday is two days back or nine; "this Monday" in a story of Wednesday is
two days back or five on. The message says which date factlint read (the
nearest in the direction the word points; for "this", the one of the
publication date's week, Monday to Sunday) and the other reading. When both
readings agree ("next Monday" in a story of Thursday, "last Friday" in a
story of Monday or of Sunday, "last Saturday" in a story of Saturday, "this
Thursday" in a story of Tuesday) nothing is flagged, nor is a weekday inside
a direct quotation (a speaker's words are not the writer's to change). A
story with no publication date is left to FL304.

**Why.** AP style uses the weekday alone for dates within a week of the
publication date ("Friday") and the date beyond that ("July 14"): "next" and
"last" add nothing but doubt, and a reader who takes the wrong week misses
the meeting.

**Example.**

    The council will vote next Friday.      (story of Tuesday, July 4, 2017)

**Fix.** Write "Friday" for July 7, or the date ("July 14") for the Friday
after. Severity: info.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from factlint import Document, DocumentRule, Facts, Finding, Severity
from factlint.facts.dates import WEEKDAYS


def readings(
    relation: str, target: int, published: dt.date, read: dt.date
) -> tuple[dt.date, dt.date]:
    """The date factlint read and the other common reading of "next/last/this
    <weekday>" in a story of ``published``: the same weekday of the next,
    previous or current calendar week (weeks start on Monday), or a week on
    from the nearest one when that is the same day."""
    if target == published.weekday() and relation in ("next", "last"):
        return read, read  # "last Saturday" in a Saturday story: a week ago, nothing else
    monday = published - dt.timedelta(days=published.weekday())
    if relation == "last" and published.weekday() >= 5:
        # On a weekend the working week just ended is "last week": "last
        # Friday" in a Sunday story is the day before yesterday to everyone.
        monday += dt.timedelta(days=7)
    if relation == "next":
        other = monday + dt.timedelta(days=7 + target)
        if other == read:
            other = monday + dt.timedelta(days=target)  # this week's, if still ahead
            if other <= published:
                other = read
    elif relation == "last":
        other = monday + dt.timedelta(days=target - 7)
        if other == read:
            other = monday + dt.timedelta(days=target)  # this week's, if already past
            if other >= published:
                other = read
    else:  # "this": the one of this calendar week (read), or the nearest ahead
        other = published + dt.timedelta(days=(target - published.weekday()) % 7)
    return read, other


def _day(date: dt.date) -> str:
    return f"{date:%A}, {date:%B} {date.day}"


class AmbiguousWeekday(DocumentRule):
    code = "FL305"
    name = "ambiguous-weekday"
    severity = Severity.INFO
    requires = ("dates", "quotes")

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        published = document.metadata.published
        if published is None:
            return
        quotes = sorted((q.start, q.end) for q in facts.get_list("quotes"))
        index = 0
        for expression in facts.get_list("dates"):  # in text order, as quotes are
            if expression.kind != "weekday" or not expression.value:
                continue
            relation = expression.text.split()[0].lower()
            if relation not in ("next", "last", "this"):
                continue
            while index < len(quotes) and quotes[index][1] <= expression.start:
                index += 1
            if index < len(quotes) and quotes[index][0] <= expression.start:
                continue  # inside a direct quotation
            target = WEEKDAYS.index(expression.weekday.lower())
            read, other = readings(
                relation, target, published, dt.date.fromisoformat(expression.value)
            )
            if read == other:
                continue  # both readings agree: no doubt for the reader
            weekday = expression.weekday.capitalize()
            if abs((read - published).days) <= 7:
                advice = f'"{weekday}" alone'
            else:
                advice = f'the date ("{read:%B} {read.day}")'
            yield self.finding(
                document,
                expression.start,
                expression.end,
                f'"{expression.text}" can be read as {_day(read)} or {_day(other)};'
                f" factlint read {_day(read)}, {read.year} (publication date"
                f" {_day(published)}); AP style: write {advice}",
                subject=relation,
            )


RULE = AmbiguousWeekday
