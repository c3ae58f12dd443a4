"""A URL that cannot work: a broken scheme, no host, a space, an unbalanced bracket.

**What it flags.** Links whose address is broken as written:
``htp://example.com`` or ``http//example.com`` (scheme typos),
``https://`` with no host, a host such as ``example..com`` or one with no
dot, a space inside a Markdown link's address, and an opening bracket with
no closing one swallowed into the address. Sentence punctuation after a bare
URL (``see https://example.com.``) is not part of the URL and is never
flagged. The message quotes the whole link, then what is wrong with it.

**Why.** A reader who follows the link gets an error page, and a
fact-checker cannot reach the source.

**Example.**

    The report is at http//www.example.org/report.pdf.

**Fix.** Correct the address (``http://www.example.org/report.pdf``).
``factlint check --fix`` corrects a mistyped ``http``/``https`` scheme when
the rest of the address is sound; nothing else is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint import Document, DocumentRule, Edit, Facts, Finding, Fix, Severity, lazy
from factlint.facts.links import quote_url

_GOOD_SCHEME = lazy.re(r"^(?:https?|ftp)://(?!/)", re.I)
# Labels of letters, digits and inner hyphens (any script), a top-level label of letters.
_HOST = lazy.re(r"^(?:[^\W_](?:[^\W_]|-){0,62}(?<!-)\.)+[^\W\d_]{2,63}\.?$")
_TYPO_SCHEME = lazy.re(r"^h+t*p+(?P<s>s?)(?:[:;]/{1,3}|//)", re.I)
_IPV4 = lazy.re(r"^\d{1,3}(?:\.\d{1,3}){3}$")


def problem_with(url: str) -> str | None:
    """Why ``url`` cannot work, or None if it looks fine."""
    lower = url.lower()
    if lower.startswith("www."):
        url = "http://" + url
    elif not _GOOD_SCHEME.match(url):
        scheme = re.match(r"^[^/]*/*", url)
        shown = scheme.group() if scheme else url
        return f'malformed scheme "{shown}" (expected "http://" or "https://")'
    if any(c.isspace() for c in url):
        return "the address contains a space"
    rest = url.split("://", 1)[1]
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1]
    if host.startswith("["):
        return None  # IPv6 literal
    host = host.split(":", 1)[0]
    if not host:
        return "the address has no host"
    if host.lower() != "localhost" and not _IPV4.match(host) and not _HOST.match(host):
        return f'"{host}" is not a valid host name'
    for open_, close in (("(", ")"), ("[", "]")):
        if url.count(open_) > url.count(close):
            return f'unbalanced "{open_}" in the address'
    return None


def repaired_scheme(url: str) -> str | None:
    """The URL with a typo'd web scheme corrected, if the rest is a sound URL.

    ``htp://`` and ``http//`` become ``http://``, ``https;//`` becomes
    ``https://``. Nothing else is guessed.
    """
    m = _TYPO_SCHEME.match(url)
    if not m:
        return None
    candidate = f"http{'s' if m['s'] else ''}://{url[m.end() :]}"
    return candidate if problem_with(candidate) is None else None


def _looks_like_url(url: str) -> bool:
    lower = url.lower()
    return "//" in lower[:9] or ":/" in lower[:9] or ";/" in lower[:9] or lower.startswith("www.")


class MalformedLink(DocumentRule):
    code = "FL403"
    name = "malformed-link"
    severity = Severity.ERROR
    requires = ("links",)
    fixable = True

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        for link in facts.get_list("links"):
            if not _looks_like_url(link.url):
                continue  # a relative Markdown link
            if "..." in link.url or "…" in link.url:
                continue  # truncated-link's case
            problem = problem_with(link.url)
            if problem:
                repaired = repaired_scheme(link.url)
                fix = None
                if repaired:
                    fix = Fix(
                        f"write {repaired}", (Edit(link.start, link.end, repaired),), safe=True
                    )
                yield self.finding(
                    document,
                    link.start,
                    link.end,
                    f"malformed link {quote_url(link.url)}: {problem}",
                    fix=fix,
                )


RULE = MalformedLink
