"""Acronyms: each capitalised abbreviation in prose, and where (if anywhere)
the document spells it out.

An acronym counts as spelled out by "Immigration and Customs Enforcement
(ICE)", "ICE (Immigration and Customs Enforcement)", or simply by a
capitalised phrase whose initials make it ("Milwaukee Police Department" for
MPD), with small words (of, and, the, for, on, in, de, la) skipped. Text in
capitals (headlines, "FULL TEXT"), the dateline, Roman numerals and links are
not acronyms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from factlint.document import Document
from factlint.facts import Facts

# Two to six capitals (digits and & inside), an optional plural s; or dotted
# forms such as U.N. (dotted forms are left to the allowlist).
_ACRONYM = re.compile(r"(?<![\w&.-])([A-Z][A-Z0-9&]{1,5})(s?)(?![\w&-]|\.\w)")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_SMALL = r"(?:(?:of|and|the|for|on|in|to|de|la|del|y|&)\s+)*"
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Acronym:
    start: int
    end: int
    text: str
    expansion: str | None  # the spelled-out form found in the document
    expansion_start: int | None


def _capitals_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.6


def _expansion(acronym: str, prose: str) -> re.Match[str] | None:
    letters = [c for c in acronym if c.isalpha()]
    if len(letters) < 2:
        return None
    words = [rf"{c}[\w'’-]*" for c in letters]
    pattern = r"\b" + (r"\s+" + _SMALL).join(words) + r"\b"
    return re.search(pattern, prose)


class AcronymExtractor:
    name = "acronyms"
    requires: tuple[str, ...] = ("links",)

    def extract(self, document: Document, facts: Facts) -> list[Any]:
        prose = document.prose
        skip = [(link.start, link.end) for link in facts.get_list("links")]
        if document.metadata.dateline_span:
            skip.append(document.metadata.dateline_span)
        for line in _LINE.finditer(prose):
            if _capitals_line(line.group()):
                skip.append((line.start(), line.end()))
        found: list[Acronym] = []
        expansions: dict[str, re.Match[str] | None] = {}
        for m in _ACRONYM.finditer(prose):
            token = m.group(1)
            if _ROMAN.match(token) or any(a <= m.start() < b for a, b in skip):
                continue
            if _next_to_capitals(prose, m.start(), m.end()):
                continue
            if token not in expansions:
                expansions[token] = _expansion(token, prose)
            exp = expansions[token]
            found.append(
                Acronym(
                    m.start(),
                    m.end(1),
                    token,
                    exp.group() if exp else None,
                    exp.start() if exp else None,
                )
            )
        return found


_CAPS_WORD = re.compile(r"[A-Z][A-Z'’]+\b")


def _next_to_capitals(prose: str, start: int, end: int) -> bool:
    """True inside a run of capitalised words ("FULL TEXT", "USA TODAY")."""
    before = prose[max(0, start - 30) : start].rstrip(" :,-—")
    after = prose[end : end + 30].lstrip(" :,-—")
    last = before.rsplit(None, 1)[-1] if before.split() else ""
    first = after.split(None, 1)[0] if after.split() else ""
    return bool(
        _CAPS_WORD.fullmatch(last.strip('"“”(')) or _CAPS_WORD.fullmatch(first.strip('"“”).,;:'))
    )
