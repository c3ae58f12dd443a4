"""Helpers to build a Document's prose mask."""

from __future__ import annotations


def blank(chars: list[str], start: int, end: int) -> None:
    """Replace ``chars[start:end]`` by spaces, keeping line breaks."""
    for i in range(max(0, start), min(end, len(chars))):
        if chars[i] not in "\r\n":
            chars[i] = " "


def initial_prose(text: str) -> list[str]:
    """The text as a mutable list, carriage returns normalised for regexes.

    ``\\r\\n`` becomes `` \\n`` and a lone ``\\r`` becomes ``\\n``, keeping the
    length, so extractors only ever meet ``\\n``.
    """
    chars = list(text)
    if "\r" in text:
        for i, c in enumerate(chars):
            if c == "\r":
                chars[i] = " " if i + 1 < len(chars) and text[i + 1] == "\n" else "\n"
    return chars
