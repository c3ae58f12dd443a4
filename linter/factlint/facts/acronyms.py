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
_CAP_WORD = r"[A-Z][\w'’-]*"
_CAP_PHRASE = re.compile(rf"\b{_CAP_WORD}(?:[ \t]+{_SMALL}{_CAP_WORD})+")
_CAP_WORD_IN_PHRASE = re.compile(_CAP_WORD)
_LETTER = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-Z]")


@dataclass(frozen=True)
class Acronym:
    start: int
    end: int
    text: str
    expansion: str | None  # the spelled-out form found in the document
    expansion_start: int | None


def _capitals_line(line: str) -> bool:
    """A line mostly in capitals (a headline, a label), where every word looks like an acronym."""
    letters = len(_LETTER.findall(line))
    return letters >= 8 and len(_UPPER.findall(line)) / letters > 0.6


def spelled_out_forms(prose: str, wanted: set[str] | None = None) -> dict[str, tuple[int, str]]:
    """Initials of every run of capitalised words → (offset, phrase), earliest first.

    "Milwaukee Police Department" gives MPD, MP, PD and so on, small words
    skipped, so each acronym is one dictionary look-up. With ``wanted``, only
    those initials are kept.
    """
    forms: dict[str, tuple[int, str]] = {}
    for m in _CAP_PHRASE.finditer(prose):
        words = list(_CAP_WORD_IN_PHRASE.finditer(m.group()))
        for i in range(len(words) - 1):
            initials = words[i].group()[0]
            for j in range(i + 1, min(len(words), i + 6)):
                initials += words[j].group()[0]
                if initials in forms or (wanted is not None and initials not in wanted):
                    continue
                start = m.start() + words[i].start()
                forms[initials] = (start, m.group()[words[i].start() : words[j].end()])
    return forms


class AcronymExtractor:
    name = "acronyms"
    requires: tuple[str, ...] = ("links",)

    def extract(self, document: Document, facts: Facts) -> list[Any]:
        prose = document.prose
        matches = [m for m in _ACRONYM.finditer(prose) if not _ROMAN.match(m.group(1))]
        if not matches:
            return []
        skip = [(link.start, link.end) for link in facts.get_list("links")]
        if document.metadata.dateline_span:
            skip.append(document.metadata.dateline_span)
        forms: dict[str, tuple[int, str]] | None = None
        wanted = {"".join(c for c in m.group(1) if c.isalpha()) for m in matches}
        capitals: dict[int, bool] = {}
        found: list[Acronym] = []
        for m in matches:
            if any(a <= m.start() < b for a, b in skip):
                continue
            line_start = prose.rfind("\n", 0, m.start()) + 1
            if line_start not in capitals:
                line_end = prose.find("\n", m.start())
                line = prose[line_start : line_end if line_end >= 0 else len(prose)]
                capitals[line_start] = _capitals_line(line)
            if capitals[line_start] or _next_to_capitals(prose, m.start(), m.end()):
                continue
            if forms is None:
                forms = spelled_out_forms(prose, wanted)
            token = m.group(1)
            spelled = forms.get("".join(c for c in token if c.isalpha()))
            found.append(
                Acronym(
                    m.start(),
                    m.end(1),
                    token,
                    spelled[1] if spelled else None,
                    spelled[0] if spelled else None,
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
