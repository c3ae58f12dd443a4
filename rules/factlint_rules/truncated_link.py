"""A link cut short with "..." or "…", so it leads nowhere.

**What it flags.** A URL with an ellipsis in it, as left behind when a link
is copied from a display that shortens long addresses:
``https://www.usnews.com/news/best-sta...in-to-pressure``.

**Why.** The ellipsis is not part of the address; the link is broken and
the reader cannot reach the source the story cites.

**Example.**

    Read the original: https://www.usnews.com/news/best-sta...in-to-pressure

**Fix.** Paste the full address from the source page:

    Read the original: https://www.usnews.com/news/best-states/wisconsin/articles/...

(no automatic fix: only the source knows the missing part).
"""

from __future__ import annotations

from collections.abc import Iterator

from factlint import Document, DocumentRule, Facts, Finding, Severity
from factlint.facts.links import quote_url

ELLIPSES = ("...", "…", "%E2%80%A6", "%e2%80%a6")


class TruncatedLink(DocumentRule):
    code = "FL401"
    name = "truncated-link"
    severity = Severity.ERROR
    requires = ("links",)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        for link in facts.get_list("links"):
            for mark in ELLIPSES:
                at = link.url.find(mark)
                if at >= 0:
                    yield self.finding(
                        document,
                        link.start,
                        link.end,
                        f'link {quote_url(link.url)} is cut short ("{mark}" stands for a missing'
                        " part); use the full address of the source",
                    )
                    break


RULE = TruncatedLink
