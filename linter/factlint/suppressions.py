"""Inline suppressions, written as HTML comments in Markdown and plain text.

``<!-- factlint: disable FL401 -->`` ... ``<!-- factlint: enable FL401 -->``
turns codes off for a stretch of text (to the end of the file if never
enabled again); ``<!-- factlint: disable-next-line FL401 -->`` for the next
non-blank line; ``<!-- factlint: disable-line FL401 -->`` for its own line.
With no codes, a directive covers every rule. In a plain-text file the same
comment, on a line of its own, works the same way and is not prose.
"""

from __future__ import annotations

import re

from factlint import lazy
from factlint.positions import LineIndex
from factlint.records import field, record

_DIRECTIVE = lazy.re(
    r"<!--\s*factlint:\s*(?P<verb>disable-next-line|disable-line|disable|enable)\b"
    r"(?P<codes>[^>]{0,2000}?)-->"
)  # bounded, one lazy part: no backtracking between two runs of spaces
ALL_CODES = "*"


@record
class Suppression:
    """One directive: the codes it covers and the span of text it covers."""

    codes: tuple[str, ...]
    start: int
    end: int
    directive_start: int
    directive_end: int
    used: set[str] = field(default_factory=set)

    def covers(self, code: str, offset: int) -> bool:
        return self.start <= offset < self.end and (ALL_CODES in self.codes or code in self.codes)


def parse_suppressions(text: str) -> list[Suppression]:
    if "factlint:" not in text:
        return []
    lines = LineIndex(text)
    found: list[Suppression] = []
    open_: dict[str, Suppression] = {}
    # The last look-ahead: lines scanned_from..blank_until-1 are all blank, so
    # directives piled up before one paragraph do not rescan the same blanks.
    scanned_from = blank_until = 0
    for m in _DIRECTIVE.finditer(text):
        codes = tuple(c for c in re.split(r"[\s,]+", m["codes"].strip().upper()) if c) or (
            ALL_CODES,
        )
        verb = m["verb"]
        line, _ = lines.line_column(m.start())
        if verb == "disable-line":
            start = lines.line_start(line)
            end = lines.line_start(line + 1) if line < lines.line_count else len(text)
            found.append(Suppression(codes, start, end, m.start(), m.end()))
        elif verb == "disable-next-line":
            target = line + 1
            if scanned_from <= target <= blank_until:
                target = blank_until
            else:
                scanned_from = target
            while target <= lines.line_count and not _line_text(text, lines, target).strip():
                target += 1
            blank_until = target
            start = lines.line_start(target) if target <= lines.line_count else len(text)
            end = lines.line_start(target + 1) if target < lines.line_count else len(text)
            found.append(Suppression(codes, start, end, m.start(), m.end()))
        elif verb == "disable":
            fresh = tuple(code for code in codes if code not in open_)
            if fresh:
                sup = Suppression(fresh, m.end(), len(text), m.start(), m.end())
                found.append(sup)
                for code in fresh:
                    open_[code] = sup
        else:  # enable
            # A directive's span ends at its first matching enable; a
            # directive disabling several codes ends when any is enabled.
            for code in codes if codes != (ALL_CODES,) else tuple(open_):
                if code in open_:
                    open_.pop(code).end = m.start()
    return found


def _line_text(text: str, lines: LineIndex, line: int) -> str:
    start = lines.line_start(line)
    end = lines.line_start(line + 1) if line < lines.line_count else len(text)
    return text[start:end]


def is_suppressed(suppressions: list[Suppression], code: str, offset: int) -> bool:
    for sup in suppressions:
        if sup.covers(code, offset):
            sup.used.add(code)
            return True
    return False
