"""Readers turn a file's decoded text into a :class:`~factlint.document.Document`.

A reader is any object with ``name``, ``suffixes`` and ``read(path, text)``;
plugins contribute more through the ``factlint_readers`` hook.
"""

from __future__ import annotations

import datetime as dt
import re

from factlint import lazy
from factlint.document import Document, Metadata
from factlint.errors import InputError
from factlint.masking import blank, initial_prose
from factlint.metadata import detect

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Protocol
else:
    Protocol = object  # what the protocol promises is for type checkers only


class Reader(Protocol):
    name: str
    suffixes: tuple[str, ...]

    def read(self, path: str, text: str) -> Document: ...


_FRONT_MATTER = lazy.re(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n|\A)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)


def html_comments(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of ``<!-- ... -->`` comments, in one pass (linear time).

    ``<!--.*?-->`` as a pattern rescans the rest of the text from every
    opener with no closer: 20,000 ``<!--`` took minutes.
    """
    spans: list[tuple[int, int]] = []
    pos = start
    while True:
        opened = text.find("<!--", pos)
        if opened < 0:
            return spans
        closed = text.find("-->", opened + 4)
        if closed < 0:
            return spans  # no closer anywhere after: no more comments
        spans.append((opened, closed + 3))
        pos = closed + 3


def split_front_matter(path: str, text: str) -> tuple[dict[str, Any], int]:
    """Parse YAML front matter; return it and the offset where the body starts."""
    if not text.startswith("---"):
        return {}, 0
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    simple = _simple_front_matter(m[1])
    if simple is not None:
        return simple, m.end()
    import yaml

    from factlint import safe_yaml

    try:
        # libyaml's safe loader when PyYAML was built with it: ~10x faster.
        data = safe_yaml.load(m[1], fast=True)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(path, f"front matter: {where}{problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(path, "front matter: expected a mapping of keys to values")
    return data, m.end()


# One line of the commonest front matter: ``date: 2017-03-09`` or
# ``title: "Words"`` (a double-quoted string with no escapes).
_SIMPLE_LINE = lazy.re(r'([a-z][a-z_]*): (?:"([^"\\]*)"|([0-9]{4})-([0-9]{2})-([0-9]{2}))')
# Keys that YAML reads as no string (true, false, null).
_NOT_STRINGS = frozenset({"yes", "no", "true", "false", "on", "off", "null"})


def _simple_front_matter(block: str) -> dict[str, Any] | None:
    """Front matter made only of lines such as ``date: 2017-03-09`` and
    ``title: "Words"`` read without YAML, to the same values (a date, a
    string), five times faster; None for anything else, which YAML reads."""
    data: dict[str, Any] = {}
    for line in block.split("\n"):
        m = _SIMPLE_LINE.fullmatch(line)
        if not m or m[1] in _NOT_STRINGS:
            return None
        if m[2] is not None:
            if not m[2].isprintable():
                return None  # a tab, a line separator, a control character
            data[m[1]] = m[2]
        else:
            try:
                data[m[1]] = dt.date(int(m[3]), int(m[4]), int(m[5]))
            except ValueError:
                return None  # YAML names the line of a date no calendar has
    return data


def build_document(
    path: str, text: str, fmt: str, chars: list[str], front: dict[str, Any], body_start: int
) -> Document:
    """Detect metadata, mask comments, and freeze the Document."""
    blank(chars, 0, body_start)
    found = detect(text, chars, body_start, front)
    for start, end in html_comments(text, body_start):
        blank(chars, start, end)
    metadata = Metadata(
        published=found.published,
        date_source=found.date_source,
        dateline=found.dateline,
        dateline_span=found.dateline_span,
        dateline_end=found.dateline_end,
        title=found.title,
        front_matter=front,
    )
    return Document(path=path, text=text, format=fmt, prose="".join(chars), metadata=metadata)


class PlainTextReader:
    """Plain text: everything is prose except front matter, the metadata
    header lines and ``<!-- ... -->`` comments (used for suppressions)."""

    name = "text"
    suffixes: tuple[str, ...] = (".txt", ".text")

    def read(self, path: str, text: str) -> Document:
        front, body_start = split_front_matter(path, text)
        return build_document(path, text, self.name, initial_prose(text), front, body_start)
