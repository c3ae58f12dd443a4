"""Links: bare URLs, Markdown links and autolinks, with exact spans.

A bare URL in prose ends before punctuation that belongs to the sentence: a
final period or comma, a closing parenthesis with no opening one inside the
URL, closing quotes. ``start``/``end`` cover the URL itself.
"""

from __future__ import annotations

import re

from factlint import lazy
from factlint.document import Document
from factlint.facts import Facts
from factlint.records import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@record(frozen=True, slots=True)
class Link:
    start: int
    end: int
    url: str
    kind: str  # "bare", "markdown" or "autolink"
    text: str = ""  # the link text of a Markdown link


# A Markdown link or image: [text](destination "title"). The destination may
# hold a space (a malformed link the rules report), so it is split afterwards.
_MD_LINK = lazy.re(
    r"!?\[(?P<text>[^\[\]\n]{0,500})\]\((?P<dest>[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)"
)
_TITLE = lazy.re(r"\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\))\s*$")
_AUTOLINK = lazy.re(r"<(?P<url>[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
# Scheme URLs and www. hosts. A URL runs to whitespace or to characters that
# cannot appear unescaped in one; sentence punctuation is trimmed afterwards.
# Typo'd schemes ("htp://", "http//", "https;//") are caught too, for FL403.
_BARE = lazy.re(r"(?<![\w@/.-])(?:(?:h+t*p+s?|ftp)(?:[:;]/{1,3}|//)|www\.)[^\s<>\"“”‘’`]*", re.I)
_TRAILING = ".,;:!?'»›"


#: A link is quoted whole in messages up to here (a hostile input may hold a
#: megabyte without a space); a real address is almost always shorter.
QUOTED = 300


def quote_url(url: str) -> str:
    """The whole link in quotation marks, for a message: ``"https://..."``, or
    its first 300 characters and how many more there are."""
    if len(url) <= QUOTED:
        return f'"{url}"'
    return f'"{url[:QUOTED]}" (and {len(url) - QUOTED} more characters)'


def trim_url(url: str) -> str:
    """Drop sentence punctuation and unbalanced closing brackets from the end."""
    while url:
        if url.endswith("..."):
            break  # an ellipsis marks a cut-short URL; keep it for the rules
        last = url[-1]
        unbalanced = (last == ")" and url.count(")") > url.count("(")) or (
            last == "]" and url.count("]") > url.count("[")
        )
        if last in _TRAILING or unbalanced:
            url = url[:-1]
        else:
            break
    return url


class LinkExtractor:
    name = "links"
    requires: tuple[str, ...] = ()

    def extract(self, document: Document, facts: Facts) -> list[Any]:
        prose = document.prose
        if "://" not in prose and "www." not in prose.lower():
            return []
        links: list[Link] = []
        taken: list[tuple[int, int]] = []
        if document.format == "markdown":
            for m in _MD_LINK.finditer(prose):
                dest = m["dest"]
                title = _TITLE.search(dest)
                url = dest[: title.start()] if title else dest
                start = m.start("dest") + len(url) - len(url.lstrip())
                url = url.strip()
                if url.startswith("<") and url.endswith(">"):
                    url, start = url[1:-1], start + 1
                if url and not url.startswith("#"):
                    links.append(Link(start, start + len(url), url, "markdown", m["text"]))
                taken.append((m.start(), m.end()))
            for m in _AUTOLINK.finditer(prose):
                links.append(Link(m.start("url"), m.end("url"), m["url"], "autolink"))
                taken.append((m.start(), m.end()))
        for m in _BARE.finditer(prose):
            if any(a <= m.start() < b for a, b in taken):
                continue
            url = trim_url(m.group())
            if len(url) <= len("www."):
                continue
            links.append(Link(m.start(), m.start() + len(url), url, "bare"))
        links.sort(key=lambda link: link.start)
        return links
