"""The readers' shortcuts give what the patterns they replace give."""

from __future__ import annotations

import re

import pytest

from factlint.metadata import _TIMESTAMP_LINE, _match_at_a_line_start
from factlint.readers.markdown import MarkdownReader, _may_hold_code

_CODE_PATTERN = re.compile(r"[`<~]|^(?: {4}|\t)", re.M)

_TEXTS = [
    "",
    "plain words\n\nand more",
    "    indented at the start",
    "\tA tab at the start",
    "x\n    indented later",
    "x\n\ttab later",
    "x    four spaces inside a line",
    "a `code` span",
    "an <b>html</b> tag",
    "~~~\nfence\n~~~",
    "---\ntitle: x\n---\n    indented after front matter",
    "line\r\n    after a carriage return",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_may_hold_code_is_the_pattern(text: str) -> None:
    for start in range(len(text) + 1):
        assert _may_hold_code(text, start) == bool(_CODE_PATTERN.search(text, start))


def test_indented_code_after_front_matter_is_masked() -> None:
    doc = MarkdownReader().read("a.md", "---\ntitle: x\n---\n    Tuesday code\n\nOn Monday.\n")
    assert "Tuesday" not in doc.prose
    assert "Monday" in doc.prose


_STAMPED = [
    "Title\nJuly 4, 2017, at 3:31 p.m.\n\nBody",
    "date: 2017-03-09 Title\nPublished: March 9, 2017 10:02 AM\nBody",
    "no stamp here\nat all\n",
    "July 4, 2017\n",
    "Title  July 4, 2017\nMarch 9, 2017\n",
    "\n\n  Tuesday, July 4, 2017 \n",
]


@pytest.mark.parametrize("text", _STAMPED)
def test_timestamp_at_line_starts_is_the_search(text: str) -> None:
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            found = _TIMESTAMP_LINE.search(text, start, end)
            shortcut = _match_at_a_line_start(_TIMESTAMP_LINE, text, start, end)
            assert (found and found.span()) == (shortcut and shortcut.span())
