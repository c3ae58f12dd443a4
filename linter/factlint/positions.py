"""Offsets to 1-based lines and columns, computed only when reporting.

Columns count Unicode code points (what Python's ``str`` indexes), so ``é``
is one column and an emoji is one column. ``\\n``, ``\\r\\n`` and a lone
``\\r`` each end a line.
"""

from __future__ import annotations

import bisect

from factlint import lazy

_LINE_BREAK = lazy.re(r"\r\n|\r|\n")


class LineIndex:
    """Maps character offsets of one text to (line, column), both 1-based."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
        self._length = len(text)

    def line_column(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._length))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[max(0, min(line - 1, len(self._starts) - 1))]

    @property
    def line_count(self) -> int:
        return len(self._starts)
