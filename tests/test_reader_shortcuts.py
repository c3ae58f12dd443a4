"""The readers' shortcuts give what the patterns they replace give."""

from __future__ import annotations

import re

import pytest
import yaml

from factlint import safe_yaml
from factlint.errors import InputError
from factlint.metadata import _TIMESTAMP_LINE, _match_at_a_line_start
from factlint.readers import _simple_front_matter, split_front_matter
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


# Read by the shortcut (the first eight blocks below).
_SHORTCUT_BLOCKS = 8


@pytest.mark.parametrize(
    ("number", "block"),
    list(
        enumerate(
            [
                "date: 2017-03-09",
                'date: 2017-03-09\ntitle: "Bahia Cocoa Review"',
                'title: "a: b # c"',
                'title: ""',
                'title: "a  b "',
                'title: "x"\ntitle: "y"',
                'byline: "By Ann Lee"\ndate: 1987-02-26',
                'title: "Ünïcode ☃ 𝔘"',
                # read by YAML, not the shortcut: other values, keys YAML reads as
                # no string, characters YAML folds or refuses, dates no calendar has
                'title: "tab\there"',
                'title: "line\u2028separator"',
                'yes: "x"',
                'null: "x"',
                "date: 2017-02-30",
                "date: 0000-01-01",
                "date: 2017-03-09 10:00",
                "title: plain words",
                "tags: [a, b]",
                "",
            ]
        )
    ),
)
def test_simple_front_matter_reads_as_yaml(number: int, block: str) -> None:
    text = f"---\n{block}\n---\nBody.\n"
    simple = _simple_front_matter(block)
    assert (simple is not None) == (number < _SHORTCUT_BLOCKS)  # taken where it can be
    if simple is not None:
        assert simple == safe_yaml.load(block, fast=True)
        assert [type(v) for v in simple.values()] == [
            type(v) for v in safe_yaml.load(block).values()
        ]
    try:
        expected: object = safe_yaml.load(block, fast=True) or {}
    except yaml.YAMLError:
        with pytest.raises(InputError):
            split_front_matter("a.md", text)
        return
    front, body_start = split_front_matter("a.md", text)
    assert front == expected
    assert text[body_start:] == "Body.\n"
