"""Relative dates in a story with no publication date to read them against.

**What it flags.** A story that says "Tuesday", "last month" or "July 4"
(no year) but states no date of its own, so those dates cannot be resolved
or checked. One finding per story, at the first such expression.

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


class NoDateline(DocumentRule):
    code = "FL304"
    name = "no-dateline"
    severity = Severity.INFO
    requires = ("dates",)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        if document.metadata.published is not None:
            return
        for expression in facts.get_list("dates"):
            if expression.value is None and expression.kind in (
                "weekday",
                "relative",
                "absolute",
                "month",
            ):
                yield self.finding(
                    document,
                    expression.start,
                    expression.end,
                    f'"{expression.text}" cannot be resolved: the story states no publication date;'
                    " add front matter `date: YYYY-MM-DD` or run with --date",
                )
                return


RULE = NoDateline
