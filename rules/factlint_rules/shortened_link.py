"""A link-shortener URL (bit.ly, t.co, tinyurl.com, ...) instead of the source.

**What it flags.** A link whose host is a URL shortener or a social
network's redirect service.

A link in someone else's words is left alone: inside quotation marks, or
in an embedded post (a tweet quoted with its "— Name (@handle) date"
sign-off, or a ``<tweet>`` or ``<blockquote>`` element), since the story
cannot change what was posted.

**Why.** A shortened link hides where it leads, so neither an editor nor a
reader can judge the source from the link; shorteners also shut down (goo.gl
did) and every link through them dies with them.

**Example.**

    the Milwaukee Journal Sentinel reported Tuesday (http://bit.ly/2te2fFQ ).

**Fix.** Open the short link and cite the address it redirects to:

    the Milwaukee Journal Sentinel reported Tuesday (https://www.jsonline.com/story/...).

**Options.** ``extra-hosts``: more shortener hosts to flag.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from factlint import Document, DocumentRule, Facts, Finding, Severity, lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar

SHORTENER_HOSTS = frozenset(
    [
        "bit.ly",
        "bitly.com",
        "bit.do",
        "t.co",
        "tinyurl.com",
        "goo.gl",
        "ow.ly",
        "buff.ly",
        "is.gd",
        "v.gd",
        "lnkd.in",
        "dlvr.it",
        "trib.al",
        "tiny.cc",
        "rebrand.ly",
        "shorturl.at",
        "cutt.ly",
        "rb.gy",
        "t.ly",
        "s.id",
        "bl.ink",
        "j.mp",
        "fb.me",
        "amzn.to",
        "wp.me",
        "su.pr",
        "qr.ae",
        "po.st",
        "x.co",
        "mcaf.ee",
        "ift.tt",
        "spr.ly",
        "hubs.ly",
        "hubs.la",
        "soo.gd",
        "clck.ru",
        "shorte.st",
        "adf.ly",
        "tr.im",
        "u.to",
        "snip.ly",
        "bitly.is",
        "1url.com",
        "db.tt",
    ]
)


def url_host(url: str) -> str:
    """The lower-cased host of a URL ('' if it has none)."""
    rest = url.split("://", 1)[1] if "://" in url else url
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0]
    return host.lower().removeprefix("www.")


# An embedded post: a <tweet> or <blockquote> element, or a tweet's sign-off
# "— Name (@handle) June 29, 2016".
_EMBED = lazy.re(r"<(?:tweet|blockquote)\b|\(@\w+\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}", re.I)


def in_quoted_words(text: str, start: int) -> bool:
    """The link is in someone else's words: inside quotation marks or an
    embedded post in its paragraph, which the story cannot change."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", start)
    paragraph = text[para_start : para_end if para_end >= 0 else len(text)]
    if _EMBED.search(paragraph):
        return True
    before = text[para_start:start]
    if before.count("\u201c") > before.count("\u201d"):
        return True
    return before.count('"') % 2 == 1


class ShortenedLink(DocumentRule):
    code = "FL402"
    name = "shortened-link"
    severity = Severity.WARNING
    requires = ("links",)
    options: ClassVar[Mapping[str, Any]] = {"extra_hosts": ()}

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        hosts = SHORTENER_HOSTS | {h.lower() for h in self.settings["extra_hosts"]}
        text = document.prose
        for link in facts.get_list("links"):
            host = url_host(link.url)
            if host in hosts and not in_quoted_words(text, link.start):
                yield self.finding(
                    document,
                    link.start,
                    link.end,
                    f"{host} is a link shortener; cite the address it leads to",
                )


RULE = ShortenedLink
