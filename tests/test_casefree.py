"""Case-insensitive scanning on lower-cased text finds what IGNORECASE finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import casefree
from factlint.facts.dates import _pattern as date_pattern

SPEECH = casefree.compile(r"\b(?:said|Told|according to|reportedly)\b|(?P<year>(?:19|20)\d\d)")
WORDS = ["said", "SAID", "Told", "told", "according to", "Reportedly", "July 4", "Tuesday",
         "last WEEK", "1999", "İstanbul", "Zürich", "the", "Fourth of July", " ", ", ", ".\n"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_same_spans_and_text_as_ignorecase(parts: list[str]) -> None:
    text = " ".join(parts)
    for pattern in (SPEECH, date_pattern()):
        as_written = pattern.ignorecase()
        expected = [(m.span(), m.group(), m.groupdict()) for m in as_written.finditer(text)]
        found = [(m.span(), m.group(), m.groupdict()) for m in pattern.finditer(text)]
        assert found == expected


def test_groups_read_the_text_as_written() -> None:
    m = SPEECH.search("The mayor SAID so in 2017.")
    assert m is not None and m.group() == "SAID" and m.start() == 10
    year = SPEECH.search("Elected in 2017.")
    assert (
        year is not None and year.group("year") == "2017" and year.groupdict() == {"year": "2017"}
    )
