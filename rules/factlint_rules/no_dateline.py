"""Relative dates in a story with no publication date to read them against.

**What it flags.** A story that says "Tuesday", "last month" or "July 4"
(no year) but states no date of its own, so those dates cannot be resolved
or checked. One finding per story, at the first such expression, with the
others (up to ten) as related places. A date word in capitals is a name
("USA TODAY"), not a date.

**Why.** "Tuesday" means nothing once a story is archived, syndicated or
republished; factlint never guesses from the clock.

**Example.** A draft with no date that says "the council voted Tuesday".

**Fix.** Give the story its date: front matter ``date: 2017-07-04``, a
first line ``date 2017-07-04``, a timestamp line near the top, or
``factlint check --date 2017-07-04``.
"""

from __future__ import annotations

from collections.abc import Iterator

from factlint import Document, DocumentRule, Facts, Finding, Severity
from factlint.rules import related_at


class NoDateline(DocumentRule):
    code = "FL304"
    name = "no-dateline"
    severity = Severity.INFO
    requires = ("dates",)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        if document.metadata.published is not None:
            return
        unresolved = [
            expression
            for expression in facts.get_list("dates")
            if expression.value is None
            and expression.kind in _RELATIVE_KINDS
            and not expression.text.isupper()  # "USA TODAY": a name, not a date
        ]
        if not unresolved:
            return
        first, others = unresolved[0], unresolved[1:]
        more = f" ({len(others)} more in this story)" if others else ""
        yield self.finding(
            document,
            first.start,
            first.end,
            f'"{first.text}" cannot be resolved: the story states no publication date{more};'
            " add front matter `date: YYYY-MM-DD` or run with --date",
            related=[
                related_at(document, e.start, e.end, f'"{e.text}" cannot be resolved either')
                for e in others[:MAX_RELATED]
            ],
        )


_RELATIVE_KINDS = ("weekday", "relative", "absolute", "month")
#: The other unresolved dates listed with the story's one finding.
MAX_RELATED = 10


RULE = NoDateline
